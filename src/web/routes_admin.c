/* routes_admin.c — the admin pages' routes (to be filled by the pages of this area). */
#include "web/web.h"

const WebRoutes web_routes_admin = {NULL, 0};
