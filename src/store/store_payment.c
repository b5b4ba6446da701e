/* store_payment.c — payments (see store_payment.h). */
#include <string.h>

#include "store/db.h"
#include "store/rows.h"
#include "store/store.h"

/* Steps a one-row statement; *found says whether there was a row, row() copies it. */
#define ONE_ROW(st, found, row)                                                                    \
  do {                                                                                             \
    int rc_ = stmt_step(&(st), e);                                                                 \
    *(found) = rc_ == 1;                                                                           \
    if (rc_ == 1) {                                                                                \
      row;                                                                                         \
    }                                                                                              \
    stmt_reset(&(st));                                                                             \
    return rc_ >= 0;                                                                               \
  } while (0)

static bool count_one(Stmt *st, int64_t *n, Err *e) {
  int rc = stmt_step(st, e);
  *n = rc == 1 ? stmt_int(st, 0) : 0;
  stmt_reset(st);
  return rc >= 0;
}

static void pay_decision_row(Stmt *st, PayDecisionRec *d) {
  d->id = stmt_int(st, 0);
  d->case_id = stmt_int(st, 1);
  d->person_id = stmt_int(st, 2);
  d->provider_id = stmt_int(st, 3);
  d->executing_unit_id = stmt_int(st, 4);
  ROWS_COPY(d->insats, stmt_text(st, 5));
  ROWS_COPY(d->outcome, stmt_text(st, 6));
  ROWS_COPY(d->scope_unit, stmt_text(st, 7));
  d->scope_amount = stmt_int(st, 8);
  d->valid_from = stmt_date(st, 9);
  d->valid_to = stmt_date(st, 10);
  d->revoked_on = stmt_date(st, 11);
  d->decided_on = stmt_date(st, 12);
  d->birth_date = stmt_date(st, 13);
  ROWS_COPY(d->person_name, stmt_text(st, 14));
}

bool store_pay_decision(Db *db, int64_t id, PayDecisionRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_PAY_DECISION, &st, e) || !stmt_bind_int(&st, 1, id, e)) return false;
  ONE_ROW(st, found, pay_decision_row(&st, out));
}

bool store_pay_decisions_in_force(Db *db, const char *insats, Date first, Date last, Arena *a,
                                  PayDecisionRec **out, size_t *n, Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_PAY_DECISIONS_IN_FORCE, &st, e) || !stmt_bind_text(&st, 1, insats, e) ||
      !stmt_bind_date(&st, 2, first, e) || !stmt_bind_date(&st, 3, last, e))
    return false;
  size_t cap = 0;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1)
    pay_decision_row(&st, rows_push(a, (void **)out, n, &cap, sizeof **out));
  stmt_reset(&st);
  return rc == 0;
}

bool store_schablon_get(Db *db, int year, int64_t *ore, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_SCHABLON_GET, &st, e) || !stmt_bind_int(&st, 1, year, e)) return false;
  ONE_ROW(st, found, *ore = stmt_int(&st, 0));
}

bool store_schablon_set(Db *db, int year, int64_t ore, int64_t by, const char *at, const char *note,
                        Err *e) {
  Stmt st;
  return stmt_get(db, SQL_SCHABLON_DELETE, &st, e) && stmt_bind_int(&st, 1, year, e) &&
         stmt_exec(&st, e) && stmt_get(db, SQL_SCHABLON_INSERT, &st, e) &&
         stmt_bind_int(&st, 1, year, e) && stmt_bind_int(&st, 2, ore, e) &&
         stmt_bind_int(&st, 3, by, e) && stmt_bind_text(&st, 4, at, e) &&
         stmt_bind_text(&st, 5, note ? note : "", e) && stmt_exec(&st, e);
}

bool store_time_report_put(Db *db, const TimeReportRec *r, const char *at, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_TIME_REPORT_DELETE, &st, e) && stmt_bind_int(&st, 1, r->decision_id, e) &&
         stmt_bind_text(&st, 2, r->month, e) && stmt_bind_int(&st, 3, r->assistant_id, e) &&
         stmt_exec(&st, e) && stmt_get(db, SQL_TIME_REPORT_INSERT, &st, e) &&
         stmt_bind_int(&st, 1, r->decision_id, e) && stmt_bind_int(&st, 2, r->provider_id, e) &&
         stmt_bind_text(&st, 3, r->month, e) && stmt_bind_id(&st, 4, r->assistant_id, e) &&
         stmt_bind_int(&st, 5, r->minutes, e) && stmt_bind_date(&st, 6, r->received_on, e) &&
         stmt_bind_id(&st, 7, r->created_by, e) && stmt_bind_text(&st, 8, at, e) &&
         stmt_bind_bool(&st, 9, r->is_demo, e) && stmt_insert_id(&st, id, e);
}

