/* svc_deadline.h — use cases for the materialised deadline table and work lists (deadline_svc.c). Included by service.h. */
#ifndef INSATS_SERVICE_SVC_DEADLINE_H
#define INSATS_SERVICE_SVC_DEADLINE_H

#include "service/svc_base.h"

#endif
