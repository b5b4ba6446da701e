/* page_settlement.c — Ekonomi: the monthly settlement of personal assistance: the month's
 * summary and lines, running it again, attestation, the CSV export, the reconciliation (lines
 * with gaps between granted, reported and paid hours, or not payable), a line's detail with why it
 * may not be paid, and higher-rate applications. Must not: compute what the
 * service computes. */
#include <string.h>

#include "web/payment_internal.h"

#define SHOW_MAX 1000 /* lines on one page; the export has them all */

static const char *state_name(const char *state) {
  if (strcmp(state, "draft") == 0) return "utkast (kan köras om)";
  if (strcmp(state, "attested") == 0) return "attesterad (låst)";
  if (strcmp(state, "exported") == 0) return "exporterad (låst)";
  return "inte körd";
}

static void month_picker(Str *o, const char *action, const char *month) {
  html_printf(o,
              "<form method=\"get\" action=\"%s\" class=\"inline\">"
              "<label for=\"manad\">Månad (ÅÅÅÅ-MM)</label> "
              "<input id=\"manad\" name=\"manad\" value=\"%s\" inputmode=\"numeric\" size=\"8\"> "
              "<button type=\"submit\">Visa</button></form>\n",
              action, month);
}

/* Newline-separated sentences as a list. */
static void sentences(Str *o, const char *text) {
  html_raw(o, "<ul>");
  const char *p = text;
  while (*p) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    html_raw(o, "<li>");
    html_textn(o, p, n);
    html_raw(o, "</li>");
    p += n + (nl ? 1 : 0);
  }
  html_raw(o, "</ul>");
}

