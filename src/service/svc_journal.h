/* svc_journal.h — use cases for journal entries (journal_svc.c). Included by service.h. */
#ifndef INSATS_SERVICE_SVC_JOURNAL_H
#define INSATS_SERVICE_SVC_JOURNAL_H

#include "service/svc_base.h"

#endif
