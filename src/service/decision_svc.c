/* decision_svc.c — deciding a requested insats, recording its notification, the order to the
 * executing unit, and the reads of a case's decisions (see svc_decision.h). Revocations and
 * appeals are in appeal_svc.c. Every refusal names the field and the rule and changes nothing:
 * the whole command runs in one transaction that is rolled back on any error.
 * Must not: contain SQL, or decide anything core already decides (the case state machine, the
 * deadlines, the calendar). */
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "core/calendar.h"
#include "core/case_state.h"
#include "core/insats.h"
#include "core/lawdata.h"
#include "service/decision_internal.h"
#include "service/fk_internal.h"

/* Byte limits of the user texts; each fits its column's buffer in DecisionRec / OrderRec. */
#define MAX_APPLIED_FOR 500
#define MAX_DECIDED_TEXT 1000
#define MAX_CLAUSE 500
#define MAX_GROUNDS 3990
#define MAX_GOALS 1990
#define MAX_NOTE 990
#define MAX_MAKER_NAME 120
#define MAX_MAKER_TITLE 90
/* Largest scope a decision can state: every minute of a week, of a 31-day month; every day. */
#define MAX_MINUTES_PER_WEEK (7 * 24 * 60)
#define MAX_MINUTES_PER_MONTH (31 * 24 * 60)
#define MAX_DAYS_PER_MONTH 31

static const char *fmt(Date d, char buf[DATE_STRLEN]) {
  return date_format(d, buf);
}

static bool empty(const char *s) {
  return !s || !*s;
}

bool decision_favourable(const char *outcome) {
  return outcome && (strcmp(outcome, "granted") == 0 || strcmp(outcome, "partly_granted") == 0);
}

bool decision_date_check(Svc *s, Date d, const char *field, const char *label, Date earliest,
                         const char *earliest_what, Err *e) {
  char a[DATE_STRLEN], b[DATE_STRLEN];
  if (!date_is_set(d)) return err_set(e, ERR_INVALID, field, "", "%s måste anges.", label);
  if (date_before(s->today, d))
    return err_set(e, ERR_INVALID, field, "", "%s (%s) kan inte ligga i framtiden.", label,
                   fmt(d, a));
  if (date_is_set(earliest) && date_before(d, earliest))
    return err_set(e, ERR_INVALID, field, "", "%s (%s) kan inte ligga före %s (%s).", label,
                   fmt(d, a), earliest_what, fmt(earliest, b));
  return true;
}

bool decision_maker(Svc *s, const char *name_in, const char *title_in, char *name, size_t name_cap,
                    char *title, size_t title_cap, Err *e) {
  UserRec u;
  bool found = false;
  memset(&u, 0, sizeof u);
  if (s->user_id && (empty(name_in) || empty(title_in)) &&
      !store_user_get(s->db, s->user_id, &u, &found, e))
    return false;
  snprintf(name, name_cap, "%s", !empty(name_in) ? name_in : u.full_name);
  snprintf(title, title_cap, "%s", !empty(title_in) ? title_in : u.title);
  /* R-130 (SOSFS 2014:5): the decision records the decision-maker's name and title */
  if (!*name)
    return err_set(e, ERR_RULE, "decided_by_name", "R-130",
                   "Beslutsfattarens namn måste framgå av beslutet (SOSFS 2014:5).");
  if (!*title)
    return err_set(e, ERR_RULE, "decided_by_title", "R-130",
                   "Beslutsfattarens titel måste framgå av beslutet (SOSFS 2014:5); ange den, "
                   "eller lägg in titeln på användaren.");
  return text_check(name, "decided_by_name", "Beslutsfattarens namn", MAX_MAKER_NAME, false, true,
                    e) &&
         text_check(title, "decided_by_title", "Beslutsfattarens titel", MAX_MAKER_TITLE, false,
                    true, e);
}

bool decision_load(Svc *s, int64_t decision_id, DecisionRec *d, CaseRec *c, Err *e) {
  bool found = false;
  if (!store_decision_get(s->db, decision_id, d, &found, e)) return false;
  if (!found) return err_set(e, ERR_NOT_FOUND, "decision_id", "", "Beslutet finns inte.");
  return svc_case_load(s, d->case_id, c, e);
}

bool decision_case_insats(Svc *s, const CaseRec *c, int64_t case_insats_id, CaseInsatsRec *out,
                          Err *e) {
  Arena a;
  arena_init(&a, 0);
  CaseInsatsRec *list;
  size_t n;
  bool ok = store_case_insats_list(s->db, c->id, &a, &list, &n, e), found = false;
  for (size_t i = 0; ok && i < n; i++)
    if (list[i].id == case_insats_id) *out = list[i], found = true;
  arena_free(&a);
  if (ok && !found)
    return err_set(e, ERR_NOT_FOUND, "case_insats_id", "",
                   "Den sökta insatsen finns inte i ärendet.");
  return ok;
}

