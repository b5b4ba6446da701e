/* page_work.c — Mitt arbete: what is due and overdue for me, most urgent first, each with its rule
 * and its one-sentence explanation, and what is wrong in my cases; for unit
 * managers also the unit's new orders, the contacts and plans due, and decisions with repeated
 * refusals; for officers the open notices to Försäkringskassan on their cases
 * (R-110–R-112). */
#include <stdlib.h>
#include <string.h>

#include "web/page_cache.h"
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
    html_printf(
        o, "</td><td>%s <span class=\"rule\">%s</span><br><span class=\"muted\">%s</span></td>",
        web_deadline_kind_name(r->kind), r->rule, web_insats_name(r->insats));
    html_printf(
        o, "<td><a href=\"/person/%lld\">%s</a><br><a href=\"/case/%lld\">Ärende %lld</a></td>",
        (long long)r->person_id, r->person_name, (long long)r->case_id, (long long)r->case_id);
    html_printf(o, "<td>%s</td></tr>\n", r->explanation);
  }
  html_raw(o, "</tbody>\n</table>\n");
}

/* Findings in my open cases that are not deadlines but must be put right (shown when any). */
static bool my_problems(Svc *s, Str *o, Arena *a, Err *e) {
  OfficerProblemRow *p;
  size_t n;
  if (!svc_my_case_problems(s, 100, a, &p, &n, e)) return false;
  if (n == 0) return true;
  html_raw(o, "<h2>Brister i mina ärenden</h2>\n<ul>\n");
  for (size_t i = 0; i < n; i++)
    html_printf(o,
                "<li><a href=\"/case/%lld\">%s, ärende %lld</a>: %s <span class=\"rule\">%s</span>"
                "</li>\n",
                (long long)p[i].case_id, p[i].person_name, (long long)p[i].case_id, p[i].message,
                p[i].rule);
  html_raw(o, "</ul>\n");
  return true;
}

/* Försäkringskassan's open notices on the officer's cases, only when there are
 * any: a notice without a due date is to be sent as soon as possible. */
static bool fk_section(Svc *s, Arena *a, Str *o, Err *e) {
  FkOpenRow *rows;
  size_t n;
  if (!svc_fk_open_mine(s, a, &rows, &n, e)) return false;
  if (n == 0) return true;
  html_raw(o, "<h2>Anmälningar till Försäkringskassan</h2>\n<table>\n<thead><tr>"
              "<th scope=\"col\">Blankett</th><th scope=\"col\">Senast</th>"
              "<th scope=\"col\">Person och ärende</th></tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < n; i++) {
    const FkOpenRow *r = &rows[i];
    /* the form is the row's header (and keeps these rows apart from the duties' rows) */
    html_printf(o,
                "<tr><th scope=\"row\"><a href=\"/fk/%lld/blankett\">FK %s</a> "
                "<span class=\"rule\">%s</span><br><span class=\"muted\">%s</span></th><td>",
                (long long)r->n.id, r->n.form, r->n.rule, web_insats_name(r->insats));
    if (date_is_set(r->n.due_on))
      web_date(o, r->n.due_on);
    else
      html_raw(o, "Snarast");
    html_printf(o,
                "</td><td><a href=\"/person/%lld/fk\">%s %s</a><br><a href=\"/case/%lld\">"
                "Ärende %lld</a></td></tr>\n",
                (long long)r->n.person_id, r->given_name, r->family_name, (long long)r->case_id,
                (long long)r->case_id);
  }
  html_raw(o, "</tbody>\n</table>\n");
  return true;
}

/* ?sida=N (from 1); absent is the first page. Not a number is a bad address, said plainly. */
static bool page_number(const HttpReq *req, int *page, Err *e) {
  const char *v = http_query(req, "sida");
  *page = 1;
  if (!v) return true;
  char *end = NULL;
  long x = *v ? strtol(v, &end, 10) : 0;
  if (!*v || *end || x < 1 || x > SVC_WORKLIST_PAGES_MAX)
    return err_set(e, ERR_INVALID, "sida", "", "Sidan finns inte: ange en sida från 1 till %d.",
                   SVC_WORKLIST_PAGES_MAX);
  *page = (int)x;
  return true;
}

/* Which rows this page shows, and links to the pages before and after it. */
static void pager(Str *o, const char *list, int page, size_t shown, bool more) {
  if (page == 1 && !more) return;
  html_printf(o, "<nav class=\"pager\" aria-label=\"Sidor i %s\"><p>", list); /* unique landmarks */
  if (shown)
    html_printf(o, "Visar %d–%d. ", (page - 1) * SVC_WORKLIST_PAGE + 1,
                (page - 1) * SVC_WORKLIST_PAGE + (int)shown);
  if (page > 1) html_printf(o, "<a href=\"/?sida=%d\" rel=\"prev\">Föregående sida</a> ", page - 1);
  if (more) html_printf(o, "<a href=\"/?sida=%d\" rel=\"next\">Visa fler</a>", page + 1);
  html_raw(o, "</p></nav>\n");
}

