/* svc_payment.h — payments for personal assistance and daglig verksamhet (issue 5 items 4–5):
 * the provider's monthly time reports, the schablonbelopp for years the law table lacks,
 * written consent to payment to the chosen provider, higher-rate applications (R-073,
 * R-142), expense receipts approved by the unit manager, the monthly settlement with its
 * attestation, CSV export and reconciliation (payment_svc.c, settlement_svc.c); Försäkringskassan:
 * notice tasks for forms 3078, 3064 and 3032 and FK's decisions (R-110–R-112, fk_svc.c);
 * habilitation attendance and the monthly habiliteringsersättning run (R-087,
 * habilitation_svc.c). Included by service.h. Must not: contain SQL. */
#ifndef INSATS_SERVICE_SVC_PAYMENT_H
#define INSATS_SERVICE_SVC_PAYMENT_H

#include "base/str.h"
#include "service/svc_base.h"

/* "YYYY-MM" → year and month; ERR_INVALID naming `field` otherwise. */
bool svc_pay_month_parse(const char *month, const char *field, int *y, int *m, Err *e);

/* ---- schablonbelopp (R-142) ---- */
/* The year's schablonbelopp: the law's table (2018–2024) or what the administrator entered;
 * ERR_RULE R-142 when neither has it. */
bool svc_schablon_for_year(Svc *s, int year, int64_t *ore, Err *e);
/* CAP_ADMIN: enters (or corrects) a year from 2025 on, from the yearly förordning. Years the
 * law table has are refused. */
bool svc_schablon_set(Svc *s, int year, int64_t ore, const char *note, Err *e);

/* ---- time reports ---- */
typedef struct {
  int64_t decision_id;
  const char *month;    /* YYYY-MM */
  int64_t assistant_id; /* 0: the provider's total for the month */
  int64_t minutes;
  Date received_on;
  bool is_demo;
} TimeReportIn;
/* CAP_FINANCE or CAP_EXECUTE. The decision is granted personal assistance in force during the
 * month, with a provider ordered; the assistant (if given) is the provider's for the person.
 * Replaces an earlier report of the same line. Refused in an attested month. */
bool svc_time_report_record(Svc *s, const TimeReportIn *in, int64_t *id, Err *e);
bool svc_time_report_list(Svc *s, int64_t decision_id, const char *month, Arena *a,
                          TimeReportRec **out, size_t *n, Err *e);
/* A time report file (time_report_import.c): lines "beslut;manad;assistent;minuter;inkommen"
 * (decision id; YYYY-MM; the assistant's id or empty for the provider's total; minutes;
 * received YYYY-MM-DD), ';'-separated, LF or CRLF; a first line starting with "beslut" is the
 * header; blank lines are skipped. */
typedef struct {
  size_t line;   /* 1-based line of the file */
  char msg[400]; /* Swedish, with the rule when one refuses */
} TimeReportRowError;
typedef struct {
  size_t rows;                   /* data lines read */
  size_t imported;               /* lines imported (0 when any line was bad) */
  TimeReportRowError *errors;    /* every bad line, in file order (arena) */
  size_t n_errors;
} TimeReportImport;
#define SVC_TIMEREPORT_IMPORT_MAX_BYTES (4u << 20) /* 4 MiB */
#define SVC_TIMEREPORT_IMPORT_MAX_ROWS 50000
/* CAP_FINANCE or CAP_EXECUTE. All or nothing, in one transaction: every line is checked, also
 * after a bad one, and when any is bad nothing is imported and false is returned with every bad
 * line in out->errors and e holding the first line's refusal (its code and rule; the message
 * says how many lines are bad). */
bool svc_time_report_import(Svc *s, const char *csv, size_t len, Arena *a, TimeReportImport *out,
                            Err *e);

/* ---- consent to payment (R-071) ---- */
typedef struct {
  int64_t decision_id;
  Date given_on;
  const char *signed_by; /* the person, or for a child the first guardian */
  const char *guardian2; /* a child's second guardian: required under 18 */
  bool is_demo;
} PayConsentIn;
/* CAP_CASE_WRITE or CAP_EXECUTE, under the person's access rule: the person's written consent to
 * payment to the provider ordered for the decision; a child needs both guardians. */
bool svc_pay_consent_record(Svc *s, const PayConsentIn *in, int64_t *id, Err *e);

/* ---- higher rate and expenses (R-073) ---- */
/* CAP_FINANCE: the provider's application for a higher rate for one month; a rate not above the
 * schablon or more than 12 % above it is refused. */