bool decision_case_resolve_appeals(Svc *s, CaseRec *c, Err *e) {
  if (case_state_from_code(c->state) != CASE_APPEALED) return true;
  int64_t pending = 0;
  if (!store_appeal_pending_count(s->db, c->id, &pending, e)) return false;
  if (pending > 0) return true;
  return svc_case_apply_event(s, c, CASE_EV_APPEAL_RESOLVED, e) && store_case_update(s->db, c, e);
}

static void warn(DecisionOut *out, const char *rule, const char *field, const char *msg) {
  if (out->n_warnings == SVC_DECISION_MAX_WARNINGS) return;
  DecisionWarning *w = &out->warnings[out->n_warnings++];
  snprintf(w->rule, sizeof w->rule, "%s", rule);
  snprintf(w->field, sizeof w->field, "%s", field);
  snprintf(w->msg, sizeof w->msg, "%s", msg);
}

/* ---- the checks of one decision ---- */

/* what was applied for, what is decided, the reasons, appeal instructions. */
static bool check_content(const DecisionIn *in, bool favourable, Err *e) {
  static const char *const outcomes[] = {"granted", "partly_granted", "rejected", "dismissed",
                                         NULL};
  if (!text_one_of(in->outcome, outcomes))
    return err_set(e, ERR_INVALID, "outcome", "",
                   "Ange utfall: granted (bifall), partly_granted (delvis bifall), rejected "
                   "(avslag) eller dismissed (avvisning).");
  /* the decision states what was applied for and what was granted or rejected */
  if (empty(in->applied_for))
    return err_set(e, ERR_RULE, "applied_for", "R-031",
                   "Beslutet ska ange vad som ansökts om (SOSFS 2014:5).");
  if (empty(in->decided_text))
    return err_set(e, ERR_RULE, "decided_text", "R-031",
                   "Beslutet ska ange vad som beviljats eller avslagits (SOSFS 2014:5).");
  /* the reasons for the decision (32 § FL) */
  if (empty(in->grounds))
    return err_set(e, ERR_RULE, "grounds", "R-130",
                   "Beslutet ska innehålla skälen för beslutet (32 § FL, SOSFS 2014:5).");
  /* the plan starts from the goals the officer sets in the decision */
  if (favourable && empty(in->goals))
    return err_set(e, ERR_RULE, "goals", "R-042",
                   "Ett beviljat beslut ska ange målen med insatsen; utförarens genomförandeplan "
                   "utgår från dem (SOSFS 2014:5).");
  /* a decision not granted in full carries appeal instructions (33 § FL) */
  if (strcmp(in->outcome, "granted") != 0 && !in->appeal_instructions)
    return err_set(e, ERR_RULE, "appeal_instructions", "R-031",
                   "Ett beslut som inte bifaller ansökan helt ska ha en överklagandehänvisning "
                   "(33 § FL).");
  return text_check(in->applied_for, "applied_for", "Ansökt insats", MAX_APPLIED_FOR, true, true,
                    e) &&
         text_check(in->decided_text, "decided_text", "Beslutet", MAX_DECIDED_TEXT, true, true,
                    e) &&
         text_check(in->grounds, "grounds", "Skälen", MAX_GROUNDS, true, true, e) &&
         text_check(in->goals, "goals", "Målen", MAX_GOALS, true, false, e) &&
         text_check(in->revocation_clause, "revocation_clause", "Återkallelseförbehållet",
                    MAX_CLAUSE, true, false, e);
}