static bool settlement_render(HttpReq *req, HttpResp *resp, const char *month, const Err *err,
                              Err *e) {
  Svc s = web_svc(req);
  bool gaps = http_query(req, "avvikelser") != NULL;
  SettleSummary sum;
  SettleLineRec *lines;
  size_t n;
  if (!svc_settle_get(&s, month, &sum, e) ||
      !svc_settle_lines(&s, month, 0, gaps, req->arena, &lines, &n, e))
    return false;
  page_begin(req, resp, "Avräkning personlig assistans", NAV_PAYMENT);
  Str *o = &resp->body;
  html_raw(o, "<h1>Avräkning personlig assistans</h1>\n");
  page_flash(req, resp);
  form_error_summary(o, err);
  month_picker(o, "/ekonomi/avrakning", month);
  html_printf(o, "<h2>%s</h2>\n<dl class=\"facts\">\n<dt>Status</dt><dd id=\"status\">%s</dd>\n",
              month, state_name(sum.state));
  if (sum.state[0]) {
    html_raw(o, "<dt>Schablonbelopp <span class=\"rule\">R-142</span></dt><dd>");
    pay_kr(o, sum.schablon_ore);
    html_printf(o,
                " per timme</dd>\n<dt>Rader</dt><dd>%lld, varav %lld kan betalas och %lld har "
                "avvikelser</dd>\n<dt>Att betala</dt><dd id=\"att-betala\">",
                (long long)sum.totals.lines, (long long)sum.totals.payable,
                (long long)sum.totals.flagged);
    pay_kr(o, sum.totals.payable_ore);
    html_raw(o, "</dd>\n");
    if (sum.totals.invoices) { /* sick-pay invoices are paid beside the hours */
      html_printf(o,
                  "<dt>Sjuklönefakturor <span class=\"rule\">R-074</span></dt><dd>%lld, varav "
                  "%lld kan betalas: <span id=\"sjuklon-att-betala\">",
                  (long long)sum.totals.invoices, (long long)sum.totals.invoices_payable);
      pay_kr(o, sum.totals.invoices_payable_ore);
      html_raw(o, "</span></dd>\n");
    }
  }
  html_raw(o, "</dl>\n<p>Varje beslut om personlig assistans som gäller under månaden får en rad: "
              "beviljade timmar, timmar som utföraren rapporterat och timmar som betalas, till "
              "schablonbeloppet eller ett beviljat förhöjt timbelopp, och assistansomkostnader mot "
              "kvitton som enhetschefen godkänt <span class=\"rule\">R-073</span>. När "
              "Försäkringskassan beviljat assistansersättning betalar kommunen de första 20 "
              "timmarna per vecka <span class=\"rule\">R-110</span>.</p>\n");
  bool locked = strcmp(sum.state, "attested") == 0 || strcmp(sum.state, "exported") == 0;
  if (!locked) {
    WebForm f;
    form_begin(&f, req, resp, "/ekonomi/avrakning/kor", NULL);
    form_hidden(&f, "manad", month);
    form_end(&f, sum.state[0] ? "Kör avräkningen igen" : "Kör avräkningen");
  }
  if (strcmp(sum.state, "draft") == 0) {
    WebForm f;
    form_begin(&f, req, resp, "/ekonomi/avrakning/attestera", NULL);
    form_hidden(&f, "manad", month);
    form_end(&f, "Attestera månaden");
  }
  if (locked)
    html_printf(o,
                "<p><a class=\"button\" id=\"export\" href=\"/ekonomi/avrakning/export?manad=%s\">"
                "Hämta CSV-fil till ekonomisystemet</a></p>\n",
                month);
  html_printf(o,
              "<p><a href=\"/ekonomi/timbelopp?manad=%s\">Ansökningar om förhöjt timbelopp</a> · "
              "<a href=\"/ekonomi/daglig-verksamhet?manad=%s\">Habiliteringsersättning</a> · "
              "<a id=\"importera\" href=\"/ekonomi/avrakning/tidrapporter?manad=%s\">Importera "
              "tidrapporter (CSV)</a></p>\n",
              month, month, month);
  if (gaps)
    html_printf(o, "<p><a href=\"/ekonomi/avrakning?manad=%s\">Visa alla rader</a></p>\n", month);
  else
    html_printf(o,
                "<p><a id=\"avstamning\" href=\"/ekonomi/avrakning?manad=%s&amp;avvikelser=1\">"
                "Avstämning: bara rader med avvikelser</a></p>\n",
                month);
  if (n == 0) {
    html_raw(o, "<p class=\"muted\">Inga rader.</p>\n");
    if (!gaps && !settlement_invoices_section(&s, req->arena, o, month, e)) return false;
    page_end(req, resp);
    return true;
  }
  html_printf(o,
              "<table id=\"rader\">\n<caption>%s %s</caption>\n<thead><tr>"
              "<th scope=\"col\">Beslut</th><th scope=\"col\">Utförare</th>"
              "<th scope=\"col\">Beviljat</th><th scope=\"col\">Rapporterat</th>"
              "<th scope=\"col\">Betalt</th><th scope=\"col\">Varav FK</th>"
              "<th scope=\"col\">Belopp</th><th scope=\"col\">Kan betalas</th>"
              "<th scope=\"col\">Avvikelser</th></tr></thead>\n<tbody>\n",
              gaps ? "Avstämning" : "Rader", month);
  for (size_t i = 0; i < n && i < SHOW_MAX; i++) {
    const SettleLineRec *l = &lines[i];
    html_printf(o,
                "<tr><th scope=\"row\"><a href=\"/ekonomi/avrakning/beslut/%lld?manad=%s\">"
                "%lld</a></th><td>%s</td><td>",
                (long long)l->decision_id, month, (long long)l->decision_id,
                l->provider_name[0] ? l->provider_name : "egen regi");
    pay_hours(o, l->granted_minutes);
    html_raw(o, "</td><td>");
    pay_hours(o, l->reported_minutes);
    html_raw(o, "</td><td>");
    pay_hours(o, l->paid_minutes);
    html_raw(o, "</td><td>");
    pay_hours(o, l->fk_minutes);
    html_raw(o, "</td><td>");
    pay_kr(o, l->total_ore);
    if (l->payable)
      html_raw(o, "</td><td class=\"state-met\">Ja</td><td>");
    else if (strstr(l->reasons, "R-071"))
      html_raw(o,
               "</td><td class=\"state-overdue\">Nej <span class=\"rule\">R-071</span></td><td>");
    else
      html_raw(o, "</td><td class=\"state-overdue\">Nej</td><td>");
    html_printf(o, "%s</td></tr>\n", l->flags[0] ? "Ja" : "–");
  }
  html_raw(o, "</tbody>\n</table>\n");
  if (n > SHOW_MAX)
    html_printf(o, "<p class=\"muted\">Visar %d av %zu rader; CSV-filen har alla.</p>\n", SHOW_MAX,
                n);
  if (!gaps && !settlement_invoices_section(&s, req->arena, o, month, e)) return false;
  page_end(req, resp);
  return true;
}

bool page_settlement(HttpReq *req, HttpResp *resp, Err *e) {
  char month[PAY_MONTH_LEN];
  return settlement_render(req, resp, pay_page_month(req, month), NULL, e);
}

