/* deadline.c — computes the deadlines of one case from its facts (see deadline.h).
 *
 * Each rule has one function that adds the deadlines it owns, with the inputs they came from and
 * what met them; deadline_compute() then applies closure and the decision's end, sets each
 * state against today, writes the explanation (deadline_explain.c) and sorts by due date.
 * Contradictory facts are refused by deadline_case_check() (deadline_check.c).
 * Must not: read the clock, do I/O, allocate except from the Arena, or keep state. */
#include "core/deadline.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"

/* R-021 (12 § FL): the statutory figures are law, not policy. */
#define REQUEST_RIGHT_MONTHS 6  /* the case not decided within six months of the application */
#define REQUEST_DECIDE_WEEKS 4  /* decide or reject the request within four weeks */
#define APPEAL_WEEKS 3          /* R-120 (44 § FL) */
#define IVO_MONTHS 3            /* R-100 (28 f § LSS) */
#define FORHANDSBESKED_MONTHS 6 /* R-091 (16 § LSS) */
#define IP_REVIEW_MONTHS 12     /* R-052 (10 § LSS): at least once a year */


/* What closing the case does to a deadline that is not met. */
typedef enum {
  CLOSE_MEETS,   /* closure ends the duty (handling time, R-100: "only execution or closure") */
  CLOSE_CANCELS, /* due before closure: missed (or expired); due later: never came due, dropped */
  CLOSE_IGNORED, /* runs regardless (the appeal period, the reply period) */
} CloseEffect;

typedef struct {
  const char *code;
  const char *rule;
  DeadlineNature nature;
  DeadlineBasis basis;
  const char *reference;
  CloseEffect on_close;
  bool ends_with_decision; /* unmet and due after a time-limited decision's last day: dropped */
} KindInfo;

static const KindInfo kinds[DEADLINE_KIND_COUNT] = {
    [DEADLINE_DECISION_DUE] = {"decision_due", "R-020", DEADLINE_DUTY, DEADLINE_BASIS_POLICY,
                               "9 § FL; riktlinjer", CLOSE_MEETS, false},
    [DEADLINE_DELAY_NOTICE] = {"delay_notice", "R-022", DEADLINE_DUTY, DEADLINE_BASIS_LAW,
                               "11 § FL", CLOSE_CANCELS, false},
    [DEADLINE_REQUEST_RIGHT] = {"request_right", "R-021", DEADLINE_DUTY, DEADLINE_BASIS_LAW,
                                "12 § FL", CLOSE_MEETS, false},
    [DEADLINE_DECISION_AFTER_REQUEST] = {"decision_after_request", "R-021", DEADLINE_DUTY,
                                         DEADLINE_BASIS_LAW, "12 § FL", CLOSE_MEETS, false},
    [DEADLINE_COMMUNICATION_REPLY] = {"communication_reply", "R-030", DEADLINE_PERIOD_END,
                                      DEADLINE_BASIS_LAW, "25 § FL", CLOSE_IGNORED, false},
    [DEADLINE_APPEAL] = {"appeal_period", "R-120", DEADLINE_PERIOD_END, DEADLINE_BASIS_LAW,
                         "44 § FL", CLOSE_IGNORED, false},
    [DEADLINE_CONTACT] = {"contact_due", "R-040", DEADLINE_DUTY, DEADLINE_BASIS_POLICY,
                          "riktlinjer", CLOSE_CANCELS, true},
    [DEADLINE_IP_OFFER] = {"individual_plan_offer", "R-052", DEADLINE_DUTY, DEADLINE_BASIS_LAW,
                           "10 § LSS", CLOSE_CANCELS, false},
    [DEADLINE_IVO_REPORT] = {"ivo_report", "R-100", DEADLINE_DUTY, DEADLINE_BASIS_LAW, "28 f § LSS",
                             CLOSE_MEETS, false},
    [DEADLINE_PLAN] = {"plan_due", "R-041", DEADLINE_DUTY, DEADLINE_BASIS_POLICY, "riktlinjer",
                       CLOSE_CANCELS, true},
    [DEADLINE_IVO_REPORT_INTERRUPTION] = {"ivo_report_interruption", "R-100", DEADLINE_DUTY,
                                          DEADLINE_BASIS_LAW, "28 f § LSS", CLOSE_MEETS, false},
    [DEADLINE_FOLLOW_UP] = {"follow_up_due", "R-050", DEADLINE_DUTY, DEADLINE_BASIS_POLICY,
                            "riktlinjer", CLOSE_CANCELS, true},
    [DEADLINE_IP_REVIEW] = {"individual_plan_review", "R-052", DEADLINE_DUTY, DEADLINE_BASIS_LAW,
                            "10 § LSS", CLOSE_CANCELS, false},
    [DEADLINE_FOLLOW_UP_BEFORE_EXPIRY] = {"follow_up_before_expiry", "R-050", DEADLINE_DUTY,
                                          DEADLINE_BASIS_POLICY, "riktlinjer", CLOSE_CANCELS,
                                          false},
    [DEADLINE_REVIEW] = {"review_due", "R-033", DEADLINE_DUTY, DEADLINE_BASIS_POLICY, "riktlinjer",
                         CLOSE_CANCELS, true},
    [DEADLINE_FORHANDSBESKED_EXPIRES] = {"forhandsbesked_expires", "R-091", DEADLINE_PERIOD_END,
                                         DEADLINE_BASIS_LAW, "16 § LSS", CLOSE_CANCELS, false},
    [DEADLINE_DECISION_ENDS] = {"decision_ends", "R-032", DEADLINE_PERIOD_END,
                                DEADLINE_BASIS_POLICY, "riktlinjer", CLOSE_CANCELS, false},
};