/* the scope in the unit the insats is decided in (insats.h). */
static bool check_scope(const InsatsInfo *info, bool favourable, const DecisionIn *in, Err *e) {
  const char *unit = in->scope_unit ? in->scope_unit : "";
  if (!favourable || info->scope == SCOPE_NONE) {
    if (*unit || in->scope_amount)
      return err_set(e, ERR_INVALID, *unit ? "scope_unit" : "scope_amount", "",
                     favourable ? "Insatsen %s beslutas utan omfattning i timmar eller dygn."
                                : "Ett beslut som inte beviljar något har ingen omfattning (%s).",
                     info->name);
    return true;
  }
  if (!*unit && !in->scope_amount)
    return err_set(e, ERR_RULE, "scope_amount", "R-130",
                   "Beslutet ska ange insatsens omfattning (SOSFS 2014:5): %s.",
                   info->scope == SCOPE_HOURS ? "timmar per vecka eller per månad"
                                              : "antal dygn per månad");
  int64_t max;
  if (info->scope == SCOPE_HOURS) {
    if (strcmp(unit, "hours_per_week") != 0 && strcmp(unit, "hours_per_month") != 0)
      return err_set(e, ERR_INVALID, "scope_unit", "",
                     "Omfattningen av %s anges i timmar per vecka (hours_per_week) eller per "
                     "månad (hours_per_month).",
                     info->name);
    max = strcmp(unit, "hours_per_week") == 0 ? MAX_MINUTES_PER_WEEK : MAX_MINUTES_PER_MONTH;
    if (in->scope_amount < 1 || in->scope_amount > max)
      return err_set(e, ERR_INVALID, "scope_amount", "",
                     "Omfattningen anges i hela minuter, 1–%lld (var %lld).", (long long)max,
                     (long long)in->scope_amount);
  } else {
    if (strcmp(unit, "days_per_month") != 0)
      return err_set(e, ERR_INVALID, "scope_unit", "",
                     "Omfattningen av %s anges i dygn per månad (days_per_month).", info->name);
    if (in->scope_amount < 1 || in->scope_amount > MAX_DAYS_PER_MONTH)
      return err_set(e, ERR_INVALID, "scope_amount", "",
                     "Antal dygn per månad ska vara 1–%d (var %lld).", MAX_DAYS_PER_MONTH,
                     (long long)in->scope_amount);
  }
  return true;
}

/* the policy's default length of a time-limited decision (0 = none for the insats). */
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

/* Validity, time limit and review date of a favourable decision; none of them
 * exists for a decision that grants nothing. */
static bool check_validity(const CaseRec *c, const CaseInsatsRec *ci, const InsatsInfo *info,
                           const Policy *pol, bool favourable, const DecisionIn *in, DecisionRec *d,
                           Err *e) {
  char a[DATE_STRLEN], b[DATE_STRLEN];
  if (!favourable) {
    const char *f = date_is_set(in->valid_from)     ? "valid_from"
                    : date_is_set(in->valid_to)     ? "valid_to"
                    : in->time_limited              ? "time_limited"
                    : date_is_set(in->review_date)  ? "review_date"
                    : !empty(in->revocation_clause) ? "revocation_clause"
                                                    : NULL;
    if (f)
      return err_set(e, ERR_INVALID, f, "",
                     "Giltighetstid, tidsbegränsning, omprövningsdatum och återkallelseförbehåll "
                     "hör bara till beslut som beviljar insatsen.");
    return true;
  }
  d->valid_from = date_is_set(in->valid_from) ? in->valid_from : in->decided_on;
  if (date_before(d->valid_from, c->received_on))
    return err_set(e, ERR_INVALID, "valid_from", "",
                   "Beslutet kan inte gälla från %s, före ansökan (%s).", fmt(d->valid_from, a),
                   fmt(c->received_on, b));
  d->time_limited = in->time_limited || date_is_set(in->valid_to);
  d->valid_to = in->valid_to;
  if (d->time_limited && !date_is_set(d->valid_to)) {
    /* the default period when time-limited without an end; inclusive */
    int32_t months = default_limit_months(pol, info->kind);
    bool school = info->kind == INSATS_KORTTIDSTILLSYN || info->kind == INSATS_BOENDE_BARN;
    if (months > 0)
      d->valid_to = date_period_end_months(d->valid_from, months);
    else if (school && date_is_set(ci->upper_secondary_ends_on))
      d->valid_to = ci->upper_secondary_ends_on; /* until the schooling ends */
    else
      return err_set(e, ERR_INVALID, "valid_to", "R-032",
                     "Beslutet om %s är tidsbegränsat men riktlinjerna har ingen förvald längd "
                     "för insatsen%s: ange slutdatum.",
                     info->name, school ? " och gymnasieskolans slut är inte angivet" : "");
  }
  if (date_is_set(d->valid_to) && date_before(d->valid_to, d->valid_from))
    return err_set(e, ERR_INVALID, "valid_to", "",
                   "Beslutet kan inte upphöra (%s) innan det börjar gälla (%s).",
                   fmt(d->valid_to, a), fmt(d->valid_from, b));
  d->review_date = in->review_date;
  if (date_is_set(d->review_date) && !date_before(in->decided_on, d->review_date))
    return err_set(e, ERR_INVALID, "review_date", "",
                   "Omprövningsdatumet (%s) ska ligga efter beslutsdagen (%s).",
                   fmt(d->review_date, a), fmt(in->decided_on, b));
  /* every new personal-assistance decision that grants has a review date */
  if (info->kind == INSATS_PERSONLIG_ASSISTANS && pol->review_date_required_pa &&
      !date_is_set(d->review_date))
    return err_set(e, ERR_RULE, "review_date", "R-033",
                   "Ett beslut om personlig assistans ska ha ett omprövningsdatum; utan det är "
                   "beslutet ofullständigt (riktlinjerna: %d månader, dvs. %s).",
                   (int)pol->review_months_pa,
                   fmt(date_add_months(in->decided_on, pol->review_months_pa), a));
  return true;
}

