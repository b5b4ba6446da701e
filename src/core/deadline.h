/* deadline.h — every deadline of one LSS case, computed from the case's facts.
 *
 * The caller fills a DeadlineCase with what has happened (application received, decision,
 * notification, contact, execution, interruptions, follow-ups, appeal, closure, …) and passes
 * today's date and the Policy in force; deadline_compute() returns each deadline domain.md names
 * for those facts (R-020, R-021, R-022, R-030, R-032, R-033, R-040, R-041, R-050, R-052, R-084,
 * ), with its rule, legal basis, the inputs it came from, its state relative
 * to today and one Swedish sentence explaining it. Statutory limits (R-120, the four weeks of
 * R-021) are moved past holidays by R-121; policy limits show the exact date. Month arithmetic
 * follows R-122. Only deadlines whose inputs exist are produced; met deadlines are kept so that a
 * timeline can show them. Findings that are not deadlines (a personal-assistance decision without
 * a review date, R-033) come back as problems.
 *
 * Field names in errors and problems are the case-fact names of the JSON format ("decision.date",
 * "interruptions[1].resumed_on"), so every adapter can show them as they are.
 * Must not: read the clock, do I/O, allocate except from the Arena passed in, or keep state. */
#ifndef INSATS_CORE_DEADLINE_H
#define INSATS_CORE_DEADLINE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"
#include "core/insats.h"
#include "core/policy.h"

/* Bounds of one case's lists (the CLI refuses longer input with a message naming the field). */
#define DEADLINE_MAX_INTERRUPTIONS 16
#define DEADLINE_MAX_OFFERS 16
#define DEADLINE_MAX_FOLLOW_UPS 32
#define DEADLINE_MAX 96 /* more than the most one case can produce */
#define DEADLINE_MAX_PROBLEMS 16
#define DEADLINE_MAX_INPUTS 6

/* Dates a case may carry: the calendar covers 1900–2200, and every deadline lies
 * at most a few years after its input. */
#define DEADLINE_MIN_YEAR 1900
#define DEADLINE_MAX_YEAR 2199

typedef enum {
  DEADLINE_OUTCOME_NONE = 0,       /* no decision yet */
  DEADLINE_OUTCOME_GRANTED,        /* bifall */
  DEADLINE_OUTCOME_PARTLY_GRANTED, /* delvis bifall */
  DEADLINE_OUTCOME_REJECTED,       /* avslag */
  DEADLINE_OUTCOME_DISMISSED,      /* avvisning */
} DeadlineOutcome;

typedef enum {
  DEADLINE_CLOSURE_NONE = 0,
  DEADLINE_CLOSURE_WITHDRAWN,  /* ansökan återkallad */
  DEADLINE_CLOSURE_NEED_ENDED, /* behovet har upphört */
  DEADLINE_CLOSURE_MOVED,      /* den enskilde har flyttat från kommunen */
  DEADLINE_CLOSURE_DECEASED,   /* den enskilde har avlidit */
  DEADLINE_CLOSURE_OTHER,
} DeadlineClosure;

typedef struct {
  Date interrupted_on; /* verkställigheten avbröts */
  Date resumed_on;     /* återupptogs; DATE_NONE while interrupted */
} DeadlineInterruption;

typedef struct {
  Date offered_on; /* erbjudande om verkställighet */
  bool refused;    /* the person said no (does not end R-100) */
} DeadlineOffer;

