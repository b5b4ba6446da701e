/* page_invoice.c — one sick-pay invoice with every indicator and its numbers and finance's action
 * form; registering one invoice; importing a CSV file as a file upload (multipart/form-data, the
 * route allows a body as large as the import's limit).
 * Must not: touch SQL, or decide what the service decides. */
#include <stdio.h>
#include <string.h>

#include "web/invoice_internal.h"

// clang-format off
static const char *const action_options[] = {
    "approved",     "Godkänd – betalas",
    "questioned",   "Ifrågasatt – begär underlag av utföraren",
    "reported_ivo", "Anmäld till IVO",
    NULL,           NULL};
// clang-format on

static const char *action_name(const char *a) {
  return svc_invoice_status_name(a);
}

static bool view_render(HttpReq *req, HttpResp *resp, const Err *err, Err *e) {
  Svc s = web_svc(req);
  int64_t id = http_param(req, "id");
  InvoiceScoring sc;
  InvoiceScore it;
  InvoiceActionRec *acts;
  size_t nacts;
  if (!svc_invoice_view(&s, id, req->arena, &sc, &it, &acts, &nacts, e)) return false;
  char title[96];
  snprintf(title, sizeof title, "Faktura %s", it.inv.invoice_no);
  page_begin(req, resp, title, NAV_INVOICE);
  Str *o = &resp->body;
  char d1[DATE_STRLEN], d2[DATE_STRLEN], d3[DATE_STRLEN], d4[DATE_STRLEN], d5[DATE_STRLEN];
  html_printf(o,
              "<p><a href=\"/ekonomi/sjuklon\">Tillbaka till arbetslistan</a></p>\n"
              "<h1>Sjuklönefaktura %s</h1>\n",
              it.inv.invoice_no);
  page_flash(req, resp);
  html_printf(o,
              "<dl class=\"facts\"><dt>Utförare</dt><dd><a href=\"/ekonomi/sjuklon/utforare/"
              "%lld\">%s</a></dd><dt>Person</dt><dd>%s</dd><dt>Assistent</dt><dd>%s</dd>"
              "<dt>Fakturadatum</dt><dd>%s</dd><dt>Period</dt><dd>%s–%s</dd>"
              "<dt>Sjukdagar</dt><dd>%d (%s–%s)</dd><dt>Sjuktimmar</dt><dd>",
              (long long)it.inv.provider_id, it.inv.provider_name, it.inv.person_name,
              it.inv.assistant_name[0] ? it.inv.assistant_name : "–",
              date_format(it.inv.invoice_date, d1), date_format(it.inv.period_from, d2),
              date_format(it.inv.period_to, d3), (int)it.inv.sick_days,
              date_format(it.inv.sick_from, d4), date_format(it.inv.sick_to, d5));
  invoice_hours(o, it.inv.sick_ch);
  html_raw(o, " av ");
  invoice_hours(o, it.inv.invoiced_ch);
  html_raw(o, " fakturerade</dd><dt>Belopp</dt><dd>");
  invoice_kr(o, it.inv.amount_ore);
  html_printf(o, "</dd><dt>Status</dt><dd>%s</dd>", svc_invoice_status_name(it.inv.status));
  if (it.inv.paid_month[0])
    html_printf(o, "<dt>Betald</dt><dd>med avräkningen för %s</dd>", it.inv.paid_month);
  html_printf(o, "<dt>Riskpoäng</dt><dd>%d</dd></dl>\n", (int)it.result.score);
  html_raw(o, "<h2 id=\"indikatorer\">Riskindikatorer</h2>\n<p>Varje indikator med sina siffror. "
              "Poängen rangordnar arbetslistan; beslutet är ert "
              "<span class=\"rule\">R-074</span>.</p>\n<table>\n<caption>Indikatorer för "
              "fakturan</caption>\n<thead><tr><th scope=\"col\">Indikator</th><th scope=\"col\">"
              "Utfall</th><th scope=\"col\">Poäng</th><th scope=\"col\">Underlag</th></tr>"
              "</thead>\n<tbody>\n");
  char text[400];
  for (int k = 0; k < RISK_COUNT; k++) {
    risk_explain((RiskIndicator)k, &it.facts, &sc.ctx, &sc.policy, text, sizeof text);
    if (it.result.f[k].fired)
      html_raw(o, "<tr class=\"fired\">");
    else
      html_raw(o, "<tr>");
    html_printf(o, "<th scope=\"row\">%s</th><td>%s</td><td>%d</td><td>%s</td></tr>\n",
                risk_name((RiskIndicator)k), it.result.f[k].fired ? "Slog till" : "Nej",
                (int)it.result.f[k].points, text);
  }
  html_raw(o, "</tbody>\n</table>\n<h2 id=\"atgarder\">Åtgärder</h2>\n");
  if (nacts == 0)
    html_raw(o, "<p class=\"muted\">Inga åtgärder än.</p>\n");
  else {
    html_raw(o, "<ol class=\"invoice-actions\">\n");
    for (size_t i = 0; i < nacts; i++)
      html_printf(o, "<li>%s – <strong>%s</strong>, %s%s%s</li>\n",
                  date_format(acts[i].acted_on, d1), action_name(acts[i].action), acts[i].by,
                  acts[i].note[0] ? ": " : "", acts[i].note);
    html_raw(o, "</ol>\n");
  }
  html_raw(o, "<h2 id=\"ny-atgard\">Registrera vad som gjorts</h2>\n");
  char action[96];
  snprintf(action, sizeof action, "/ekonomi/sjuklon/faktura/%lld/atgard", (long long)id);
  WebForm f;
  form_begin(&f, req, resp, action, err);
  form_select(&f, "action", "Åtgärd", "", action_options,
              "Anmäl till IVO när utförarens lämplighet kan ifrågasättas (R-071).", true);
  form_textarea(&f, "note", "Anteckning", "",
                "Krävs när fakturan ifrågasätts eller anmäls: vad ni såg och vad ni begärt.",
                false);
  form_end(&f, "Spara åtgärden");
  page_end(req, resp);
  return true;
}