static bool month_action(HttpReq *req, HttpResp *resp, bool attest, Err *e) {
  Svc s = web_svc(req);
  char month[PAY_MONTH_LEN];
  const char *m = form_get(req, "manad");
  Err why;
  err_clear(&why);
  SettleSummary sum;
  bool ok = attest ? svc_settle_attest(&s, m, &why) : svc_settle_run(&s, m, &sum, &why);
  if (ok) {
    Str to = STR_INIT;
    str_appendf(&to, "/ekonomi/avrakning?manad=%s&klart=sparat", pay_page_month(req, month));
    http_resp_redirect(resp, str_cstr(&to));
    str_free(&to);
    return true;
  }
  if (!pay_is_refusal(&why)) {
    *e = why;
    return false;
  }
  resp->status = 422;
  return settlement_render(req, resp, pay_page_month(req, month), &why, e);
}

bool page_settlement_run(HttpReq *req, HttpResp *resp, Err *e) {
  return month_action(req, resp, false, e);
}
bool page_settlement_attest(HttpReq *req, HttpResp *resp, Err *e) {
  return month_action(req, resp, true, e);
}

bool page_settlement_export(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  char month[PAY_MONTH_LEN];
  pay_page_month(req, month);
  Str csv = STR_INIT;
  Err why;
  err_clear(&why);
  if (!svc_settle_export(&s, month, &csv, &why)) {
    str_free(&csv);
    if (!pay_is_refusal(&why)) {
      *e = why;
      return false;
    }
    resp->status = 422;
    return settlement_render(req, resp, month, &why, e);
  }
  pay_send_csv(resp, "avrakning", month, &csv);
  str_free(&csv);
  return true;
}

/* A line's figures as a description list. */
static void line_facts(Str *o, const SettleLineRec *l) {
  html_printf(o, "<dl class=\"facts\"><dt>Utförare</dt><dd>%s</dd><dt>Beviljat</dt><dd>",
              l->provider_name[0] ? l->provider_name : "egen regi");
  pay_hours(o, l->granted_minutes);
  html_raw(o, "</dd><dt>Rapporterat</dt><dd>");
  pay_hours(o, l->reported_minutes);
  html_raw(o, "</dd><dt>Betalt</dt><dd>");
  pay_hours(o, l->paid_minutes);
  html_raw(o, "</dd><dt>Betalas av kommunen</dt><dd>");
  pay_hours(o, l->municipal_minutes);
  html_raw(o, "</dd><dt>Betalas av Försäkringskassan <span class=\"rule\">R-110</span></dt><dd>");
  pay_hours(o, l->fk_minutes);
  html_raw(o, "</dd><dt>Timbelopp</dt><dd>");
  pay_kr(o, l->rate_ore);
  html_raw(o, "</dd><dt>Timersättning</dt><dd>");
  pay_kr(o, l->hours_ore);
  html_raw(o, "</dd><dt>Assistansomkostnader <span class=\"rule\">R-073</span></dt><dd>");
  pay_kr(o, l->expense_ore);
  html_raw(o, "</dd><dt>Summa</dt><dd>");
  pay_kr(o, l->total_ore);
  html_raw(o, "</dd></dl>\n");
}

/* form: which form a refusal belongs to ('t' time report, 'k' receipt, 'w' withdrawing the
 * exception, 'u' hours beyond the
 * grant, 0 none). */
