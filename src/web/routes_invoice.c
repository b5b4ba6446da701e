/* routes_invoice.c — the sick-pay invoice area for finance: its route table, the ranked
 * work list and the providers' risk pages; one invoice, the forms and the import are in
 * page_invoice.c. Auditors see the providers' aggregate (no person); every invoice page is
 * finance's. Must not: touch SQL, or deny or pay anything (the score only orders the work). */
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "web/invoice_internal.h"

void invoice_kr(Str *o, int64_t ore) {
  int64_t kr = ore / 100, rest = ore % 100;
  char digits[32];
  int n = snprintf(digits, sizeof digits, "%lld", (long long)kr);
  /* thousands separated by a (non-breaking) space, as Swedish amounts are written */
  for (int i = 0; i < n; i++) {
    if (i > 0 && (n - i) % 3 == 0) html_raw(o, "\xc2\xa0");
    html_printf(o, "%c", digits[i]);
  }
  html_printf(o, ",%02lld\xc2\xa0kr", (long long)rest);
}

void invoice_hours(Str *o, int64_t ch) {
  if (ch % 100)
    html_printf(o, "%lld,%02lld", (long long)(ch / 100), (long long)(ch % 100));
  else
    html_printf(o, "%lld", (long long)(ch / 100));
}

void invoice_reasons(Str *o, const InvoiceScoring *sc, const InvoiceScore *it) {
  if (!it->result.fired) {
    html_raw(o, "<span class=\"muted\">Inga riskindikatorer</span>");
    return;
  }
  char text[400];
  html_raw(o, "<ul class=\"reasons\">");
  for (int k = 0; k < RISK_COUNT; k++) {
    if (!it->result.f[k].fired) continue;
    risk_explain((RiskIndicator)k, &it->facts, &sc->ctx, &sc->policy, text, sizeof text);
    html_printf(o, "<li><strong>%s</strong> (+%d): %s</li>", risk_name((RiskIndicator)k),
                (int)it->result.f[k].points, text);
  }
  html_raw(o, "</ul>");
}

bool invoice_is_refusal(const Err *e) {
  switch (e->code) {
    case ERR_INVALID:
    case ERR_RULE:
    case ERR_CONFLICT:
    case ERR_TOO_LARGE:
      return true;
    case ERR_NOT_FOUND:
      return e->field[0] != '\0' && strcmp(e->field, "id") != 0;
    default:
      return false;
  }
}

static const char *const status_filters[] = {"open",     "questioned", "reported_ivo",
                                             "approved", "all",        NULL};

static const char *status_label(const char *st) {
  return strcmp(st, "all") == 0 ? "Alla" : svc_invoice_status_name(st);
}

static void provider_table(Str *o, const ProviderRisk *pr, size_t n, size_t limit) {
  html_raw(o, "<table id=\"utforare-risk\">\n<caption>Utförare efter risk</caption>\n<thead><tr>"
              "<th scope=\"col\">Utförare</th><th scope=\"col\">Risksumma</th>"
              "<th scope=\"col\">Fakturor</th><th scope=\"col\">Med riskindikator</th>"
              "<th scope=\"col\">Att granska</th><th scope=\"col\">Vanligaste skälen</th>"
              "</tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < n && (!limit || i < limit); i++) {
    html_printf(o,
                "<tr><th scope=\"row\"><a href=\"/ekonomi/sjuklon/utforare/%lld\">%s</a></th>"
                "<td>%lld</td><td>%d</td><td>%d</td><td>%d</td><td>",
                (long long)pr[i].provider_id, pr[i].name, (long long)pr[i].score,
                (int)pr[i].invoices, (int)pr[i].flagged, (int)pr[i].open);
    bool any = false;
    for (int k = 0; k < RISK_COUNT; k++) {
      if (!pr[i].fired[k]) continue;
      html_printf(o, "%s%s: %d", any ? "; " : "", risk_name((RiskIndicator)k), (int)pr[i].fired[k]);
      any = true;
    }
    html_raw(o, "</td></tr>\n");
  }
  html_raw(o, "</tbody>\n</table>\n");
}