bool store_time_report_list(Db *db, int64_t decision_id, const char *month, Arena *a,
                            TimeReportRec **out, size_t *n, Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_TIME_REPORT_LIST, &st, e) || !stmt_bind_int(&st, 1, decision_id, e) ||
      !stmt_bind_text(&st, 2, month ? month : "", e))
    return false;
  size_t cap = 0;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    TimeReportRec *r = rows_push(a, (void **)out, n, &cap, sizeof **out);
    r->id = stmt_int(&st, 0);
    r->decision_id = stmt_int(&st, 1);
    r->provider_id = stmt_int(&st, 2);
    ROWS_COPY(r->month, stmt_text(&st, 3));
    r->assistant_id = stmt_int(&st, 4);
    r->minutes = stmt_int(&st, 5);
    r->received_on = stmt_date(&st, 6);
  }
  stmt_reset(&st);
  return rc == 0;
}

bool store_assistant_of_provider(Db *db, int64_t assistant_id, int64_t provider_id,
                                 int64_t person_id, bool *yes, Err *e) {
  Stmt st;
  int64_t n = 0;
  bool ok = stmt_get(db, SQL_ASSISTANT_OF_PROVIDER, &st, e) &&
            stmt_bind_int(&st, 1, assistant_id, e) && stmt_bind_int(&st, 2, provider_id, e) &&
            stmt_bind_int(&st, 3, person_id, e) && count_one(&st, &n, e);
  *yes = n > 0;
  return ok;
}

bool store_pay_consent_insert(Db *db, const ConsentPayRec *r, const char *at, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_PAY_CONSENT_INSERT, &st, e) && stmt_bind_int(&st, 1, r->decision_id, e) &&
         stmt_bind_int(&st, 2, r->provider_id, e) && stmt_bind_date(&st, 3, r->given_on, e) &&
         stmt_bind_text(&st, 4, r->signed_by, e) && stmt_bind_text(&st, 5, r->guardian2, e) &&
         stmt_bind_id(&st, 6, r->created_by, e) && stmt_bind_text(&st, 7, at, e) &&
         stmt_bind_bool(&st, 8, r->is_demo, e) && stmt_insert_id(&st, id, e);
}

bool store_pay_consent_count(Db *db, int64_t decision_id, int64_t provider_id, int64_t *n, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_PAY_CONSENT_COUNT, &st, e) && stmt_bind_int(&st, 1, decision_id, e) &&
         stmt_bind_int(&st, 2, provider_id, e) && count_one(&st, n, e);
}

bool store_fk_notice_add(Db *db, int64_t decision_id, int64_t person_id, const char *form,
                         const char *rule, Date due_on, const char *at, bool is_demo, bool *added,
                         Err *e) {
  Stmt st;
  bool ok = stmt_get(db, SQL_FK_NOTICE_INSERT, &st, e) && stmt_bind_int(&st, 1, decision_id, e) &&
            stmt_bind_int(&st, 2, person_id, e) && stmt_bind_text(&st, 3, form, e) &&
            stmt_bind_text(&st, 4, rule, e) && stmt_bind_date(&st, 5, due_on, e) &&
            stmt_bind_text(&st, 6, at, e) && stmt_bind_bool(&st, 7, is_demo, e) &&
            stmt_exec(&st, e);
  *added = ok && db->drv->changes(db) > 0;
  return ok;
}

static void fk_notice_row(Stmt *st, FkNoticeRec *r) {
  r->id = stmt_int(st, 0);
  r->decision_id = stmt_int(st, 1);
  r->person_id = stmt_int(st, 2);
  ROWS_COPY(r->form, stmt_text(st, 3));
  ROWS_COPY(r->rule, stmt_text(st, 4));
  r->due_on = stmt_date(st, 5);
  ROWS_COPY(r->created_at, stmt_text(st, 6));
  r->sent_on = stmt_date(st, 7);
  r->sent_by = stmt_int(st, 8);
}