static bool line_render(HttpReq *req, HttpResp *resp, const char *month, int64_t id, const Err *err,
                        char form, Err *e) {
  Svc s = web_svc(req);
  SettleLineRec *l;
  size_t n;
  TimeReportRec *tr;
  size_t ntr;
  OverGrantRec over;
  bool has_over = false;
  if (!svc_settle_lines(&s, month, id, false, req->arena, &l, &n, e) ||
      !svc_time_report_list(&s, id, month, req->arena, &tr, &ntr, e) ||
      !svc_settle_over_grant_get(&s, id, month, &over, &has_over, e))
    return false;
  page_begin(req, resp, "Avräkningsrad", NAV_PAYMENT);
  Str *o = &resp->body;
  html_printf(o,
              "<p><a href=\"/ekonomi/avrakning?manad=%s\">Tillbaka till avräkningen</a></p>\n"
              "<h1>Beslut %lld, %s</h1>\n",
              month, (long long)id, month);
  page_flash(req, resp);
  form_error_summary(o, form ? NULL : err);
  if (n == 0)
    html_raw(o, "<p class=\"muted\" id=\"ingen-rad\">Beslutet har ingen rad i avräkningen för "
                "månaden: den är inte körd, eller beslutet gäller inte då.</p>\n");
  else if (l->payable) {
    html_raw(o, "<p class=\"notice\" id=\"betalbar\">Raden kan betalas.</p>\n");
  } else {
    html_raw(o, "<div class=\"warning\" id=\"inte-betalbar\"><h2>Raden kan inte betalas</h2>");
    sentences(o, l->reasons);
    html_raw(o, "</div>\n");
  }
  if (n) line_facts(o, l);
  if (n && l->flags[0]) {
    html_raw(o, "<h2>Avvikelser</h2>");
    sentences(o, l->flags);
  }
  html_raw(o, "<h2>Tidrapporter</h2>\n");
  if (ntr == 0)
    html_raw(o, "<p class=\"muted\">Ingen tidrapport för månaden.</p>\n");
  else {
    html_raw(o, "<table><thead><tr><th scope=\"col\">Assistent</th><th scope=\"col\">Tid</th>"
                "<th scope=\"col\">Inkom</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < ntr; i++) {
      if (tr[i].assistant_id)
        html_printf(o, "<tr><td>Assistent %lld</td><td>", (long long)tr[i].assistant_id);
      else
        html_raw(o, "<tr><td>Utförarens summa</td><td>");
      pay_hours(o, tr[i].minutes);
      html_raw(o, "</td><td>");
      web_date(o, tr[i].received_on);
      html_raw(o, "</td></tr>\n");
    }
    html_raw(o, "</tbody></table>\n");
  }
  char action[80];
  WebForm f;
  /* hours beyond the grant are paid only under finance's approved exception */
  if (has_over) {
    html_raw(o, "<h2 id=\"utover\">Betalning utöver beviljat</h2>\n<p>Godkänd ");
    html_text(o, over.approved_at);
    html_printf(o, " av %s <span class=\"rule\">R-073</span>: %s</p>\n", over.approved_by_name,
                over.reason);
    /* a mistaken exception is withdrawn, with its reason, while the month is open */
    snprintf(action, sizeof action, "/ekonomi/avrakning/beslut/%lld/utover/aterkalla",
             (long long)id);
    form_begin(&f, req, resp, action, form == 'w' ? err : NULL);
    form_hidden(&f, "manad", month);
    form_textarea(&f, "withdraw_reason", "Skäl att återkalla undantaget", "",
                  "Nästa körning betalar då bara de beviljade timmarna.", true);
    form_end(&f, "Återkalla undantaget");
  } else if ((n && l->reported_minutes > l->granted_minutes) || form == 'u') {
    html_raw(o, "<h2 id=\"utover\">Betala timmar utöver beviljat</h2>\n<p>Utföraren har "
                "rapporterat fler timmar än beslutet beviljar. De betalas bara om ekonomi "
                "godkänner ett undantag för månaden, med skäl <span class=\"rule\">R-073</span>; "
                "det räknas med när avräkningen körs igen.</p>\n");
    snprintf(action, sizeof action, "/ekonomi/avrakning/beslut/%lld/utover", (long long)id);
    form_begin(&f, req, resp, action, form == 'u' ? err : NULL);
    form_hidden(&f, "manad", month);
    form_textarea(&f, "reason", "Skäl", "",
                  "Till exempel: tillfälligt utökat behov under sjukhusvistelse hos anhörig.",
                  true);
    form_end(&f, "Godkänn betalning utöver beviljat");
  }
  html_raw(o, "<p>Det som registreras här räknas med när avräkningen körs igen.</p>\n"
              "<h2 id=\"ny-tidrapport\">Registrera tidrapport</h2>\n");
  snprintf(action, sizeof action, "/ekonomi/avrakning/beslut/%lld/tidrapport", (long long)id);
  form_begin(&f, req, resp, action, form == 't' ? err : NULL);
  form_hidden(&f, "manad", month);
  form_number(&f, "minutes", "Rapporterad tid i minuter", "", "Utförarens summa för månaden.",
              true);
  form_number(&f, "assistant_id", "Assistentens nummer", "",
              "Tomt: utförarens summa. En rad per assistent ersätter summan inte.", false);
  form_date(&f, "received_on", "Inkom", "", NULL, true);
  form_end(&f, "Registrera tidrapporten");
  html_raw(o, "<h2 id=\"nytt-kvitto\">Registrera kvitto på assistansomkostnader</h2>\n"
              "<p>Kvittot räknas med först när enhetschefen godkänt det "
              "<span class=\"rule\">R-073</span>.</p>\n");
  snprintf(action, sizeof action, "/ekonomi/avrakning/beslut/%lld/kvitto", (long long)id);
  form_begin(&f, req, resp, action, form == 'k' ? err : NULL);
  form_hidden(&f, "manad", month);
  form_text(&f, "amount_ore", "Belopp i kronor", "", "Till exempel 245,50.", true);
  form_text(&f, "note", "Vad kvittot gäller", "", NULL, false);
  form_end(&f, "Registrera kvittot");
  page_end(req, resp);
  return true;
}