bool svc_rate_apply(Svc *s, int64_t decision_id, const char *month, int64_t rate_ore,
                    const char *reason, bool is_demo, int64_t *id, Err *e);
/* CAP_FINANCE: approves or refuses (a refusal needs a note) an applied rate. */
bool svc_rate_decide(Svc *s, int64_t id, bool approve, const char *note, Err *e);
bool svc_rate_list(Svc *s, const char *month, Arena *a, RateAppRec **out, size_t *n, Err *e);
/* CAP_FINANCE or CAP_EXECUTE: a receipt for assistance expenses of a month. */
bool svc_receipt_record(Svc *s, int64_t decision_id, const char *month, int64_t amount_ore,
                        const char *note, bool is_demo, int64_t *id, Err *e);
/* CAP_EXECUTE: receipts waiting for approval of decisions executed by the user's unit. */
bool svc_receipt_list_open(Svc *s, Arena *a, ReceiptRec **out, size_t *n, Err *e);
/* only a unit manager approves expense receipts (ERR_FORBIDDEN R-073 otherwise). */
bool svc_receipt_approve(Svc *s, int64_t id, Err *e);

/* ---- the monthly settlement (R-073, R-071, R-110, R-142) ---- */
typedef struct {
  char month[PAY_MONTH_LEN];
  char state[12]; /* "" = never run, draft, attested, exported */
  int64_t schablon_ore;
  SettleTotals totals;
} SettleSummary;
/* CAP_FINANCE: computes every granted personal-assistance decision in force during the month.
 * Idempotent: a rerun replaces the draft's lines; an attested or exported month is locked
 * (ERR_RULE R-073). A line is not payable, with its reasons, when the provider lacks a valid
 * permit or a recent F-skatt check, the person's consent to payment is missing,
 * no provider is ordered, or the provider is the municipality itself. The run also puts in
 * every approved, unpaid sick-pay invoice approved by the month's last day that no other
 * attested month holds, one line each, payable under the same R-071 judgement. */
bool svc_settle_run(Svc *s, const char *month, SettleSummary *out, Err *e);
bool svc_settle_get(Svc *s, const char *month, SettleSummary *out, Err *e);
/* CAP_FINANCE: the draft becomes attested (locked). */
bool svc_settle_attest(Svc *s, const char *month, Err *e);
/* CAP_FINANCE: lines of the month (decision_id 0 = all); gaps_only = the reconciliation: lines
 * where granted, reported and paid hours differ, a hospital stay overlaps, or not payable. */
bool svc_settle_lines(Svc *s, const char *month, int64_t decision_id, bool gaps_only, Arena *a,
                      SettleLineRec **out, size_t *n, Err *e);
/* CAP_FINANCE: the payable lines as CSV for the finance system (docs/payments.md); only an
 * attested month; marks it exported and its sick-pay invoices paid. */
bool svc_settle_export(Svc *s, const char *month, Str *csv, Err *e);
/* CAP_FINANCE (settlement_over_grant.c): approves paying the hours reported beyond the grant on
 * one decision's line for the month — an exception, with a required reason, once per decision
 * and month, audited (settlement.over_grant); refused for a locked month. The next run
 * pays what was reported. */
bool svc_settle_over_grant(Svc *s, int64_t decision_id, const char *month, const char *reason,
                           Err *e);
/* CAP_FINANCE: withdraws that exception, with a reason (audited as
 * settlement.over_grant_withdrawn), while the month is not locked; the next run pays the granted
 * hours again. Refused (ERR_CONFLICT R-073) when there is none, (ERR_RULE R-073) when locked. */
bool svc_settle_over_grant_withdraw(Svc *s, int64_t decision_id, const char *month,
                                    const char *reason, Err *e);
bool svc_settle_over_grant_get(Svc *s, int64_t decision_id, const char *month, OverGrantRec *out,
                               bool *found, Err *e);
/* CAP_FINANCE: the month's sick-pay invoice lines: approved invoices the run put in,
 * payable or with their reasons. */
bool svc_settle_invoice_lines(Svc *s, const char *month, Arena *a, SettleInvoiceLineRec **out,
                              size_t *n, Err *e);

/* ---- Försäkringskassan (R-110, R-111, R-112) ---- */
/* Creates the notice tasks the rules now call for (3078: R-110; 3064: R-111; 3032: R-112) for
 * everyone (`insats fk refresh`); *added counts them. The commands that make a notice due (a
 * granted decision, an assessment, execution started, FK's decision, a notice sent) already
 * create the person's in their own transaction: this catches up on anything else (rows
 * written outside the services). Own transaction; system, CAP_CASE_WRITE or CAP_FINANCE. */