bool store_fk_notice_get(Db *db, int64_t id, FkNoticeRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_FK_NOTICE_GET, &st, e) || !stmt_bind_int(&st, 1, id, e)) return false;
  ONE_ROW(st, found, fk_notice_row(&st, out));
}

bool store_fk_notice_list(Db *db, int64_t person_id, Arena *a, FkNoticeRec **out, size_t *n,
                          Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  bool ok = person_id ? stmt_get(db, SQL_FK_NOTICE_BY_PERSON, &st, e) &&
                            stmt_bind_int(&st, 1, person_id, e)
                      : stmt_get(db, SQL_FK_NOTICE_OPEN, &st, e);
  if (!ok) return false;
  size_t cap = 0;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1)
    fk_notice_row(&st, rows_push(a, (void **)out, n, &cap, sizeof **out));
  stmt_reset(&st);
  return rc == 0;
}

bool store_fk_notice_set_sent(Db *db, int64_t id, Date sent_on, int64_t by, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_FK_NOTICE_SET_SENT, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_date(&st, 2, sent_on, e) && stmt_bind_id(&st, 3, by, e) && stmt_exec(&st, e);
}

bool store_fk_notice_set_claim_due(Db *db, int64_t person_id, Date due_on, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_FK_NOTICE_SET_DUE, &st, e) && stmt_bind_int(&st, 1, person_id, e) &&
         stmt_bind_date(&st, 2, due_on, e) && stmt_exec(&st, e);
}

bool store_fk_due(Db *db, const char *form, int64_t person_id, Arena *a, FkDue **out, size_t *n,
                  Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  bool one = person_id > 0;
  SqlId id = strcmp(form, "3078") == 0   ? (one ? SQL_FK_DUE_3078_PERSON : SQL_FK_DUE_3078)
             : strcmp(form, "3064") == 0 ? (one ? SQL_FK_DUE_3064_PERSON : SQL_FK_DUE_3064)
                                         : (one ? SQL_FK_DUE_3032_PERSON : SQL_FK_DUE_3032);
  bool claim = strcmp(form, "3032") == 0;
  if (!stmt_get(db, id, &st, e) || (one && !stmt_bind_int(&st, 1, person_id, e))) return false;
  size_t cap = 0;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    FkDue *d = rows_push(a, (void **)out, n, &cap, sizeof **out);
    d->decision_id = stmt_int(&st, 0);
    d->person_id = stmt_int(&st, 1);
    d->due_on = claim ? stmt_date(&st, 2) : DATE_NONE;
  }
  stmt_reset(&st);
  return rc == 0;
}

bool store_fk_notice_open_for_officer(Db *db, int64_t officer_id, int limit, Arena *a,
                                      FkOpenRow **out, size_t *n, Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_FK_NOTICE_OPEN_FOR_OFFICER, &st, e) ||
      !stmt_bind_int(&st, 1, officer_id, e) || !stmt_bind_int(&st, 2, limit, e))
    return false;
  size_t cap = 0;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    FkOpenRow *r = rows_push(a, (void **)out, n, &cap, sizeof **out);
    r->n.id = stmt_int(&st, 0);
    r->n.decision_id = stmt_int(&st, 1);
    r->n.person_id = stmt_int(&st, 2);
    ROWS_COPY(r->n.form, stmt_text(&st, 3));
    ROWS_COPY(r->n.rule, stmt_text(&st, 4));
    r->n.due_on = stmt_date(&st, 5);
    ROWS_COPY(r->n.created_at, stmt_text(&st, 6));
    r->n.sent_on = DATE_NONE;
    ROWS_COPY(r->given_name, stmt_text(&st, 7));
    ROWS_COPY(r->family_name, stmt_text(&st, 8));
    r->case_id = stmt_int(&st, 9);
    ROWS_COPY(r->insats, stmt_text(&st, 10));
  }
  stmt_reset(&st);
  return rc == 0;
}

