/* invoice_risk.c — scoring every sick-pay invoice set-based (R-074; see svc_invoice.h): one query
 * for the facts (duplicates and per-assistant counts as window aggregates), one for the periods
 * when persons needed no assistance, the median once, then core/risk.c per invoice. Scores are
 * computed on demand, never stored, so they always reflect today's facts and policy.
 * Must not: contain SQL, or deny anything by a score. */
#include <stdlib.h>
#include <string.h>

#include "service/invoice_internal.h"

static bool require_finance_or_reports(Svc *s, Err *e) {
  if (svc_is_system(s) || (role_caps(s->role) & (CAP_FINANCE | CAP_REPORTS))) return true;
  return svc_require(s, CAP_REPORTS, e);
}

/* The first elsewhere row of `person` (rows sorted by person), or n. */
static size_t first_of(const ElsewhereRow *w, size_t n, int64_t person) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (w[mid].person_id < person)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static void add_elsewhere(RiskFacts *x, const ElsewhereRow *w) {
  Date to = w->to;
  bool weekdays = false;
  int32_t *into = NULL;
  switch (w->kind[0]) {
    case 'h':
      into = &x->days_hospital;
      break;
    case 's':
      into = &x->days_short_stay;
      break;
    case 'o':
      into = &x->days_other_activity;
      break;
    case 'd':
      into = &x->days_daily_activity, weekdays = true;
      break;
    case 'p':
      into = &x->days_pause;
      if (date_is_set(to)) to = date_add_days(to, -1); /* resumed_on is the first day back */
      if (date_is_set(to) && date_before(to, w->from)) return;
      break;
    default:
      return;
  }
  *into += risk_overlap_days(x->sick_from, x->sick_to, w->from, to, weekdays);
}

static void facts_of(const InvoiceFactsRow *r, const ElsewhereRow *w, size_t nw, RiskFacts *x) {
  memset(x, 0, sizeof *x);
  x->invoice_date = r->invoice_date;
  x->period_from = r->period_from;
  x->period_to = r->period_to;
  x->sick_from = r->sick_from;
  x->sick_to = r->sick_to;
  x->sick_days = r->sick_days;
  x->sick_ch = r->sick_ch;
  x->invoiced_ch = r->invoiced_ch;
  x->amount_ore = r->amount_ore;
  x->has_assistant = r->has_assistant;
  x->assistant_relative = r->assistant_relative;
  x->private_provider = r->private_provider;
  x->has_permit = r->has_permit;
  x->permit_from = r->permit_from;
  x->permit_to = r->permit_to;
  x->fskatt_checked_on = r->fskatt_checked_on;
  x->started_on = r->started_on;
  for (size_t k = first_of(w, nw, r->person_id); k < nw && w[k].person_id == r->person_id; k++)
    add_elsewhere(x, &w[k]);
}

/* ---- grouping in memory: sort an index of the invoices by a key, count each run ---- */

typedef struct {
  int64_t provider_id;
  uint64_t key;
  int64_t person_id; /* within a key: for distinct persons */
  size_t at;         /* the invoice's index */
} GroupKey;

static int by_group(const void *pa, const void *pb) {
  const GroupKey *a = pa, *b = pb;
  if (a->provider_id != b->provider_id) return a->provider_id < b->provider_id ? -1 : 1;
  if (a->key != b->key) return a->key < b->key ? -1 : 1;
  return (a->person_id > b->person_id) - (a->person_id < b->person_id);
}

static uint64_t content_key(const InvoiceFactsRow *r) {
  uint64_t h = 1469598103934665603ULL;
  int64_t parts[] = {r->person_id, date_to_days(r->period_from), date_to_days(r->period_to),
                     r->amount_ore};
  for (size_t i = 0; i < 4; i++)
    h = (h ^ (uint64_t)parts[i]) * 1099511628211ULL;
  return h;
}

typedef enum { GROUP_NUMBER, GROUP_CONTENT, GROUP_ASSISTANT } GroupKind;

/* Fills, per invoice, the size of its group (same provider and key) and for assistants the
 * distinct persons in it. */
static void group_counts(const InvoiceFactsRow *rows, size_t n, GroupKind kind, GroupKey *g,
                         InvoiceScore *items) {
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    uint64_t key = kind == GROUP_NUMBER    ? rows[i].number_key
                   : kind == GROUP_CONTENT ? content_key(&rows[i])
                                           : rows[i].assistant_key;
    if (kind == GROUP_ASSISTANT && key == 0) continue; /* no assistant named */
    g[m++] = (GroupKey){rows[i].provider_id, key, rows[i].person_id, i};
  }
  qsort(g, m, sizeof *g, by_group);
  for (size_t lo = 0; lo < m;) {
    size_t hi = lo + 1;
    int32_t persons = 1;
    for (; hi < m && g[hi].provider_id == g[lo].provider_id && g[hi].key == g[lo].key; hi++)
      if (g[hi].person_id != g[hi - 1].person_id) persons++;
    int32_t size = (int32_t)(hi - lo);
    for (size_t k = lo; k < hi; k++) {
      RiskFacts *x = &items[g[k].at].facts;
      if (kind == GROUP_ASSISTANT) {
        x->assistant_invoices = size;
        x->assistant_persons = persons;
      } else if (size - 1 > x->duplicates) {
        x->duplicates = size - 1; /* other invoices by number or by content, whichever more */
      }
    }
    lo = hi;
  }
}