bool svc_fk_refresh(Svc *s, size_t *added, Err *e);
/* The person's FK notices and decisions (CAP_PERSON_READ under the access rule, or CAP_FINANCE);
 * a read: it creates nothing. */
bool svc_fk_list(Svc *s, int64_t person_id, Arena *a, FkNoticeRec **notices, size_t *nn,
                 FkDecisionRec **decisions, size_t *nd, Err *e);
/* Mitt arbete: the open notices of the cases the user is responsible for, the earliest due
 * first, at most SVC_FK_OPEN_LIMIT (CAP_PERSON_READ). */
#define SVC_FK_OPEN_LIMIT 50
bool svc_fk_open_mine(Svc *s, Arena *a, FkOpenRow **out, size_t *n, Err *e);
/* CAP_CASE_WRITE under the access rule: the notice was sent to FK on `sent_on`. */
bool svc_fk_notice_sent(Svc *s, int64_t notice_id, Date sent_on, Err *e);

typedef struct {
  int64_t person_id;
  bool granted;
  int64_t minutes_per_week;
  Date valid_from, valid_to, decided_on, notified_on;
  bool is_demo;
} FkDecisionIn;
/* CAP_CASE_WRITE under the access rule: FK's decision on assistansersättning. Its notification
 * date becomes the due date of an open 3032 claim. */
bool svc_fk_decision_record(Svc *s, const FkDecisionIn *in, int64_t *id, Err *e);

#define FK_FORM_MAX_FIELDS 16
typedef struct {
  char form[8], title[120], rule[8];
  size_t n;
  struct {
    char label[80], value[400];
  } fields[FK_FORM_MAX_FIELDS];
} FkForm;
/* The filled-in content of the notice's form (3078, 3064 or 3032), for a printable page. */
bool svc_fk_form(Svc *s, int64_t notice_id, FkForm *out, Err *e);

/* ---- habiliteringsersättning (R-087) ---- */
/* CAP_EXECUTE: one participant's attendance on one day (full_day, half_day, leave, sick,
 * studies, absent) for a granted daglig verksamhet decision in force that day. */
bool svc_hab_attendance_set(Svc *s, int64_t decision_id, Date day, const char *attendance,
                            bool is_demo, Err *e);
/* The same for a whole month in one command (days[i] is day i+1's code; NULL leaves the day as it
 * is): all days or none, one audit event. */
bool svc_hab_attendance_set_month(Svc *s, int64_t decision_id, int year, int month,
                                  const char *const days[31], bool is_demo, Err *e);
/* CAP_EXECUTE: the granted daglig verksamhet decisions in force during the month that are
 * ordered to the user's unit (all for the system). */
bool svc_hab_participants(Svc *s, const char *month, Arena *a, PayDecisionRec **out, size_t *n,
                          Err *e);
bool svc_hab_attendance_list(Svc *s, const char *month, int64_t decision_id, Arena *a,
                             HabAttendanceRec **out, size_t *n, Err *e);
typedef struct {
  char month[PAY_MONTH_LEN];
  Date pay_on;
  int64_t participants, amount_ore;
} HabRunSummary;
/* CAP_FINANCE or CAP_EXECUTE: the month's attendance becomes one line per participant, paid on
 * the policy's day of the FOLLOWING month (the 27th) or the bank day before.
 * Rerunnable while a draft: replaces the month's lines — a unit manager's run only those of
 * the own unit's participants, finance's every unit's. Refused (ERR_RULE R-087) once
 * finance has attested the month; attendance for it is then refused too. */
bool svc_hab_run(Svc *s, const char *month, HabRunSummary *out, Err *e);
/* The month's lines: a unit manager's own unit's; finance's all. The attendance list and the
 * participants follow the same rule. */
bool svc_hab_lines(Svc *s, const char *month, Arena *a, HabLineRec **out, size_t *n, Err *e);
/* habilitation_month.c: the month's state ("" = never run, draft, attested, exported). */
bool svc_hab_month_state(Svc *s, const char *month, char state[12], Err *e);
/* CAP_FINANCE: the draft becomes attested (locked). */
bool svc_hab_attest(Svc *s, const char *month, Err *e);
/* CAP_FINANCE: an attested month's lines with an amount as CSV (docs/payments.md); marks it
 * exported. The participant is paid, so the line names them (personnummer, name). */
bool svc_hab_export(Svc *s, const char *month, Str *csv, Err *e);

#endif
