/* routes_assistance.c — the personal-assistance area's routes (the person's assistance page,
 * the shared staff follow-up, reports to IVO) and the small renderers its pages share. */
#include <string.h>

#include "web/assistance_internal.h"

bool asst_web_is_refusal(const Err *e) {
  switch (e->code) {
    case ERR_INVALID:
    case ERR_RULE:
    case ERR_CONFLICT:
    case ERR_TOO_LARGE:
      return true;
    case ERR_NOT_FOUND: /* a thing named in a field (a staff member), not the page's object */
      return e->field[0] != '\0' && strcmp(e->field, "id") != 0;
    default:
      return false;
  }
}

void asst_web_minutes(Str *o, int64_t minutes) {
  html_printf(o, "%lld h %02lld min", (long long)(minutes / 60), (long long)(minutes % 60));
}

static const char *lookup(const char *const *pairs, const char *code) {
  for (size_t i = 0; pairs[i]; i += 2)
    if (strcmp(pairs[i], code) == 0) return pairs[i + 1];
  return code;
}

static const char *const stay_kinds[] = {"hospital",
                                         "Sjukhus",
                                         "short_stay",
                                         "Korttidsvistelse",
                                         "other_activity",
                                         "Annan kommunal verksamhet",
                                         "travel",
                                         "Resa",
                                         NULL,
                                         NULL};
static const char *const staff_roles[] = {"assistant",
                                          "Personlig assistent",
                                          "companion",
                                          "Ledsagare",
                                          "contact_person",
                                          "Kontaktperson",
                                          "relief_worker",
                                          "Avlösare",
                                          "support_family",
                                          "Stödfamilj",
                                          NULL,
                                          NULL};
static const char *const notice_kinds[] = {
    "change",      "Ändring",    "pause", "Uppehåll", "assistant_change", "Byte av assistent",
    "termination", "Uppsägning", NULL,    NULL};

const char *asst_web_stay_kind(const char *kind) {
  return lookup(stay_kinds, kind);
}
void asst_web_gaps(Str *o, const StaffFollowUp *f) {
  if (f->n_gaps == 0) {
    html_raw(o, "<span class=\"state-met\">Inget</span>");
    return;
  }
  html_raw(o, "<ul class=\"reasons\">");
  for (size_t g = 0; g < f->n_gaps; g++)
    html_printf(o, "<li>%s <span class=\"rule\">%s</span></li>", f->gaps[g], f->gap_rules[g]);
  html_raw(o, "</ul>");
}

const char *asst_web_staff_role(const char *role) {
  return lookup(staff_roles, role);
}
const char *asst_web_notice_kind(const char *kind) {
  return lookup(notice_kinds, kind);
}

static const HttpRoute routes[] = {
    {"GET", "/person/{id}/assistans", page_assistance_view, CAP_PERSON_READ, false},
    {"POST", "/person/{id}/assistans/vistelse", page_assistance_stay, CAP_PERSON_READ, true},
    {"POST", "/person/{id}/assistans/vistelse-slut", page_assistance_stay_end, CAP_PERSON_READ,
     true},
    {"POST", "/person/{id}/assistans/uppdrag", page_assistance_staff, CAP_PERSON_READ, true},
    {"POST", "/person/{id}/assistans/utdrag", page_assistance_extract, CAP_PERSON_READ, true},
    {"POST", "/person/{id}/assistans/besok", page_assistance_visit, CAP_PERSON_READ, true},
    {"POST", "/person/{id}/assistans/varsel", page_assistance_notice, CAP_PERSON_READ, true},
    {"POST", "/person/{id}/assistans/utokning", page_assistance_increase, CAP_DECIDE, true},
    {"GET", "/person/{id}/assistans/utokning/{inc}", page_assistance_increase_letter,
     CAP_PERSON_READ, false},
    {"POST", "/person/{id}/assistans/sip", page_assistance_sip, CAP_PERSON_READ, true},
    {"POST", "/person/{id}/assistans/boende", page_assistance_housing, CAP_PERSON_READ, true},
    {"GET", "/enhet/personal", page_staff_follow_up, CAP_PERSON_READ, false},
    {"GET", "/utforare/{id}/ivo", page_ivo_provider, CAP_PERSON_READ, false},
    {"POST", "/utforare/{id}/ivo", page_ivo_create, CAP_PERSON_READ, true},
    {"GET", "/ivo/{id}", page_ivo_view, CAP_PERSON_READ, false},
    {"POST", "/ivo/{id}/skickad", page_ivo_sent, CAP_PERSON_READ, true},
};
WEB_ROUTES(web_routes_assistance, routes);
