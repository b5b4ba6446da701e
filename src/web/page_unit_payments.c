/* page_unit_payments.c — the unit manager's payment duties (Ersättningar): assistance-expense
 * receipts waiting for approval (R-073: only the unit manager approves them) and the way to the
 * attendance grid of daglig verksamhet. Must not: decide who may approve (the service
 * does). */
#include <stdio.h>

#include "web/payment_internal.h"

static bool unit_render(HttpReq *req, HttpResp *resp, const Err *err, Err *e) {
  Svc s = web_svc(req);
  ReceiptRec *rs;
  size_t n;
  if (!svc_receipt_list_open(&s, req->arena, &rs, &n, e)) return false;
  page_begin(req, resp, "Ersättningar", NAV_PAYMENT);
  Str *o = &resp->body;
  html_raw(o, "<h1>Ersättningar</h1>\n");
  page_flash(req, resp);
  form_error_summary(o, err);
  html_raw(o, "<p><a href=\"/enhet/daglig-verksamhet\">Daglig verksamhet: närvaro och "
              "habiliteringsersättning</a> <span class=\"rule\">R-087</span></p>\n"
              "<h2 id=\"kvitton\">Kvitton på assistansomkostnader att godkänna</h2>\n"
              "<p>Assistansomkostnader betalas per beviljad timme mot kvitton som enhetschefen "
              "godkänner <span class=\"rule\">R-073</span>.</p>\n");
  if (n == 0)
    html_raw(o, "<p class=\"muted\">Inga kvitton väntar.</p>\n");
  else {
    html_raw(o, "<table id=\"kvittolista\"><thead><tr><th scope=\"col\">Beslut</th>"
                "<th scope=\"col\">Månad</th><th scope=\"col\">Belopp</th>"
                "<th scope=\"col\">Avser</th><th scope=\"col\">Åtgärd</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < n; i++) {
      html_printf(o, "<tr><td>%lld</td><td>%s</td><td>", (long long)rs[i].decision_id, rs[i].month);
      pay_kr(o, rs[i].amount_ore);
      html_printf(o, "</td><td>%s</td><td>", rs[i].note);
      char action[64];
      snprintf(action, sizeof action, "/enhet/kvitton/%lld/godkann", (long long)rs[i].id);
      WebForm f;
      form_begin(&f, req, resp, action, NULL);
      form_end(&f, "Godkänn");
      html_raw(o, "</td></tr>\n");
    }
    html_raw(o, "</tbody></table>\n");
  }
  page_end(req, resp);
  return true;
}

bool page_unit_payments(HttpReq *req, HttpResp *resp, Err *e) {
  return unit_render(req, resp, NULL, e);
}

bool page_receipt_approve(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  if (svc_receipt_approve(&s, http_param(req, "id"), &why)) {
    http_resp_redirect(resp, "/enhet/ersattningar?klart=sparat");
    return true;
  }
  if (!pay_is_refusal(&why)) {
    *e = why;
    return false;
  }
  resp->status = 422;
  return unit_render(req, resp, &why, e);
}
