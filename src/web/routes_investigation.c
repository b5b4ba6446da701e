/* routes_investigation.c — the investigation pages' routes (to be filled by the pages of this area). */
#include "web/web.h"

const WebRoutes web_routes_investigation = {NULL, 0};
