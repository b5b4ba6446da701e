/* svc_person.h — use cases for persons, households, representatives, consents, access facts, break-glass (person_svc.c). Included by service.h. */
#ifndef INSATS_SERVICE_SVC_PERSON_H
#define INSATS_SERVICE_SVC_PERSON_H

#include "service/svc_base.h"

#endif
