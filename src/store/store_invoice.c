/* store_invoice.c — sick-pay invoices, their scoring facts and actions (see store_invoice.h). */
#include "store/db.h"
#include "store/rows.h"
#include "store/store.h"

bool store_invoice_insert(Db *db, const InvoiceRec *r, int64_t created_by, const char *created_at,
                          int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_INVOICE_INSERT, &st, e) && stmt_bind_int(&st, 1, r->provider_id, e) &&
         stmt_bind_int(&st, 2, r->person_id, e) && stmt_bind_id(&st, 3, r->assistant_id, e) &&
         stmt_bind_text(&st, 4, r->assistant_name, e) &&
         stmt_bind_text(&st, 5, r->assistant_key, e) && stmt_bind_text(&st, 6, r->invoice_no, e) &&
         stmt_bind_date(&st, 7, r->invoice_date, e) && stmt_bind_date(&st, 8, r->period_from, e) &&
         stmt_bind_date(&st, 9, r->period_to, e) && stmt_bind_date(&st, 10, r->sick_from, e) &&
         stmt_bind_date(&st, 11, r->sick_to, e) && stmt_bind_int(&st, 12, r->sick_days, e) &&
         stmt_bind_int(&st, 13, r->sick_ch, e) && stmt_bind_int(&st, 14, r->invoiced_ch, e) &&
         stmt_bind_int(&st, 15, r->amount_ore, e) && stmt_bind_id(&st, 16, created_by, e) &&
         stmt_bind_text(&st, 17, created_at, e) && stmt_bind_bool(&st, 18, r->is_demo, e) &&
         stmt_insert_id(&st, id, e);
}

bool store_invoice_get(Db *db, int64_t id, InvoiceRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_INVOICE_BY_ID, &st, e) || !stmt_bind_int(&st, 1, id, e)) return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) {
    out->id = stmt_int(&st, 0);
    out->provider_id = stmt_int(&st, 1);
    out->person_id = stmt_int(&st, 2);
    out->assistant_id = stmt_int(&st, 3);
    ROWS_COPY(out->assistant_name, stmt_text(&st, 4));
    ROWS_COPY(out->assistant_key, stmt_text(&st, 5));
    ROWS_COPY(out->invoice_no, stmt_text(&st, 6));
    out->invoice_date = stmt_date(&st, 7);
    out->period_from = stmt_date(&st, 8);
    out->period_to = stmt_date(&st, 9);
    out->sick_from = stmt_date(&st, 10);
    out->sick_to = stmt_date(&st, 11);
    out->sick_days = (int32_t)stmt_int(&st, 12);
    out->sick_ch = stmt_int(&st, 13);
    out->invoiced_ch = stmt_int(&st, 14);
    out->amount_ore = stmt_int(&st, 15);
    ROWS_COPY(out->status, stmt_text(&st, 16));
    out->is_demo = stmt_int(&st, 17) != 0;
    ROWS_COPY(out->provider_name, stmt_text(&st, 18));
    ROWS_COPY(out->person_name, stmt_text(&st, 19));
    ROWS_COPY(out->person_pnr, stmt_text(&st, 20));
    ROWS_COPY(out->paid_month, stmt_text(&st, 21));
  }
  stmt_reset(&st);
  return rc >= 0;
}

bool store_invoice_set_status(Db *db, int64_t id, const char *status, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_INVOICE_SET_STATUS, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_text(&st, 2, status, e) && stmt_exec(&st, e);
}

static uint64_t fnv1a(const char *s) {
  uint64_t h = 1469598103934665603ULL;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return h;
}

bool store_invoice_facts(Db *db, Arena *a, InvoiceFactsRow **out, size_t *n, Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_INVOICE_FACTS, &st, e)) return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    InvoiceFactsRow *r = rows_push(a, (void **)out, n, &cap, sizeof **out);
    r->id = stmt_int(&st, 0);
    r->provider_id = stmt_int(&st, 1);
    r->person_id = stmt_int(&st, 2);
    r->invoice_date = stmt_date(&st, 3);
    r->period_from = stmt_date(&st, 4);
    r->period_to = stmt_date(&st, 5);
    r->sick_from = stmt_date(&st, 6);
    r->sick_to = stmt_date(&st, 7);
    r->sick_days = (int32_t)stmt_int(&st, 8);
    r->sick_ch = stmt_int(&st, 9);
    r->invoiced_ch = stmt_int(&st, 10);
    r->amount_ore = stmt_int(&st, 11);
    ROWS_COPY(r->status, stmt_text(&st, 12));
    r->number_key = fnv1a(stmt_text(&st, 13));
    const char *akey = stmt_text(&st, 14);
    r->has_assistant = akey[0] != '\0';
    r->assistant_key = r->has_assistant ? fnv1a(akey) | 1 : 0;
    r->assistant_relative = stmt_int(&st, 15) != 0;
    const char *kind = stmt_text(&st, 16);
    r->private_provider = !(kind[0] == 'm' && kind[1] == 'u'); /* not "municipal" */
    r->has_permit = stmt_int(&st, 17) != 0;
    r->permit_from = stmt_date(&st, 18);
    r->permit_to = stmt_date(&st, 19);
    r->fskatt_checked_on = stmt_date(&st, 20);
    r->started_on = stmt_date(&st, 21);
  }
  stmt_reset(&st);
  return rc == 0;
}

bool store_invoice_elsewhere(Db *db, Arena *a, ElsewhereRow **out, size_t *n, Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_INVOICE_ELSEWHERE, &st, e)) return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    ElsewhereRow *r = rows_push(a, (void **)out, n, &cap, sizeof **out);
    r->person_id = stmt_int(&st, 0);
    ROWS_COPY(r->kind, stmt_text(&st, 1));
    r->from = stmt_date(&st, 2);
    r->to = stmt_date(&st, 3);
  }
  stmt_reset(&st);
  return rc == 0;
}

bool store_invoice_action_insert(Db *db, int64_t invoice_id, const char *action, const char *note,
                                 Date acted_on, int64_t created_by, const char *created_at,
                                 int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_INVOICE_ACTION_INSERT, &st, e) && stmt_bind_int(&st, 1, invoice_id, e) &&
         stmt_bind_text(&st, 2, action, e) && stmt_bind_text(&st, 3, note, e) &&
         stmt_bind_date(&st, 4, acted_on, e) && stmt_bind_id(&st, 5, created_by, e) &&
         stmt_bind_text(&st, 6, created_at, e) && stmt_insert_id(&st, id, e);
}

bool store_invoice_actions(Db *db, int64_t invoice_id, Arena *a, InvoiceActionRec **out, size_t *n,
                           Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_INVOICE_ACTIONS, &st, e) || !stmt_bind_int(&st, 1, invoice_id, e))
    return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    InvoiceActionRec *r = rows_push(a, (void **)out, n, &cap, sizeof **out);
    r->id = stmt_int(&st, 0);
    ROWS_COPY(r->action, stmt_text(&st, 1));
    ROWS_COPY(r->note, stmt_text(&st, 2));
    r->acted_on = stmt_date(&st, 3);
    ROWS_COPY(r->by, stmt_text(&st, 4));
    ROWS_COPY(r->at, stmt_text(&st, 5));
  }
  stmt_reset(&st);
  return rc == 0;
}

