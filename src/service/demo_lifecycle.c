/* demo_lifecycle.c — carries a demo case through its life with the real use cases: evidence,
 * personkrets, the assistance assessment, communication, the decision, the order, contact,
 * start, the implementation plan, yearly follow-ups and reviews — with the gaps a real
 * municipality has (a late contact, a decision not executed, a missing follow-up), so the work
 * lists and reports have something to show. Must not: write around the service layer. */
#include <stdio.h>
#include <string.h>

#include "core/pnr.h"
#include "service/demo_internal.h"

static const char *const doctors[] = {"Dr. Anna Lind", "Dr. Bertil Ek", "Dr. Cecilia Holm",
                                      "Dr. David Sjö"};

/* Provider companies with IVO permits; orgnr with a valid check digit (group 5, aktiebolag). */
bool demo_providers(Demo *d, Err *e) {
  static const char *const names[] = {"Assistans Exempel AB (demo)", "Omsorgsbolaget Påhitt AB (demo)",
                                      "Kooperativet Låtsas (demo)"};
  static const char *const kinds[] = {"company", "company", "cooperative"};
  Svc admin;
  svc_ctx_system(&admin, d->db);
  svc_ctx_set_today(&admin, d->today);
  for (int i = 0; i < 3; i++) {
    char org[16];
    snprintf(org, sizeof org, "556%06d", 1000 + 37 * i);
    snprintf(org + 9, sizeof org - 9, "%d", pnr_luhn_digit(org, 9));
    ProviderIn in = {names[i], org, kinds[i], 0, "IVO 3.5.1-" "demo",
                     date_add_years(d->today, -6), DATE_NONE,
                     date_add_days(d->today, -rng_int(&d->rng, 3, 60)),
                     date_add_years(d->today, -8), true};
    if (i == 2) in.fskatt_checked_on = date_add_days(d->today, -200); /* an old check */
    if (!svc_provider_create(&admin, &in, &d->providers[i], e)) return false;
  }
  return true;
}

/* The last day something may happen: not after the demo's today. */
static bool by_today(const Demo *d, Date x) { return !date_before(d->today, x); }

static Date later(Demo *d, Date from, int lo, int hi) {
  return date_add_days(from, rng_int(&d->rng, lo, hi));
}

/* Which executing unit carries out an insats (Demo.managers index). */
static int executing_unit(const char *insats) {
  if (strcmp(insats, "bostad_vuxna") == 0 || strcmp(insats, "boende_barn") == 0 ||
      strcmp(insats, "korttidsvistelse") == 0)
    return 1;
  if (strcmp(insats, "daglig_verksamhet") == 0) return 2;
  return 0;
}

static bool investigate(Demo *d, Svc *off, const DemoCase *c, Date on, int *group, Err *e) {
  EvidenceIn ev = {c->case_id, "doctor", doctors[rng_int(&d->rng, 0, 3)],
                   date_add_days(c->received_on, -rng_int(&d->rng, 10, 200)), on};
  if (date_before(ev.issued_on, c->birth)) ev.issued_on = on;
  int64_t ev_id;
  if (!svc_evidence_add(off, &ev, &ev_id, e) || !svc_evidence_accept(off, ev_id, e)) return false;
  PersonkretsIn pk;
  memset(&pk, 0, sizeof pk);
  pk.case_id = c->case_id;
  pk.assessed_on = on;
  pk.doctor_evidence_id = ev_id;
  pk.facts.diagnosis = rng_chance(&d->rng, 60) ? ELIG_DIAGNOSIS_UTVECKLINGSSTORNING
                                              : ELIG_DIAGNOSIS_AUTISM;
  PersonkretsOut out;
  if (!svc_personkrets_assess(off, &pk, d->arena, &out, e)) return false;
  *group = out.group;
  return true;
}

