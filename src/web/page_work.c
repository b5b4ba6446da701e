/* page_work.c — Mitt arbete: what is due and overdue for me, most urgent first, each with its rule
 * and its one-sentence explanation; for unit managers also the unit's new orders, the contacts
 * and plans due, and decisions with repeated refusals. */
#include <string.h>

#include "web/web.h"


static void deadline_table(Str *o, const char *caption, const DeadlineRow *rows, size_t n) {
  html_printf(o, "<h2>%s</h2>\n", caption);
  if (n == 0) {
    html_raw(o, "<p class=\"muted\">Inget att göra just nu.</p>\n");
    return;
  }
  html_raw(o, "<table>\n<thead><tr><th scope=\"col\">Senast</th><th scope=\"col\">Läge</th>"
              "<th scope=\"col\">Vad</th><th scope=\"col\">Person och ärende</th>"
              "<th scope=\"col\">Varför</th></tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < n; i++) {
    const DeadlineRow *r = &rows[i];
    html_raw(o, "<tr><td>");
    web_date(o, r->due);
    html_raw(o, "</td><td>");
    web_deadline_state(o, r->state);
    html_printf(o, "</td><td>%s <span class=\"rule\">%s</span><br><span class=\"muted\">%s</span></td>",
                web_deadline_kind_name(r->kind), r->rule, web_insats_name(r->insats));
    html_printf(o, "<td><a href=\"/person/%lld\">%s</a><br><a href=\"/case/%lld\">Ärende %lld</a></td>",
                (long long)r->person_id, r->person_name, (long long)r->case_id,
                (long long)r->case_id);
    html_printf(o, "<td>%s</td></tr>\n", r->explanation);
  }
  html_raw(o, "</tbody>\n</table>\n");
}

bool page_work(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  Arena *a = req->arena;
  WorkList w;
  if (!svc_worklist(&s, a, &w, e)) return false;
  page_begin(req, resp, "Mitt arbete", NAV_WORK);
  Str *o = &resp->body;
  html_raw(o, "<h1>Mitt arbete</h1>\n");
  page_flash(req, resp);
  char today[DATE_STRLEN];
  html_printf(o, "<p class=\"muted\">I dag är det %s. Försenat överst, sedan det som snart ska vara "
                 "klart och det som ska vara klart inom 30 dagar.</p>\n",
              date_format(s.today, today));
  if (s.role == ROLE_UNIT_MANAGER) {
    NewOrderRow *orders;
    size_t n;
    if (!svc_orders_new(&s, a, &orders, &n, e)) return false;
    html_raw(o, "<h2>Nya beställningar</h2>\n");
    if (n == 0) html_raw(o, "<p class=\"muted\">Inga nya beställningar.</p>\n");
    else {
      html_raw(o, "<table>\n<thead><tr><th scope=\"col\">Skickad</th><th scope=\"col\">Insats</th>"
                  "<th scope=\"col\">Person</th><th scope=\"col\">Beslut</th></tr></thead>\n<tbody>\n");
      for (size_t i = 0; i < n; i++) {
        html_raw(o, "<tr><td>");
        web_date(o, orders[i].sent_on);
        html_printf(o, "</td><td>%s</td><td><a href=\"/person/%lld\">%s %s</a></td>",
                    web_insats_name(orders[i].insats), (long long)orders[i].person_id,
                    orders[i].given_name, orders[i].family_name);
        html_printf(o, "<td><a href=\"/decision/%lld/verkstall\">Beslut ", (long long)orders[i].decision_id);
        web_date(o, orders[i].decided_on);
        html_raw(o, "</a></td></tr>\n");
      }
      html_raw(o, "</tbody>\n</table>\n");
    }
  }
  if (s.role == ROLE_OFFICER || s.role == ROLE_UNIT_MANAGER) {
    FollowUpViewRec *sig;
    size_t n;
    if (!svc_execution_signals(&s, a, &sig, &n, e)) return false;
    if (n > 0) {
      html_raw(o, "<h2>Upprepade avböjanden att följa upp <span class=\"rule\">R-043</span></h2>\n<ul>\n");
      for (size_t i = 0; i < n; i++)
        html_printf(o, "<li><a href=\"/decision/%lld/verkstall\">%s %s – %s</a>: %d avböjda erbjudanden sedan "
                       "senaste uppföljningen.</li>\n",
                    (long long)sig[i].decision_id, sig[i].given_name, sig[i].family_name,
                    web_insats_name(sig[i].insats), sig[i].refusals_pending);
      html_raw(o, "</ul>\n");
    }
  }
  if (s.role == ROLE_OFFICER || s.role == ROLE_UNIT_MANAGER) {
    deadline_table(o, s.role == ROLE_OFFICER ? "Mina frister" : "Mina frister som handläggare",
                   w.mine, w.n_mine);
    if (s.role == ROLE_UNIT_MANAGER) deadline_table(o, "Enhetens frister", w.unit, w.n_unit);
  } else {
    html_raw(o, "<p>Din roll arbetar inte med enskilda ärenden. Rapporter och administration "
                "finns i menyn.</p>\n");
  }
  page_end(req, resp);
  return true;
}
