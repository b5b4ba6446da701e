/* plan_svc.c — the implementation plan (genomförandeplan, R-041, R-042, R-131) and follow-up
 * against its goals; see svc_execution.h. A new plan version is a new row, so
 * every follow-up keeps pointing at the plan it followed up. */
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "core/insats.h"
#include "service/execution_internal.h"

#define GOAL_MAX 999
#define WHO_MAX 255
#define PLAN_TEXT_MAX 1999
#define SUMMARY_MAX 3999
#define NOTE_MAX 999
#define GOALS_FOLD_CAP 4096

static bool blank(const char *s) {
  if (!s) return true;
  for (; *s; s++)
    if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') return false;
  return true;
}

/* A text a rule requires: missing is a refusal under that rule; present, it must be clean. */
static bool required_text(const char *v, const char *field, const char *label, size_t max,
                          bool multiline, const char *rule, const char *why, Err *e) {
  if (blank(v)) return err_set(e, ERR_RULE, field, rule, "%s saknas: %s", label, why);
  return text_check(v, field, label, max, multiline, true, e);
}

/* whether the plan's goal is taken from the decision's goals (the officer's words, in any
 * letter case, surrounding spaces ignored). */
static bool goal_in_decision(const char *decision_goals, const char *goal) {
  while (*goal == ' ' || *goal == '\t')
    goal++;
  size_t len = strlen(goal);
  while (len && (goal[len - 1] == ' ' || goal[len - 1] == '\t'))
    len--;
  if (len == 0) return false;
  char trimmed[GOAL_MAX + 1], folded_goal[GOAL_MAX + 1], folded_all[GOALS_FOLD_CAP];
  snprintf(trimmed, sizeof trimmed, "%.*s", (int)len, goal);
  text_fold(trimmed, folded_goal, sizeof folded_goal);
  text_fold(decision_goals, folded_all, sizeof folded_all);
  return strstr(folded_all, folded_goal) != NULL;
}

/* The plan's content as require it, before any database work. */
static bool plan_validate(const PlanIn *in, Err *e) {
  /* how the person took part, and how the provider cooperates with the officer */
  if (!required_text(in->participation, "participation", "Den enskildes delaktighet", PLAN_TEXT_MAX,
                     true, "R-131", "planen visar hur den enskilde varit delaktig (SOSFS 2014:5).",
                     e) ||
      !required_text(in->cooperation, "cooperation", "Samverkan med handläggaren", PLAN_TEXT_MAX,
                     true, "R-131",
                     "planen visar hur utföraren samverkar med handläggaren (SOSFS 2014:5).", e))
    return false;
  /* the plan starts from the goals the officer set in the decision */
  if (in->n_goals == 0)
    return err_set(e, ERR_RULE, "goals", "R-042",
                   "Genomförandeplanen utgår från målen i beslutet: ange minst ett mål.");
  if (in->n_goals > SVC_PLAN_MAX_GOALS)
    return err_set(e, ERR_INVALID, "goals", "", "Högst %d mål.", SVC_PLAN_MAX_GOALS);
  char f[64];
  for (size_t i = 0; i < in->n_goals; i++) {
    snprintf(f, sizeof f, "goals[%zu].decision_goal", i);
    if (!required_text(in->goals[i].decision_goal, f, "Målet i beslutet", GOAL_MAX, true, "R-042",
                       "varje mål i planen utgår från ett mål i beslutet.", e))
      return false;
    snprintf(f, sizeof f, "goals[%zu].goal", i);
    if (!required_text(in->goals[i].goal, f, "Planens mål", GOAL_MAX, true, "R-131",
                       "planen visar målen.", e))
      return false;
  }
  /* the activities — what, who at the provider, when and how */
  if (in->n_activities == 0)
    return err_set(e, ERR_RULE, "activities", "R-131",
                   "Genomförandeplanen visar hur insatsen ska genomföras: ange minst en aktivitet "
                   "(vad, vem, när och hur; SOSFS 2014:5).");
  if (in->n_activities > SVC_PLAN_MAX_ACTIVITIES)
    return err_set(e, ERR_INVALID, "activities", "", "Högst %d aktiviteter.",
                   SVC_PLAN_MAX_ACTIVITIES);
  for (size_t i = 0; i < in->n_activities; i++) {
    const PlanActivityIn *a = &in->activities[i];
    struct {
      const char *v, *name, *label;
      size_t max;
    } parts[] = {{a->what, "what", "Vad som ska göras", GOAL_MAX},
                 {a->who, "who", "Vem hos utföraren som gör det", WHO_MAX},
                 {a->when, "when", "När det görs", WHO_MAX},
                 {a->how, "how", "Hur det görs", GOAL_MAX}};
    for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++) {
      snprintf(f, sizeof f, "activities[%zu].%s", i, parts[k].name);
      if (!required_text(parts[k].v, f, parts[k].label, parts[k].max, true, "R-131",
                         "varje aktivitet visar vad, vem, när och hur (SOSFS 2014:5).", e))
        return false;
    }
    if (a->goal_no > in->n_goals) {
      snprintf(f, sizeof f, "activities[%zu].goal_no", i);
      return err_set(e, ERR_INVALID, f, "",
                     "Aktiviteten hänvisar till mål %zu, men planen har %zu.", a->goal_no,
                     in->n_goals);
    }
  }
  return true;
}