typedef struct {
  const DeadlineCase *c;
  Date today;
  const Policy *p;
  Arena *a;
  DeadlineList *out;
  Date decision_end; /* the last day of a time-limited decision, if known */
} Ctx;

static bool favourable(DeadlineOutcome o) {
  return o == DEADLINE_OUTCOME_GRANTED || o == DEADLINE_OUTCOME_PARTLY_GRANTED;
}

static Deadline *add(Ctx *x, DeadlineKind kind, Date due, int seq) {
  /* DEADLINE_MAX exceeds what the bounded input lists can produce; more is a broken invariant. */
  if (x->out->count >= DEADLINE_MAX) abort();
  Deadline *d = &x->out->items[x->out->count++];
  memset(d, 0, sizeof *d);
  const KindInfo *k = &kinds[kind];
  d->kind = kind;
  d->nature = k->nature;
  d->due = due;
  d->rule = k->rule;
  d->basis = k->basis;
  d->reference = k->reference;
  d->state = DEADLINE_STATE_OPEN;
  d->seq = seq;
  return d;
}

static void input(Ctx *x, Deadline *d, const char *name, const char *value) {
  if (d->ninputs >= DEADLINE_MAX_INPUTS) abort(); /* each rule adds at most a fixed few */
  d->inputs[d->ninputs++] = (DeadlineInput){name, value};
  (void)x;
}

static void input_date(Ctx *x, Deadline *d, const char *name, Date v) {
  if (!date_is_set(v)) return;
  char buf[DATE_STRLEN];
  input(x, d, name, arena_strdup(x->a, date_format(v, buf)));
}

static void input_int(Ctx *x, Deadline *d, const char *name, long v) {
  input(x, d, name, arena_printf(x->a, "%ld", v));
}

static void met_by(Deadline *d, Date on, const char *what) {
  if (!date_is_set(on) || date_is_set(d->met_on)) return;
  d->met_on = on;
  d->late = date_before(d->due, on);
  d->met_by = what;
}

