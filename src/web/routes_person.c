/* routes_person.c — the person pages' routes (to be filled by the pages of this area). */
#include "web/web.h"

const WebRoutes web_routes_person = {NULL, 0};
