/* page_staff_follow_up.c — the shared follow-up view of commissioned staff (GET /enhet/personal,
 * every assistant, companion, contact person, relief worker and support family in force
 * for the persons the user works with, relatives first and marked, with what each lacks —
 * plan, visit, time report, register extracts. Officers and unit managers see
 * the same. ?alla=1 shows also those lacking nothing. Must not: judge what is missing (the
 * service does), touch SQL, or write user data except through the escaping writer. */
#include <string.h>

#include "web/assistance_internal.h"

bool page_staff_follow_up(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  const char *all_q = http_query(req, "alla");
  bool all = all_q && strcmp(all_q, "1") == 0;
  StaffFollowUp *rows;
  size_t n;
  if (!svc_staff_follow_up(&s, 0, !all, req->arena, &rows, &n, e)) return false;
  page_begin(req, resp, "Uppföljning av assistenter och uppdragstagare", NAV_FOLLOW_UP);
  Str *o = &resp->body;
  html_raw(o, "<h1>Uppföljning av assistenter och uppdragstagare</h1>\n"
              "<p>Handläggare och enhetschefer ser samma lista <span class=\"rule\">R-051</span>. "
              "Anhöriganställda följs upp som kommunens egna assistenter: genomförandeplan, "
              "uppföljningsbesök och tidrapport varje månad <span class=\"rule\">R-070</span>. "
              "Uppdrag för barn kräver utdrag ur belastningsregistret "
              "<span class=\"rule\">R-088</span>.</p>\n");
  if (all)
    html_raw(o, "<p><a href=\"/enhet/personal\">Visa bara uppdrag där något saknas</a></p>\n");
  else
    html_raw(o, "<p><a href=\"/enhet/personal?alla=1\">Visa alla gällande uppdrag</a></p>\n");
  if (n == 0) {
    html_printf(o, "<p class=\"muted\" id=\"inga-uppdrag\">%s</p>\n",
                all ? "Inga uppdrag gäller i dag." : "Inget saknas för gällande uppdrag.");
    page_end(req, resp);
    return true;
  }
  html_raw(o, "<table id=\"personal\">\n<caption>Gällande uppdrag</caption>\n<thead><tr>"
              "<th scope=\"col\">Namn</th><th scope=\"col\">Anhörig</th>"
              "<th scope=\"col\">Uppdrag</th><th scope=\"col\">Person</th>"
              "<th scope=\"col\">Utförare</th><th scope=\"col\">Saknas</th></tr></thead>\n"
              "<tbody>\n");
  for (size_t i = 0; i < n; i++) {
    const StaffFollowUpRow *r = &rows[i].row;
    html_printf(o,
                "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td>"
                "<td><a href=\"/person/%lld/assistans\">%s</a></td>"
                "<td><a href=\"/utforare/%lld/ivo\">%s</a></td><td>",
                r->name, r->is_relative ? "Ja" : "Nej", asst_web_staff_role(r->role),
                (long long)r->person_id, rows[i].person_name, (long long)r->provider_id,
                r->provider_name);
    asst_web_gaps(o, &rows[i]);
    html_raw(o, "</td></tr>\n");
  }
  html_raw(o, "</tbody>\n</table>\n");
  page_end(req, resp);
  return true;
}
