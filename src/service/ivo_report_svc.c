/* ivo_report_svc.c — a doubt about a private provider's suitability, its grounds, the draft
 * report to IVO and when it was sent (R-071: the municipality reports to IVO when a permit
 * holder's suitability is in doubt). See svc_assistance.h. Must not: contain SQL, or send
 * anything (the report is sent by the municipality's registry; this records that it was). */
#include <stdio.h>
#include <string.h>

#include "core/orgnr.h"
#include "service/assistance_internal.h"

#define GROUNDS_MAX 3900
#define SENT_REF_MAX 100

static bool ivo_require_read(Svc *s, Err *e) {
  return svc_require_any(s, CAP_CASE_WRITE | CAP_EXECUTE | CAP_ADMIN | CAP_FINANCE, CAP_CASE_WRITE,
                          e);
}

bool svc_ivo_doubt_record(Svc *s, int64_t provider_id, Date noted_on, const char *grounds,
                          bool is_demo, int64_t *id, Err *e) {
  if (!svc_require_any(s, CAP_CASE_WRITE | CAP_EXECUTE | CAP_ADMIN, CAP_CASE_WRITE, e))
    return false;
  if (!asst_check_past(s, noted_on, "noted_on", "Datum för tveksamheten", e) ||
      !text_check(grounds, "grounds", "Grunder", GROUNDS_MAX, true, true, e))
    return false;
  ProviderRec p;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_provider_get(s->db, provider_id, &p, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "provider_id", "", "Utföraren finns inte.");
  if (ok && strcmp(p.kind, "municipal") == 0)
    ok = err_set(e, ERR_RULE, "provider_id", "R-071",
                 "Kommunens egna enheter har inget tillstånd från IVO att pröva; anmälan gäller "
                 "enskilda tillståndshavare (R-071).");
  ok =
      ok &&
      store_ivo_insert(s->db, provider_id, noted_on, grounds, s->user_id, s->now, is_demo, id, e) &&
      svc_audit(s, "ivo_report.create", "provider", provider_id, 0, "", e);
  return svc_end(s, ok, e);
}

bool svc_ivo_get(Svc *s, int64_t id, IvoReportRec *out, Err *e) {
  if (!ivo_require_read(s, e)) return false;
  bool found = false;
  bool ok = svc_begin(s, false, e) && store_ivo_get(s->db, id, out, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "id", "", "Anmälan finns inte.");
  return svc_end(s, ok, e);
}

bool svc_ivo_list(Svc *s, int64_t provider_id, Arena *a, IvoReportRec **out, size_t *n, Err *e) {
  *out = NULL, *n = 0;
  if (!ivo_require_read(s, e)) return false;
  bool ok = svc_begin(s, false, e) && store_ivo_list(s->db, provider_id, a, out, n, e);
  return svc_end(s, ok, e);
}

bool svc_ivo_draft(Svc *s, int64_t id, Arena *a, char **text, Err *e) {
  *text = NULL;
  if (!ivo_require_read(s, e)) return false;
  IvoReportRec r;
  ProviderRec p;
  bool found = false;
  bool ok = svc_begin(s, false, e) && store_ivo_get(s->db, id, &r, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "id", "", "Anmälan finns inte.");
  ok = ok && store_provider_get(s->db, r.provider_id, &p, &found, e);
  if (!svc_end(s, ok, e)) return false;
  char d1[DATE_STRLEN], d2[DATE_STRLEN], d3[DATE_STRLEN];
  /* the organisationsnummer without the century prefix "16", as IVO writes it */
  const char *nr = strncmp(p.orgnr, "16", 2) == 0 ? p.orgnr + 2 : p.orgnr;
  *text = arena_printf(
      a,
      "Till Inspektionen för vård och omsorg (IVO)\n\n"
      "Anmälan: tveksamhet om en tillståndshavares lämplighet (R-071)\n\n"
      "Tillståndshavare: %s\n"
      "Organisationsnummer: %.6s-%s\n"
      "IVO-tillstånd: %s%s%s%s%s\n\n"
      "Kommunen fick %s kännedom om omständigheter som ger anledning att ifrågasätta "
      "tillståndshavarens lämplighet att bedriva verksamhet med personlig assistans enligt LSS.\n\n"
      "Grunder:\n%s\n\n"
      "Kommunen har inte prövat om omständigheterna påverkar tillståndet; det prövar IVO. "
      "Kommunen står till förfogande för kompletterande uppgifter.\n",
      r.provider_name, nr, strlen(nr) > 6 ? nr + 6 : "",
      p.ivo_permit_no[0] ? p.ivo_permit_no : "inget registrerat",
      date_is_set(p.permit_from) ? ", gäller från " : "",
      date_is_set(p.permit_from) ? date_format(p.permit_from, d1) : "",
      date_is_set(p.permit_to) ? " till och med " : "",
      date_is_set(p.permit_to) ? date_format(p.permit_to, d2) : "", date_format(r.noted_on, d3),
      r.grounds);
  return true;
}

bool svc_ivo_mark_sent(Svc *s, int64_t id, Date sent_on, const char *sent_ref, Err *e) {
  if (!svc_require_any(s, CAP_CASE_WRITE | CAP_EXECUTE | CAP_ADMIN, CAP_CASE_WRITE, e))
    return false;
  if (!asst_check_past(s, sent_on, "sent_on", "Datum då anmälan skickades", e) ||
      !text_check(sent_ref, "sent_ref", "Diarienummer", SENT_REF_MAX, false, false, e))
    return false;
  IvoReportRec r;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_ivo_get(s->db, id, &r, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "id", "", "Anmälan finns inte.");
  if (ok && date_is_set(r.sent_on)) {
    char d[DATE_STRLEN];
    ok = err_set(e, ERR_CONFLICT, "sent_on", "", "Anmälan skickades redan %s.",
                 date_format(r.sent_on, d));
  }
  if (ok && date_before(sent_on, r.noted_on))
    ok = err_set(e, ERR_INVALID, "sent_on", "",
                 "Anmälan kan inte ha skickats före tveksamheten noterades.");
  ok = ok && store_ivo_set_sent(s->db, id, sent_on, sent_ref ? sent_ref : "", e) &&
       svc_audit(s, "ivo_report.sent", "provider", r.provider_id, 0, "", e);
  return svc_end(s, ok, e);
}