/* GET /ekonomi/sjuklon: the ranked work list. */
static bool page_invoice_worklist(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  const char *status = http_query(req, "status");
  if (!status || !text_one_of(status, status_filters)) status = "open";
  InvoiceScoring sc;
  ProviderRisk *pr;
  size_t np;
  if (!svc_invoice_worklist_with_risks(&s, status, 0, 200, req->arena, &sc, &pr, &np, e))
    return false;
  page_begin(req, resp, "Sjuklönefakturor", NAV_INVOICE);
  Str *o = &resp->body;
  html_raw(o, "<h1>Sjuklönefakturor</h1>\n");
  page_flash(req, resp);
  html_raw(o, "<p>Fakturorna rangordnas efter risk utifrån namngivna indikatorer. Risken styr "
              "bara i vilken ordning ni granskar: ingen faktura avslås automatiskt "
              "<span class=\"rule\">R-074</span>.</p>\n"
              "<p><a href=\"/ekonomi/sjuklon/ny\">Registrera en faktura</a> · "
              "<a href=\"/ekonomi/sjuklon/import\">Importera fakturor (CSV)</a> · "
              "<a href=\"/ekonomi/sjuklon/utforare\">Alla utförare efter risk</a></p>\n");
  html_printf(o, "<p>Kommunens median för sjuklön: %d,%d %% av fakturerade timmar.</p>\n",
              (int)(sc.ctx.median_share_pm / 10), (int)(sc.ctx.median_share_pm % 10));
  if (np) {
    html_raw(o, "<h2>Utförare med högst risk</h2>\n");
    provider_table(o, pr, np, 5);
  }
  html_raw(o, "<h2 id=\"arbetslista\">Arbetslista</h2>\n<form method=\"get\" "
              "action=\"/ekonomi/sjuklon\" class=\"filter\"><label for=\"status\">Visa</label> "
              "<select id=\"status\" name=\"status\">");
  for (size_t i = 0; status_filters[i]; i++)
    if (strcmp(status_filters[i], status) == 0)
      html_printf(o, "<option value=\"%s\" selected>%s</option>", status_filters[i],
                  status_label(status_filters[i]));
    else
      html_printf(o, "<option value=\"%s\">%s</option>", status_filters[i],
                  status_label(status_filters[i]));
  html_raw(o, "</select> <button type=\"submit\">Visa</button></form>\n");
  if (sc.n == 0) {
    html_raw(o, "<p class=\"muted\">Inga fakturor här.</p>\n");
  } else {
    html_raw(o, "<table id=\"fakturor\">\n<caption>Fakturor, högst risk först</caption>\n<thead>"
                "<tr><th scope=\"col\">Risk</th><th scope=\"col\">Faktura</th>"
                "<th scope=\"col\">Utförare</th><th scope=\"col\">Period</th>"
                "<th scope=\"col\">Belopp</th><th scope=\"col\">Status</th>"
                "<th scope=\"col\">Skäl</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < sc.n; i++) {
      const InvoiceScore *it = &sc.items[i];
      char f[DATE_STRLEN], t[DATE_STRLEN];
      html_printf(o,
                  "<tr><td>%d</td><th scope=\"row\"><a href=\"/ekonomi/sjuklon/faktura/%lld\">"
                  "%s</a></th><td><a href=\"/ekonomi/sjuklon/utforare/%lld\">%s</a></td>"
                  "<td>%s–%s</td><td>",
                  (int)it->result.score, (long long)it->id, it->inv.invoice_no,
                  (long long)it->provider_id, it->inv.provider_name,
                  date_format(it->inv.period_from, f), date_format(it->inv.period_to, t));
      invoice_kr(o, it->inv.amount_ore);
      html_printf(o, "</td><td>%s</td><td>", svc_invoice_status_name(it->inv.status));
      invoice_reasons(o, &sc, it);
      html_raw(o, "</td></tr>\n");
    }
    html_raw(o, "</tbody>\n</table>\n");
  }
  page_end(req, resp);
  return true;
}

/* GET /ekonomi/sjuklon/utforare: every provider with invoices, riskiest first. */
static bool page_invoice_providers(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  ProviderRisk *pr;
  size_t np;
  RiskContext ctx;
  if (!svc_invoice_provider_risks(&s, 0, req->arena, &pr, &np, &ctx, e)) return false;
  page_begin(req, resp, "Utförare efter risk", NAV_INVOICE);
  Str *o = &resp->body;
  html_raw(o, "<p><a href=\"/ekonomi/sjuklon\">Tillbaka till sjuklönefakturor</a></p>\n"
              "<h1>Utförare efter risk</h1>\n<p>Risksumman är summan av poängen för utförarens "
              "fakturor; kolumnen till höger visar på hur många fakturor varje indikator slog "
              "till <span class=\"rule\">R-074</span>.</p>\n");
  if (np == 0)
    html_raw(o, "<p class=\"muted\">Inga sjuklönefakturor än.</p>\n");
  else
    provider_table(o, pr, np, 0);
  page_end(req, resp);
  return true;
}

