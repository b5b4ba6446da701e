/* svc_execution.h — use cases for execution, interruptions, offers, implementation plans, follow-up, review, individual plans (execution_svc.c). Included by service.h. */
#ifndef INSATS_SERVICE_SVC_EXECUTION_H
#define INSATS_SERVICE_SVC_EXECUTION_H

#include "service/svc_base.h"

#endif