/* and 9 § 1: what core's eligibility rules refuse, on the facts the decision has. */
static bool check_eligibility(Svc *s, const CaseRec *c, const CaseInsatsRec *ci,
                              const InsatsInfo *info, const Policy *pol, bool favourable,
                              const DecisionIn *in, Err *e) {
  char a[DATE_STRLEN], b[DATE_STRLEN];
  if (!favourable) return true;
  /* 9 § 1 LSS: the region's responsibility; the request is recorded and decided, never granted */
  if (info->kind == INSATS_RADGIVNING)
    return err_set(e, ERR_RULE, "outcome", "R-001",
                   "Rådgivning och annat personligt stöd (9 § 1 LSS) är regionens ansvar och "
                   "beviljas inte av kommunen; avslå eller avvisa och hänvisa till regionen.");
  /* personkrets is established before the need and stated in the decision */
  if (in->personkrets < 1 || in->personkrets > 3)
    return err_set(e, ERR_RULE, "personkrets", "R-031",
                   "Ett beviljat beslut ska ange personkrets 1, 2 eller 3 (1 § LSS).");
  /* daglig verksamhet only for personkrets 1 or 2 */
  if (info->kind == INSATS_DAGLIG_VERKSAMHET && in->personkrets == 3)
    return err_set(e, ERR_RULE, "personkrets", "R-012",
                   "Daglig verksamhet kan bara beviljas personkrets 1 eller 2; personen tillhör "
                   "personkrets 3 (9 § 10 LSS).");
  /* personkrets is assessed, on a doctor's statement, before anything is granted */
  Arena pa;
  arena_init(&pa, 0);
  PersonkretsRec pk;
  bool assessed = false;
  bool ok = store_personkrets_latest(s->db, c->id, &pa, &pk, &assessed, e);
  arena_free(&pa);
  if (!ok) return false;
  if (!assessed || pk.grp < 1)
    return err_set(e, ERR_RULE, "personkrets", "R-010",
                   "Personkretsen är inte fastställd i utredningen: bedöm den på ett läkarutlåtande "
                   "innan något beviljas (1 § LSS).");
  PersonRec p;
  bool found = false;
  if (!store_person_get(s->db, c->person_id, &p, &found, e)) return false;
  if (!found || !date_is_set(p.birth_date)) return true; /* unknown age: the investigation's */
  /* korttidstillsyn is for school youth over 12 */
  if (info->kind == INSATS_KORTTIDSTILLSYN && date_age_on(p.birth_date, in->decided_on) < 12)
    return err_set(e, ERR_RULE, "outcome", "R-084",
                   "Korttidstillsyn ges skolungdom över 12 år (9 § 7 LSS); personen är %d år.",
                   date_age_on(p.birth_date, in->decided_on));
  /* no ledsagarservice for someone under the policy's age who has personal assistance */
  if (info->kind == INSATS_LEDSAGARSERVICE &&
      date_age_on(p.birth_date, in->decided_on) < pol->companion_with_pa_min_age) {
    Date pa_first;
    if (!store_decision_first_favourable(s->db, c->person_id, "personlig_assistans", &pa_first, e))
      return false;
    if (date_is_set(pa_first))
      return err_set(e, ERR_RULE, "outcome", "R-080",
                     "Personen har personlig assistans och är under %d år: behovet av ledsagning "
                     "tillgodoses genom assistansen (9 § 3 LSS).",
                     (int)pol->companion_with_pa_min_age);
  }
  if (info->kind != INSATS_DAGLIG_VERKSAMHET && info->kind != INSATS_PERSONLIG_ASSISTANS)
    return true;
  if (info->kind == INSATS_DAGLIG_VERKSAMHET) {
    /* of working age; above the policy's upper age it is not given */
    int age = date_age_on(p.birth_date, c->received_on);
    if (age > pol->daily_activity_max_age)
      return err_set(e, ERR_RULE, "outcome", "R-012",
                     "Personen var %d år när ansökan kom in, över yrkesverksam ålder (%d–%d år): "
                     "daglig verksamhet ges inte (9 § 10 LSS).",
                     age, (int)pol->daily_activity_min_age, (int)pol->daily_activity_max_age);
    return true;
  }
  /* personal assistance only if applied for, or granted, before the age limit was
   * reached; never increased after it */
  Date limit = lawdata_pa_age_limit_reached(p.birth_date);
  if (date_before(c->received_on, limit)) return true;
  int limit_age = lawdata_pa_age_limit(limit);
  if (ci->is_increase)
    return err_set(e, ERR_RULE, "outcome", "R-067",
                   "Personlig assistans kan inte utökas efter den dag åldersgränsen nåddes (%d år, "
                   "%s); ansökan om utökning kom in %s (9 b § LSS).",
                   limit_age, fmt(limit, a), fmt(c->received_on, b));
  Date first;
  if (!store_decision_first_favourable(s->db, c->person_id, info->code, &first, e)) return false;
  if (date_is_set(first) && date_before(first, limit)) return true;
  return err_set(e, ERR_RULE, "outcome", "R-067",
                 "Ansökan kom in %s, efter den dag åldersgränsen för personlig assistans nåddes "
                 "(%d år, %s), och assistans hade inte beviljats dessförinnan (9 b § LSS).",
                 fmt(c->received_on, b), limit_age, fmt(limit, a));
}

