/* routes_decision.c — the decision area's routes: deciding a requested insats with the letter
 * preview, the decision page with notification, the order to the executing unit, revocation
 * and appeals, and the printable letter. Reading needs CAP_PERSON_READ (unit managers open the
 * decisions ordered from them); every form needs CAP_DECIDE. The service checks the person's
 * access rule on every call. Must not: hold page code (see decision_internal.h). */
#include "web/decision_internal.h"

static const HttpRoute routes[] = {
    {"GET", "/case/{id}/beslut", page_decision_form, CAP_DECIDE, false},
    {"POST", "/case/{id}/beslut", page_decision_create, CAP_DECIDE, true},
    {"GET", "/decision/{id}", page_decision_view, CAP_PERSON_READ, false},
    {"GET", "/decision/{id}/brev", page_letter_view, CAP_PERSON_READ, false},
    {"POST", "/decision/{id}/delgiven", page_decision_notify, CAP_DECIDE, true},
    {"POST", "/decision/{id}/bestall", page_decision_order, CAP_DECIDE, true},
    {"POST", "/decision/{id}/aterkalla", page_decision_revoke, CAP_DECIDE, true},
    {"POST", "/decision/{id}/aterkallelse/delgiven", page_decision_revocation_notify, CAP_DECIDE,
     true},
    {"POST", "/decision/{id}/overklagande", page_decision_appeal, CAP_DECIDE, true},
    {"GET", "/appeal/{id}/omprova", page_appeal_reconsider_form, CAP_DECIDE, false},
    {"POST", "/appeal/{id}/omprova", page_appeal_reconsider, CAP_DECIDE, true},
    {"POST", "/appeal/{id}/overlamna", page_appeal_forward, CAP_DECIDE, true},
    {"POST", "/appeal/{id}/dom", page_appeal_court, CAP_DECIDE, true},
};
WEB_ROUTES(web_routes_decision, routes);