bool page_settlement_line(HttpReq *req, HttpResp *resp, Err *e) {
  char month[PAY_MONTH_LEN];
  return line_render(req, resp, pay_page_month(req, month), http_param(req, "id"), NULL, 0, e);
}

static bool line_back(HttpResp *resp, const char *month, int64_t id) {
  char to[96];
  snprintf(to, sizeof to, "/ekonomi/avrakning/beslut/%lld?manad=%s&klart=sparat", (long long)id,
           month);
  http_resp_redirect(resp, to);
  return true;
}

/* After a line's form: back to the line, or the line again (422) with the refusal at `form`. */
static bool line_done(HttpReq *req, HttpResp *resp, const char *month, int64_t id, bool ok,
                      Err *why, char form, Err *e) {
  if (ok) return line_back(resp, month, id);
  if (!pay_is_refusal(why)) {
    *e = *why;
    return false;
  }
  resp->status = 422;
  return line_render(req, resp, month, id, why, form, e);
}

bool page_settlement_time_report(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  char month[PAY_MONTH_LEN];
  pay_page_month(req, month);
  int64_t id = http_param(req, "id"), minutes = 0, assistant = 0, rid;
  Err why;
  err_clear(&why);
  Date received;
  bool ok =
      form_get_int(req, "minutes", "Rapporterad tid", 0, 31 * 24 * 60, &minutes, &why) &&
      (!*form_get(req, "assistant_id") ||
       form_get_int(req, "assistant_id", "Assistentens nummer", 1, INT64_MAX, &assistant, &why)) &&
      form_get_date(req, "received_on", "Inkom", &received, &why);
  if (ok) {
    TimeReportIn in = {id, form_get(req, "manad"), assistant, minutes, received, false};
    ok = svc_time_report_record(&s, &in, &rid, &why);
  }
  return line_done(req, resp, month, id, ok, &why, 't', e);
}

bool page_settlement_over_grant(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  char month[PAY_MONTH_LEN];
  pay_page_month(req, month);
  int64_t id = http_param(req, "id");
  Err why;
  err_clear(&why);
  bool ok = svc_settle_over_grant(&s, id, form_get(req, "manad"), form_get(req, "reason"), &why);
  return line_done(req, resp, month, id, ok, &why, 'u', e);
}

bool page_settlement_over_grant_withdraw(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  char month[PAY_MONTH_LEN];
  pay_page_month(req, month);
  int64_t id = http_param(req, "id");
  Err why;
  err_clear(&why);
  bool ok = svc_settle_over_grant_withdraw(&s, id, form_get(req, "manad"),
                                           form_get(req, "withdraw_reason"), &why);
  return line_done(req, resp, month, id, ok, &why, 'w', e);
}

bool page_settlement_receipt(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  char month[PAY_MONTH_LEN];
  pay_page_month(req, month);
  int64_t id = http_param(req, "id"), ore = 0, rid;
  Err why;
  err_clear(&why);
  bool ok = pay_form_kr(req, "amount_ore", "Beloppet", &ore, &why) &&
            svc_receipt_record(&s, id, form_get(req, "manad"), ore, form_get(req, "note"), false,
                               &rid, &why);
  return line_done(req, resp, month, id, ok, &why, 'k', e);
}

/* ---- higher rate (R-073, R-142) ---- */

