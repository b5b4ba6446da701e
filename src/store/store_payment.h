/* store_payment.h — payments (store_payment.c): time reports, the administrator's schablonbelopp
 * consent to payment, Försäkringskassan's notices and decisions,
 * higher-rate applications and expense receipts, the monthly settlement, habilitation
 * attendance and its run. Included by store.h. */
#ifndef INSATS_STORE_STORE_PAYMENT_H
#define INSATS_STORE_STORE_PAYMENT_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"

typedef struct Db Db;

#define PAY_MONTH_LEN 8 /* "YYYY-MM" + NUL */

/* A decision with what payments need: its person, provider (from the order) and period. */
typedef struct {
  int64_t id, case_id, person_id, provider_id, executing_unit_id;
  char insats[40], outcome[20], scope_unit[20];
  int64_t scope_amount;
  Date valid_from, valid_to, revoked_on, decided_on, birth_date;
  char person_name[260]; /* for lists the caller may show (R-133 is the service's) */
} PayDecisionRec;
bool store_pay_decision(Db *db, int64_t id, PayDecisionRec *out, bool *found, Err *e);
/* Granted decisions of `insats` whose period touches first..last (revocations not applied). */
bool store_pay_decisions_in_force(Db *db, const char *insats, Date first, Date last, Arena *a,
                                  PayDecisionRec **out, size_t *n, Err *e);

bool store_schablon_get(Db *db, int year, int64_t *ore, bool *found, Err *e);
bool store_schablon_set(Db *db, int year, int64_t ore, int64_t by, const char *at, const char *note,
                        Err *e);

typedef struct {
  int64_t id, decision_id, provider_id, assistant_id, minutes, created_by;
  char month[PAY_MONTH_LEN];
  Date received_on;
  bool is_demo;
} TimeReportRec;
/* Replaces the line for (decision, month, assistant or 0). */
bool store_time_report_put(Db *db, const TimeReportRec *r, const char *at, int64_t *id, Err *e);
/* month "" = every month. */
bool store_time_report_list(Db *db, int64_t decision_id, const char *month, Arena *a,
                            TimeReportRec **out, size_t *n, Err *e);
bool store_assistant_of_provider(Db *db, int64_t assistant_id, int64_t provider_id,
                                 int64_t person_id, bool *yes, Err *e);

typedef struct {
  int64_t decision_id, provider_id, created_by;
  Date given_on;
  char signed_by[120], guardian2[120];
  bool is_demo;
} ConsentPayRec;
bool store_pay_consent_insert(Db *db, const ConsentPayRec *r, const char *at, int64_t *id, Err *e);
bool store_pay_consent_count(Db *db, int64_t decision_id, int64_t provider_id, int64_t *n, Err *e);

typedef struct {
  int64_t id, decision_id, person_id, sent_by;
  char form[8], rule[8], created_at[24];
  Date due_on, sent_on;
} FkNoticeRec;
/* Adds the notice unless one of that form exists for the decision; *added says which. */
bool store_fk_notice_add(Db *db, int64_t decision_id, int64_t person_id, const char *form,
                         const char *rule, Date due_on, const char *at, bool is_demo, bool *added,
                         Err *e);
bool store_fk_notice_get(Db *db, int64_t id, FkNoticeRec *out, bool *found, Err *e);
/* person_id 0: every open (unsent) notice. */
bool store_fk_notice_list(Db *db, int64_t person_id, Arena *a, FkNoticeRec **out, size_t *n,
                          Err *e);
bool store_fk_notice_set_sent(Db *db, int64_t id, Date sent_on, int64_t by, Err *e);
bool store_fk_notice_set_claim_due(Db *db, int64_t person_id, Date due_on, Err *e);

typedef struct {
  int64_t decision_id, person_id;
  Date due_on;
} FkDue;
/* form "3078", "3064" or "3032": the decisions the rules now call a notice for — the person's
 * only (person_id > 0), or everyone's (0). */
bool store_fk_due(Db *db, const char *form, int64_t person_id, Arena *a, FkDue **out, size_t *n,
                  Err *e);

/* An open (unsent) notice with whom and what it concerns, for the officer's work list. */
typedef struct {
  FkNoticeRec n;
  int64_t case_id;
  char given_name[128], family_name[128], insats[24];
} FkOpenRow;
/* The open notices of the cases `officer_id` is responsible for, the earliest due first (a
 * notice without a due date is due at once: its creation day); at most `limit`. */