/* The facts of one case. Every Date is DATE_NONE when unknown. */
typedef struct {
  InsatsKind insats;
  Date application_received; /* ansökan kom in */
  Date birth_date;           /* person; for R-084 */

  Date communication_sent_on;  /* kommunicering, R-030 */
  Date communication_reply_by; /* sista svarsdag */
  Date communication_reply_received_on;

  Date delay_notified_on;   /* underrättelse om försening, R-022 (11 § FL) */
  Date written_request_on;  /* skriftlig begäran om avgörande, R-021 (12 § FL) */
  Date request_rejected_on; /* begäran avslogs i ett särskilt beslut (12 § FL) */

  DeadlineOutcome outcome;
  Date decision_date;
  Date valid_from;   /* the decision's first day; decision_date when unknown */
  Date valid_to;     /* time-limited decision: last day (inclusive) */
  bool time_limited; /* time-limited without valid_to: the policy's default period */
  Date review_date;  /* omprövningsdatum, R-033 */
  Date reviewed_on;  /* the review took place */
  Date notified_on;  /* the person received the decision (delgivning), R-120 */

  Date contact_on;  /* the executing unit contacted the person, R-040 */
  Date executed_on; /* the insats actually started, R-100 */
  Date plan_on;     /* genomförandeplan drawn up, R-041 */
  DeadlineOffer offers[DEADLINE_MAX_OFFERS];
  size_t noffers;
  DeadlineInterruption interruptions[DEADLINE_MAX_INTERRUPTIONS]; /* in date order */
  size_t ninterruptions;
  Date follow_ups[DEADLINE_MAX_FOLLOW_UPS]; /* uppföljningar, ascending, R-050 */
  size_t nfollow_ups;

  Date ip_offered_on;     /* individuell plan (10 § LSS) erbjuden, R-052 */
  bool ip_declined;       /* the person said no to the plan */
  Date ip_established_on; /* upprättad */
  Date ip_reviewed_on;    /* senast omprövad */

  Date forhandsbesked_available_from; /* förhandsbesked: insatsen tillgänglig från, R-091 */

  Date spring_term_ends_on;     /* vårterminens slut the year the person turns 13, R-084 */
  Date upper_secondary_ends_on; /* gymnasieskolans slut, R-084 / R-032 */

  Date appeal_received_on; /* överklagande kom in, R-120 */

  Date closed_on; /* ärendet avslutat (closure ends R-100) */
  DeadlineClosure closure_reason;
} DeadlineCase;

typedef enum {
  DEADLINE_DECISION_DUE,            /* R-020 handling time */
  DEADLINE_DELAY_NOTICE,            /* R-022 tell the person why the decision is late */
  DEADLINE_REQUEST_RIGHT,           /* R-021 six months: the person may request a decision */
  DEADLINE_DECISION_AFTER_REQUEST,  /* R-021 four weeks after the written request */
  DEADLINE_COMMUNICATION_REPLY,     /* R-030 the person's time to reply */
  DEADLINE_APPEAL,                  /* R-120 three weeks from notification */
  DEADLINE_CONTACT,                 /* */
  DEADLINE_IP_OFFER,                /* R-052 offer an individual plan */
  DEADLINE_IVO_REPORT,              /* R-100 not executed within three months */
  DEADLINE_PLAN,                    /* R-041 genomförandeplan */
  DEADLINE_IVO_REPORT_INTERRUPTION, /* R-100 not resumed within three months */
  DEADLINE_FOLLOW_UP,               /* R-050 at least every follow_up_months */
  DEADLINE_IP_REVIEW,               /* R-052 individual plan reviewed yearly */
  DEADLINE_FOLLOW_UP_BEFORE_EXPIRY, /* R-050 time-limited decision followed up before it ends */
  DEADLINE_REVIEW,                  /* R-033 omprövningsdatum */
  DEADLINE_FORHANDSBESKED_EXPIRES,  /* */
  DEADLINE_DECISION_ENDS,           /* last day of a time-limited decision */
  DEADLINE_KIND_COUNT
} DeadlineKind;

/* A duty is something someone must do by `due`; a period end is a date when something stops
 * (a decision's validity, the appeal period) and is not work by itself. */
typedef enum { DEADLINE_DUTY, DEADLINE_PERIOD_END } DeadlineNature;

typedef enum {
  DEADLINE_STATE_OPEN,     /* due later, not yet in the warning window */
  DEADLINE_STATE_DUE_SOON, /* today is on or after warn_from, on or before due */
  DEADLINE_STATE_OVERDUE,  /* due has passed, not met, can still be met */
  DEADLINE_STATE_MET,      /* met on met_on (late when met_on is after due) */
  DEADLINE_STATE_MISSED,   /* due passed unmet and can no longer be met (e.g. the decision was
                              made without the delay notice, the case was closed) */
  DEADLINE_STATE_EXPIRED,  /* a period end that has passed */
} DeadlineState;

typedef enum { DEADLINE_BASIS_LAW, DEADLINE_BASIS_POLICY } DeadlineBasis;