/* A weekly needs assessment for personal assistance, as the document the service reads. */
static bool assess_assistance(Demo *d, Svc *off, const DemoCase *c, Date on, int64_t *minutes,
                              Err *e) {
  char birth[DATE_STRLEN], day[DATE_STRLEN];
  char *doc = arena_printf(
      d->arena,
      "{\"assessment_date\": \"%s\", \"birth_date\": \"%s\", \"needs\": ["
      "{\"need\": \"personal_hygiene\", \"minutes\": %d, \"per_week\": 14},"
      "{\"need\": \"meals\", \"minutes\": %d, \"per_week\": 21},"
      "{\"need\": \"dressing\", \"minutes\": %d, \"per_week\": 14},"
      "{\"need\": \"communication\", \"minutes\": 30, \"per_week\": %d},"
      "{\"need\": \"other_need\", \"description\": \"fritid och inköp\", \"minutes\": 120, "
      "\"per_week\": %d}]}",
      date_format(on, day), date_format(c->birth, birth), rng_int(&d->rng, 20, 60),
      rng_int(&d->rng, 20, 45), rng_int(&d->rng, 15, 30), rng_int(&d->rng, 7, 28),
      rng_int(&d->rng, 1, 5));
  AssistanceIn in = {c->case_id, doc};
  int64_t id;
  HoursResult r;
  if (!svc_assistance_assess(off, &in, d->arena, &id, &r, e)) return false;
  *minutes = r.total_ticks / 1456 > 0 ? r.total_ticks / 1456 : 60; /* whole minutes per week */
  return true;
}

static const char *const goal_texts[] = {
    "Att klara sin personliga hygien med stöd",
    "Att delta i aktiviteter utanför hemmet",
    "Att ha en meningsfull sysselsättning",
    "Att få avlösning och trygghet i vardagen",
};

static bool decide(Demo *d, Svc *off, const DemoCase *c, Date on, int group, int64_t pa_minutes,
                   int64_t case_insats_id, DecisionOut *out, bool *granted, Err *e) {
  const InsatsInfo *info = insats_info(insats_from_code(c->insats));
  DecisionIn in;
  memset(&in, 0, sizeof in);
  in.case_insats_id = case_insats_id;
  *granted = group > 0 && !rng_chance(&d->rng, 12);
  in.outcome = *granted ? "granted" : "rejected";
  in.applied_for = arena_printf(d->arena, "%s", info->name);
  in.decided_text = *granted ? arena_printf(d->arena, "Beviljas %s.", info->name)
                             : arena_printf(d->arena, "Avslås: %s.", info->name);
  in.personkrets = *granted ? group : 0;
  if (*granted && info->scope == SCOPE_HOURS) {
    in.scope_unit = strcmp(c->insats, "personlig_assistans") == 0 ? "hours_per_week" : "hours_per_month";
    in.scope_amount = strcmp(c->insats, "personlig_assistans") == 0 ? pa_minutes
                                                                   : 60 * rng_int(&d->rng, 8, 40);
  } else if (*granted && info->scope == SCOPE_DAYS_PER_MONTH) {
    in.scope_unit = "days_per_month";
    in.scope_amount = rng_int(&d->rng, 2, 8);
  }
  /* only insatser with a default period are time-limited here */
  bool has_period = strcmp(c->insats, "personlig_assistans") == 0 ||
                    strcmp(c->insats, "ledsagarservice") == 0 ||
                    strcmp(c->insats, "kontaktperson") == 0 ||
                    strcmp(c->insats, "avlosarservice") == 0 ||
                    strcmp(c->insats, "korttidsvistelse") == 0;
  in.time_limited = *granted && has_period && rng_chance(&d->rng, 30);
  if (*granted && strcmp(c->insats, "personlig_assistans") == 0)
    in.review_date = date_add_months(on, 24); /* */
  in.grounds = *granted ? "Utredningen visar att behovet inte tillgodoses på annat sätt."
                        : "Utredningen visar inte att personen tillhör personkretsen.";
  in.goals = *granted ? arena_printf(d->arena, "%s. %s.", goal_texts[executing_unit(c->insats)],
                                     goal_texts[1])
                      : "";
  in.decided_on = on;
  in.appeal_instructions = !*granted || rng_chance(&d->rng, 50);
  in.notified_on = later(d, on, 1, 5);
  if (!by_today(d, in.notified_on)) in.notified_on = DATE_NONE;
  in.is_demo = true;
  if (svc_decision_create(off, &in, out, e)) return true;
  if (e->code != ERR_RULE) return false;
  /* The rules stop this grant (an age limit, say): the demo rejects instead, as the officer
   * would. */
  err_clear(e);
  *granted = false;
  in.outcome = "rejected";
  in.personkrets = 0;
  in.scope_unit = NULL;
  in.scope_amount = 0;
  in.time_limited = false;
  in.review_date = DATE_NONE;
  in.goals = "";
  in.appeal_instructions = true;
  in.decided_text = "Avslås.";
  return svc_decision_create(off, &in, out, e);
}

