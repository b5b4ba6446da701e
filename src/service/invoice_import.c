/* invoice_import.c — importing a CSV file of sick-pay invoices (R-074; the format is in
 * docs/sick-pay-invoices.md): one transaction for the whole file; every row is checked even
 * after a bad one so that every bad row is reported with its line number and reason, and any bad
 * row rolls the whole file back. Must not: contain SQL, or import part of a file. */
#include <stdio.h>
#include <string.h>

#include "base/csv.h"
#include "base/text.h"
#include "service/invoice_internal.h"

#define NCOLS 13
static const char *const columns[NCOLS] = {
    "orgnr",       "personnummer",       "assistent", "fakturanummer", "fakturadatum",
    "period_fran", "period_till",        "sjuk_fran", "sjuk_till",     "sjukdagar",
    "sjuktimmar",  "fakturerade_timmar", "belopp_kr"};


static void add_error(Arena *a, InvoiceImport *out, size_t *cap, size_t line, const char *field,
                      const char *msg) {
  if (out->n_errors == *cap) {
    size_t ncap = *cap ? *cap * 2 : 64;
    InvoiceRowError *grown = arena_array(a, ncap, sizeof *grown);
    if (out->n_errors) memcpy(grown, out->errors, out->n_errors * sizeof *grown);
    out->errors = grown, *cap = ncap;
  }
  InvoiceRowError *r = &out->errors[out->n_errors++];
  r->line = line;
  snprintf(r->field, sizeof r->field, "%s", field ? field : "");
  snprintf(r->msg, sizeof r->msg, "%s", msg);
}

bool svc_invoice_import(Svc *s, const char *csv, size_t len, Arena *a, InvoiceImport *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (!svc_require(s, CAP_FINANCE, e)) return false;
  if (len > SVC_INVOICE_IMPORT_MAX_BYTES)
    return err_set(e, ERR_TOO_LARGE, "file", "", "Filen är för stor (högst %u MiB).",
                   SVC_INVOICE_IMPORT_MAX_BYTES >> 20);
  if (len >= 3 && (unsigned char)csv[0] == 0xEF && (unsigned char)csv[1] == 0xBB &&
      (unsigned char)csv[2] == 0xBF)
    csv += 3, len -= 3; /* a UTF-8 byte-order mark, as spreadsheets write */
  if (len == 0) return err_set(e, ERR_INVALID, "file", "", "Filen är tom.");
  size_t cap = 0;
  char(*f)[CSV_FIELD_MAX] = arena_array(a, NCOLS + 1, CSV_FIELD_MAX);
  char msg[400];
  if (!svc_begin(s, true, e)) return false;
  bool db_ok = true;
  size_t line = 0, pos = 0;
  bool header_seen = false;
  while (pos < len && db_ok) {
    size_t end = pos;
    while (end < len && csv[end] != '\n')
      end++;
    size_t l = end - pos;
    if (l > 0 && csv[pos + l - 1] == '\r') l--;
    const char *row = csv + pos;
    pos = end + 1;
    line++;
    if (l == 0) continue; /* blank lines are ignored */
    if (memchr(row, '\0', l) || !utf8_valid(row, l)) {
      add_error(a, out, &cap, line, "", "Raden är inte giltig UTF-8-text.");
      if (!header_seen) break;
      continue;
    }
    const char *why = NULL;
    int nf = csv_split(row, l, f, NCOLS + 1, &why);
    if (!header_seen) {
      header_seen = true;
      bool ok = nf == NCOLS;
      for (int i = 0; ok && i < NCOLS; i++)
        ok = strcmp(f[i], columns[i]) == 0;
      if (!ok) {
        add_error(a, out, &cap, line, "",
                  "Första raden ska vara rubrikraden: orgnr;personnummer;assistent;fakturanummer;"
                  "fakturadatum;period_fran;period_till;sjuk_fran;sjuk_till;sjukdagar;"
                  "sjuktimmar;fakturerade_timmar;belopp_kr");
        break;
      }
      continue;
    }
    if (out->rows >= SVC_INVOICE_IMPORT_MAX_ROWS) {
      snprintf(msg, sizeof msg, "Filen har fler än %d fakturarader.", SVC_INVOICE_IMPORT_MAX_ROWS);
      add_error(a, out, &cap, line, "", msg);
      break;
    }
    out->rows++;
    if (nf < 0) {
      add_error(a, out, &cap, line, "", why);
      continue;
    }
    if (nf != NCOLS) {
      snprintf(msg, sizeof msg, "Raden har %d kolumner; den ska ha 13, åtskilda av semikolon.", nf);
      add_error(a, out, &cap, line, "", msg);
      continue;
    }
    InvoiceText t = {f[0], f[1], f[2], f[3],  f[4],  f[5], f[6],
                     f[7], f[8], f[9], f[10], f[11], f[12]};
    InvoiceRec r;
    char orgnr12[13], pnr12[13];
    Err re;
    err_clear(&re);
    if (!invoice_from_text(s, &t, &r, orgnr12, pnr12, &re) ||
        !invoice_resolve(s, &r, orgnr12, pnr12, a, &re)) {
      if (re.code == ERR_INVALID || re.code == ERR_NOT_FOUND) {
        add_error(a, out, &cap, line, re.field, re.msg);
        continue;
      }
      *e = re; /* the database failed: stop */
      db_ok = false;
      break;
    }
    if (out->n_errors) continue; /* the file will be rolled back: checking is enough */
    int64_t id;
    db_ok = store_invoice_insert(s->db, &r, s->user_id, s->now, &id, e);
  }
  if (db_ok && !header_seen && out->n_errors == 0)
    add_error(a, out, &cap, line ? line : 1, "", "Filen saknar rubrikrad.");
  if (db_ok && out->n_errors == 0 && out->rows == 0)
    add_error(a, out, &cap, line, "", "Filen innehåller inga fakturarader.");
  if (db_ok && out->n_errors) {
    svc_end(s, false, e);
    return err_set(e, ERR_INVALID, "file", "R-074",
                   "%zu %s felaktiga; inget i filen importerades. Rätta raderna och importera "
                   "hela filen igen.",
                   out->n_errors, out->n_errors == 1 ? "rad är" : "rader är");
  }
  char reason[64];
  snprintf(reason, sizeof reason, "%zu rader", out->rows);
  bool ok = db_ok && svc_audit(s, "invoice.import", "sick_pay_invoice", 0, 0, reason, e);
  if (!svc_end(s, ok, e)) return false;
  out->imported = out->rows;
  return true;
}