/* R-030 (25 § FL): the decision comes after the material was communicated; deciding before the
 * person's reply time has run out, with no reply, is allowed but questioned. */
static bool check_communication(Svc *s, const CaseRec *c, const DecisionIn *in, DecisionOut *out,
                                Err *e) {
  DecisionCommunication m;
  bool found = false;
  char a[DATE_STRLEN], b[DATE_STRLEN], msg[320];
  if (!store_decision_last_communication(s->db, c->id, &m, &found, e)) return false;
  if (!found) return true;
  if (date_before(in->decided_on, m.sent_on))
    return err_set(e, ERR_RULE, "decided_on", "R-030",
                   "Beslutet (%s) kan inte fattas före kommuniceringen (%s): materialet "
                   "kommuniceras innan beslut fattas (25 § FL).",
                   fmt(in->decided_on, a), fmt(m.sent_on, b));
  if (!date_is_set(m.reply_received_on) && date_is_set(m.reply_by) &&
      !date_before(m.reply_by, in->decided_on)) {
    snprintf(msg, sizeof msg,
             "Beslutet fattas %s, men den enskilde har till och med %s på sig att yttra sig över "
             "materialet och inget svar har kommit in (25 § FL).",
             fmt(in->decided_on, a), fmt(m.reply_by, b));
    warn(out, "R-030", "decided_on", msg);
  }
  return true;
}

/* a revocation clause is questioned in a decision shorter than the policy's minimum. */
static void warn_clause(const Policy *pol, const DecisionRec *d, DecisionOut *out) {
  if (!d->revocation_clause[0] || !date_is_set(d->valid_to) ||
      pol->revocation_clause_min_months <= 0)
    return;
  Date full = date_period_end_months(d->valid_from, pol->revocation_clause_min_months);
  if (!date_before(d->valid_to, full)) return;
  char msg[320], a[DATE_STRLEN], b[DATE_STRLEN];
  snprintf(msg, sizeof msg,
           "Beslutet gäller %s–%s, kortare än %d månader: ifrågasätt återkallelseförbehållet — ett "
           "kort beslut kan följas upp och prövas på nytt när det löper ut (riktlinjerna).",
           fmt(d->valid_from, a), fmt(d->valid_to, b), (int)pol->revocation_clause_min_months);
  warn(out, "R-035", "revocation_clause", msg);
}

bool decision_make(Svc *s, const CaseRec *c, const CaseInsatsRec *ci, const DecisionIn *in,
                   DecisionOut *out, Err *e) {
  const InsatsInfo *info = insats_info(insats_from_code(ci->insats));
  if (!info) return err_set(e, ERR_INTERNAL, "case_insats_id", "", "Okänd insats i ärendet.");
  bool favourable = decision_favourable(in->outcome);
  if (!check_content(in, favourable, e)) return false;
  if (!decision_date_check(s, in->decided_on, "decided_on", "Beslutsdatum", c->received_on,
                           "ansökan", e))
    return false;
  if (date_is_set(in->notified_on) && !decision_date_check(s, in->notified_on, "notified_on",
                                                           "Dagen den enskilde fick del av "
                                                           "beslutet",
                                                           in->decided_on, "beslutet", e))
    return false;
  if (in->personkrets < 0 || in->personkrets > 3)
    return err_set(e, ERR_INVALID, "personkrets", "",
                   "Personkrets är 1, 2, 3 eller 0 (ej fastställd).");
  if (!check_scope(info, favourable, in, e)) return false;
  Policy pol;
  DecisionRec d;
  memset(&d, 0, sizeof d);
  if (!check_communication(s, c, in, out, e) || !svc_policy_on(s, in->decided_on, &pol, e) ||
      !check_validity(c, ci, info, &pol, favourable, in, &d, e) ||
      !check_eligibility(s, c, ci, info, &pol, favourable, in, e) ||
      !decision_maker(s, in->decided_by_name, in->decided_by_title, d.decided_by_name,
                      sizeof d.decided_by_name, d.decided_by_title, sizeof d.decided_by_title, e))
    return false;
  d.case_id = c->id;
  d.case_insats_id = ci->id;
  snprintf(d.insats, sizeof d.insats, "%s", info->code);
  snprintf(d.outcome, sizeof d.outcome, "%s", in->outcome);
  snprintf(d.applied_for, sizeof d.applied_for, "%s", in->applied_for);
  snprintf(d.decided_text, sizeof d.decided_text, "%s", in->decided_text);
  d.scope_amount = favourable ? in->scope_amount : 0;
  snprintf(d.scope_unit, sizeof d.scope_unit, "%s",
           favourable && in->scope_unit ? in->scope_unit : "");
  d.personkrets = in->personkrets;
  snprintf(d.revocation_clause, sizeof d.revocation_clause, "%s",
           in->revocation_clause ? in->revocation_clause : "");
  snprintf(d.grounds, sizeof d.grounds, "%s", in->grounds);
  snprintf(d.goals, sizeof d.goals, "%s", in->goals ? in->goals : "");
  d.decided_on = in->decided_on;
  d.appeal_instructions = in->appeal_instructions;
  d.notified_on = in->notified_on;
  d.created_by = s->user_id;
  d.is_demo = in->is_demo;
  if (!store_decision_insert(s->db, &d, s->now, &out->id, e)) return false;
  out->valid_to = d.valid_to;
  if (favourable) warn_clause(&pol, &d, out);
  return true;
}