/* a private provider owns its plan; otherwise the unit does. */
static bool plan_owner(Svc *s, const ExeCtx *x, char owner[12], Err *e) {
  snprintf(owner, 12, "unit");
  if (!x->has_order || !x->o.provider_id) return true;
  ProviderRec p;
  bool found = false;
  if (!store_provider_get(s->db, x->o.provider_id, &p, &found, e)) return false;
  if (found && strcmp(p.kind, "municipal") != 0) snprintf(owner, 12, "provider");
  return true;
}

bool svc_plan_create(Svc *s, const PlanIn *in, int64_t *plan_id, Err *e) {
  if (!svc_require(s, CAP_EXECUTE, e) || !execution_check_user(s, e) || !plan_validate(in, e))
    return false;
  Arena a;
  arena_init(&a, 0);
  ExeCtx x;
  PlanRec *earlier = NULL;
  size_t n_earlier = 0;
  bool ok = svc_begin(s, true, e) && execution_load(s, in->decision_id, &x, e) &&
            execution_check_executing_unit(s, &x, e) &&
            execution_check_running(&x, "drawn_up_on", e);
  /* the plan is drawn up after the decision is executed */
  if (ok && !date_is_set(x.x.executed_on))
    ok = err_set(e, ERR_RULE, "drawn_up_on", "R-041",
                 "Genomförandeplanen upprättas när beslutet verkställts; registrera först när "
                 "insatsen började.");
  ok = ok && execution_check_date(s, in->drawn_up_on, "drawn_up_on", x.x.executed_on,
                                  "verkställighetens start", "R-041", e);
  /* the officer set the goals in the decision (or the order carried them) */
  const char *goals = x.d.goals[0] ? x.d.goals : x.o.goals;
  if (ok && blank(goals))
    ok = err_set(e, ERR_RULE, "goals", "R-042",
                 "Beslutet och beställningen saknar mål; handläggaren anger målen som "
                 "genomförandeplanen utgår från.");
  for (size_t i = 0; ok && i < in->n_goals; i++) {
    if (goal_in_decision(goals, in->goals[i].decision_goal)) continue;
    char f[48];
    snprintf(f, sizeof f, "goals[%zu].decision_goal", i);
    ok = err_set(e, ERR_RULE, f, "R-042",
                 "Målet \"%.80s\" finns inte bland beslutets mål; planen utgår från de mål "
                 "handläggaren satt i beslutet.",
                 in->goals[i].decision_goal);
  }
  PlanRec p = {0};
  p.decision_id = in->decision_id;
  p.drawn_up_on = in->drawn_up_on;
  snprintf(p.participation, sizeof p.participation, "%s", in->participation);
  snprintf(p.cooperation, sizeof p.cooperation, "%s", in->cooperation);
  p.created_by = s->user_id;
  ok = ok && plan_owner(s, &x, p.owner, e) &&
       store_plan_list(s->db, in->decision_id, &a, &earlier, &n_earlier, e) &&
       store_plan_insert(s->db, &p, s->now, plan_id, e);
  int64_t goal_ids[SVC_PLAN_MAX_GOALS] = {0};
  for (size_t i = 0; ok && i < in->n_goals; i++) {
    PlanGoalRec g = {0};
    g.plan_id = *plan_id;
    snprintf(g.decision_goal, sizeof g.decision_goal, "%s", in->goals[i].decision_goal);
    snprintf(g.goal, sizeof g.goal, "%s", in->goals[i].goal);
    ok = store_plan_goal_insert(s->db, &g, &goal_ids[i], e);
  }
  for (size_t i = 0; ok && i < in->n_activities; i++) {
    const PlanActivityIn *ai = &in->activities[i];
    PlanActivityRec r = {0};
    r.plan_id = *plan_id;
    r.goal_id = ai->goal_no ? goal_ids[ai->goal_no - 1] : 0;
    snprintf(r.what, sizeof r.what, "%s", ai->what);
    snprintf(r.who, sizeof r.who, "%s", ai->who);
    snprintf(r.when_text, sizeof r.when_text, "%s", ai->when);
    snprintf(r.how, sizeof r.how, "%s", ai->how);
    int64_t id;
    ok = store_plan_activity_insert(s->db, &r, &id, e);
  }
  char why[32];
  snprintf(why, sizeof why, "version %zu", n_earlier + 1);
  /* the plan deadline is met by the first plan (recomputed here) */
  ok = ok && execution_finish(s, &x, "plan.create", "implementation_plan", *plan_id, why, e);
  arena_free(&a);
  return svc_end(s, ok, e);
}