/* The executing side: order received, contact, start, plan, follow-ups; with realistic gaps. */
static bool execute(Demo *d, Svc *off, const DemoCase *c, int64_t decision_id, Date decided,
                    Err *e) {
  int u = executing_unit(c->insats);
  Svc *mgr = &d->managers[u];
  bool pa = strcmp(c->insats, "personlig_assistans") == 0;
  OrderIn order = {decision_id, d->unit_ids[u + 1], 0, later(d, decided, 0, 2), NULL,
                   "Beställning enligt beslut."};
  if (pa && rng_chance(&d->rng, 30)) order.provider_id = d->providers[rng_int(&d->rng, 0, 2)];
  if (!by_today(d, order.sent_on)) return true;
  int64_t order_id;
  if (!svc_order_create(off, &order, &order_id, e)) return false;
  Date received = later(d, order.sent_on, 0, 3);
  if (!by_today(d, received)) return true;
  if (!svc_execution_receive_order(mgr, decision_id, received, e)) return false;
  /* most units call within two weeks; some are late, a few have not called yet */
  int contact_roll = rng_int(&d->rng, 1, 100);
  Date contact = later(d, decided, 2, contact_roll <= 88 ? 13 : 30);
  if (contact_roll > 96 || !by_today(d, contact)) return true;
  if (!svc_execution_contact(mgr, decision_id, contact, e)) return false;
  /* some decisions wait for a place for months */
  Date start = later(d, contact, 1, rng_chance(&d->rng, 8) ? 150 : 40);
  if (!by_today(d, start)) return true;
  if (!svc_execution_start(mgr, decision_id, start, e)) return false;
  int64_t ip;
  if (rng_chance(&d->rng, 70) && svc_individual_plan_offer(off, decision_id, decided, &ip, e)) {
    if (!svc_individual_plan_answer(off, ip, rng_chance(&d->rng, 60), e)) return false;
  } else if (e->code != ERR_OK) {
    return false;
  }
  /* the plan within three weeks, mostly */
  Date planned = later(d, start, 3, rng_chance(&d->rng, 85) ? 20 : 45);
  if (rng_chance(&d->rng, 5) || !by_today(d, planned)) return true;
  PlanIn plan;
  memset(&plan, 0, sizeof plan);
  plan.decision_id = decision_id;
  plan.drawn_up_on = planned;
  plan.participation = "Planen togs fram tillsammans med den enskilde och en närstående.";
  plan.cooperation = "Avstämning med handläggaren vid uppföljning och vid förändrade behov.";
  plan.goals[0] = (PlanGoalIn){goal_texts[u], "Veckovis stöd enligt överenskommelse"};
  plan.goals[1] = (PlanGoalIn){goal_texts[1], "En aktivitet utanför hemmet varje vecka"};
  plan.n_goals = 2;
  plan.activities[0] = (PlanActivityIn){1, "Stöd enligt rutin", "Kontaktmannen", "Varje vardag",
                                        "Efter den enskildes önskemål"};
  plan.activities[1] = (PlanActivityIn){2, "Planera aktivitet", "Kontaktmannen", "Måndagar",
                                        "Tillsammans med den enskilde"};
  plan.n_activities = 2;
  int64_t plan_id;
  if (!svc_plan_create(mgr, &plan, &plan_id, e)) return false;
  ExecutionView v;
  if (!svc_execution_view(mgr, decision_id, d->arena, &v, e)) return false;
  /* yearly follow-ups against the plan's goals; the latest is sometimes missing */
  Date next = date_add_months(start, 12);
  while (by_today(d, later(d, next, 0, 0)) && !rng_chance(&d->rng, 12)) {
    FollowUpIn f;
    memset(&f, 0, sizeof f);
    f.decision_id = decision_id;
    f.done_on = date_add_days(next, -rng_int(&d->rng, 0, 20));
    f.reason = "yearly";
    f.summary = "Insatsen fungerar i stort enligt planen.";
    if (v.n_plans > 0) {
      const PlanView *pv = &v.plans[v.n_plans - 1];
      for (size_t g = 0; g < pv->n_goals && g < SVC_PLAN_MAX_GOALS; g++)
        f.outcomes[f.n_outcomes++] =
            (GoalOutcomeIn){pv->goals[g].id, rng_chance(&d->rng, 70) ? "achieved" : "partly", ""};
    }
    int64_t fid;
    if (!svc_follow_up_record(rng_chance(&d->rng, 50) ? mgr : off, &f, &fid, e)) return false;
    next = date_add_months(f.done_on, 12);
  }
  return true;
}