/* ---- use cases ---- */

/* The state of the case when the first decision of a requested insats is made: the state
 * machine's DECIDE step must be allowed; the state itself moves only with the last. */
static bool first_decision_state(Svc *s, CaseRec *c, Err *e) {
  CaseRec probe = *c;
  return svc_case_apply_event(s, &probe, CASE_EV_DECIDE, e);
}

/* After a first decision: every requested insats decided → decided (and appealed again when an
 * appeal arrived while other insatser were still open). */
static bool after_first_decision(Svc *s, CaseRec *c, Err *e) {
  int64_t undecided = 0, pending = 0;
  if (!store_decision_undecided_count(s->db, c->id, &undecided, e)) return false;
  if (undecided > 0) return true;
  if (!svc_case_apply_event(s, c, CASE_EV_DECIDE, e) ||
      !store_appeal_pending_count(s->db, c->id, &pending, e))
    return false;
  if (pending > 0 && !svc_case_apply_event(s, c, CASE_EV_APPEAL, e)) return false;
  return store_case_update(s->db, c, e);
}

bool svc_decision_create(Svc *s, const DecisionIn *in, DecisionOut *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (!svc_require(s, CAP_DECIDE, e)) return false;
  Arena a;
  arena_init(&a, 0);
  int64_t case_id = 0;
  bool found = false;
  CaseRec c;
  CaseInsatsRec ci;
  DecisionRec *prior = NULL;
  size_t nprior = 0;
  AppealRec redecide;
  bool ok = svc_begin(s, true, e) &&
            store_decision_case_of_insats(s->db, in->case_insats_id, &case_id, &found, e);
  if (ok && !found)
    ok = err_set(e, ERR_NOT_FOUND, "case_insats_id", "", "Den sökta insatsen finns inte.");
  ok = ok && svc_case_load(s, case_id, &c, e) &&
       decision_case_insats(s, &c, in->case_insats_id, &ci, e) &&
       store_decision_list_by_case_insats(s->db, ci.id, &a, &prior, &nprior, e);
  if (ok && nprior > 0) {
    /* Already decided: a new decision only where the court changed or returned the latest. */
    ok = store_appeal_open_for_redecision(s->db, ci.id, &redecide, &found, e);
    if (ok && !found)
      ok = err_set(e, ERR_CONFLICT, "case_insats_id", "",
                   "Insatsen är redan beslutad i ärendet. Ett nytt beslut fattas vid omprövning "
                   "av ett överklagande, när domstolen ändrat eller återförvisat beslutet, eller i "
                   "ett nytt ärende.");
    char a1[DATE_STRLEN];
    if (ok && date_is_set(in->decided_on) && date_before(in->decided_on, redecide.court_decided_on))
      ok = err_set(e, ERR_INVALID, "decided_on", "",
                   "Det nya beslutet fattas efter domstolens avgörande (%s).",
                   fmt(redecide.court_decided_on, a1));
  } else if (ok) {
    ok = first_decision_state(s, &c, e); /* communicated, or an exception recorded */
  }
  ok = ok && decision_make(s, &c, &ci, in, out, e);
  if (ok && nprior > 0) {
    /* The decision that came out of the appeal; one already made on reconsideration keeps the
     * link (the court's decision is then the latest of the requested insats). */
    if (!redecide.changed_decision_id) {
      redecide.changed_decision_id = out->id;
      ok = store_appeal_update(s->db, &redecide, e);
    }
  } else if (ok) {
    ok = after_first_decision(s, &c, e);
  }
  ok = ok && svc_audit(s, "decision.create", "decision", out->id, c.person_id, in->outcome, e) &&
       svc_deadline_refresh_case(s, c.id, e) &&
       svc_fk_refresh_person(s, c.person_id, e); /* a grant can call for 3078/3064 */
  arena_free(&a);
  if (!svc_end(s, ok, e)) {
    out->id = 0;
    out->n_warnings = 0;
    return false;
  }
  return true;
}

