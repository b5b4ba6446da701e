/* routes_execution.c — the execution pages' routes (to be filled by the pages of this area). */
#include "web/web.h"

const WebRoutes web_routes_execution = {NULL, 0};
