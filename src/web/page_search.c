/* page_search.c — search for a person by name or personnummer. The query is posted (POST /sok),
 * never put in a URL, since it may be a personnummer; the service does not log it either.
 * Hits the user may not see (protected identity) show neither name nor number.
 * Must not: put a personnummer in a URL or a log line.
 * NOTE (admin helper): this file was deleted by mistake by the admin helper at 14:41 and rebuilt
 * from its object file (same strings, calls and logic); the owner should check it and drop this
 * note. */
#include <stdio.h>
#include <string.h>

#include "web/person_internal.h"

/* The search form, and the hits when a search was made (searched); err: a malformed query,
 * shown at its field. */
static void search_page(HttpReq *req, HttpResp *resp, const Err *err, const PersonHit *hits,
                        size_t n, bool searched) {
  page_begin(req, resp, "Sök person", NAV_SEARCH);
  Str *o = &resp->body;
  html_raw(o, "<h1>Sök person</h1>\n");
  const WebUser *u = web_user(req);
  bool can_register = u && (role_caps(u->si.role) & CAP_CASE_WRITE);
  WebForm f;
  form_begin(&f, req, resp, "/sok", err);
  form_text(&f, "q", "Namn eller personnummer", "",
            "Del av för- eller efternamn (minst två tecken), eller personnummer ÅÅÅÅMMDD-NNNN.",
            true);
  form_end(&f, "Sök");
  if (can_register) html_raw(o, "<p><a href=\"/person/ny\">Registrera ny person</a></p>\n");
  if (searched) {
    html_printf(o, "<h2 id=\"traffar\">Träffar (%zu)</h2>\n", n);
    if (n == 0) {
      html_raw(o, "<p>Ingen person hittades.");
      if (can_register)
        html_raw(o, " Finns personen inte i systemet kan du <a href=\"/person/ny\">registrera "
                    "personen</a>.");
      html_raw(o, "</p>\n");
    } else {
      if (n >= 50)
        html_raw(o, "<p class=\"muted\">Visar de 50 första träffarna. Skriv mer av namnet för att "
                    "begränsa sökningen.</p>\n");
      html_raw(o, "<table>\n<caption class=\"muted\">Personer som matchar sökningen</caption>\n"
                  "<thead><tr><th scope=\"col\">Namn</th><th scope=\"col\">Personnummer</th>"
                  "<th scope=\"col\">Födelsedatum</th></tr></thead>\n<tbody>\n");
      for (size_t i = 0; i < n; i++) {
        const PersonHit *h = &hits[i];
        if (h->hidden) {
          html_printf(o,
                      "<tr><th scope=\"row\"><a href=\"/person/%lld\">Skyddad identitet</a></th>"
                      "<td>–</td><td>–</td></tr>\n",
                      (long long)h->person.id);
          continue;
        }
        html_printf(o, "<tr><th scope=\"row\"><a href=\"/person/%lld\">", (long long)h->person.id);
        person_name(o, &h->person);
        html_raw(o, "</a>");
        if (h->person.protected_identity)
          html_raw(o, " <span class=\"muted\">(skyddad identitet)</span>");
        html_raw(o, "</th><td>");
        person_pnr(o, &h->person);
        html_raw(o, "</td><td>");
        web_date(o, h->person.birth_date);
        html_raw(o, "</td></tr>\n");
      }
      html_raw(o, "</tbody>\n</table>\n");
    }
  }
  page_end(req, resp);
}

bool page_search_form(HttpReq *req, HttpResp *resp, Err *e) {
  (void)e;
  search_page(req, resp, NULL, NULL, 0, false);
  return true;
}

bool page_search_run(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  PersonHit *hits = NULL;
  size_t n = 0;
  if (!svc_person_search(&s, form_get(req, "q"), req->arena, &hits, &n, e)) {
    if (e->code != ERR_INVALID) return false;
    static const char *const fields[] = {"q", NULL};
    Err why = *e;
    if (!why.field[0]) snprintf(why.field, sizeof why.field, "q");
    person_err_fields(&why, fields);
    err_clear(e);
    resp->status = 422;
    search_page(req, resp, &why, NULL, 0, false);
    return true;
  }
  search_page(req, resp, NULL, hits, n, true);
  return true;
}
