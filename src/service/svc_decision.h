/* svc_decision.h — decisions and what follows them (decision_svc.c, appeal_svc.c): deciding one
 * requested insats, recording when the
 * person received it, the order to the executing unit, revocation, appeals
 * and the access-checked reads. Included by service.h.
 *
 * Every write: CAP_DECIDE (an officer), the person's access rule, one transaction with
 * its audit event, and the case's deadlines recomputed before commit.
 *
 * The case state (core/case_state.h): each first decision of a requested insats must be allowed
 * by the state machine's DECIDE step (R-030: communicated, or an exception recorded); the case
 * moves to `decided` with the decision of its last undecided insats. An admissible appeal moves
 * it to `appealed`; it returns to `decided` when no appeal of the case is pending any more.
 *
 * One decision per requested insats. A later decision of the same insats is made only
 *   - by reconsideration of an appeal (39 § FL; svc_appeal_reconsider with a changed decision),
 *   - after the court changed or returned the decision (svc_decision_create again: the new
 *     decision is linked to that appeal as its changed_decision_id).
 * A review of a lasting decision is a new case (kind "review") with decisions of its own.
 * Must not: contain SQL, or know HTTP or HTML. */
#ifndef INSATS_SERVICE_SVC_DECISION_H
#define INSATS_SERVICE_SVC_DECISION_H

#include "service/svc_base.h"

#define SVC_APPEAL_WEEKS 3 /* 44 § FL, three weeks from notification (law, not policy) */
#define SVC_DECISION_MAX_WARNINGS 4

typedef struct {
  int64_t case_insats_id;
  const char *outcome;      /* granted, partly_granted, rejected, dismissed */
  const char *applied_for;  /* what was applied for, as the person put it */
  const char *decided_text; /* what is granted or rejected */
  /* Scope (insats.h): personlig_assistans, ledsagarservice, avlosarservice in hours_per_week or
   * hours_per_month with the amount in whole MINUTES (37 h 30 min = 2250); korttidsvistelse in
   * days_per_month (days); "" and 0 for the other insatser and for decisions granting nothing. */
  int64_t scope_amount;
  const char *scope_unit;
  int personkrets; /* 1–3; required when granted, 0 = not established */
  Date valid_from; /* DATE_NONE: from decided_on */
  /* lasting unless time-limited after individual consideration. Time-limited without
   * valid_to: the policy's default period (limit_months_*) from valid_from, inclusive;
   * korttidstillsyn and elevhem (boende_barn): until the requested insats' upper-secondary end.
   * A valid_to makes the decision time-limited. */
  bool time_limited;
  Date valid_to;
  Date review_date;              /* required for granted personal assistance */
  const char *revocation_clause; /* "" = none */
  const char *grounds;           /* the reasons */
  const char *goals;             /* the goals for the executing unit; required if granted */
  Date decided_on;               /* not in the future, not before the application */
  const char *decided_by_name;   /* NULL/"" = the acting user's full name */
  const char *decided_by_title;  /* NULL/"" = the acting user's title */
  bool appeal_instructions;      /* required unless granted in full */
  Date notified_on;              /* optional; may be recorded later (svc_decision_notify) */
  bool is_demo;
} DecisionIn;

/* Something the decision-maker should look at; the decision is made nevertheless. */
typedef struct {
  char rule[16];
  char field[48];
  char msg[320]; /* Swedish */
} DecisionWarning;

typedef struct {
  int64_t id;
  Date valid_to; /* as stored: the explicit or the computed end; DATE_NONE if lasting */
  DecisionWarning warnings[SVC_DECISION_MAX_WARNINGS]; /* */
  size_t n_warnings;
} DecisionOut;

/* Decides one requested insats. Refused (ERR_RULE with the rule) e.g. without communication or
 * a recorded exception, without appeal instructions when not granted in full,
 * granted personal assistance without a review date, daglig verksamhet for personkrets 3
 * personal assistance applied for after the age limit. */
bool svc_decision_create(Svc *s, const DecisionIn *in, DecisionOut *out, Err *e);

/* the day the person received the decision (starts the appeal period). Once. */
bool svc_decision_notify(Svc *s, int64_t decision_id, Date on, Err *e);