bool store_fk_decision_insert(Db *db, const FkDecisionRec *r, const char *at, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_FK_DECISION_INSERT, &st, e) && stmt_bind_int(&st, 1, r->person_id, e) &&
         stmt_bind_bool(&st, 2, r->granted, e) && stmt_bind_int(&st, 3, r->minutes_per_week, e) &&
         stmt_bind_date(&st, 4, r->valid_from, e) && stmt_bind_date(&st, 5, r->valid_to, e) &&
         stmt_bind_date(&st, 6, r->decided_on, e) && stmt_bind_date(&st, 7, r->notified_on, e) &&
         stmt_bind_id(&st, 8, r->created_by, e) && stmt_bind_text(&st, 9, at, e) &&
         stmt_bind_bool(&st, 10, r->is_demo, e) && stmt_insert_id(&st, id, e);
}

bool store_fk_decision_list(Db *db, int64_t person_id, Arena *a, FkDecisionRec **out, size_t *n,
                            Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_FK_DECISION_BY_PERSON, &st, e) || !stmt_bind_int(&st, 1, person_id, e))
    return false;
  size_t cap = 0;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    FkDecisionRec *r = rows_push(a, (void **)out, n, &cap, sizeof **out);
    r->id = stmt_int(&st, 0);
    r->person_id = stmt_int(&st, 1);
    r->granted = stmt_int(&st, 2) != 0;
    r->minutes_per_week = stmt_int(&st, 3);
    r->valid_from = stmt_date(&st, 4);
    r->valid_to = stmt_date(&st, 5);
    r->decided_on = stmt_date(&st, 6);
    r->notified_on = stmt_date(&st, 7);
  }
  stmt_reset(&st);
  return rc == 0;
}

bool store_rate_app_insert(Db *db, const RateAppRec *r, const char *at, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_RATE_APP_INSERT, &st, e) && stmt_bind_int(&st, 1, r->decision_id, e) &&
         stmt_bind_text(&st, 2, r->month, e) && stmt_bind_int(&st, 3, r->rate_ore, e) &&
         stmt_bind_text(&st, 4, r->reason, e) && stmt_bind_id(&st, 5, r->created_by, e) &&
         stmt_bind_text(&st, 6, at, e) && stmt_bind_bool(&st, 7, r->is_demo, e) &&
         stmt_insert_id(&st, id, e);
}

static void rate_app_row(Stmt *st, RateAppRec *r) {
  r->id = stmt_int(st, 0);
  r->decision_id = stmt_int(st, 1);
  ROWS_COPY(r->month, stmt_text(st, 2));
  r->rate_ore = stmt_int(st, 3);
  ROWS_COPY(r->reason, stmt_text(st, 4));
  ROWS_COPY(r->state, stmt_text(st, 5));
  r->decided_by = stmt_int(st, 6);
  ROWS_COPY(r->decision_note, stmt_text(st, 7));
}

bool store_rate_app_get(Db *db, int64_t id, RateAppRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_RATE_APP_GET, &st, e) || !stmt_bind_int(&st, 1, id, e)) return false;
  ONE_ROW(st, found, rate_app_row(&st, out));
}

bool store_rate_app_by_month(Db *db, const char *month, Arena *a, RateAppRec **out, size_t *n,
                             Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_RATE_APP_BY_MONTH, &st, e) || !stmt_bind_text(&st, 1, month, e))
    return false;
  size_t cap = 0;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1)
    rate_app_row(&st, rows_push(a, (void **)out, n, &cap, sizeof **out));
  stmt_reset(&st);
  return rc == 0;
}

bool store_rate_app_decide(Db *db, int64_t id, const char *state, int64_t by, const char *at,
                           const char *note, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_RATE_APP_DECIDE, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_text(&st, 2, state, e) && stmt_bind_id(&st, 3, by, e) &&
         stmt_bind_text(&st, 4, at, e) && stmt_bind_text(&st, 5, note ? note : "", e) &&
         stmt_exec(&st, e);
}

bool store_receipt_insert(Db *db, const ReceiptRec *r, const char *at, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_RECEIPT_INSERT, &st, e) && stmt_bind_int(&st, 1, r->decision_id, e) &&
         stmt_bind_text(&st, 2, r->month, e) && stmt_bind_int(&st, 3, r->amount_ore, e) &&
         stmt_bind_text(&st, 4, r->note, e) && stmt_bind_id(&st, 5, r->created_by, e) &&
         stmt_bind_text(&st, 6, at, e) && stmt_bind_bool(&st, 7, r->is_demo, e) &&
         stmt_insert_id(&st, id, e);
}