bool page_invoice_view(HttpReq *req, HttpResp *resp, Err *e) {
  return view_render(req, resp, NULL, e);
}

bool page_invoice_act(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  int64_t id = http_param(req, "id");
  Err why;
  err_clear(&why);
  int64_t act = 0;
  if (svc_invoice_act(&s, id, form_get(req, "action"), form_get(req, "note"), &act, &why)) {
    char to[96];
    snprintf(to, sizeof to, "/ekonomi/sjuklon/faktura/%lld?klart=sparat", (long long)id);
    http_resp_redirect(resp, to);
    return true;
  }
  if (!invoice_is_refusal(&why)) {
    *e = why;
    return false;
  }
  resp->status = 422;
  return view_render(req, resp, &why, e);
}

/* ---- one invoice by hand ---- */

static bool new_render(HttpReq *req, HttpResp *resp, const Err *err, Err *e) {
  Svc s = web_svc(req);
  ProviderRec *provs;
  size_t np;
  if (!svc_provider_list(&s, "", req->arena, &provs, &np, e)) return false;
  const char **opts = arena_array(req->arena, 2 * np + 4, sizeof *opts);
  size_t k = 0;
  opts[k++] = "";
  opts[k++] = "Välj utförare";
  for (size_t i = 0; i < np; i++) {
    if (strcmp(provs[i].kind, "municipal") == 0) continue;
    opts[k++] = provs[i].orgnr;
    opts[k++] = provs[i].name;
  }
  opts[k++] = NULL;
  opts[k] = NULL;
  page_begin(req, resp, "Registrera sjuklönefaktura", NAV_INVOICE);
  Str *o = &resp->body;
  html_raw(o, "<p><a href=\"/ekonomi/sjuklon\">Tillbaka till sjuklönefakturor</a></p>\n"
              "<h1>Registrera sjuklönefaktura</h1>\n");
  WebForm f;
  form_begin(&f, req, resp, "/ekonomi/sjuklon/ny", err);
  form_select(&f, "orgnr", "Utförare", "", opts, NULL, true);
  form_text(&f, "personnummer", "Personens personnummer", "", "ÅÅÅÅMMDD-NNNN", true);
  form_text(&f, "assistent", "Sjuk assistent", "", "Namnet som på fakturan (om det anges).", false);
  form_text(&f, "fakturanummer", "Fakturanummer", "", NULL, true);
  form_date(&f, "fakturadatum", "Fakturadatum", "", NULL, true);
  form_date(&f, "period_fran", "Periodens första dag", "", NULL, true);
  form_date(&f, "period_till", "Periodens sista dag", "", NULL, true);
  form_date(&f, "sjuk_fran", "Första sjukdag", "", NULL, true);
  form_date(&f, "sjuk_till", "Sista sjukdag", "", NULL, true);
  form_text(&f, "sjukdagar", "Sjukdagar", "", "Hela dagar.", true);
  form_text(&f, "sjuktimmar", "Sjuktimmar", "", "Timmar med högst två decimaler, t.ex. 12,5.",
            true);
  form_text(&f, "fakturerade_timmar", "Fakturerade timmar för perioden", "",
            "Alla timmar utföraren fakturerat för perioden; sjuklönens andel räknas på dem.", true);
  form_text(&f, "belopp_kr", "Belopp (kr)", "", "Kronor med högst två decimaler.", true);
  form_end(&f, "Registrera fakturan");
  page_end(req, resp);
  return true;
}

