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
/* Imports lines "decision_id;YYYY-MM;assistant_id;minutes;received_on" (a header line starting
 * with "beslut" is skipped), all in one transaction: one bad line refuses the whole file, naming
 * its line number. */
bool svc_time_report_import(Svc *s, const char *csv, size_t *n, Err *e);

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
 * no provider is ordered, or the provider is the municipality itself. */
bool svc_settle_run(Svc *s, const char *month, SettleSummary *out, Err *e);
bool svc_settle_get(Svc *s, const char *month, SettleSummary *out, Err *e);
/* CAP_FINANCE: the draft becomes attested (locked). */
bool svc_settle_attest(Svc *s, const char *month, Err *e);
/* CAP_FINANCE: lines of the month (decision_id 0 = all); gaps_only = the reconciliation: lines
 * where granted, reported and paid hours differ, a hospital stay overlaps, or not payable. */
bool svc_settle_lines(Svc *s, const char *month, int64_t decision_id, bool gaps_only, Arena *a,
                      SettleLineRec **out, size_t *n, Err *e);
/* CAP_FINANCE: the payable lines as CSV for the finance system (docs/payments.md); only an
 * attested month; marks it exported. */
bool svc_settle_export(Svc *s, const char *month, Str *csv, Err *e);

/* ---- Försäkringskassan (R-110, R-111, R-112) ---- */
/* Creates the notice tasks the rules now call for (3078: R-110; 3064: R-111; 3032: R-112);
 * *added counts them. Inside its own transaction; system, CAP_CASE_WRITE or CAP_FINANCE. */
bool svc_fk_refresh(Svc *s, size_t *added, Err *e);
/* The person's FK notices and decisions (CAP_PERSON_READ under the access rule, or CAP_FINANCE);
 * refreshes the tasks first. */
bool svc_fk_list(Svc *s, int64_t person_id, Arena *a, FkNoticeRec **notices, size_t *nn,
                 FkDecisionRec **decisions, size_t *nd, Err *e);
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
 * Rerunnable: replaces the month's lines. */
bool svc_hab_run(Svc *s, const char *month, HabRunSummary *out, Err *e);
bool svc_hab_lines(Svc *s, const char *month, Arena *a, HabLineRec **out, size_t *n, Err *e);

#endif
