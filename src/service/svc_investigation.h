/* svc_investigation.h — use cases for evidence (certificates, R-075), personkrets, assistance assessment, communication (investigation_svc.c). Included by service.h. */
#ifndef INSATS_SERVICE_SVC_INVESTIGATION_H
#define INSATS_SERVICE_SVC_INVESTIGATION_H

#include "service/svc_base.h"

#endif