/* Inside an open transaction. */
static bool score_all(Svc *s, Arena *a, InvoiceScoring *out, Err *e) {
  memset(out, 0, sizeof *out);
  InvoiceFactsRow *rows;
  ElsewhereRow *w;
  size_t n, nw;
  if (!svc_policy_on(s, s->today, &out->policy, e) ||
      !store_invoice_facts(s->db, a, &rows, &n, e) ||
      !store_invoice_elsewhere(s->db, a, &w, &nw, e))
    return false;
  /* the municipality's median sick share, over invoices that invoiced hours */
  int32_t *shares = n ? arena_array(a, n, sizeof *shares) : NULL;
  size_t ns = 0;
  for (size_t i = 0; i < n; i++)
    if (rows[i].invoiced_ch > 0) shares[ns++] = risk_share_pm(rows[i].sick_ch, rows[i].invoiced_ch);
  out->ctx.median_share_pm = risk_median(shares, ns);
  /* the schablonbelopp the administrator entered for the years after the law's table */
  for (int i = 0; i < RISK_ENTERED_YEARS && RISK_ENTERED_FIRST + i <= s->today.y + 1; i++) {
    bool found = false;
    if (!store_schablon_get(s->db, RISK_ENTERED_FIRST + i, &out->ctx.entered_schablon_ore[i],
                            &found, e))
      return false;
    if (!found) out->ctx.entered_schablon_ore[i] = 0;
  }
  out->items = n ? arena_array(a, n, sizeof *out->items) : NULL;
  out->n = n;
  for (size_t i = 0; i < n; i++) {
    InvoiceScore *it = &out->items[i];
    it->id = rows[i].id;
    it->provider_id = rows[i].provider_id;
    it->person_id = rows[i].person_id;
    memcpy(it->status, rows[i].status, sizeof it->status);
    facts_of(&rows[i], w, nw, &it->facts);
  }
  /* duplicates and the same assistant: counted once over all invoices */
  GroupKey *g = n ? arena_array(a, n, sizeof *g) : NULL;
  group_counts(rows, n, GROUP_NUMBER, g, out->items);
  group_counts(rows, n, GROUP_CONTENT, g, out->items);
  group_counts(rows, n, GROUP_ASSISTANT, g, out->items);
  for (size_t i = 0; i < n; i++)
    risk_score(&out->items[i].facts, &out->ctx, &out->policy, &out->items[i].result);
  return true;
}

bool svc_invoice_score_all(Svc *s, Arena *a, InvoiceScoring *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (!require_finance_or_reports(s, e)) return false;
  bool ok = svc_begin(s, false, e) && score_all(s, a, out, e);
  return svc_end(s, ok, e);
}

static int by_risk(const void *pa, const void *pb) {
  const InvoiceScore *a = pa, *b = pb;
  if (a->result.score != b->result.score) return a->result.score > b->result.score ? -1 : 1;
  int c = date_cmp(a->facts.invoice_date, b->facts.invoice_date);
  if (c) return c;
  return (a->id > b->id) - (a->id < b->id);
}


bool svc_invoice_view(Svc *s, int64_t id, Arena *a, InvoiceScoring *scoring, InvoiceScore *out,
                      InvoiceActionRec **acts, size_t *n_acts, Err *e) {
  memset(out, 0, sizeof *out);
  *acts = NULL, *n_acts = 0;
  if (!svc_require(s, CAP_FINANCE, e)) return false;
  bool found = false;
  /* scoring reads every invoice (0.3 s for 100 000): in a read transaction, so no writer waits
   * for it; the read's audit event is then committed on its own before anything is shown */
  bool ok = svc_begin(s, false, e) && store_invoice_get(s->db, id, &out->inv, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "id", "", "Fakturan finns inte.");
  ok = ok && score_all(s, a, scoring, e);
  if (ok) {
    InvoiceRec inv = out->inv;
    for (size_t i = 0; i < scoring->n; i++)
      if (scoring->items[i].id == id) *out = scoring->items[i];
    out->inv = inv;
  }
  ok = ok && store_invoice_actions(s->db, id, a, acts, n_acts, e);
  if (!svc_end(s, ok, e)) return false;
  ok = svc_begin(s, true, e) &&
       svc_audit(s, "invoice.read", "sick_pay_invoice", id, out->inv.person_id, "", e);
  return svc_end(s, ok, e);
}

static int by_provider_id(const void *pa, const void *pb) {
  const ProviderRisk *a = pa, *b = pb;
  return (a->provider_id > b->provider_id) - (a->provider_id < b->provider_id);
}