static void receipt_row(Stmt *st, ReceiptRec *r) {
  r->id = stmt_int(st, 0);
  r->decision_id = stmt_int(st, 1);
  ROWS_COPY(r->month, stmt_text(st, 2));
  r->amount_ore = stmt_int(st, 3);
  ROWS_COPY(r->note, stmt_text(st, 4));
  r->approved_by = stmt_int(st, 5);
}

bool store_receipt_get(Db *db, int64_t id, ReceiptRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_RECEIPT_GET, &st, e) || !stmt_bind_int(&st, 1, id, e)) return false;
  ONE_ROW(st, found, receipt_row(&st, out));
}

bool store_receipts_open(Db *db, int64_t unit_id, Arena *a, ReceiptRec **out, size_t *n, Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_RECEIPTS_OPEN, &st, e) || !stmt_bind_int(&st, 1, unit_id, e)) return false;
  size_t cap = 0;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1)
    receipt_row(&st, rows_push(a, (void **)out, n, &cap, sizeof **out));
  stmt_reset(&st);
  return rc == 0;
}

bool store_receipt_approve(Db *db, int64_t id, int64_t by, const char *at, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_RECEIPT_APPROVE, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_id(&st, 2, by, e) && stmt_bind_text(&st, 3, at, e) && stmt_exec(&st, e);
}

bool store_settle_month_get(Db *db, const char *month, SettleMonthRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_SETTLE_MONTH_GET, &st, e) || !stmt_bind_text(&st, 1, month, e))
    return false;
  ONE_ROW(st, found, {
    ROWS_COPY(out->month, stmt_text(&st, 0));
    ROWS_COPY(out->state, stmt_text(&st, 1));
    out->schablon_ore = stmt_int(&st, 2);
    out->run_by = stmt_int(&st, 3);
    ROWS_COPY(out->run_at, stmt_text(&st, 4));
    out->attested_by = stmt_int(&st, 5);
    ROWS_COPY(out->attested_at, stmt_text(&st, 6));
    ROWS_COPY(out->exported_at, stmt_text(&st, 7));
  });
}

bool store_settle_month_put(Db *db, const char *month, int64_t schablon_ore, int64_t by,
                            const char *at, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_SETTLE_MONTH_PUT, &st, e) && stmt_bind_text(&st, 1, month, e) &&
         stmt_bind_int(&st, 2, schablon_ore, e) && stmt_bind_int(&st, 3, by, e) &&
         stmt_bind_text(&st, 4, at, e) && stmt_exec(&st, e);
}

bool store_settle_month_attest(Db *db, const char *month, int64_t by, const char *at, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_SETTLE_MONTH_ATTEST, &st, e) && stmt_bind_text(&st, 1, month, e) &&
         stmt_bind_id(&st, 2, by, e) && stmt_bind_text(&st, 3, at, e) && stmt_exec(&st, e);
}

bool store_settle_month_exported(Db *db, const char *month, const char *at, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_SETTLE_MONTH_EXPORTED, &st, e) && stmt_bind_text(&st, 1, month, e) &&
         stmt_bind_text(&st, 2, at, e) && stmt_exec(&st, e);
}

bool store_settle_source(Db *db, const char *month, Date first, Date last, Arena *a,
                         SettleSource **out, size_t *n, Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_SETTLE_SOURCE, &st, e) || !stmt_bind_text(&st, 1, month, e) ||
      !stmt_bind_date(&st, 2, first, e) || !stmt_bind_date(&st, 3, last, e))
    return false;
  size_t cap = 0;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    SettleSource *r = rows_push(a, (void **)out, n, &cap, sizeof **out);
    r->decision_id = stmt_int(&st, 0);
    r->person_id = stmt_int(&st, 1);
    r->scope_amount = stmt_int(&st, 2);
    ROWS_COPY(r->scope_unit, stmt_text(&st, 3));
    r->valid_from = stmt_date(&st, 4);
    r->valid_to = stmt_date(&st, 5);
    r->revoked_on = stmt_date(&st, 6);
    r->provider_id = stmt_int(&st, 7);
    r->has_order = stmt_int(&st, 8) != 0;
    r->reported_minutes = stmt_int(&st, 9);
    r->n_reports = stmt_int(&st, 10);
    r->higher_rate_ore = stmt_int(&st, 11);
    r->receipts_ore = stmt_int(&st, 12);
    r->consents = stmt_int(&st, 13);
    r->fk_cover = stmt_int(&st, 14);
    r->hospital_stays = stmt_int(&st, 15);
    r->over_granted = stmt_int(&st, 16);
  }
  stmt_reset(&st);
  return rc == 0;
}