/* GET /ekonomi/sjuklon/utforare/{id}: one provider's risk with its reasons. */
static bool page_invoice_provider(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  int64_t id = http_param(req, "id");
  ProviderRisk *pr;
  size_t np;
  RiskContext ctx;
  /* finance sees the invoices too, from the same scoring; the auditor aggregates only */
  bool finance = (role_caps(s.role) & CAP_FINANCE) != 0;
  InvoiceScoring sc;
  if (finance ? !svc_invoice_worklist_with_risks(&s, "all", id, 0, req->arena, &sc, &pr, &np, e)
              : !svc_invoice_provider_risks(&s, id, req->arena, &pr, &np, &ctx, e))
    return false;
  if (finance) ctx = sc.ctx;
  if (np == 0) return err_set(e, ERR_NOT_FOUND, "id", "", "Utföraren har inga sjuklönefakturor.");
  const ProviderRisk *p = &pr[0];
  page_begin(req, resp, p->name, NAV_INVOICE);
  Str *o = &resp->body;
  html_printf(o,
              "<p><a href=\"/ekonomi/sjuklon\">Tillbaka till sjuklönefakturor</a></p>\n"
              "<h1>%s</h1>\n",
              p->name);
  html_printf(o,
              "<dl class=\"facts\"><dt>Risksumma</dt><dd>%lld</dd><dt>Högsta poäng på en "
              "faktura</dt><dd>%d</dd><dt>Fakturor</dt><dd>%d, varav %d med riskindikator och %d "
              "att granska</dd><dt>Sjuklön</dt><dd>",
              (long long)p->score, (int)p->max_score, (int)p->invoices, (int)p->flagged,
              (int)p->open);
  invoice_hours(o, p->sick_ch);
  html_raw(o, " av ");
  invoice_hours(o, p->invoiced_ch);
  int32_t share = risk_share_pm(p->sick_ch, p->invoiced_ch);
  html_printf(o,
              " fakturerade timmar (%d,%d %%; kommunens median %d,%d %%)</dd>"
              "<dt>Fakturerat belopp för sjuklön</dt><dd>",
              (int)(share / 10), (int)(share % 10), (int)(ctx.median_share_pm / 10),
              (int)(ctx.median_share_pm % 10));
  invoice_kr(o, p->amount_ore);
  html_raw(o, "</dd></dl>\n<h2 id=\"skal\">Skäl</h2>\n<table id=\"indikatorer\">\n<caption>Hur "
              "ofta varje riskindikator slog till</caption>\n<thead><tr><th scope=\"col\">"
              "Indikator</th><th scope=\"col\">Fakturor</th></tr></thead>\n<tbody>\n");
  for (int k = 0; k < RISK_COUNT; k++)
    html_printf(o, "<tr><th scope=\"row\">%s</th><td>%d av %d</td></tr>\n",
                risk_name((RiskIndicator)k), (int)p->fired[k], (int)p->invoices);
  html_raw(o, "</tbody>\n</table>\n");
  if (finance) {
    html_raw(o, "<h2 id=\"fakturor\">Fakturor, högst risk först</h2>\n<table>\n<caption>"
                "Utförarens sjuklönefakturor</caption>\n<thead><tr><th scope=\"col\">Risk</th>"
                "<th scope=\"col\">Faktura</th><th scope=\"col\">Status</th>"
                "<th scope=\"col\">Skäl</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < sc.n; i++) {
      const InvoiceScore *it = &sc.items[i];
      html_printf(o,
                  "<tr><td>%d</td><th scope=\"row\"><a href=\"/ekonomi/sjuklon/faktura/%lld\">"
                  "%s</a></th><td>%s</td><td>",
                  (int)it->result.score, (long long)it->id, it->inv.invoice_no,
                  svc_invoice_status_name(it->inv.status));
      invoice_reasons(o, &sc, it);
      html_raw(o, "</td></tr>\n");
    }
    html_raw(o, "</tbody>\n</table>\n");
  }
  page_end(req, resp);
  return true;
}

static const HttpRoute routes[] = {
    {"GET", "/ekonomi/sjuklon", page_invoice_worklist, CAP_FINANCE, false},
    {"GET", "/ekonomi/sjuklon/ny", page_invoice_new, CAP_FINANCE, false},
    {"POST", "/ekonomi/sjuklon/ny", page_invoice_create, CAP_FINANCE, true},
    {"GET", "/ekonomi/sjuklon/import", page_invoice_import_form, CAP_FINANCE, false},
    {"POST", "/ekonomi/sjuklon/import", page_invoice_import, CAP_FINANCE, true},
    {"GET", "/ekonomi/sjuklon/faktura/{id}", page_invoice_view, CAP_FINANCE, false},
    {"POST", "/ekonomi/sjuklon/faktura/{id}/atgard", page_invoice_act, CAP_FINANCE, true},
    /* aggregates only: auditors too */
    {"GET", "/ekonomi/sjuklon/utforare", page_invoice_providers, CAP_REPORTS, false},
    {"GET", "/ekonomi/sjuklon/utforare/{id}", page_invoice_provider, CAP_REPORTS, false},
};
WEB_ROUTES(web_routes_invoice, routes);

/* the import is a file upload: room for the largest file the service takes */
const HttpUpload web_invoice_uploads[1] = {
    {"/ekonomi/sjuklon/import", SVC_INVOICE_IMPORT_MAX_BYTES + 64 * 1024}};