bool page_invoice_new(HttpReq *req, HttpResp *resp, Err *e) {
  return new_render(req, resp, NULL, e);
}

bool page_invoice_create(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  InvoiceText t = {form_get(req, "orgnr"),        form_get(req, "personnummer"),
                   form_get(req, "assistent"),    form_get(req, "fakturanummer"),
                   form_get(req, "fakturadatum"), form_get(req, "period_fran"),
                   form_get(req, "period_till"),  form_get(req, "sjuk_fran"),
                   form_get(req, "sjuk_till"),    form_get(req, "sjukdagar"),
                   form_get(req, "sjuktimmar"),   form_get(req, "fakturerade_timmar"),
                   form_get(req, "belopp_kr")};
  Err why;
  err_clear(&why);
  int64_t id = 0;
  if (svc_invoice_record(&s, &t, false, &id, &why)) {
    char to[96];
    snprintf(to, sizeof to, "/ekonomi/sjuklon/faktura/%lld?klart=sparat", (long long)id);
    http_resp_redirect(resp, to);
    return true;
  }
  if (!invoice_is_refusal(&why)) {
    *e = why;
    return false;
  }
  resp->status = 422;
  return new_render(req, resp, &why, e);
}

/* ---- import ---- */

static bool import_render(HttpReq *req, HttpResp *resp, const Err *err, const InvoiceImport *r,
                          Err *e) {
  (void)e;
  page_begin(req, resp, "Importera sjuklönefakturor", NAV_INVOICE);
  Str *o = &resp->body;
  html_raw(o, "<p><a href=\"/ekonomi/sjuklon\">Tillbaka till sjuklönefakturor</a></p>\n"
              "<h1>Importera sjuklönefakturor</h1>\n"
              "<p>Välj fakturafilen (CSV med semikolon, UTF-8, rubrikraden först; formatet "
              "beskrivs i dokumentationen). Hela filen importeras eller ingenting: är någon rad "
              "felaktig visas varje sådan rad med radnummer och skäl "
              "<span class=\"rule\">R-074</span>.</p>\n");
  if (r && r->n_errors) {
    html_printf(o,
                "<h2 id=\"felaktiga-rader\">Felaktiga rader (%zu av %zu)</h2>\n<table>\n"
                "<caption>Rader som måste rättas</caption>\n<thead><tr><th scope=\"col\">Rad"
                "</th><th scope=\"col\">Kolumn</th><th scope=\"col\">Skäl</th></tr></thead>\n"
                "<tbody>\n",
                r->n_errors, r->rows);
    for (size_t i = 0; i < r->n_errors; i++)
      html_printf(o, "<tr><th scope=\"row\">%zu</th><td>%s</td><td>%s</td></tr>\n",
                  r->errors[i].line, r->errors[i].field[0] ? r->errors[i].field : "–",
                  r->errors[i].msg);
    html_raw(o, "</tbody>\n</table>\n");
  }
  form_csv_upload(req, o, "/ekonomi/sjuklon/import", NULL, NULL, "Fakturafil (CSV)",
                  "Semikolonseparerad, UTF-8, högst 16 MiB och 100 000 rader.", err);
  page_end(req, resp);
  return true;
}

bool page_invoice_import_form(HttpReq *req, HttpResp *resp, Err *e) {
  return import_render(req, resp, NULL, NULL, e);
}

bool page_invoice_import(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  const char *csv = form_get(req, "file");
  InvoiceImport r;
  Err why;
  err_clear(&why);
  if (svc_invoice_import(&s, csv, strlen(csv), req->arena, &r, &why)) {
    http_resp_redirect(resp, "/ekonomi/sjuklon?klart=sparat");
    return true;
  }
  if (!invoice_is_refusal(&why)) {
    *e = why;
    return false;
  }
  resp->status = 422;
  return import_render(req, resp, &why, &r, e);
}