static void problem(Ctx *x, const char *rule, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void problem(Ctx *x, const char *rule, const char *field, const char *fmt, ...) {
  if (x->out->nproblems >= DEADLINE_MAX_PROBLEMS) return; /* cannot happen: fewer rules */
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  x->out->problems[x->out->nproblems++] = (DeadlineProblem){rule, field, arena_strdup(x->a, buf)};
}

static const char *fmt_date(Ctx *x, Date d) {
  char buf[DATE_STRLEN];
  return arena_strdup(x->a, date_format(d, buf));
}

/* a statutory limit whose last day is not a weekday-workday moves to the next one. */
static void statutory(Deadline *d) {
  Date moved = calendar_statutory_due(d->due);
  d->statutory = true;
  if (!date_eq(moved, d->due)) {
    d->extended_from = d->due;
    d->due = moved;
  }
}

/* the first quarter end after the day the three months ran out. */
static void report_quarter(Deadline *d, Date today) {
  bool reportable = date_is_set(d->met_on) ? d->late : date_before(d->due, today);
  if (reportable) d->report_quarter_end = deadline_quarter_end(date_add_days(d->due, 1));
}

Date deadline_quarter_end(Date d) {
  int m = ((d.m - 1) / 3) * 3 + 3;
  return (Date){d.y, m, date_days_in_month(d.y, m)};
}

/* ---- the rules ---- */

/* reasonable handling time; R-022: tell the person when the decision is significantly
 * delayed; R-021: six months → the person may request a decision, which is then due within four
 * weeks (statutory, R-121). */
static void rule_handling(Ctx *x) {
  const DeadlineCase *c = x->c;
  const Policy *p = x->p;
  Date app = c->application_received;
  if (!date_is_set(app)) return;
  Date decided = c->decision_date;

  /* personal assistance 3–4 months (JO 7477-2017), other insatser shorter. */
  Deadline *d;
  Date due, warn;
  if (c->insats == INSATS_PERSONLIG_ASSISTANS) {
    due = date_add_months(app, p->handling_months_pa);
    warn = date_add_months(app, p->handling_warn_months_pa);
  } else {
    due = date_add_months(app, p->handling_months_other);
    warn = date_add_days(due, -p->handling_warn_days);
  }
  if (date_before(due, warn)) warn = due; /* a warning after the limit warns at the limit */
  d = add(x, DEADLINE_DECISION_DUE, due, 0);
  d->warn_from = warn;
  input_date(x, d, "application_received", app);
  if (c->insats == INSATS_PERSONLIG_ASSISTANS) {
    d->reference = "9 § FL; riktlinjer (JO 7477-2017)";
    input_int(x, d, "policy.handling_months_pa", p->handling_months_pa);
    input_int(x, d, "policy.handling_warn_months_pa", p->handling_warn_months_pa);
  } else {
    input_int(x, d, "policy.handling_months_other", p->handling_months_other);
    input_int(x, d, "policy.handling_warn_days", p->handling_warn_days);
  }
  input_date(x, d, "decision.date", decided);
  met_by(d, decided, "decision.date");

  /* R-022 (11 § FL): due when the reasonable time runs out; produced once it matters — the
   * warning window has begun without a decision, the decision came late, or notice was given. */
  bool decided_late = date_is_set(decided) && date_before(due, decided);
  bool pending = !date_is_set(decided) && !date_before(x->today, warn);
  if (date_is_set(c->delay_notified_on) || decided_late || pending) {
    Deadline *n = add(x, DEADLINE_DELAY_NOTICE, due, 0);
    n->warn_from = warn;
    input_date(x, n, "application_received", app);
    input_date(x, n, "delay_notified_on", c->delay_notified_on);
    input_date(x, n, "decision.date", decided);
    met_by(n, c->delay_notified_on, "delay_notified_on");
    /* Decided late without notice: the duty can no longer be met. */
    if (!date_is_set(n->met_on) && decided_late) n->state = DEADLINE_STATE_MISSED;
  }

  /* R-021 (12 § FL): not decided within six months → the person may request a decision. */
  Date six = date_add_months(app, REQUEST_RIGHT_MONTHS);
  d = add(x, DEADLINE_REQUEST_RIGHT, six, 0);
  input_date(x, d, "application_received", app);
  input_date(x, d, "decision.date", decided);
  met_by(d, decided, "decision.date");

  if (date_is_set(c->written_request_on)) {
    if (!date_before(six, c->written_request_on)) {
      problem(x, "R-021", "written_request_on",
              "Den skriftliga begäran om avgörande kom in %s, innan sex månader hade gått från "
              "ansökan (%s); rätten att begära avgörande uppstår först därefter (12 § FL).",
              fmt_date(x, c->written_request_on), fmt_date(x, six));
      return;
    }
    /* R-021 + R-121: four weeks from the day the request came in, moved past holidays. */
    d = add(x, DEADLINE_DECISION_AFTER_REQUEST,
            date_add_weeks(c->written_request_on, REQUEST_DECIDE_WEEKS), 0);
    statutory(d);
    input_date(x, d, "written_request_on", c->written_request_on);
    input_date(x, d, "decision.date", decided);
    input_date(x, d, "request_rejected_on", c->request_rejected_on);
    /* Met by whichever came first: the decision or the separate rejection of the request. */
    if (date_is_set(c->request_rejected_on) &&
        (!date_is_set(decided) || date_before(c->request_rejected_on, decided)))
      met_by(d, c->request_rejected_on, "request_rejected_on");
    else
      met_by(d, decided, "decision.date");
  }
}

/* R-030 (25 § FL): the person's time to reply to the communicated material. */
static void rule_communication(Ctx *x) {
  const DeadlineCase *c = x->c;
  if (!date_is_set(c->communication_reply_by)) return;
  Deadline *d = add(x, DEADLINE_COMMUNICATION_REPLY, c->communication_reply_by, 0);
  input_date(x, d, "communication.sent_on", c->communication_sent_on);
  input_date(x, d, "communication.reply_by", c->communication_reply_by);
  input_date(x, d, "communication.reply_received_on", c->communication_reply_received_on);
  met_by(d, c->communication_reply_received_on, "communication.reply_received_on");
  Date decided = c->decision_date;
  if (date_is_set(decided) && date_before(decided, c->communication_reply_by) &&
      (!date_is_set(c->communication_reply_received_on) ||
       date_before(decided, c->communication_reply_received_on)))
    problem(x, "R-030", "decision.date",
            "Beslutet fattades %s, före sista svarsdag %s för kommuniceringen och innan svar hade "
            "kommit in (25 § FL).",
            fmt_date(x, decided), fmt_date(x, c->communication_reply_by));
}

/* R-120 (44 § FL): an appeal must reach the municipality within three weeks of the day the
 * person received the decision; statutory, so R-121 applies; timeliness checked (45 § FL). */
static void rule_appeal(Ctx *x) {
  const DeadlineCase *c = x->c;
  if (!date_is_set(c->decision_date)) return;
  if (!date_is_set(c->notified_on)) {
    if (date_is_set(c->appeal_received_on))
      problem(x, "R-120", "decision.notified_on",
              "Ett överklagande kom in %s, men det saknas uppgift om när den enskilde fick del av "
              "beslutet; utan den kan det inte prövas om överklagandet kom in i rätt tid "
              "(44–45 §§ FL).",
              fmt_date(x, c->appeal_received_on));
    return;
  }
  Deadline *d = add(x, DEADLINE_APPEAL, date_add_weeks(c->notified_on, APPEAL_WEEKS), 0);
  statutory(d);
  input_date(x, d, "decision.notified_on", c->notified_on);
  input_date(x, d, "appeal.received_on", c->appeal_received_on);
  met_by(d, c->appeal_received_on, "appeal.received_on");
}

/* the policy's default period of a time-limited decision, by insats; 0 = none. */
static int32_t default_limit_months(const Policy *p, InsatsKind k) {
  switch (k) {
    case INSATS_PERSONLIG_ASSISTANS:
      return p->limit_months_pa;
    case INSATS_LEDSAGARSERVICE:
      return p->limit_months_ledsagarservice;
    case INSATS_KONTAKTPERSON:
      return p->limit_months_kontaktperson;
    case INSATS_AVLOSARSERVICE:
      return p->limit_months_avlosarservice;
    case INSATS_KORTTIDSVISTELSE:
      return p->limit_months_korttidsvistelse;
    default:
      return 0;
  }
}

static const char *limit_param_name(InsatsKind k) {
  switch (k) {
    case INSATS_PERSONLIG_ASSISTANS:
      return "policy.limit_months_pa";
    case INSATS_LEDSAGARSERVICE:
      return "policy.limit_months_ledsagarservice";
    case INSATS_KONTAKTPERSON:
      return "policy.limit_months_kontaktperson";
    case INSATS_AVLOSARSERVICE:
      return "policy.limit_months_avlosarservice";
    case INSATS_KORTTIDSVISTELSE:
      return "policy.limit_months_korttidsvistelse";
    default:
      return "";
  }
}

static Date decision_start(const DeadlineCase *c) {
  return date_is_set(c->valid_from) ? c->valid_from : c->decision_date;
}

/* The spring term's end assumed when none is given: schools end their spring term in
 * the first half of June; 15 June is documented in docs/cli/deadlines.md. */
#define ASSUMED_SPRING_TERM_END_MONTH 6
#define ASSUMED_SPRING_TERM_END_DAY 15

/* korttidstillsyn from the end of the spring term of the year the young person turns 13
 * until upper-secondary school ends. */
static void rule_korttidstillsyn(Ctx *x) {
  const DeadlineCase *c = x->c;
  Date earliest = c->spring_term_ends_on;
  bool assumed = false;
  if (!date_is_set(earliest) && date_is_set(c->birth_date)) {
    earliest =
        (Date){c->birth_date.y + 13, ASSUMED_SPRING_TERM_END_MONTH, ASSUMED_SPRING_TERM_END_DAY};
    assumed = true;
  }
  Date start = decision_start(c);
  if (date_is_set(earliest) && date_before(start, earliest))
    problem(x, "R-084", date_is_set(c->valid_from) ? "decision.valid_from" : "decision.date",
            "Korttidstillsyn kan beviljas från vårterminens slut det år den unge fyller 13 år "
            "(%s%s), men beslutet gäller från %s (9 § 7 LSS).",
            fmt_date(x, earliest), assumed ? ", antaget datum" : "", fmt_date(x, start));
  if (date_is_set(c->upper_secondary_ends_on) && date_is_set(c->valid_to) &&
      date_before(c->upper_secondary_ends_on, c->valid_to))
    problem(x, "R-084", "decision.valid_to",
            "Korttidstillsyn gäller längst till gymnasieskolans slut %s, men beslutet gäller till "
            "och med %s (9 § 7 LSS).",
            fmt_date(x, c->upper_secondary_ends_on), fmt_date(x, c->valid_to));
}

/* a time-limited decision ends on its valid_to, or after the policy's default period
 * inclusive, the day before the same date); korttidstillsyn and elevhem end with the
 * schooling. */
static void rule_decision_end(Ctx *x) {
  const DeadlineCase *c = x->c;
  const Policy *p = x->p;
  Date start = decision_start(c);
  bool school_bound = c->insats == INSATS_KORTTIDSTILLSYN || c->insats == INSATS_BOENDE_BARN;
  Date school_end = c->upper_secondary_ends_on;
  Deadline *d;

  if (c->insats == INSATS_KORTTIDSTILLSYN) rule_korttidstillsyn(x);

  if (date_is_set(c->valid_to)) {
    /* The decision's own end, unless korttidstillsyn's school end comes first or is the same
     * day (R-084: the decision runs until the schooling ends). */
    if (c->insats == INSATS_KORTTIDSTILLSYN && date_is_set(school_end) &&
        !date_before(c->valid_to, school_end)) {
      d = add(x, DEADLINE_DECISION_ENDS, school_end, 0);
      d->rule = "R-084";
      d->basis = DEADLINE_BASIS_LAW;
      d->reference = "9 § 7 LSS";
      input_date(x, d, "school.upper_secondary_ends_on", school_end);
    } else {
      d = add(x, DEADLINE_DECISION_ENDS, c->valid_to, 0);
      input_date(x, d, "decision.valid_to", c->valid_to);
    }
  } else if (school_bound && (c->time_limited || c->insats == INSATS_KORTTIDSTILLSYN)) {
    /* until the schooling ends. Korttidstillsyn always ends then. */
    if (!date_is_set(school_end)) {
      problem(x, c->insats == INSATS_KORTTIDSTILLSYN ? "R-084" : "R-032",
              "school.upper_secondary_ends_on",
              "Beslutet gäller till skolgångens slut, men datum för gymnasieskolans slut saknas; "
              "ange det eller ett slutdatum i beslutet (%s).",
              c->insats == INSATS_KORTTIDSTILLSYN ? "9 § 7 LSS" : "riktlinjer");
      return;
    }
    d = add(x, DEADLINE_DECISION_ENDS, school_end, 0);
    if (c->insats == INSATS_KORTTIDSTILLSYN) {
      d->rule = "R-084";
      d->basis = DEADLINE_BASIS_LAW;
      d->reference = "9 § 7 LSS";
    }
    input_date(x, d, "school.upper_secondary_ends_on", school_end);
  } else if (c->time_limited) {
    int32_t months = default_limit_months(p, c->insats);
    if (months <= 0) {
      const InsatsInfo *ii = insats_info(c->insats);
      problem(x, "R-032", "decision.valid_to",
              "Beslutet om %s är tidsbegränsat men saknar slutdatum, och riktlinjerna har ingen "
              "förvald längd för insatsen; ange decision.valid_to.",
              ii ? ii->name : "insatsen");
      return;
    }
    d = add(x, DEADLINE_DECISION_ENDS, date_period_end_months(start, months), 0);
    input_date(x, d, date_is_set(c->valid_from) ? "decision.valid_from" : "decision.date", start);
    input_int(x, d, limit_param_name(c->insats), months);
  } else {
    return; /* a lasting decision (R-032: the rule) */
  }
  /* Warn when the follow-up before expiry is due. */
  d->warn_from = date_add_days(d->due, -p->follow_up_before_expiry_days);
  if (date_before(d->warn_from, start)) d->warn_from = start;
  x->decision_end = d->due;
}

/* personal assistance has a review date; a decision without one is incomplete. */
static void rule_review(Ctx *x) {
  const DeadlineCase *c = x->c;
  if (date_is_set(c->review_date)) {
    Deadline *d = add(x, DEADLINE_REVIEW, c->review_date, 0);
    input_date(x, d, "decision.review_date", c->review_date);
    input_date(x, d, "decision.reviewed_on", c->reviewed_on);
    met_by(d, c->reviewed_on, "decision.reviewed_on");
  } else if (c->insats == INSATS_PERSONLIG_ASSISTANS && x->p->review_date_required_pa) {
    problem(x, "R-033", "decision.review_date",
            "Beslutet om personlig assistans saknar omprövningsdatum och är därmed ofullständigt "
            "(riktlinjerna förordar %d månader från beslutet, dvs. %s).",
            (int)x->p->review_months_pa,
            fmt_date(x, date_add_months(c->decision_date, x->p->review_months_pa)));
  }
}

/* the executing unit contacts the person within contact_days of the decision. */
static void rule_contact(Ctx *x) {
  const DeadlineCase *c = x->c;
  Deadline *d = add(x, DEADLINE_CONTACT, date_add_days(c->decision_date, x->p->contact_days), 0);
  input_date(x, d, "decision.date", c->decision_date);
  input_int(x, d, "policy.contact_days", x->p->contact_days);
  input_date(x, d, "execution.contact_on", c->contact_on);
  met_by(d, c->contact_on, "execution.contact_on");
}

/* R-100 (28 f § LSS): a favourable decision not executed within three months of the decision
 * date is reported to IVO; a refused offer does not end that, only execution or closure. The
 * same for an execution interrupted and not resumed within three months. */
static void rule_ivo(Ctx *x) {
  const DeadlineCase *c = x->c;
  Deadline *d = add(x, DEADLINE_IVO_REPORT, date_add_months(c->decision_date, IVO_MONTHS), 0);
  input_date(x, d, "decision.date", c->decision_date);
  input_date(x, d, "execution.executed_on", c->executed_on);
  met_by(d, c->executed_on, "execution.executed_on");
  /* The first refused offer is shown: it is reported to IVO but ends nothing. */
  for (size_t i = 0; i < c->noffers; i++) {
    if (!c->offers[i].refused) continue;
    input_date(x, d, arena_printf(x->a, "offers[%zu].offered_on", i), c->offers[i].offered_on);
    break;
  }
  for (size_t i = 0; i < c->ninterruptions; i++) {
    const DeadlineInterruption *in = &c->interruptions[i];
    d = add(x, DEADLINE_IVO_REPORT_INTERRUPTION, date_add_months(in->interrupted_on, IVO_MONTHS),
            (int)i);
    input_date(x, d, arena_printf(x->a, "interruptions[%zu].interrupted_on", i),
               in->interrupted_on);
    const char *resumed = arena_printf(x->a, "interruptions[%zu].resumed_on", i);
    input_date(x, d, resumed, in->resumed_on);
    met_by(d, in->resumed_on, resumed);
  }
}

/* a genomförandeplan within plan_days of execution. */
static void rule_plan(Ctx *x) {
  const DeadlineCase *c = x->c;
  if (!date_is_set(c->executed_on)) return;
  Deadline *d = add(x, DEADLINE_PLAN, date_add_days(c->executed_on, x->p->plan_days), 0);
  input_date(x, d, "execution.executed_on", c->executed_on);
  input_int(x, d, "policy.plan_days", x->p->plan_days);
  input_date(x, d, "execution.plan_on", c->plan_on);
  met_by(d, c->plan_on, "execution.plan_on");
}

/* follow up at least every follow_up_months, from execution and then from each
 * follow-up; a time-limited decision follow_up_before_expiry_days before it ends. */
static void rule_follow_up(Ctx *x) {
  const DeadlineCase *c = x->c;
  const Policy *p = x->p;
  if (date_is_set(c->executed_on)) {
    Date base = c->executed_on;
    const char *base_name = "execution.executed_on";
    for (size_t i = 0; i <= c->nfollow_ups; i++) {
      Deadline *d = add(x, DEADLINE_FOLLOW_UP, date_add_months(base, p->follow_up_months), (int)i);
      input_date(x, d, base_name, base);
      input_int(x, d, "policy.follow_up_months", p->follow_up_months);
      if (i < c->nfollow_ups) {
        const char *name = arena_printf(x->a, "follow_ups[%zu]", i);
        input_date(x, d, name, c->follow_ups[i]);
        met_by(d, c->follow_ups[i], name);
        base = c->follow_ups[i];
        base_name = name;
      }
    }
  }
  if (date_is_set(x->decision_end)) {
    Date due = date_add_days(x->decision_end, -p->follow_up_before_expiry_days);
    Deadline *d = add(x, DEADLINE_FOLLOW_UP_BEFORE_EXPIRY, due, 0);
    input_date(x, d, "decision_ends", x->decision_end);
    input_int(x, d, "policy.follow_up_before_expiry_days", p->follow_up_before_expiry_days);
    Date window = date_add_days(due, -p->follow_up_expiry_window_days);
    for (size_t i = 0; i < c->nfollow_ups; i++) {
      Date f = c->follow_ups[i];
      if (!date_before(f, window) && !date_before(x->decision_end, f)) {
        const char *name = arena_printf(x->a, "follow_ups[%zu]", i);
        input_date(x, d, name, f);
        met_by(d, f, name);
        break;
      }
    }
  }
}

/* R-052 (10 § LSS): an individual plan is offered when an insats is granted, and reviewed at
 * least once a year. */
static void rule_individual_plan(Ctx *x) {
  const DeadlineCase *c = x->c;
  Deadline *d = add(x, DEADLINE_IP_OFFER, c->decision_date, 0);
  input_date(x, d, "decision.date", c->decision_date);
  input_date(x, d, "individual_plan.offered_on", c->ip_offered_on);
  met_by(d, c->ip_offered_on, "individual_plan.offered_on");
  if (c->ip_declined) return;
  Date base = date_is_set(c->ip_reviewed_on) ? c->ip_reviewed_on : c->ip_established_on;
  if (!date_is_set(base)) return;
  d = add(x, DEADLINE_IP_REVIEW, date_add_months(base, IP_REVIEW_MONTHS), 0);
  input_date(x, d, "individual_plan.established_on", c->ip_established_on);
  input_date(x, d, "individual_plan.reviewed_on", c->ip_reviewed_on);
}

/* R-091 (16 § LSS): a förhandsbesked is valid six months from the day the insats is available
 * inclusive, through the day before the same date). */
static void rule_forhandsbesked(Ctx *x) {
  const DeadlineCase *c = x->c;
  if (!date_is_set(c->forhandsbesked_available_from)) return;
  Deadline *d =
      add(x, DEADLINE_FORHANDSBESKED_EXPIRES,
          date_period_end_months(c->forhandsbesked_available_from, FORHANDSBESKED_MONTHS), 0);
  input_date(x, d, "forhandsbesked.available_from", c->forhandsbesked_available_from);
  input_date(x, d, "execution.executed_on", c->executed_on);
  met_by(d, c->executed_on, "execution.executed_on");
}

/* ---- closure, decision end, state ---- */

/* Returns false when the deadline is to be dropped (it never came due). */
static bool apply_endings(Ctx *x, Deadline *d) {
  const DeadlineCase *c = x->c;
  const KindInfo *k = &kinds[d->kind];
  bool met = date_is_set(d->met_on);
  if (date_is_set(c->closed_on) && !met) {
    switch (k->on_close) {
      case CLOSE_MEETS:
        met_by(d, c->closed_on, "closure.closed_on");
        input_date(x, d, "closure.closed_on", c->closed_on);
        break;
      case CLOSE_CANCELS:
        if (!date_before(d->due, c->closed_on)) return false;
        if (d->nature == DEADLINE_DUTY) d->state = DEADLINE_STATE_MISSED;
        break;
      case CLOSE_IGNORED:
        break;
    }
  }
  if (k->ends_with_decision && !met && date_is_set(x->decision_end) &&
      date_before(x->decision_end, d->due))
    return false;
  return true;
}

static void set_state(Deadline *d, Date today) {
  if (date_is_set(d->met_on)) {
    d->state = DEADLINE_STATE_MET;
    d->late = date_before(d->due, d->met_on);
  } else if (d->state == DEADLINE_STATE_MISSED) {
    /* set by the rule: superseded */
  } else if (date_before(d->due, today)) {
    d->state = d->nature == DEADLINE_PERIOD_END ? DEADLINE_STATE_EXPIRED : DEADLINE_STATE_OVERDUE;
  } else if (date_is_set(d->warn_from) && !date_before(today, d->warn_from)) {
    d->state = DEADLINE_STATE_DUE_SOON;
  } else {
    d->state = DEADLINE_STATE_OPEN;
  }
}

static int cmp_deadline(const void *pa, const void *pb) {
  const Deadline *a = pa, *b = pb;
  int r = date_cmp(a->due, b->due);
  if (r) return r;
  if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

bool deadline_compute(const DeadlineCase *c, Date today, const Policy *p, Arena *a,
                      DeadlineList *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (!deadline_case_check(c, today, e)) return false;
  Ctx x = {c, today, p, a, out, DATE_NONE};

  rule_handling(&x);
  rule_communication(&x);
  if (date_is_set(c->decision_date)) {
    rule_appeal(&x);
    if (favourable(c->outcome)) {
      rule_decision_end(&x);
      rule_review(&x);
      rule_contact(&x);
      rule_ivo(&x);
      rule_plan(&x);
      rule_follow_up(&x);
      rule_individual_plan(&x);
      rule_forhandsbesked(&x);
    }
  }

  size_t n = 0;
  for (size_t i = 0; i < out->count; i++) {
    Deadline d = out->items[i];
    if (!apply_endings(&x, &d)) continue;
    set_state(&d, today);
    if (d.kind == DEADLINE_IVO_REPORT || d.kind == DEADLINE_IVO_REPORT_INTERRUPTION)
      report_quarter(&d, today);
    out->items[n++] = d;
  }
  out->count = n;
  qsort(out->items, out->count, sizeof out->items[0], cmp_deadline);
  for (size_t i = 0; i < out->count; i++)
    out->items[i].explanation = deadline_explain(&out->items[i], c, p, today, a);
  return true;
}

const Deadline *deadline_find(const DeadlineList *l, DeadlineKind kind, size_t n) {
  for (size_t i = 0; i < l->count; i++)
    if (l->items[i].kind == kind && n-- == 0) return &l->items[i];
  return NULL;
}

void deadline_case_init(DeadlineCase *c) {
  memset(c, 0, sizeof *c);
}

/* ---- codes ---- */

const char *deadline_kind_code(DeadlineKind k) {
  return k < DEADLINE_KIND_COUNT ? kinds[k].code : "unknown";
}

DeadlineKind deadline_kind_from_code(const char *code) {
  for (size_t k = 0; code && k < DEADLINE_KIND_COUNT; k++)
    if (strcmp(kinds[k].code, code) == 0) return (DeadlineKind)k;
  return DEADLINE_KIND_COUNT;
}

const char *deadline_state_code(DeadlineState s) {
  switch (s) {
    case DEADLINE_STATE_OPEN:
      return "open";
    case DEADLINE_STATE_DUE_SOON:
      return "due_soon";
    case DEADLINE_STATE_OVERDUE:
      return "overdue";
    case DEADLINE_STATE_MET:
      return "met";
    case DEADLINE_STATE_MISSED:
      return "missed";
    case DEADLINE_STATE_EXPIRED:
      return "expired";
  }
  return "unknown";
}

const char *deadline_basis_code(DeadlineBasis b) {
  return b == DEADLINE_BASIS_LAW ? "law" : "policy";
}

static const char *const outcome_codes[] = {"", "granted", "partly_granted", "rejected",
                                            "dismissed"};

const char *deadline_outcome_code(DeadlineOutcome o) {
  return (size_t)o < sizeof outcome_codes / sizeof *outcome_codes ? outcome_codes[o] : "";
}

DeadlineOutcome deadline_outcome_from_code(const char *code) {
  if (!code) return DEADLINE_OUTCOME_NONE;
  for (size_t i = 1; i < sizeof outcome_codes / sizeof *outcome_codes; i++)
    if (strcmp(outcome_codes[i], code) == 0) return (DeadlineOutcome)i;
  return DEADLINE_OUTCOME_NONE;
}

static const struct {
  const char *code, *text;
} closure_codes[] = {
    {"", ""},
    {"withdrawn", "ansökan återkallad"},
    {"need_ended", "behovet har upphört"},
    {"moved", "den enskilde har flyttat från kommunen"},
    {"deceased", "den enskilde har avlidit"},
    {"other", "annat skäl"},
};
#define NCLOSURE (sizeof closure_codes / sizeof closure_codes[0])

const char *deadline_closure_code(DeadlineClosure r) {
  return (size_t)r < NCLOSURE ? closure_codes[r].code : "";
}

const char *deadline_closure_text(DeadlineClosure r) {
  return (size_t)r < NCLOSURE ? closure_codes[r].text : "";
}

DeadlineClosure deadline_closure_from_code(const char *code) {
  if (!code) return DEADLINE_CLOSURE_NONE;
  for (size_t i = 1; i < NCLOSURE; i++)
    if (strcmp(closure_codes[i].code, code) == 0) return (DeadlineClosure)i;
  return DEADLINE_CLOSURE_NONE;
}
