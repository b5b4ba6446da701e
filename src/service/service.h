/* service.h — the use cases every adapter (web, API, CLI) calls. Each command validates,
 * authorizes, runs in one transaction with its audit event, and commits or rolls back.
 * Must not: know HTTP or HTML, or contain SQL (store.h is the way to the data). */
#ifndef INSATS_SERVICE_SERVICE_H
#define INSATS_SERVICE_SERVICE_H

#include "service/svc_base.h"

/* Each aggregate's use cases, one header each (<aggregate>_svc.c implements). */
#include "service/svc_admin.h"
#include "service/svc_person.h"
#include "service/svc_case.h"
#include "service/svc_investigation.h"
#include "service/svc_decision.h"
#include "service/svc_execution.h"
#include "service/svc_provider.h"
#include "service/svc_journal.h"
#include "service/svc_deadline.h"
#include "service/svc_demo.h"
#include "service/svc_session.h"
#include "service/svc_payment.h"
#include "service/svc_assistance.h"
#include "service/svc_invoice.h"

#endif