bool store_settle_lines_delete(Db *db, const char *month, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_SETTLE_LINES_DELETE, &st, e) && stmt_bind_text(&st, 1, month, e) &&
         stmt_exec(&st, e);
}

bool store_settle_line_insert(Db *db, const SettleLineRec *l, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_SETTLE_LINE_INSERT, &st, e) && stmt_bind_text(&st, 1, l->month, e) &&
         stmt_bind_int(&st, 2, l->decision_id, e) && stmt_bind_int(&st, 3, l->person_id, e) &&
         stmt_bind_id(&st, 4, l->provider_id, e) && stmt_bind_int(&st, 5, l->granted_minutes, e) &&
         stmt_bind_int(&st, 6, l->reported_minutes, e) &&
         stmt_bind_int(&st, 7, l->paid_minutes, e) &&
         stmt_bind_int(&st, 8, l->municipal_minutes, e) &&
         stmt_bind_int(&st, 9, l->fk_minutes, e) && stmt_bind_int(&st, 10, l->rate_ore, e) &&
         stmt_bind_int(&st, 11, l->hours_ore, e) && stmt_bind_int(&st, 12, l->expense_ore, e) &&
         stmt_bind_int(&st, 13, l->total_ore, e) && stmt_bind_bool(&st, 14, l->payable, e) &&
         stmt_bind_text(&st, 15, l->reasons, e) && stmt_bind_text(&st, 16, l->flags, e) &&
         stmt_exec(&st, e);
}

bool store_settle_lines(Db *db, const char *month, int64_t decision_id, bool gaps_only, Arena *a,
                        SettleLineRec **out, size_t *n, Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_SETTLE_LINES, &st, e) || !stmt_bind_text(&st, 1, month, e) ||
      !stmt_bind_int(&st, 2, decision_id, e) || !stmt_bind_bool(&st, 3, gaps_only, e))
    return false;
  size_t cap = 0;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    SettleLineRec *l = rows_push(a, (void **)out, n, &cap, sizeof **out);
    l->id = stmt_int(&st, 0);
    ROWS_COPY(l->month, stmt_text(&st, 1));
    l->decision_id = stmt_int(&st, 2);
    l->person_id = stmt_int(&st, 3);
    l->provider_id = stmt_int(&st, 4);
    l->granted_minutes = stmt_int(&st, 5);
    l->reported_minutes = stmt_int(&st, 6);
    l->paid_minutes = stmt_int(&st, 7);
    l->municipal_minutes = stmt_int(&st, 8);
    l->fk_minutes = stmt_int(&st, 9);
    l->rate_ore = stmt_int(&st, 10);
    l->hours_ore = stmt_int(&st, 11);
    l->expense_ore = stmt_int(&st, 12);
    l->total_ore = stmt_int(&st, 13);
    l->payable = stmt_int(&st, 14) != 0;
    ROWS_COPY(l->reasons, stmt_text(&st, 15));
    ROWS_COPY(l->flags, stmt_text(&st, 16));
    ROWS_COPY(l->provider_name, stmt_text(&st, 17));
    ROWS_COPY(l->provider_orgnr, stmt_text(&st, 18));
  }
  stmt_reset(&st);
  return rc == 0;
}

bool store_settle_totals(Db *db, const char *month, SettleTotals *out, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_SETTLE_TOTALS, &st, e) || !stmt_bind_text(&st, 1, month, e)) return false;
  int rc = stmt_step(&st, e);
  *out = (SettleTotals){0};
  if (rc == 1) {
    out->lines = stmt_int(&st, 0);
    out->payable = stmt_int(&st, 1);
    out->payable_ore = stmt_int(&st, 2);
    out->flagged = stmt_int(&st, 3);
    out->invoices = stmt_int(&st, 4);
    out->invoices_payable = stmt_int(&st, 5);
    out->invoices_payable_ore = stmt_int(&st, 6);
  }
  stmt_reset(&st);
  return rc >= 0;
}

