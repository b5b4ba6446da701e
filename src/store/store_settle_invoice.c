/* store_settle_invoice.c — sick-pay invoices paid through the monthly settlement: the
 * approved invoices to pay, the month's invoice lines, the lock check and marking them paid
 * (see store_payment.h; statements in sql_payment.h). */
#include <string.h>

#include "store/db.h"
#include "store/rows.h"
#include "store/store.h"

bool store_settle_inv_source(Db *db, const char *month, Date last, Arena *a,
                             SettleInvoiceSource **out, size_t *n, Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_SETTLE_INV_SOURCE, &st, e) || !stmt_bind_text(&st, 1, month, e) ||
      !stmt_bind_date(&st, 2, last, e))
    return false;
  size_t cap = 0;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    SettleInvoiceSource *r = rows_push(a, (void **)out, n, &cap, sizeof **out);
    r->invoice_id = stmt_int(&st, 0);
    r->provider_id = stmt_int(&st, 1);
    r->person_id = stmt_int(&st, 2);
    r->amount_ore = stmt_int(&st, 3);
    r->consents = stmt_int(&st, 4);
  }
  stmt_reset(&st);
  return rc == 0;
}

bool store_settle_inv_delete(Db *db, const char *month, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_SETTLE_INV_DELETE, &st, e) && stmt_bind_text(&st, 1, month, e) &&
         stmt_exec(&st, e);
}

bool store_settle_inv_insert(Db *db, const SettleInvoiceLineRec *l, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_SETTLE_INV_INSERT, &st, e) && stmt_bind_text(&st, 1, l->month, e) &&
         stmt_bind_int(&st, 2, l->invoice_id, e) && stmt_bind_int(&st, 3, l->provider_id, e) &&
         stmt_bind_int(&st, 4, l->person_id, e) && stmt_bind_int(&st, 5, l->amount_ore, e) &&
         stmt_bind_bool(&st, 6, l->payable, e) && stmt_bind_text(&st, 7, l->reasons, e) &&
         stmt_exec(&st, e);
}

bool store_settle_inv_lines(Db *db, const char *month, Arena *a, SettleInvoiceLineRec **out,
                            size_t *n, Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_SETTLE_INV_LINES, &st, e) || !stmt_bind_text(&st, 1, month, e))
    return false;
  size_t cap = 0;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    SettleInvoiceLineRec *l = rows_push(a, (void **)out, n, &cap, sizeof **out);
    l->id = stmt_int(&st, 0);
    ROWS_COPY(l->month, stmt_text(&st, 1));
    l->invoice_id = stmt_int(&st, 2);
    l->provider_id = stmt_int(&st, 3);
    l->person_id = stmt_int(&st, 4);
    l->amount_ore = stmt_int(&st, 5);
    l->payable = stmt_int(&st, 6) != 0;
    ROWS_COPY(l->reasons, stmt_text(&st, 7));
    ROWS_COPY(l->provider_name, stmt_text(&st, 8));
    ROWS_COPY(l->provider_orgnr, stmt_text(&st, 9));
    ROWS_COPY(l->invoice_no, stmt_text(&st, 10));
    ROWS_COPY(l->status, stmt_text(&st, 11));
    ROWS_COPY(l->paid_month, stmt_text(&st, 12));
    l->invoice_date = stmt_date(&st, 13);
    l->sick_from = stmt_date(&st, 14);
    l->sick_to = stmt_date(&st, 15);
  }
  stmt_reset(&st);
  return rc == 0;
}

bool store_settle_inv_locked_elsewhere(Db *db, const char *month, int64_t *n, Err *e) {
  Stmt st;
  *n = 0;
  if (!stmt_get(db, SQL_SETTLE_INV_LOCKED_ELSEWHERE, &st, e) || !stmt_bind_text(&st, 1, month, e))
    return false;
  int rc = stmt_step(&st, e);
  if (rc == 1) *n = stmt_int(&st, 0);
  stmt_reset(&st);
  return rc >= 0;
}

bool store_settle_inv_mark_paid(Db *db, const char *month, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_SETTLE_INV_MARK_PAID, &st, e) && stmt_bind_text(&st, 1, month, e) &&
         stmt_exec(&st, e);
}
