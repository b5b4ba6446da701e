/* svc_case.h — use cases for cases: applications, applicants, requested insatser, state (case_svc.c). Included by service.h. */
#ifndef INSATS_SERVICE_SVC_CASE_H
#define INSATS_SERVICE_SVC_CASE_H

#include "service/svc_base.h"

#endif
