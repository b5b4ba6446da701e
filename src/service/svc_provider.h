/* svc_provider.h — use cases for providers and assistants (provider_svc.c). Included by service.h. */
#ifndef INSATS_SERVICE_SVC_PROVIDER_H
#define INSATS_SERVICE_SVC_PROVIDER_H

#include "service/svc_base.h"

#endif