/* ---- follow-up (R-050, R-051) ---- */

static const char *const follow_up_reasons[] = {
    "yearly", "changed_needs", "complaint", "signal", "before_expiry", "refusals", NULL};
static const char *const goal_outcomes[] = {"achieved", "partly", "not_achieved", "changed", NULL};

static bool follow_up_validate(const FollowUpIn *in, Err *e) {
  /* yearly, on changed needs, complaints, the executor's signal, before expiry; R-043 */
  if (!text_one_of(in->reason, follow_up_reasons))
    return err_set(e, ERR_INVALID, "reason", "R-050",
                   "Ange skäl för uppföljningen: yearly, changed_needs, complaint, signal, "
                   "before_expiry eller refusals.");
  if (!text_check(in->summary, "summary", "Sammanfattning", SUMMARY_MAX, true, true, e))
    return false;
  if (in->n_outcomes > SVC_PLAN_MAX_GOALS)
    return err_set(e, ERR_INVALID, "outcomes", "", "Högst %d mål.", SVC_PLAN_MAX_GOALS);
  char f[48];
  for (size_t i = 0; i < in->n_outcomes; i++) {
    snprintf(f, sizeof f, "outcomes[%zu].outcome", i);
    if (!text_one_of(in->outcomes[i].outcome, goal_outcomes))
      return err_set(e, ERR_INVALID, f, "",
                     "Ange utfall: achieved, partly, not_achieved eller changed.");
    snprintf(f, sizeof f, "outcomes[%zu].note", i);
    if (!text_check(in->outcomes[i].note, f, "Kommentar", NOTE_MAX, true, false, e)) return false;
    for (size_t k = 0; k < i; k++)
      if (in->outcomes[k].goal_id == in->outcomes[i].goal_id) {
        snprintf(f, sizeof f, "outcomes[%zu].goal_id", i);
        return err_set(e, ERR_INVALID, f, "", "Målet har redan ett utfall i uppföljningen.");
      }
  }
  return true;
}

/* The plan followed up: the newest drawn up on or before the follow-up (plans newest first). */
static const PlanRec *plan_in_force(const PlanRec *plans, size_t n, Date on) {
  for (size_t i = 0; i < n; i++)
    if (!date_before(on, plans[i].drawn_up_on)) return &plans[i];
  return NULL;
}