bool svc_decision_notify(Svc *s, int64_t decision_id, Date on, Err *e) {
  if (!svc_require(s, CAP_DECIDE, e)) return false;
  DecisionRec d;
  CaseRec c;
  bool ok = svc_begin(s, true, e) && decision_load(s, decision_id, &d, &c, e);
  /* when the person was notified; a recorded fact is not overwritten */
  if (ok && date_is_set(d.notified_on))
    ok = err_set(e, ERR_CONFLICT, "notified_on", "R-130",
                 "Det är redan registrerat när den enskilde fick del av beslutet.");
  ok = ok &&
       decision_date_check(s, on, "notified_on", "Dagen den enskilde fick del av beslutet",
                           d.decided_on, "beslutet", e) &&
       store_decision_set_notified(s->db, decision_id, on, e) &&
       svc_audit(s, "decision.notify", "decision", decision_id, c.person_id, "", e) &&
       svc_deadline_refresh_case(s, c.id, e); /* the appeal period starts */
  return svc_end(s, ok, e);
}

bool decision_in_force(Svc *s, const DecisionRec *d, const char *field, Err *e) {
  RevocationRec r;
  bool found = false;
  if (!store_revocation_by_decision(s->db, d->id, &r, &found, e)) return false;
  if (found) return err_set(e, ERR_CONFLICT, field, "R-034", "Beslutet är återkallat.");
  Arena a;
  arena_init(&a, 0);
  DecisionRec *list;
  size_t n;
  bool ok = store_decision_list_by_case_insats(s->db, d->case_insats_id, &a, &list, &n, e);
  bool replaced = ok && n > 0 && list[0].id != d->id;
  arena_free(&a);
  if (replaced)
    return err_set(e, ERR_CONFLICT, field, "", "Beslutet har ersatts av ett senare beslut.");
  return ok;
}

bool svc_order_create(Svc *s, const OrderIn *in, int64_t *id, Err *e) {
  *id = 0;
  if (!svc_require(s, CAP_DECIDE, e)) return false;
  if (!text_check(in->goals, "goals", "Målen", MAX_GOALS, true, false, e) ||
      !text_check(in->note, "note", "Anteckningen", MAX_NOTE, true, false, e))
    return false;
  DecisionRec d;
  CaseRec c;
  OrderRec o;
  UnitRec u;
  bool found = false;
  bool ok = svc_begin(s, true, e) && decision_load(s, in->decision_id, &d, &c, e);
  /* the decision and the order go to the executing unit — a favourable decision only */
  if (ok && !decision_favourable(d.outcome))
    ok =
        err_set(e, ERR_RULE, "decision_id", "R-040",
                "Bara ett beslut som beviljar insatsen skickas till utföraren för verkställighet.");
  ok = ok && decision_in_force(s, &d, "decision_id", e) &&
       store_order_by_decision(s->db, d.id, &o, &found, e);
  if (ok && found)
    ok = err_set(e, ERR_CONFLICT, "decision_id", "R-040",
                 "Beslutet har redan skickats till en utförare.");
  ok = ok && store_unit_get(s->db, in->unit_id, &u, &found, e);
  if (ok && (!found || strcmp(u.kind, "executing") != 0))
    ok = err_set(e, ERR_INVALID, "unit_id", "R-040",
                 "Beställningen skickas till en utförarenhet (enhetschefen).");
  if (ok && in->provider_id) {
    ok = store_decision_provider_exists(s->db, in->provider_id, &found, e);
    if (ok && !found) ok = err_set(e, ERR_INVALID, "provider_id", "", "Utföraren finns inte.");
  }
  ok = ok && decision_date_check(s, in->sent_on, "sent_on", "Beställningsdatum", d.decided_on,
                                 "beslutet", e);
  memset(&o, 0, sizeof o);
  o.decision_id = d.id;
  o.unit_id = in->unit_id;
  o.provider_id = in->provider_id;
  o.sent_on = in->sent_on;
  /* the unit's plan starts from the goals set in the decision */
  snprintf(o.goals, sizeof o.goals, "%s", !empty(in->goals) ? in->goals : d.goals);
  snprintf(o.note, sizeof o.note, "%s", in->note ? in->note : "");
  ok = ok && store_order_insert(s->db, &o, s->now, id, e) &&
       store_decision_set_executing_unit(s->db, d.id, in->unit_id, e) &&
       svc_audit(s, "order.create", "order", *id, c.person_id, "", e) &&
       svc_deadline_refresh_case(s, c.id, e); /* the unit's contact deadline */
  if (!svc_end(s, ok, e)) {
    *id = 0;
    return false;
  }
  return true;
}