bool store_fk_notice_open_for_officer(Db *db, int64_t officer_id, int limit, Arena *a,
                                      FkOpenRow **out, size_t *n, Err *e);

typedef struct {
  int64_t id, person_id, minutes_per_week, created_by;
  bool granted, is_demo;
  Date valid_from, valid_to, decided_on, notified_on;
} FkDecisionRec;
bool store_fk_decision_insert(Db *db, const FkDecisionRec *r, const char *at, int64_t *id, Err *e);
bool store_fk_decision_list(Db *db, int64_t person_id, Arena *a, FkDecisionRec **out, size_t *n,
                            Err *e);

typedef struct {
  int64_t id, decision_id, rate_ore, decided_by, created_by;
  char month[PAY_MONTH_LEN], reason[400], state[12], decision_note[400];
  bool is_demo;
} RateAppRec;
bool store_rate_app_insert(Db *db, const RateAppRec *r, const char *at, int64_t *id, Err *e);
bool store_rate_app_get(Db *db, int64_t id, RateAppRec *out, bool *found, Err *e);
bool store_rate_app_by_month(Db *db, const char *month, Arena *a, RateAppRec **out, size_t *n,
                             Err *e);
bool store_rate_app_decide(Db *db, int64_t id, const char *state, int64_t by, const char *at,
                           const char *note, Err *e);

typedef struct {
  int64_t id, decision_id, amount_ore, approved_by, created_by;
  char month[PAY_MONTH_LEN], note[200];
  bool is_demo;
} ReceiptRec;
bool store_receipt_insert(Db *db, const ReceiptRec *r, const char *at, int64_t *id, Err *e);
bool store_receipt_get(Db *db, int64_t id, ReceiptRec *out, bool *found, Err *e);
/* Receipts no one has approved, of decisions executed by `unit_id` (0: all). */
bool store_receipts_open(Db *db, int64_t unit_id, Arena *a, ReceiptRec **out, size_t *n, Err *e);
bool store_receipt_approve(Db *db, int64_t id, int64_t by, const char *at, Err *e);

typedef struct {
  char month[PAY_MONTH_LEN], state[12]; /* draft, attested, exported */
  int64_t schablon_ore, run_by, attested_by;
  char run_at[24], attested_at[24], exported_at[24];
} SettleMonthRec;
bool store_settle_month_get(Db *db, const char *month, SettleMonthRec *out, bool *found, Err *e);
bool store_settle_month_put(Db *db, const char *month, int64_t schablon_ore, int64_t by,
                            const char *at, Err *e);
bool store_settle_month_attest(Db *db, const char *month, int64_t by, const char *at, Err *e);
bool store_settle_month_exported(Db *db, const char *month, const char *at, Err *e);

/* One decision's facts for the month's settlement (SQL_SETTLE_SOURCE). */
typedef struct {
  int64_t decision_id, person_id, scope_amount, provider_id, reported_minutes, n_reports;
  int64_t higher_rate_ore; /* 0: none approved */
  int64_t receipts_ore, consents, fk_cover, hospital_stays;
  int64_t over_granted; /* finance approved paying the hours beyond the grant */
  bool has_order; /* an order exists; provider_id 0 then means the unit itself */
  char scope_unit[20];
  Date valid_from, valid_to, revoked_on;
} SettleSource;
bool store_settle_source(Db *db, const char *month, Date first, Date last, Arena *a,
                         SettleSource **out, size_t *n, Err *e);

typedef struct {
  int64_t id, decision_id, person_id, provider_id;
  int64_t granted_minutes, reported_minutes, paid_minutes, municipal_minutes, fk_minutes;
  int64_t rate_ore, hours_ore, expense_ore, total_ore;
  bool payable;
  char month[PAY_MONTH_LEN], reasons[1024], flags[1024], provider_name[128], provider_orgnr[16];
} SettleLineRec;
bool store_settle_lines_delete(Db *db, const char *month, Err *e);
bool store_settle_line_insert(Db *db, const SettleLineRec *l, Err *e);
/* decision_id 0: all; gaps_only: lines with a flag or not payable (the reconciliation). */
bool store_settle_lines(Db *db, const char *month, int64_t decision_id, bool gaps_only, Arena *a,
                        SettleLineRec **out, size_t *n, Err *e);