/* the outcomes are judged against the plan's goals; for personal assistance all of them. */
static bool outcomes_check(const FollowUpIn *in, const PlanGoalRec *goals, size_t n_goals,
                           bool every_goal, Err *e) {
  char f[48];
  for (size_t i = 0; i < in->n_outcomes; i++) {
    bool known = false;
    for (size_t k = 0; k < n_goals; k++)
      known = known || goals[k].id == in->outcomes[i].goal_id;
    if (!known) {
      snprintf(f, sizeof f, "outcomes[%zu].goal_id", i);
      return err_set(e, ERR_INVALID, f, "R-051",
                     "Målet hör inte till den genomförandeplan som följs upp.");
    }
  }
  if (!every_goal) return true;
  for (size_t k = 0; k < n_goals; k++) {
    bool covered = false;
    for (size_t i = 0; i < in->n_outcomes; i++)
      covered = covered || in->outcomes[i].goal_id == goals[k].id;
    if (!covered)
      return err_set(e, ERR_RULE, "outcomes", "R-051",
                     "Uppföljningen av personlig assistans utgår från genomförandeplanen: ange "
                     "utfallet för varje mål (saknas för \"%.80s\").",
                     goals[k].goal);
  }
  return true;
}

bool svc_follow_up_record(Svc *s, const FollowUpIn *in, int64_t *follow_up_id, Err *e) {
  if (!svc_is_system(s) && !(role_caps(s->role) & (CAP_EXECUTE | CAP_CASE_WRITE)))
    return svc_require(s, CAP_EXECUTE, e);
  if (!execution_check_user(s, e) || !follow_up_validate(in, e)) return false;
  Arena a;
  arena_init(&a, 0);
  ExeCtx x;
  PlanRec *plans = NULL;
  size_t n_plans = 0;
  PlanGoalRec *goals = NULL;
  size_t n_goals = 0;
  const PlanRec *plan = NULL;
  bool ok = svc_begin(s, true, e) && execution_load(s, in->decision_id, &x, e) &&
            execution_check_follow_up_side(s, &x, e) && execution_check_running(&x, "done_on", e);
  /* follow-up of an executed insats */
  if (ok && !date_is_set(x.x.executed_on))
    ok = err_set(e, ERR_RULE, "done_on", "R-050",
                 "Insatsen har inte verkställts; uppföljningen gäller en verkställd insats.");
  ok = ok &&
       execution_check_date(s, in->done_on, "done_on", x.x.executed_on, "verkställighetens start",
                            "R-050", e) &&
       store_plan_list(s->db, in->decision_id, &a, &plans, &n_plans, e);
  if (ok) plan = plan_in_force(plans, n_plans, in->done_on);
  bool pa = insats_from_code(x.d.insats) == INSATS_PERSONLIG_ASSISTANS;
  /* follow-up of personal assistance starts from the genomförandeplan — except the
   * follow-up of repeated refusals, which is about the insats not being taken up */
  if (ok && !plan && pa && strcmp(in->reason, "refusals") != 0)
    ok = err_set(e, ERR_RULE, "plan", "R-051",
                 "Uppföljningen av personlig assistans utgår från genomförandeplanen, men ingen "
                 "plan var upprättad vid uppföljningens datum; upprätta planen först (R-041).");
  if (ok && !plan && in->n_outcomes > 0)
    ok = err_set(e, ERR_INVALID, "outcomes", "R-051",
                 "Det finns ingen genomförandeplan vars mål kan följas upp.");
  if (ok && plan)
    ok = store_plan_goals(s->db, plan->id, &a, &goals, &n_goals, e) &&
         outcomes_check(in, goals, n_goals, pa, e);
  FollowUpRec f = {0};
  f.decision_id = in->decision_id;
  f.plan_id = plan ? plan->id : 0;
  f.done_on = in->done_on;
  snprintf(f.reason, sizeof f.reason, "%s", in->reason);
  snprintf(f.summary, sizeof f.summary, "%s", in->summary);
  f.created_by = s->user_id;
  ok = ok && store_follow_up_insert(s->db, &f, s->now, follow_up_id, e);
  for (size_t i = 0; ok && i < in->n_outcomes; i++) {
    FollowUpGoalRec g = {0};
    g.follow_up_id = *follow_up_id;
    g.goal_id = in->outcomes[i].goal_id;
    snprintf(g.outcome, sizeof g.outcome, "%s", in->outcomes[i].outcome);
    snprintf(g.note, sizeof g.note, "%s", in->outcomes[i].note ? in->outcomes[i].note : "");
    ok = store_follow_up_goal_insert(s->db, &g, e);
  }
  /* the next follow-up is due follow_up_months from this one (recomputed here) */
  ok = ok && execution_finish(s, &x, "follow_up.create", "follow_up", *follow_up_id, in->reason, e);
  arena_free(&a);
  return svc_end(s, ok, e);
}