/* ---- reads ---- */

/* Fills one view from the case's lists (orders, revocations and appeals of every decision). */
static void view_fill(DecisionView *v, const DecisionRec *d, const OrderRec *orders, size_t no,
                      const RevocationRec *revs, size_t nr, const AppealRec *appeals, size_t na,
                      Arena *a) {
  memset(v, 0, sizeof *v);
  v->d = *d;
  for (size_t i = 0; i < no; i++)
    if (orders[i].decision_id == d->id) v->order = orders[i], v->has_order = true;
  for (size_t i = 0; i < nr; i++)
    if (revs[i].decision_id == d->id) v->revocation = revs[i], v->revoked = true;
  for (size_t i = 0; i < na; i++)
    if (appeals[i].decision_id == d->id) v->n_appeals++;
  if (!v->n_appeals) return;
  v->appeals = arena_array(a, v->n_appeals, sizeof *v->appeals);
  size_t k = 0;
  for (size_t i = 0; i < na; i++)
    if (appeals[i].decision_id == d->id) v->appeals[k++] = appeals[i];
}

/* a refused read is logged too, in its own transaction after the rollback. */
static void log_refused(Svc *s, const char *object_type, int64_t object_id, int64_t person_id) {
  Err ignore;
  err_clear(&ignore);
  if (svc_is_system(s) || !svc_begin(s, true, &ignore)) return;
  bool ok = svc_audit(s, "decision.read_refused", object_type, object_id, person_id, "", &ignore);
  svc_end(s, ok, &ignore);
}

/* Reads the decisions of case c (all, or only `only_id`) into views. */
static bool read_views(Svc *s, const CaseRec *c, int64_t only_id, Arena *a, DecisionView **out,
                       size_t *n, Err *e) {
  DecisionRec *ds;
  OrderRec *os;
  RevocationRec *rs;
  AppealRec *as;
  size_t nd, no, nr, na;
  if (!store_decision_list_by_case(s->db, c->id, a, &ds, &nd, e) ||
      !store_order_list_by_case(s->db, c->id, a, &os, &no, e) ||
      !store_revocation_list_by_case(s->db, c->id, a, &rs, &nr, e) ||
      !store_appeal_list_by_case(s->db, c->id, a, &as, &na, e))
    return false;
  *out = nd ? arena_array(a, nd, sizeof **out) : NULL;
  *n = 0;
  for (size_t i = 0; i < nd; i++)
    if (!only_id || ds[i].id == only_id)
      view_fill(&(*out)[(*n)++], &ds[i], os, no, rs, nr, as, na, a);
  return true;
}

bool svc_decision_list_for_case(Svc *s, int64_t case_id, Arena *a, DecisionView **out, size_t *n,
                                Err *e) {
  *out = NULL, *n = 0;
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  CaseRec c;
  memset(&c, 0, sizeof c);
  bool ok = svc_begin(s, true, e) && svc_case_load(s, case_id, &c, e) &&
            read_views(s, &c, 0, a, out, n, e) &&
            svc_audit(s, "decision.read", "case", case_id, c.person_id, "", e);
  if (svc_end(s, ok, e)) return true;
  if (e->code == ERR_FORBIDDEN) log_refused(s, "case", case_id, c.person_id);
  *out = NULL, *n = 0;
  return false;
}

bool svc_decision_open(Svc *s, int64_t decision_id, Arena *a, DecisionView *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  DecisionRec d;
  CaseRec c;
  DecisionView *views = NULL;
  size_t n = 0;
  memset(&c, 0, sizeof c);
  bool ok = svc_begin(s, true, e) && decision_load(s, decision_id, &d, &c, e) &&
            read_views(s, &c, decision_id, a, &views, &n, e) &&
            svc_audit(s, "decision.read", "decision", decision_id, c.person_id, "", e);
  if (ok && n == 1) *out = views[0];
  if (svc_end(s, ok, e)) return true;
  if (e->code == ERR_FORBIDDEN) log_refused(s, "decision", decision_id, c.person_id);
  memset(out, 0, sizeof *out);
  return false;
}

Date svc_appeal_last_day(Date notified_on) {
  /* three weeks from the day the person received the decision (44 § FL); R-121: moved
   * past a Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton */
  return calendar_statutory_due(date_add_weeks(notified_on, SVC_APPEAL_WEEKS));
}