bool demo_case_lifecycle(Demo *d, Svc *off, const DemoCase *c, Err *e) {
  Date investigated = later(d, c->received_on, 5, 25);
  if (!by_today(d, investigated)) return true;
  int group = 0;
  if (!investigate(d, off, c, investigated, &group, e)) return false;
  int64_t pa_minutes = 0;
  if (strcmp(c->insats, "personlig_assistans") == 0 && c->stage > 12) {
    if (!assess_assistance(d, off, c, investigated, &pa_minutes, e)) {
      if (e->code != ERR_RULE && e->code != ERR_INVALID) return false;
      err_clear(e); /* a child assessed before the schablon existed: leave it */
      pa_minutes = 60 * 20;
    }
  }
  if (c->stage <= 14) return true; /* still investigating */
  CommunicationIn comm = {c->case_id, later(d, investigated, 3, 20), "letter",
                          "Utredningen, läkarutlåtandet och förslaget till beslut",
                          DATE_NONE, true};
  comm.reply_by = date_add_days(comm.sent_on, 14);
  if (!by_today(d, comm.sent_on)) return true;
  int64_t comm_id;
  if (!svc_communication_add(off, &comm, &comm_id, e)) return false;
  if (by_today(d, comm.reply_by) && rng_chance(&d->rng, 40) &&
      !svc_communication_reply(off, comm_id, later(d, comm.sent_on, 2, 13), e))
    return false;
  if (c->stage <= 20) return true; /* communicated, waiting for the reply or the decision */
  Date decided = later(d, comm.reply_by, 1, 20);
  if (!by_today(d, decided)) return true;
  Arena *a = d->arena;
  CaseInsatsRec *ins;
  size_t n_ins;
  bool ok = store_begin(d->db, false, e) && store_case_insats_list(d->db, c->case_id, a, &ins, &n_ins, e);
  store_rollback(d->db);
  if (!ok || n_ins == 0) return ok;
  DecisionOut out;
  bool granted;
  if (!decide(d, off, c, decided, group, pa_minutes, ins[0].id, &out, &granted, e)) return false;
  d->out->decisions++;
  if (!granted) return true;
  return execute(d, off, c, out.id, decided, e);
}
