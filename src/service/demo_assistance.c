/* demo_assistance.c — the demo's personal assistance in operation (issue 5): on a running
 * personal-assistance decision the first executing unit provides itself, a relative employed as
 * assistant lacking a visit and time reports, a colleague who was visited, a hospital
 * stay, a trip notified in time and a pause; a relief worker, contact person or
 * companion for a child without a police-register extract; a doubt about a private
 * provider with a draft report to IVO. Runs after the persons, through the services, in
 * its own transaction. */
#include <string.h>

#include "service/demo_internal.h"

#define CANDIDATES 50

/* The first running own decision of `insats` for a child (or an adult), 0 if none. */
static bool pick(Demo *d, const char *insats, bool child, Arena *a, RunningDecisionRow *out,
                 Err *e) {
  RunningDecisionRow *rows;
  size_t n;
  memset(out, 0, sizeof *out);
  if (!store_running_own_decisions(d->db, insats, d->today, d->unit_ids[1], CANDIDATES, a, &rows,
                                   &n, e))
    return false;
  for (size_t i = 0; i < n; i++)
    if (date_is_set(rows[i].person_birth) &&
        (date_age_on(rows[i].person_birth, d->today) < 18) == child) {
      *out = rows[i];
      break;
    }
  return true;
}

static bool pa_person(Demo *d, Svc *m, int64_t own, const RunningDecisionRow *r, Err *e) {
  int64_t id, colleague;
  AssistantIn rel = {own,
                     r->person_id,
                     "Maria Anhörigsson (demo)",
                     "assistant",
                     true,
                     date_add_months(d->today, -6),
                     DATE_NONE,
                     0,
                     true};
  AssistantIn other = {own,
                       r->person_id,
                       "Ali Assistentsson (demo)",
                       "assistant",
                       false,
                       date_add_months(d->today, -14),
                       DATE_NONE,
                       0,
                       true};
  Date from = date_add_days(d->today, -45);
  StayIn hospital = {
      r->person_id, "hospital", from, date_add_days(from, 9), "Inlagd på lasarettet (demo).",
      DATE_NONE,    NULL,       true};
  StayIn trip = {r->person_id,
                 "travel",
                 date_add_days(d->today, 30),
                 date_add_days(d->today, 36),
                 "Resa till fjällen (demo).",
                 date_add_days(d->today, -2),
                 NULL,
                 true};
  NoticeIn pause = {r->decision_id,
                    "pause",
                    date_add_days(d->today, -3),
                    date_add_days(d->today, 20),
                    false,
                    "Uppehåll under en vecka (demo).",
                    "",
                    true};
  return svc_assistant_add(m, &rel, &id, e) && svc_assistant_add(m, &other, &colleague, e) &&
         svc_staff_visit_add(m, colleague, date_add_days(d->today, -40),
                             "Besök under förmiddagen; arbetet följer genomförandeplanen.", true,
                             &id, e) &&
         svc_stay_record(m, &hospital, &id, e) && svc_stay_record(m, &trip, &id, e) &&
         svc_notice_record(m, &pause, &id, e);
}

bool demo_assistance(Demo *d, Err *e) {
  Svc *m = &d->managers[0];
  Arena a;
  arena_init(&a, 0);
  int64_t own = 0, id;
  ProviderIn municipal = {"Kommunens assistansenhet (demo)",
                          "212000-9994",
                          "municipal",
                          d->unit_ids[1],
                          "",
                          DATE_NONE,
                          DATE_NONE,
                          DATE_NONE,
                          DATE_NONE,
                          true};
  Svc admin;
  svc_ctx_system(&admin, d->db);
  svc_ctx_set_today(&admin, d->today);
  static const char *const child_insatser[][2] = {{"avlosarservice", "relief_worker"},
                                                  {"kontaktperson", "contact_person"},
                                                  {"ledsagarservice", "companion"}};
  RunningDecisionRow r, c;
  bool ok = store_begin(d->db, true, e) && svc_provider_create(&admin, &municipal, &own, e) &&
            pick(d, "personlig_assistans", false, &a, &r, e);
  if (ok && r.decision_id) ok = pa_person(d, m, own, &r, e);
  for (size_t i = 0; ok && i < 3; i++) {
    ok = pick(d, child_insatser[i][0], true, &a, &c, e);
    if (!ok || !c.decision_id) continue;
    AssistantIn x = {own,
                     c.person_id,
                     "Lisa Uppdragsson (demo)",
                     child_insatser[i][1],
                     false,
                     d->today,
                     DATE_NONE,
                     0,
                     true};
    ok = svc_assistant_add(m, &x, &id, e);
    break;
  }
  ok = ok && svc_ivo_doubt_record(&d->officers[0], d->providers[1], date_add_days(d->today, -5),
                                  "Uppgifter i media om att företrädaren dömts för bidragsbrott "
                                  "(demo). Kontrollerat mot domstolens dom.",
                                  true, &id, e);
  if (ok)
    ok = store_commit(d->db, e);
  else
    store_rollback(d->db);
  arena_free(&a);
  return ok;
}