bool store_hab_attendance_put(Db *db, int64_t decision_id, Date day, const char *attendance,
                              int64_t by, const char *at, bool is_demo, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_HAB_ATTENDANCE_DELETE, &st, e) && stmt_bind_int(&st, 1, decision_id, e) &&
         stmt_bind_date(&st, 2, day, e) && stmt_exec(&st, e) &&
         stmt_get(db, SQL_HAB_ATTENDANCE_INSERT, &st, e) && stmt_bind_int(&st, 1, decision_id, e) &&
         stmt_bind_date(&st, 2, day, e) && stmt_bind_text(&st, 3, attendance, e) &&
         stmt_bind_id(&st, 4, by, e) && stmt_bind_text(&st, 5, at, e) &&
         stmt_bind_bool(&st, 6, is_demo, e) && stmt_exec(&st, e);
}

bool store_hab_attendance_list(Db *db, Date first, Date last, int64_t decision_id,
                               int64_t unit_id, Arena *a, HabAttendanceRec **out, size_t *n,
                               Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_HAB_ATTENDANCE_MONTH, &st, e) || !stmt_bind_date(&st, 1, first, e) ||
      !stmt_bind_date(&st, 2, last, e) || !stmt_bind_int(&st, 3, decision_id, e) ||
      !stmt_bind_int(&st, 4, unit_id, e))
    return false;
  size_t cap = 0;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    HabAttendanceRec *r = rows_push(a, (void **)out, n, &cap, sizeof **out);
    r->decision_id = stmt_int(&st, 0);
    r->person_id = stmt_int(&st, 1);
    r->day = stmt_date(&st, 2);
    ROWS_COPY(r->attendance, stmt_text(&st, 3));
  }
  stmt_reset(&st);
  return rc == 0;
}

bool store_hab_lines_delete(Db *db, const char *month, int64_t unit_id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_HAB_LINES_DELETE, &st, e) && stmt_bind_text(&st, 1, month, e) &&
         stmt_bind_int(&st, 2, unit_id, e) && stmt_exec(&st, e);
}

bool store_hab_line_insert(Db *db, const HabLineRec *l, int64_t by, const char *at, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_HAB_LINE_INSERT, &st, e) && stmt_bind_text(&st, 1, l->month, e) &&
         stmt_bind_int(&st, 2, l->decision_id, e) && stmt_bind_int(&st, 3, l->person_id, e) &&
         stmt_bind_int(&st, 4, l->full_days, e) && stmt_bind_int(&st, 5, l->half_days, e) &&
         stmt_bind_int(&st, 6, l->unpaid_days, e) && stmt_bind_int(&st, 7, l->amount_ore, e) &&
         stmt_bind_date(&st, 8, l->pay_on, e) && stmt_bind_int(&st, 9, by, e) &&
         stmt_bind_text(&st, 10, at, e) && stmt_exec(&st, e);
}

bool store_hab_lines(Db *db, const char *month, int64_t unit_id, Arena *a, HabLineRec **out,
                     size_t *n, Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_HAB_LINES, &st, e) || !stmt_bind_text(&st, 1, month, e) ||
      !stmt_bind_int(&st, 2, unit_id, e))
    return false;
  size_t cap = 0;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    HabLineRec *l = rows_push(a, (void **)out, n, &cap, sizeof **out);
    ROWS_COPY(l->month, stmt_text(&st, 0));
    l->decision_id = stmt_int(&st, 1);
    l->person_id = stmt_int(&st, 2);
    l->full_days = stmt_int(&st, 3);
    l->half_days = stmt_int(&st, 4);
    l->unpaid_days = stmt_int(&st, 5);
    l->amount_ore = stmt_int(&st, 6);
    l->pay_on = stmt_date(&st, 7);
    ROWS_COPY(l->pnr, stmt_text(&st, 8));
    ROWS_COPY(l->person_name, stmt_text(&st, 9));
  }
  stmt_reset(&st);
  return rc == 0;
}
