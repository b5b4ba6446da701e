/* page_time_report_upload.c — Ekonomi → Avräkning → Importera tidrapporter: a provider's time
 * report file uploaded as multipart/form-data, imported all or nothing; a refused file is
 * shown with every bad line, its number and reason. Must not: read the file's lines (the
 * service does). */
#include <stdio.h>
#include <string.h>

#include "web/payment_internal.h"

static bool render(HttpReq *req, HttpResp *resp, const char *month, const Err *err,
                   const TimeReportImport *r) {
  page_begin(req, resp, "Importera tidrapporter", NAV_PAYMENT);
  Str *o = &resp->body;
  html_printf(o,
              "<p><a href=\"/ekonomi/avrakning?manad=%s\">Tillbaka till avräkningen</a></p>\n"
              "<h1>Importera tidrapporter</h1>\n",
              month);
  html_raw(o, "<p>Utförarnas tidrapporter som en fil: CSV med semikolon, UTF-8, en rad per "
              "beslut och månad (eller per assistent), kolumnerna <code>beslut;manad;assistent;"
              "minuter;inkommen</code> — beslutets nummer, månaden ÅÅÅÅ-MM, assistentens nummer "
              "eller tomt för utförarens summa, rapporterade minuter och dagen rapporten kom in. "
              "En rubrikrad som börjar med <code>beslut</code> hoppas över. Hela filen importeras "
              "eller ingenting: är någon rad felaktig visas varje sådan rad med radnummer och skäl "
              "<span class=\"rule\">R-073</span>. En månad som är attesterad tar inte emot "
              "tidrapporter.</p>\n");
  if (r && r->n_errors) {
    html_printf(o,
                "<h2 id=\"felaktiga-rader\">Felaktiga rader (%zu av %zu)</h2>\n<table>\n"
                "<caption>Rader som måste rättas</caption>\n<thead><tr><th scope=\"col\">Rad"
                "</th><th scope=\"col\">Skäl</th></tr></thead>\n<tbody>\n",
                r->n_errors, r->rows);
    for (size_t i = 0; i < r->n_errors; i++)
      html_printf(o, "<tr><th scope=\"row\">%zu</th><td>%s</td></tr>\n", r->errors[i].line,
                  r->errors[i].msg);
    html_raw(o, "</tbody>\n</table>\n");
  }
  form_csv_upload(req, o, "/ekonomi/avrakning/tidrapporter", "manad", month,
                  "Tidrapportfil (CSV)", "Semikolonseparerad, UTF-8, högst 4 MiB och 50 000 rader.",
                  err);
  page_end(req, resp);
  return true;
}

bool page_time_report_upload_form(HttpReq *req, HttpResp *resp, Err *e) {
  (void)e;
  char month[PAY_MONTH_LEN];
  return render(req, resp, pay_page_month(req, month), NULL, NULL);
}

bool page_time_report_upload(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  char month[PAY_MONTH_LEN];
  pay_page_month(req, month);
  const char *csv = form_get(req, "file");
  TimeReportImport r;
  Err why;
  err_clear(&why);
  if (svc_time_report_import(&s, csv, strlen(csv), req->arena, &r, &why)) {
    char to[96];
    snprintf(to, sizeof to, "/ekonomi/avrakning?manad=%s&klart=sparat", month);
    http_resp_redirect(resp, to);
    return true;
  }
  if (!pay_is_refusal(&why) && why.code != ERR_TOO_LARGE) {
    *e = why;
    return false;
  }
  resp->status = 422;
  return render(req, resp, month, &why, &r);
}