static bool work_page(HttpReq *req, HttpResp *resp, Svc *sp, Err *e) {
  Svc s = *sp;
  Arena *a = req->arena;
  WorkList w;
  int page;
  /* a page of each list: the whole list was 100 KB of HTML that no one reads to the end */
  if (!page_number(req, &page, e) || !svc_worklist_page(&s, page, a, &w, e)) return false;
  page_begin(req, resp, "Mitt arbete", NAV_WORK);
  Str *o = &resp->body;
  html_raw(o, "<h1>Mitt arbete</h1>\n");
  page_flash(req, resp);
  char today[DATE_STRLEN];
  html_printf(o,
              "<p class=\"muted\">I dag är det %s. Försenat överst, sedan det som snart ska vara "
              "klart och det som ska vara klart inom 30 dagar.</p>\n",
              date_format(s.today, today));
  /* new orders and repeated refusals are short lists: on the first page only */
  if (s.role == ROLE_UNIT_MANAGER && page == 1) {
    NewOrderRow *orders;
    size_t n;
    if (!svc_orders_new(&s, a, &orders, &n, e)) return false;
    html_raw(o, "<h2>Nya beställningar</h2>\n");
    if (n == 0)
      html_raw(o, "<p class=\"muted\">Inga nya beställningar.</p>\n");
    else {
      html_raw(
          o, "<table>\n<thead><tr><th scope=\"col\">Skickad</th><th scope=\"col\">Insats</th>"
             "<th scope=\"col\">Person</th><th scope=\"col\">Beslut</th></tr></thead>\n<tbody>\n");
      for (size_t i = 0; i < n; i++) {
        html_raw(o, "<tr><td>");
        web_date(o, orders[i].sent_on);
        html_printf(o, "</td><td>%s</td><td><a href=\"/person/%lld\">%s %s</a></td>",
                    web_insats_name(orders[i].insats), (long long)orders[i].person_id,
                    orders[i].given_name, orders[i].family_name);
        html_printf(o, "<td><a href=\"/decision/%lld/verkstall\">Beslut ",
                    (long long)orders[i].decision_id);
        web_date(o, orders[i].decided_on);
        html_raw(o, "</a></td></tr>\n");
      }
      html_raw(o, "</tbody>\n</table>\n");
    }
  }
  if ((s.role == ROLE_OFFICER || s.role == ROLE_UNIT_MANAGER) && page == 1) {
    FollowUpViewRec *sig;
    size_t n;
    if (!svc_execution_signals(&s, a, &sig, &n, e)) return false;
    if (n > 0) {
      html_raw(
          o,
          "<h2>Upprepade avböjanden att följa upp <span class=\"rule\">R-043</span></h2>\n<ul>\n");
      for (size_t i = 0; i < n; i++)
        html_printf(
            o,
            "<li><a href=\"/decision/%lld/verkstall\">%s %s – %s</a>: %d avböjda erbjudanden sedan "
            "senaste uppföljningen.</li>\n",
            (long long)sig[i].decision_id, sig[i].given_name, sig[i].family_name,
            web_insats_name(sig[i].insats), sig[i].refusals_pending);
      html_raw(o, "</ul>\n");
    }
  }
  if (s.role == ROLE_OFFICER && page == 1 && !my_problems(&s, o, a, e)) return false;
  if (s.role == ROLE_OFFICER && page == 1 && !fk_section(&s, a, o, e)) return false;
  if (s.role == ROLE_OFFICER || s.role == ROLE_UNIT_MANAGER) {
    const char *mine = s.role == ROLE_OFFICER ? "Mina frister" : "Mina frister som handläggare";
    deadline_table(o, mine, w.mine, w.n_mine);
    pager(o, mine, page, w.n_mine, w.more_mine);
    if (s.role == ROLE_UNIT_MANAGER) {
      deadline_table(o, "Enhetens frister", w.unit, w.n_unit);
      pager(o, "Enhetens frister", page, w.n_unit, w.more_unit);
    }
  } else {
    html_raw(o, "<p>Din roll arbetar inte med enskilda ärenden. Rapporter och administration "
                "finns i menyn.</p>\n");
  }
  page_end(req, resp);
  return true;
}

/* The lists are read in one group, whose audit events (the repeated refusals are a read of
 * persons' records, R-133) are committed before the page is sent; the first page, opened again
 * with nothing changed, comes from memory with those events logged again (page_cache.h). */
bool page_work(HttpReq *req, HttpResp *resp, Err *e) {
  if (page_cache_show(req, resp, "work", e)) return true;
  ArenaMark m = arena_mark(req->arena);
  Svc s = web_svc(req);
  SvcReads reads;
  if (!svc_reads_begin(&s, &reads, e)) return false;
  bool ok = work_page(req, resp, &s, e);
  SvcReadStamp *stamp = arena_alloc(req->arena, sizeof *stamp);
  Err end;
  err_clear(&end);
  if (!web_reads_end(req, &s, stamp, &end) && ok) {
    *e = end;
    return false;
  }
  if (!ok) return false;
  page_cache_put(req, resp, "work", stamp);
  page_release_since(req, resp, m);
  return true;
}
