/* page_settlement_invoices.c — the settlement month's sick-pay invoices: each approved
 * invoice the run put in, with provider, invoice number and amount, whether it can be paid and
 * why not, and whether the month's export paid it. Must not: compute what the service
 * computes. */
#include <string.h>

#include "web/payment_internal.h"

/* Newline-separated reasons as one sentence after another. */
static void reasons(Str *o, const char *text) {
  const char *p = text;
  while (*p) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    html_raw(o, "<br>");
    html_textn(o, p, n);
    p += n + (nl ? 1 : 0);
  }
}

bool settlement_invoices_section(Svc *s, Arena *a, Str *o, const char *month, Err *e) {
  SettleInvoiceLineRec *lines;
  size_t n;
  if (!svc_settle_invoice_lines(s, month, a, &lines, &n, e)) return false;
  html_raw(o, "<h2 id=\"sjuklon\">Sjuklönefakturor <span class=\"rule\">R-074</span></h2>\n"
              "<p>Merkostnader när den ordinarie assistenten är sjuk betalas per tillfälle: en "
              "sjuklönefaktura som ekonomi godkänt senast månadens sista dag kommer med i "
              "avräkningen som en egen rad och betalas när månaden exporteras. Ifrågasatta och "
              "till IVO anmälda fakturor betalas inte.</p>\n");
  if (n == 0) {
    html_raw(o, "<p class=\"muted\">Inga godkända sjuklönefakturor att betala.</p>\n");
    return true;
  }
  html_printf(o,
              "<table id=\"sjuklonefakturor\">\n<caption>Sjuklönefakturor %s</caption>\n<thead><tr>"
              "<th scope=\"col\">Faktura</th><th scope=\"col\">Utförare</th>"
              "<th scope=\"col\">Sjuk</th><th scope=\"col\">Belopp</th>"
              "<th scope=\"col\">Kan betalas</th><th scope=\"col\">Betald</th></tr></thead>\n"
              "<tbody>\n",
              month);
  for (size_t i = 0; i < n; i++) {
    const SettleInvoiceLineRec *l = &lines[i];
    html_printf(o,
                "<tr><th scope=\"row\"><a href=\"/ekonomi/sjuklon/faktura/%lld\">%s</a></th>"
                "<td>%s<br><span class=\"muted\">%s</span></td><td>",
                (long long)l->invoice_id, l->invoice_no, l->provider_name, l->provider_orgnr);
    web_date(o, l->sick_from);
    html_raw(o, "–");
    web_date(o, l->sick_to);
    html_raw(o, "</td><td>");
    pay_kr(o, l->amount_ore);
    if (l->payable) {
      html_raw(o, "</td><td class=\"state-met\">Ja");
    } else {
      html_raw(o, "</td><td class=\"state-overdue\">Nej <span class=\"rule\">R-071</span>");
      reasons(o, l->reasons);
    }
    html_raw(o, "</td><td>");
    if (l->paid_month[0])
      html_printf(o, "Ja, %s", l->paid_month);
    else if (strcmp(l->status, "approved") != 0)
      html_printf(o, "Nej: %s", svc_invoice_status_name(l->status));
    else
      html_raw(o, "Nej");
    html_raw(o, "</td></tr>\n");
  }
  html_raw(o, "</tbody>\n</table>\n");
  return true;
}