/* err_in_form: the refusal belongs to the new application (shown there); otherwise on top. */
static bool rates_render(HttpReq *req, HttpResp *resp, const char *month, const Err *err,
                         bool err_in_form, Err *e) {
  Svc s = web_svc(req);
  RateAppRec *apps;
  size_t n;
  if (!svc_rate_list(&s, month, req->arena, &apps, &n, e)) return false;
  page_begin(req, resp, "Förhöjt timbelopp", NAV_PAYMENT);
  Str *o = &resp->body;
  html_printf(o,
              "<p><a href=\"/ekonomi/avrakning?manad=%s\">Tillbaka till avräkningen</a></p>\n"
              "<h1>Förhöjt timbelopp</h1>\n",
              month);
  page_flash(req, resp);
  if (!err_in_form) form_error_summary(o, err);
  month_picker(o, "/ekonomi/timbelopp", month);
  html_raw(o, "<p>Utföraren ansöker om förhöjt timbelopp för en månad i taget, av särskilda skäl. "
              "Beloppet får vara högst 12 procent över årets schablonbelopp "
              "<span class=\"rule\">R-142</span>.</p>\n");
  if (n == 0) html_raw(o, "<p class=\"muted\">Inga ansökningar för månaden.</p>\n");
  for (size_t i = 0; i < n; i++) {
    html_printf(o, "<section class=\"card\"><h2>Beslut %lld: ", (long long)apps[i].decision_id);
    pay_kr(o, apps[i].rate_ore);
    html_printf(o, " per timme</h2><p>%s</p><p>Status: %s</p>\n", apps[i].reason,
                strcmp(apps[i].state, "approved") == 0  ? "beviljad"
                : strcmp(apps[i].state, "refused") == 0 ? "avslagen"
                                                        : "ansökt");
    if (strcmp(apps[i].state, "applied") == 0) {
      char action[64];
      snprintf(action, sizeof action, "/ekonomi/timbelopp/%lld", (long long)apps[i].id);
      WebForm f;
      form_begin(&f, req, resp, action, NULL);
      form_hidden(&f, "manad", month);
      static const char *const choices[] = {"approve", "Bevilja", "refuse", "Avslå", NULL, NULL};
      form_select(&f, "beslut", "Beslut", "approve", choices, NULL, true);
      form_textarea(&f, "motivering", "Motivering", "", "Krävs vid avslag.", false);
      form_end(&f, "Spara beslutet");
    }
    html_raw(o, "</section>\n");
  }
  html_raw(o, "<h2 id=\"ny-ansokan\">Registrera en ansökan</h2>\n");
  WebForm f;
  form_begin(&f, req, resp, "/ekonomi/timbelopp", err_in_form ? err : NULL);
  form_hidden(&f, "manad", month);
  form_number(&f, "decision_id", "Beslutets nummer", "", NULL, true);
  form_text(&f, "rate_ore", "Timbelopp i kronor", "", "Till exempel 372,51.", true);
  form_textarea(&f, "reason", "Särskilda skäl", "", NULL, true);
  form_end(&f, "Registrera ansökan");
  page_end(req, resp);
  return true;
}

bool page_rates(HttpReq *req, HttpResp *resp, Err *e) {
  char month[PAY_MONTH_LEN];
  return rates_render(req, resp, pay_page_month(req, month), NULL, false, e);
}

/* After a higher-rate form: back to the rates page, or the page again (422) with the refusal at
 * the application form (apply) or at the decisions. */
static bool rates_done(HttpReq *req, HttpResp *resp, const char *month, bool ok, Err *why,
                       bool apply, Err *e) {
  if (ok) {
    char to[64];
    snprintf(to, sizeof to, "/ekonomi/timbelopp?manad=%s&klart=sparat", month);
    http_resp_redirect(resp, to);
    return true;
  }
  if (!pay_is_refusal(why)) {
    *e = *why;
    return false;
  }
  resp->status = 422;
  return rates_render(req, resp, month, why, apply, e);
}

bool page_rates_apply(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  char month[PAY_MONTH_LEN];
  pay_page_month(req, month);
  Err why;
  err_clear(&why);
  int64_t decision = 0, ore = 0, id;
  bool ok = form_get_int(req, "decision_id", "Beslutets nummer", 1, INT64_MAX, &decision, &why) &&
            pay_form_kr(req, "rate_ore", "Timbeloppet", &ore, &why) &&
            svc_rate_apply(&s, decision, form_get(req, "manad"), ore, form_get(req, "reason"),
                           false, &id, &why);
  return rates_done(req, resp, month, ok, &why, true, e);
}

bool page_rates_decide(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  char month[PAY_MONTH_LEN];
  pay_page_month(req, month);
  Err why;
  err_clear(&why);
  bool approve = strcmp(form_get(req, "beslut"), "approve") == 0;
  bool ok = svc_rate_decide(&s, http_param(req, "id"), approve, form_get(req, "motivering"), &why);
  return rates_done(req, resp, month, ok, &why, false, e);
}
