/* routes_decision.c — the decision pages' routes (to be filled by the pages of this area). */
#include "web/web.h"

const WebRoutes web_routes_decision = {NULL, 0};