/* ---- the order to the executing unit (R-040) ---- */
typedef struct {
  int64_t decision_id;
  int64_t unit_id;     /* an executing unit */
  int64_t provider_id; /* 0 = the unit itself */
  Date sent_on;
  const char *goals; /* NULL: the decision's goals */
  const char *note;
} OrderIn;

/* Sends a favourable decision to the executing unit's manager; one order per decision. Sets the
 * decision's executing unit, so the unit's contact and plan deadlines open. */
bool svc_order_create(Svc *s, const OrderIn *in, int64_t *id, Err *e);
/* (The unit manager acknowledges the order with svc_execution_receive_order, svc_execution.h.) */

/* ---- revocation (R-034, 37 § FL) ---- */
typedef struct {
  int64_t decision_id;
  Date revoked_on;
  const char *ground; /* safety, incorrect_information, revocation_clause — nothing else */
  const char *reasons;
  const char *decided_by_name, *decided_by_title; /* NULL/"": the acting user's */
  bool appeal_instructions; /* required: a revocation goes against the person */
  Date notified_on;         /* optional */
} RevocationIn;

bool svc_revocation_create(Svc *s, const RevocationIn *in, int64_t *id, Err *e);
/* The day the person received the revocation (starts its appeal period). Once. */
bool svc_revocation_notify(Svc *s, int64_t revocation_id, Date on, Err *e);

/* ---- appeals (R-120) ---- */

/* the last day an appeal of a decision received on `notified_on` reaches the
 * municipality in time: three weeks later, moved past a weekend, holiday or eve. */
Date svc_appeal_last_day(Date notified_on);

typedef struct {
  int64_t decision_id;
  Date received_on;
  /* 45 § FL: a late appeal is not dismissed when the delay was caused by wrong appeal
   * instructions; only meaningful when the appeal is late. */
  bool late_excused;
} AppealIn;

typedef struct {
  int64_t id;
  bool timely;
  bool admissible; /* timely, or late but excused: the municipality tries it */
  Date last_day;   /* DATE_NONE when the decision's notification is not recorded */
} AppealOut;

/* Registers an appeal and judges its timeliness (45 § FL). The period runs from the day the
 * person received the decision (notified_on); an appeal that arrives before any notification is
 * recorded is in time (the period has not begun). A late, unexcused appeal is recorded and to be
 * dismissed: it does not move the case, and it cannot be reconsidered or forwarded. */
bool svc_appeal_register(Svc *s, const AppealIn *in, AppealOut *out, Err *e);

/* 39 § FL: the municipality tries its own decision before forwarding. `changed` NULL: the
 * decision stands (forward the appeal next). Otherwise a new decision of the same requested
 * insats is made from `changed` (its case_insats_id is taken from the appealed decision): if it
 * grants in full the appeal lapses (46 § FL); if not, the appeal covers the new decision and is
 * forwarded. *out (may be NULL) gets the new decision. */
bool svc_appeal_reconsider(Svc *s, int64_t appeal_id, Date on, const DecisionIn *changed,
                           DecisionOut *out, Err *e);
/* Sends the appeal with the file to the court (förvaltningsrätten). */
bool svc_appeal_forward(Svc *s, int64_t appeal_id, Date on, const char *court, Err *e);
/* The court's outcome: upheld, changed, returned, dismissed. After changed or returned a new
 * decision of the insats is made with svc_decision_create. */
bool svc_appeal_court_outcome(Svc *s, int64_t appeal_id, const char *outcome, Date on, Err *e);

/* ---- reads (audited, R-133) ---- */
typedef struct {
  DecisionRec d;
  bool has_order;
  OrderRec order;
  bool revoked;
  RevocationRec revocation;
  AppealRec *appeals;
  size_t n_appeals;
} DecisionView;

/* Every decision of a case (in decision order) with its order, revocation and appeals. */
bool svc_decision_list_for_case(Svc *s, int64_t case_id, Arena *a, DecisionView **out, size_t *n,
                                Err *e);
bool svc_decision_open(Svc *s, int64_t decision_id, Arena *a, DecisionView *out, Err *e);

#endif
