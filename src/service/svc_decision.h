/* svc_decision.h — use cases for decisions, revocations, appeals, orders to the executing unit (decision_svc.c). Included by service.h. */
#ifndef INSATS_SERVICE_SVC_DECISION_H
#define INSATS_SERVICE_SVC_DECISION_H

#include "service/svc_base.h"

#endif
