/* demo_invoice.c — the demo's sick-pay invoices: six months of invoices from the demo's
 * providers for some of its persons, mostly ordinary, with two risky providers whose reasons are
 * clear on the work list: a new provider without an IVO permit (high sick shares, the same
 * assistant sick for several persons, a duplicate, a late invoice, a rate above the cap) and an
 * established one with a relative as assistant and sick days while the person was in hospital.
 * Deterministic for the demo's seed. Must not: contain SQL. */
#include <stdio.h>
#include <string.h>

#include "core/pnr.h"
#include "service/demo_internal.h"

#define DEMO_INVOICE_PERSONS 40
#define DEMO_INVOICE_MONTHS 6

typedef struct {
  Demo *d;
  Svc sys;
  char orgnr[4][13];
} Ctx;

static bool invoice(Ctx *c, int prov, const PersonRec *p, const char *assistant, const char *no,
                    Date from, int sick_day, int sick_days, int sick_h, int invoiced_h,
                    int kr_per_h, int late_days, Err *e) {
  Date to = date_add_days(date_add_months(from, 1), -1);
  Date inv = date_add_days(to, late_days);
  if (date_before(c->d->today, inv)) inv = c->d->today;
  Date sf = date_add_days(from, sick_day), st = date_add_days(sf, sick_days - 1);
  char s_inv[DATE_STRLEN], s_from[DATE_STRLEN], s_to[DATE_STRLEN], s_sf[DATE_STRLEN],
      s_st[DATE_STRLEN], days[16], sick[16], all[16], amount[32];
  snprintf(days, sizeof days, "%d", sick_days);
  snprintf(sick, sizeof sick, "%d", sick_h);
  snprintf(all, sizeof all, "%d", invoiced_h);
  snprintf(amount, sizeof amount, "%d", sick_h * kr_per_h);
  InvoiceText t = {c->orgnr[prov],
                   p->pnr,
                   assistant,
                   no,
                   date_format(inv, s_inv),
                   date_format(from, s_from),
                   date_format(to, s_to),
                   date_format(sf, s_sf),
                   date_format(st, s_st),
                   days,
                   sick,
                   all,
                   amount};
  int64_t id;
  return svc_invoice_record(&c->sys, &t, true, &id, e);
}

bool demo_invoices(Demo *d, Err *e) {
  Ctx c = {.d = d};
  svc_ctx_system(&c.sys, d->db);
  svc_ctx_set_today(&c.sys, d->today);
  Arena a;
  arena_init(&a, 0);
  PersonRec *persons;
  size_t np = 0;
  int64_t risky = 0;
  ProviderRec pr;
  bool found = false;
  /* a fourth provider: started five months ago, no IVO permit recorded */
  ProviderIn snabb = {"Snabbassistans AB (demo)",
                      "5599000048",
                      "company",
                      0,
                      "",
                      DATE_NONE,
                      DATE_NONE,
                      date_add_days(d->today, -20),
                      date_add_months(d->today, -8),
                      true};
  bool ok = svc_provider_create(&c.sys, &snabb, &risky, e) && store_begin(d->db, true, e);
  ok = ok && store_person_search(d->db, "", DEMO_INVOICE_PERSONS, &a, &persons, &np, e);
  int64_t ids[4] = {d->providers[0], d->providers[1], d->providers[2], risky};
  for (int i = 0; ok && i < 4; i++) {
    ok = store_provider_get(d->db, ids[i], &pr, &found, e);
    memcpy(c.orgnr[i], pr.orgnr, sizeof c.orgnr[i]);
  }
  Date month0 = date_add_months((Date){d->today.y, d->today.m, 1}, -DEMO_INVOICE_MONTHS);
  /* the first person's assistant at provider 0 is a relative */
  if (ok && np > 1) {
    AssistantIn as = {d->providers[0],
                      persons[0].id,
                      "Gunnel Anhörigsson (demo)",
                      "assistant",
                      true,
                      date_add_years(d->today, -3),
                      DATE_NONE,
                      0,
                      true};
    int64_t aid;
    ok = svc_assistant_add(&c.sys, &as, &aid, e) &&
         /* the second person was in hospital during a sick period */
         svc_stay_record(&c.sys,
                         &(StayIn){.person_id = persons[1].id, .kind = "hospital",
                                   .from_on = date_add_days(month0, 40),
                                   .to_on = date_add_days(month0, 50), .note = "", .is_demo = true},
                         &(int64_t){0}, e);
  }
  char no[48], who[64];
  for (size_t i = 0; ok && i < np; i++) {
    int prov = i < 2 ? 0 : (int)(i % 5 == 0 ? 3 : i % 3);
    for (int m = 0; ok && m < DEMO_INVOICE_MONTHS; m++) {
      Date from = date_add_months(month0, m);
      snprintf(no, sizeof no, "D%zu-%d", i, m);
      int invoiced = rng_int(&d->rng, 150, 400);
      int sick = invoiced * rng_int(&d->rng, 1, 6) / 100;
      if (sick < 1) sick = 1;
      int rate = rng_int(&d->rng, 280, 330), late = rng_int(&d->rng, 5, 25);
      const char *asst = "";
      if (i == 0) asst = "Gunnel Anhörigsson (demo)";
      if (prov == 3) { /* the risky provider */
        sick = invoiced * rng_int(&d->rng, 14, 25) / 100;
        snprintf(who, sizeof who, "Kim Sjuksson (demo)");
        asst = who;
        if (m == 2) rate = 420;                           /* above schablon + 12 % */
        if (m == 4) late = 150;                           /* long after the period */
        if (m == 5) snprintf(no, sizeof no, "D%zu-4", i); /* the number again */
      }
      ok = invoice(&c, prov, &persons[i], asst, no, from, rng_int(&d->rng, 0, 20),
                   rng_int(&d->rng, 1, 5), sick, invoiced, rate, late, e);
    }
  }
  if (ok && np > 1) /* sick days inside the second person's hospital stay */
    ok = invoice(&c, 0, &persons[1], "", "D-sjukhus", date_add_months(month0, 1), 12, 3, 18, 200,
                 300, 10, e);
  arena_free(&a);
  if (ok) return store_commit(d->db, e);
  store_rollback(d->db);
  return false;
}