static int by_provider_risk(const void *pa, const void *pb) {
  const ProviderRisk *a = pa, *b = pb;
  if (a->score != b->score) return a->score > b->score ? -1 : 1;
  return (a->provider_id > b->provider_id) - (a->provider_id < b->provider_id);
}

/* Inside a transaction: the providers with invoices in sc, riskiest first (provider_id 0 =
 * all), each with its invoices' sums and the indicators that fired on them. */
static bool provider_risks_of(Svc *s, const InvoiceScoring *sc, int64_t provider_id, Arena *a,
                              ProviderRisk **out, size_t *n, Err *e) {
  ProviderRec *provs;
  size_t np = 0;
  if (!store_provider_list(s->db, "", a, &provs, &np, e)) return false;
  /* one slot per provider, sorted by id so each invoice finds its own by binary search */
  ProviderRisk *pr = np ? arena_array(a, np, sizeof *pr) : NULL;
  for (size_t i = 0; i < np; i++) {
    pr[i].provider_id = provs[i].id;
    memcpy(pr[i].name, provs[i].name, sizeof pr[i].name);
  }
  if (np) qsort(pr, np, sizeof *pr, by_provider_id);
  for (size_t i = 0; i < sc->n; i++) {
    const InvoiceScore *it = &sc->items[i];
    ProviderRisk key = {.provider_id = it->provider_id};
    ProviderRisk *p = np ? bsearch(&key, pr, np, sizeof *pr, by_provider_id) : NULL;
    if (!p) continue;
    p->invoices++;
    if (strcmp(it->status, "open") == 0) p->open++;
    if (it->result.fired) p->flagged++;
    p->score += it->result.score;
    if (it->result.score > p->max_score) p->max_score = it->result.score;
    for (int k = 0; k < RISK_COUNT; k++)
      if (it->result.f[k].fired) p->fired[k]++;
    p->sick_ch += it->facts.sick_ch;
    p->invoiced_ch += it->facts.invoiced_ch;
    p->amount_ore += it->facts.amount_ore;
  }
  size_t k = 0;
  for (size_t i = 0; i < np; i++)
    if (pr[i].invoices > 0 && (!provider_id || pr[i].provider_id == provider_id)) pr[k++] = pr[i];
  qsort(pr, k, sizeof *pr, by_provider_risk);
  *out = pr, *n = k;
  return true;
}

bool svc_invoice_provider_risks(Svc *s, int64_t provider_id, Arena *a, ProviderRisk **out,
                                size_t *n, RiskContext *ctx, Err *e) {
  *out = NULL, *n = 0;
  if (!require_finance_or_reports(s, e)) return false;
  InvoiceScoring sc;
  bool ok = svc_begin(s, false, e) && score_all(s, a, &sc, e) &&
            provider_risks_of(s, &sc, provider_id, a, out, n, e);
  if (ok) *ctx = sc.ctx;
  return svc_end(s, ok, e);
}

bool svc_invoice_worklist_with_risks(Svc *s, const char *status, int64_t provider_id,
                                     size_t limit, Arena *a, InvoiceScoring *out,
                                     ProviderRisk **risks, size_t *nrisks, Err *e) {
  memset(out, 0, sizeof *out);
  if (risks) *risks = NULL, *nrisks = 0;
  if (!svc_require(s, CAP_FINANCE, e)) return false;
  const char *want = status && *status ? status : "open";
  bool all = strcmp(want, "all") == 0;
  static const char *const statuses[] = {"open",         "approved", "questioned",
                                         "reported_ivo", "all",      NULL};
  bool known = false;
  for (size_t i = 0; statuses[i]; i++)
    known = known || strcmp(statuses[i], want) == 0;
  if (!known) return err_set(e, ERR_INVALID, "status", "", "Okänd status.");
  bool ok = svc_begin(s, false, e) && score_all(s, a, out, e) &&
            (!risks || provider_risks_of(s, out, provider_id, a, risks, nrisks, e));
  if (ok) { /* the providers' sums are over every invoice; the list is then filtered */
    size_t k = 0;
    for (size_t i = 0; i < out->n; i++) {
      if (!all && strcmp(out->items[i].status, want) != 0) continue;
      if (provider_id && out->items[i].provider_id != provider_id) continue;
      out->items[k++] = out->items[i];
    }
    out->n = k;
    qsort(out->items, out->n, sizeof *out->items, by_risk);
    if (limit && out->n > limit) out->n = limit;
    for (size_t i = 0; ok && i < out->n; i++) {
      bool found = false;
      ok = store_invoice_get(s->db, out->items[i].id, &out->items[i].inv, &found, e);
    }
  }
  return svc_end(s, ok, e);
}

bool svc_invoice_worklist(Svc *s, const char *status, int64_t provider_id, size_t limit, Arena *a,
                          InvoiceScoring *out, Err *e) {
  return svc_invoice_worklist_with_risks(s, status, provider_id, limit, a, out, NULL, NULL, e);
}