typedef struct {
  int64_t lines, payable, payable_ore, flagged;
  int64_t invoices, invoices_payable, invoices_payable_ore; /* sick-pay invoice lines */
} SettleTotals;
bool store_settle_totals(Db *db, const char *month, SettleTotals *out, Err *e);

/* ---- hours beyond the grant, approved for one decision and month (store_over_grant.c) ---- */
typedef struct {
  char reason[1024], approved_at[24], approved_by_name[128];
} OverGrantRec;
bool store_over_grant_insert(Db *db, int64_t decision_id, const char *month, const char *reason,
                             int64_t by, const char *at, int64_t *id, Err *e);
bool store_over_grant_delete(Db *db, int64_t decision_id, const char *month, Err *e);
bool store_over_grant_get(Db *db, int64_t decision_id, const char *month, OverGrantRec *out,
                          bool *found, Err *e);

/* ---- sick-pay invoices paid through the settlement (R-074; store_settle_invoice.c) ---- */
typedef struct {
  int64_t invoice_id, provider_id, person_id, amount_ore;
  int64_t consents; /* the person's consents to payment to the provider, given by the month's end */
} SettleInvoiceSource;
/* Approved invoices not yet paid, approved on or before `last` (the month's last day), that no
 * other attested or exported month holds. */
bool store_settle_inv_source(Db *db, const char *month, Date last, Arena *a,
                             SettleInvoiceSource **out, size_t *n, Err *e);
typedef struct {
  int64_t id, invoice_id, provider_id, person_id, amount_ore;
  bool payable;
  char month[PAY_MONTH_LEN], reasons[1024], provider_name[128], provider_orgnr[16];
  char invoice_no[64], status[16], paid_month[PAY_MONTH_LEN]; /* the invoice's, now */
  Date invoice_date, sick_from, sick_to;
} SettleInvoiceLineRec;
bool store_settle_inv_delete(Db *db, const char *month, Err *e);
bool store_settle_inv_insert(Db *db, const SettleInvoiceLineRec *l, Err *e);
bool store_settle_inv_lines(Db *db, const char *month, Arena *a, SettleInvoiceLineRec **out,
                            size_t *n, Err *e);
/* How many of the month's invoice lines another attested or exported month also holds. */
bool store_settle_inv_locked_elsewhere(Db *db, const char *month, int64_t *n, Err *e);
/* The month's payable invoices, still approved and unpaid, are marked paid by `month`. */
bool store_settle_inv_mark_paid(Db *db, const char *month, Err *e);

typedef struct {
  int64_t decision_id, person_id;
  Date day;
  char attendance[12];
} HabAttendanceRec;
bool store_hab_attendance_put(Db *db, int64_t decision_id, Date day, const char *attendance,
                              int64_t by, const char *at, bool is_demo, Err *e);
/* decision_id 0: all decisions; unit_id 0: every unit's, else decisions executed by that
 * unit; days first..last. */
bool store_hab_attendance_list(Db *db, Date first, Date last, int64_t decision_id,
                               int64_t unit_id, Arena *a, HabAttendanceRec **out, size_t *n,
                               Err *e);

typedef struct {
  char month[PAY_MONTH_LEN];
  int64_t decision_id, person_id, full_days, half_days, unpaid_days, amount_ore;
  Date pay_on;
  char pnr[16], person_name[128]; /* the participant: habiliteringsersättning is paid to them */
} HabLineRec;
/* unit_id 0: every line of the month; else the lines of decisions executed by that unit. */
bool store_hab_lines_delete(Db *db, const char *month, int64_t unit_id, Err *e);
bool store_hab_line_insert(Db *db, const HabLineRec *l, int64_t by, const char *at, Err *e);
bool store_hab_lines(Db *db, const char *month, int64_t unit_id, Arena *a, HabLineRec **out,
                     size_t *n, Err *e);

/* The habilitation month's state (store_hab_month.c): draft, attested, exported. */
typedef struct {
  char month[PAY_MONTH_LEN], state[12];
  int64_t attested_by;
  char attested_at[24], exported_at[24];
} HabMonthRec;
bool store_hab_month_get(Db *db, const char *month, HabMonthRec *out, bool *found, Err *e);
/* A new month is a draft; a draft records its latest run; a locked month is left unchanged. */
bool store_hab_month_put(Db *db, const char *month, int64_t by, const char *at, Err *e);
bool store_hab_month_attest(Db *db, const char *month, int64_t by, const char *at, Err *e);
bool store_hab_month_exported(Db *db, const char *month, const char *at, Err *e);

#endif
