/* demo_svc.c — the synthetic demo municipality (see svc_demo.h). Everything goes through the
 * same use cases as real work, so the demo obeys the rules and writes its audit trail; batches
 * of persons share one transaction (savepoints keep each command all-or-nothing).
 * Must not: invent rules — when a use case refuses, the demo picks other facts. */
#include <stdio.h>
#include <string.h>

#include "core/insats.h"
#include "core/pnr.h"
#include "service/demo_internal.h"

#define BATCH 250

const DemoLogin svc_demo_logins[] = {
    {"handlaggare", "officer", "Hanna Handläggare (demo)", "LSS-handläggare", "Myndighetsenheten LSS"},
    {"handlaggare2", "officer", "Henrik Handläggare (demo)", "LSS-handläggare", "Myndighetsenheten LSS"},
    {"enhetschef", "unit_manager", "Elin Enhetschef (demo)", "enhetschef", "Assistansenheten"},
    {"enhetschef2", "unit_manager", "Erik Enhetschef (demo)", "enhetschef", "Boendeenheten Solrosen"},
    {"enhetschef3", "unit_manager", "Ebba Enhetschef (demo)", "enhetschef", "Daglig verksamhet Verkstan"},
    {"ekonom", "finance", "Egon Ekonom (demo)", "ekonom", "Ekonomienheten"},
    {"revisor", "auditor", "Rut Revisor (demo)", "revisor", NULL},
    {"admin", "admin", "Ada Administratör (demo)", "systemförvaltare", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const struct {
  const char *name, *kind;
} demo_units[] = {
    {"Myndighetsenheten LSS", "authority"},
    {"Assistansenheten", "executing"},
    {"Boendeenheten Solrosen", "executing"},
    {"Daglig verksamhet Verkstan", "executing"},
    {"Ekonomienheten", "finance"},
};

/* Fictional on purpose: no one is called this. */
static const char *const family_names[] = {
    "Påhittadsson", "Exempelberg", "Testlund",  "Demosson",  "Låtsasgren", "Fiktivander",
    "Provström",    "Skenqvist",   "Övningsdal", "Modellin", "Attrappsson", "Övningsberg",
    "Exempelsson",  "Prövlund",    "Fejkström", "Låtsasson", "Demoqvist",  "Testander"};
static const char *const given_female[] = {"Alva", "Astrid", "Ebba", "Elsa", "Freja", "Greta",
                                           "Ines", "Juni", "Klara", "Lova", "Maja", "Märta",
                                           "Signe", "Stina", "Tyra", "Vera", "Åsa", "Ylva"};
static const char *const given_male[] = {"Algot", "Arvid", "Bror", "Elis", "Folke", "Gösta",
                                         "Hugo", "Ivar", "Malte", "Nils", "Olof", "Sixten",
                                         "Tage", "Ture", "Valter", "Vide", "Åke", "Östen"};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
_Static_assert(COUNT(demo_units) == DEMO_UNITS, "Demo.unit_ids has one slot per demo unit");

static bool pnrset_add(PnrSet *set, int64_t key) {
  size_t i = (size_t)((uint64_t)key * 0x9E3779B97F4A7C15ull) & (set->cap - 1);
  while (set->slots[i]) {
    if (set->slots[i] == key) return false;
    i = (i + 1) & (set->cap - 1);
  }
  set->slots[i] = key;
  return true;
}

/* A valid, unused personnummer for someone born on `birth` of sex 'F'/'M'. */
static void make_pnr(Rng *r, PnrSet *used, Date birth, char sex, char out[16]) {
  for (;;) {
    int n = rng_int(r, 1, 999); /* birth numbers 001–999 */
    if ((n % 2 == 1) != (sex == 'M')) n = n == 999 ? 998 : n + 1;
    int64_t key = (int64_t)date_to_days(birth) * 1000 + n;
    if (!pnrset_add(used, key)) continue;
    char ten[11];
    snprintf(ten, sizeof ten, "%02d%02d%02d%03d", birth.y % 100, birth.m, birth.d, n);
    int check = pnr_luhn_digit(ten, 9);
    snprintf(out, 16, "%04d%02d%02d%03d%d", birth.y, birth.m, birth.d, n, check);
    return;
  }
}

static bool demo_units_and_users(Demo *d, Err *e) {
  Svc sys;
  svc_ctx_system(&sys, d->db);
  svc_ctx_set_today(&sys, d->today);
  for (size_t i = 0; i < COUNT(demo_units); i++)
    if (!svc_unit_add(&sys, demo_units[i].name, demo_units[i].kind, &d->unit_ids[i], e)) return false;
  int officer = 0, manager = 0;
  for (const DemoLogin *l = svc_demo_logins; l->username; l++) {
    UserIn in = {l->username, l->full_name, l->title, l->role, l->unit, SVC_DEMO_PASSWORD, true};
    int64_t id;
    if (!svc_user_add(&sys, &in, &id, e)) return false;
    d->out->users++;
    if (strcmp(l->role, "officer") == 0 && officer < 2) {
      Svc *o = &d->officers[officer++];
      *o = sys;
      o->user_id = id;
      o->role = ROLE_OFFICER;
      o->unit_id = d->unit_ids[0];
    }
    if (strcmp(l->role, "unit_manager") == 0 && manager < 3) {
      Svc *m = &d->managers[manager++];
      *m = sys;
      m->user_id = id;
      m->role = ROLE_UNIT_MANAGER;
      m->unit_id = d->unit_ids[manager]; /* the executing units follow the authority */
    }
  }
  return true;
}

/* Which insats a person of this age applies for, in rough proportion to real municipalities. */
static const char *pick_insats(Rng *r, int age) {
  int x = rng_int(r, 1, 100);
  if (age < 18) {
    if (age >= 13 && x <= 10) return "korttidstillsyn";
    if (x <= 35) return "korttidsvistelse";
    if (x <= 55) return "avlosarservice";
    if (x <= 75) return "kontaktperson";
    if (x <= 92) return "personlig_assistans";
    return "boende_barn";
  }
  if (age >= 66) return x <= 50 ? "bostad_vuxna" : x <= 80 ? "ledsagarservice" : "kontaktperson";
  if (x <= 30) return "daglig_verksamhet";
  if (x <= 52) return "bostad_vuxna";
  if (x <= 67) return "personlig_assistans";
  if (x <= 80) return "kontaktperson";
  if (x <= 92) return "ledsagarservice";
  return "korttidsvistelse";
}

static bool demo_person(Demo *d, long index, Err *e) {
  Rng *r = &d->rng;
  Svc *off = &d->officers[index % 2];
  int band = rng_int(r, 1, 100);
  int age = band <= 22 ? rng_int(r, 1, 17) : band <= 92 ? rng_int(r, 18, 64) : rng_int(r, 65, 85);
  Date birth = date_add_days(date_add_years(d->today, -age - 1), rng_int(r, 1, 364));
  char sex = rng_chance(r, 50) ? 'F' : 'M';
  char pnr[16];
  make_pnr(r, &d->used, birth, sex, pnr);
  const char *given = sex == 'F' ? given_female[rng_int(r, 0, COUNT(given_female) - 1)]
                                 : given_male[rng_int(r, 0, COUNT(given_male) - 1)];
  const char *family = family_names[rng_int(r, 0, COUNT(family_names) - 1)];
  PersonIn pin = {pnr, given, family, rng_chance(r, 1), 0, true};
  int64_t person_id;
  if (!svc_person_create(off, &pin, &person_id, e)) return false;
  d->out->persons++;

  ApplicationIn app;
  memset(&app, 0, sizeof app);
  app.person_id = person_id;
  app.kind = "application";
  app.received_how = rng_chance(r, 80) ? "written" : rng_chance(r, 50) ? "digital" : "oral";
  app.is_demo = true;
  app.guardians = -1;
  app.can_take_position = 1;
  app.wants_insats = 1;
  /* The case's age: open cases are recent (some past their handling time), the rest older. */
  int state = rng_int(r, 1, 100);
  int days_ago = state <= 25 ? rng_int(r, 1, 180) : rng_int(r, 30, 1500);
  app.received_on = date_add_days(d->today, -days_ago);
  if (date_before(app.received_on, date_add_days(birth, 1))) app.received_on = date_add_days(birth, 1);
  int age_then = date_age_on(birth, app.received_on);
  char names[2][160]; /* the applicants' names live as long as the application */
  const char *insats = pick_insats(r, age_then);
  if (age_then < 18) {
    /* guardians apply for a child — both when there are two */
    for (int g = 0; g < 2; g++) {
      char *guardian = names[g];
      snprintf(guardian, sizeof names[g], "%s %s", g ? given_male[rng_int(r, 0, COUNT(given_male) - 1)]
                                                      : given_female[rng_int(r, 0, COUNT(given_female) - 1)],
               family);
      RepresentativeIn rep = {person_id, "guardian", guardian, NULL, "", "vårdnad", false,
                              DATE_NONE, birth, date_add_days(date_add_years(birth, 18), -1)};
      int64_t rid;
      if (!svc_representative_add(off, &rep, &rid, e)) return false;
      app.applicants[g] = (ApplicantIn){"guardian", guardian, rid, false};
    }
    app.n_applicants = 2;
    app.guardians = 2;
    app.can_take_position = age_then >= 15 ? 1 : -1;
    app.wants_insats = age_then >= 15 ? 1 : -1;
  } else {
    snprintf(names[0], sizeof names[0], "%s %s", given, family);
    app.applicants[0] = (ApplicantIn){"person", names[0], 0, false};
    app.n_applicants = 1;
  }
  app.requested[0] = (RequestIn){insats, "", false, NULL, DATE_NONE, DATE_NONE};
  app.n_requested = 1;
  Svc at = *off;
  int64_t case_id;
  if (!svc_case_register(&at, &app, &case_id, e)) {
    /* R-067 and the like: the facts chosen do not allow this application; skip it. */
    if (e->code == ERR_RULE) {
      err_clear(e);
      return true;
    }
    return false;
  }
  d->out->cases++;
  if (state <= 5) return true;                              /* received */
  if (!svc_case_investigate(&at, case_id, e)) return false; /* investigating */
  if (state <= 8) {
    Date on = date_add_days(app.received_on, rng_int(r, 0, days_ago > 0 ? days_ago - 1 : 0));
    return svc_case_withdraw(&at, case_id, on, e);
  }
  DemoCase dc = {case_id, person_id, insats, app.received_on, birth, age_then, family, state};
  return demo_case_lifecycle(d, &at, &dc, e);
}

bool svc_demo_generate(Db *db, const DemoOptions *opt, DemoResult *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (opt->persons < 1 || opt->persons > 1000000)
    return err_set(e, ERR_INVALID, "persons", "", "Antal personer måste vara 1–1 000 000.");
  Arena a;
  arena_init(&a, 0);
  Demo d = {.db = db, .rng = {opt->seed ^ 0x5EEDull}, .today = opt->today, .out = out};
  d.used.cap = 1;
  while (d.used.cap < (size_t)opt->persons * 8) d.used.cap <<= 1;
  d.used.slots = arena_array(&a, d.used.cap, sizeof *d.used.slots);
  store_set_cache_mb(db, 256); /* the whole working set of a large demo stays in memory */
  Arena probe;
  arena_init(&probe, 0);
  PersonRec *rows;
  size_t n = 0;
  bool ok = store_begin(db, false, e) && store_person_search(db, "", 1, &probe, &rows, &n, e);
  store_rollback(db);
  arena_free(&probe);
  if (ok && n > 0)
    ok = err_set(e, ERR_CONFLICT, "", "",
                 "Databasen innehåller redan personer: demodata skapas bara i en tom databas.");
  /* Only a new, empty database gets here: building it need not wait for the disk. */
  if (ok) store_set_durable(db, false);
  ok = ok && store_begin(db, true, e) && demo_units_and_users(&d, e) && demo_providers(&d, e) &&
       store_commit(db, e);
  /* Each person's cases get their deadlines once, after all their steps (same transaction). */
  SvcDeferred deferred = {{0}, 0};
  for (int i = 0; i < 2; i++) d.officers[i].deferred = &deferred;
  for (int i = 0; i < 3; i++) d.managers[i].deferred = &deferred;
  for (long i = 0; ok && i < opt->persons; i += BATCH) {
    ok = store_begin(db, true, e);
    for (long k = i; ok && k < opt->persons && k < i + BATCH; k++) {
      Arena per_person;
      arena_init(&per_person, 0);
      d.arena = &per_person;
      ok = demo_person(&d, k, e) && svc_deadline_flush(&d.officers[0], e);
      arena_free(&per_person);
    }
    if (ok) ok = store_commit(db, e);
    else store_rollback(db);
    if (ok && opt->progress) {
      fprintf(opt->progress, "persons: %ld committed\n", out->persons);
      fflush(opt->progress);
    }
  }
  ok = ok && demo_payments(&d, e); /* demo_payment.c */
  ok = ok && demo_assistance(&d, e); /* demo_assistance.c (issue 5) */
  ok = ok && demo_invoices(&d, e); /* sick-pay invoices (demo_invoice.c) */
  store_set_durable(db, true);
  arena_free(&a);
  return ok;
}