typedef struct {
  const char *name;  /* case-fact or policy name: "decision.date", "policy.contact_days" */
  const char *value; /* its value as text: "2026-02-14", "14" */
} DeadlineInput;

typedef struct {
  DeadlineKind kind;
  DeadlineNature nature;
  Date due;           /* the last day (inclusive), after any R-121 extension */
  Date warn_from;     /* DATE_NONE when the rule has no warning window */
  Date extended_from; /* the statutory last day before extension; DATE_NONE if not moved */
  bool statutory;     /* a statutory time limit to which R-121 applies */
  const char *rule;   /* "R-100" */
  DeadlineBasis basis;
  const char *reference; /* "28 f § LSS", "9 § FL; riktlinjer" */
  DeadlineInput inputs[DEADLINE_MAX_INPUTS];
  size_t ninputs;
  DeadlineState state;
  Date met_on;             /* DATE_NONE unless met */
  const char *met_by;      /* the fact that met it: "execution.executed_on", "closure.closed_on" */
  bool late;               /* met after due */
  Date report_quarter_end; /* first quarter end for the IVO report, if reportable */
  int seq;                 /* which one of its kind (interruptions, follow-ups), from 0 */
  const char *explanation; /* one Swedish sentence (arena) */
} Deadline;

typedef struct {
  const char *rule;    /* "R-033" */
  const char *field;   /* "decision.review_date" */
  const char *message; /* Swedish (arena) */
} DeadlineProblem;

typedef struct {
  Deadline items[DEADLINE_MAX]; /* sorted by due date */
  size_t count;
  DeadlineProblem problems[DEADLINE_MAX_PROBLEMS];
  size_t nproblems;
} DeadlineList;

void deadline_case_init(DeadlineCase *c);

/* Checks the facts for contradictions (decision before application, resumed before
 * interrupted, execution of a rejected decision, events after today, dates outside
 * 1900–2199, …). On failure fills e (ERR_INVALID, the field, a Swedish message) and returns
 * false. */
bool deadline_case_check(const DeadlineCase *c, Date today, Err *e);

/* Computes every deadline of the case (after deadline_case_check) into *out, sorted by due
 * date. Strings live in `a`. Returns false with e filled if the case is contradictory. */
bool deadline_compute(const DeadlineCase *c, Date today, const Policy *p, Arena *a,
                      DeadlineList *out, Err *e);

/* The Swedish sentence for one computed deadline (deadline_explain.c). */
const char *deadline_explain(const Deadline *d, const DeadlineCase *c, const Policy *p, Date today,
                             Arena *a);

/* The words an overdue duty's sentence ends with, relative to today: ", 5 dagar efter fristen"
 * (before the final "."). Only kinds for which deadline_tells_days_overdue() say them. The
 * deadline table stores sentences without them, so that a daily refresh rewrites only deadlines
 * whose state changed, and the service puts them back for the day a row is shown. */
#define DEADLINE_OVERDUE_WORDS_LEN 48
const char *deadline_overdue_words(Date due, Date today, char out[DEADLINE_OVERDUE_WORDS_LEN]);
bool deadline_tells_days_overdue(DeadlineKind k);

/* The n-th (from 0) deadline of `kind` in the list, or NULL. */
const Deadline *deadline_find(const DeadlineList *l, DeadlineKind kind, size_t n);

/* the last day of the calendar quarter containing d (31 March, 30 June, …). */
Date deadline_quarter_end(Date d);

/* Stable codes for JSON and the database. */
const char *deadline_kind_code(DeadlineKind k);               /* "ivo_report" */
DeadlineKind deadline_kind_from_code(const char *code);       /* DEADLINE_KIND_COUNT if unknown */
const char *deadline_state_code(DeadlineState s);             /* "due_soon" */
const char *deadline_basis_code(DeadlineBasis b);             /* "law" / "policy" */
const char *deadline_outcome_code(DeadlineOutcome o);         /* "partly_granted" */
DeadlineOutcome deadline_outcome_from_code(const char *code); /* NONE if unknown */
const char *deadline_closure_code(DeadlineClosure r);
DeadlineClosure deadline_closure_from_code(const char *code); /* NONE if unknown */
const char *deadline_closure_text(DeadlineClosure r);         /* Swedish: "ansökan återkallad" */

#endif
