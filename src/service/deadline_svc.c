/* deadline_svc.c — materialising core's deadlines into the deadline table (see svc_deadline.h).
 * Who is responsible: the executing unit for contact and plan; the officer and
 * the executing unit together for follow-up (R-050, R-051: one shared view); the officer and the
 * authority unit for everything else. */
#include <stdio.h>
#include <string.h>

#include "core/deadline.h"
#include "service/service.h"

#define REFRESH_BATCH 500

static bool executing_side(DeadlineKind k) { return k == DEADLINE_CONTACT || k == DEADLINE_PLAN; }
static bool shared_view(DeadlineKind k) {
  return k == DEADLINE_FOLLOW_UP || k == DEADLINE_FOLLOW_UP_BEFORE_EXPIRY;
}

/* Copies a string into a fixed field, cut to fit (snprintf("%s") is costly on this path). */
static void copy(char *dst, size_t cap, const char *src) {
  size_t n = src ? strlen(src) : 0;
  if (n >= cap) n = cap - 1;
  if (n) memcpy(dst, src, n);
  dst[n] = '\0';
}

static void inputs_text(const Deadline *d, char *out, size_t cap) {
  size_t w = 0;
  out[0] = '\0';
  for (size_t i = 0; i < d->ninputs && w + 1 < cap; i++) {
    const char *parts[] = {i ? "; " : "", d->inputs[i].name, "=", d->inputs[i].value};
    for (size_t k = 0; k < 4 && w + 1 < cap; k++) {
      copy(out + w, cap - w, parts[k]);
      w += strlen(out + w);
    }
  }
}

/* The stored sentence of an overdue duty leaves out how many days late it is (R-020…R-052 duty
 * tails: ", 5 dagar efter fristen"): those words change every day, the state does not. They are
 * put back for the day a row is read (with_today). */
static void timeless_explanation(const Deadline *d, Date today, char *out, size_t cap) {
  copy(out, cap, d->explanation);
  if (d->state != DEADLINE_STATE_OVERDUE || !deadline_tells_days_overdue(d->kind)) return;
  char words[DEADLINE_OVERDUE_WORDS_LEN];
  size_t wl = strlen(deadline_overdue_words(d->due, today, words)), len = strlen(out);
  if (len > wl && out[len - 1] == '.' && strncmp(out + len - wl - 1, words, wl) == 0)
    memmove(out + len - wl - 1, ".", 2);
}

static void with_today(DeadlineRow *r, Date today) {
  if (strcmp(r->state, "overdue") != 0 ||
      !deadline_tells_days_overdue(deadline_kind_from_code(r->kind)))
    return;
  static const char tail[] = " efter fristen.";
  size_t len = strlen(r->explanation), tl = sizeof tail - 1;
  if (len == 0 || r->explanation[len - 1] != '.') return;
  /* written by an earlier version with the day count of its refresh; the next refresh replaces it */
  if (len >= tl && strcmp(r->explanation + len - tl, tail) == 0) return;
  char words[DEADLINE_OVERDUE_WORDS_LEN];
  deadline_overdue_words(r->due, today, words);
  r->explanation[len - 1] = '\0';
  size_t room = sizeof r->explanation - (len - 1);
  snprintf(r->explanation + len - 1, room, "%s.", words);
}

static void row_of(Svc *s, const DeadlineFacts *f, const Deadline *d, DeadlineRow *r) {
  r->person_id = f->person_id;
  r->case_id = f->case_id;
  r->case_insats_id = f->case_insats_id;
  r->decision_id = f->decision_id;
  copy(r->insats, sizeof r->insats, f->insats);
  copy(r->kind, sizeof r->kind, deadline_kind_code(d->kind));
  copy(r->rule, sizeof r->rule, d->rule);
  r->due = d->due;
  r->warn_from = d->warn_from;
  r->statutory = d->statutory;
  timeless_explanation(d, s->today, r->explanation, sizeof r->explanation);
  inputs_text(d, r->inputs, sizeof r->inputs);
  copy(r->nature, sizeof r->nature, d->nature == DEADLINE_DUTY ? "duty" : "period_end");
  r->seq = d->seq;
  copy(r->state, sizeof r->state, deadline_state_code(d->state));
  r->met_on = d->met_on;
  if (executing_side(d->kind)) {
    r->unit_id = f->executing_unit_id;
  } else if (shared_view(d->kind)) {
    r->assignee_id = f->officer_id;
    r->unit_id = f->executing_unit_id ? f->executing_unit_id : f->unit_id;
  } else {
    r->assignee_id = f->officer_id;
    r->unit_id = f->unit_id;
  }
}

static bool refresh_now(Svc *s, int64_t case_id, Err *e);

bool svc_deadline_refresh_case(Svc *s, int64_t case_id, Err *e) {
  SvcDeferred *q = s->deferred;
  if (!q) return refresh_now(s, case_id, e);
  for (size_t i = 0; i < q->n; i++)
    if (q->case_ids[i] == case_id) return true;
  if (q->n == SVC_DEFERRED_MAX && !svc_deadline_flush(s, e)) return false;
  q->case_ids[q->n++] = case_id;
  return true;
}

bool svc_deadline_flush(Svc *s, Err *e) {
  SvcDeferred *q = s->deferred;
  if (!q) return true;
  bool ok = true;
  for (size_t i = 0; ok && i < q->n; i++) ok = refresh_now(s, q->case_ids[i], e);
  q->n = 0;
  return ok;
}

/* Grows an arena array of `size`-byte items to hold `need`. */
static void *grow(Arena *a, void *items, size_t n, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return items;
  size_t ncap = *cap ? *cap : 16;
  while (ncap < need) ncap *= 2;
  void *bigger = arena_array(a, ncap, size);
  if (bigger && n) memcpy(bigger, items, n * size);
  *cap = ncap;
  return bigger;
}

static bool refresh_now(Svc *s, int64_t case_id, Err *e) {
  Arena a;
  arena_init(&a, 64 * 1024);
  DeadlineFacts *facts;
  size_t n, nrows = 0, cap = 0, nprob = 0, pcap = 0;
  DeadlineRow *rows = NULL;
  CaseProblemRow *probs = NULL;
  bool ok = store_deadline_facts(s->db, case_id, &a, &facts, &n, e);
  DeadlineList *list = ok ? arena_alloc(&a, sizeof *list) : NULL;
  for (size_t i = 0; ok && i < n; i++) {
    /* A case keeps the policy in force when it was decided, or else when it was received. */
    Date on = date_is_set(facts[i].facts.decision_date) ? facts[i].facts.decision_date
                                                        : facts[i].facts.application_received;
    Policy pol;
    ok = svc_policy_on(s, on, &pol, e) && deadline_compute(&facts[i].facts, s->today, &pol, &a, list, e);
    if (!ok) break;
    rows = grow(&a, rows, nrows, &cap, nrows + list->count, sizeof *rows);
    probs = grow(&a, probs, nprob, &pcap, nprob + list->nproblems, sizeof *probs);
    for (size_t k = 0; k < list->count; k++) row_of(s, &facts[i], &list->items[k], &rows[nrows++]);
    for (size_t k = 0; k < list->nproblems; k++) {
      CaseProblemRow *p = &probs[nprob++];
      memset(p, 0, sizeof *p);
      p->case_insats_id = facts[i].case_insats_id;
      snprintf(p->rule, sizeof p->rule, "%s", list->problems[k].rule);
      snprintf(p->field, sizeof p->field, "%s", list->problems[k].field);
      snprintf(p->message, sizeof p->message, "%s", list->problems[k].message);
    }
  }
  bool written;
  ok = ok && store_deadline_replace_case(s->db, case_id, rows, nrows, probs, nprob, s->now,
                                         &written, e);
  arena_free(&a);
  return ok;
}

bool svc_deadline_refresh_all(Svc *s, long *cases, Err *e) {
  *cases = 0;
  if (!svc_require(s, CAP_ADMIN, e)) return false;
  Arena a;
  arena_init(&a, 0);
  store_set_cache_mb(s->db, 128); /* every case is read once: keep the working set in memory */
  int64_t *ids;
  size_t n;
  bool ok = svc_begin(s, false, e) && store_deadline_case_ids(s->db, &a, &ids, &n, e);
  ok = svc_end(s, ok, e);
  for (size_t i = 0; ok && i < n; i += REFRESH_BATCH) {
    ok = svc_begin(s, true, e);
    for (size_t k = i; ok && k < n && k < i + REFRESH_BATCH; k++) {
      ok = svc_deadline_refresh_case(s, ids[k], e);
      (*cases)++;
    }
    ok = svc_end(s, ok, e);
  }
  if (ok) {
    ok = svc_begin(s, true, e) && svc_audit(s, "deadline.refresh", "deadline", 0, 0, "", e);
    ok = svc_end(s, ok, e);
  }
  arena_free(&a);
  return ok;
}

bool svc_deadline_for_case(Svc *s, int64_t case_id, Arena *a, DeadlineRow **out, size_t *n,
                           Err *e) {
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  CaseRec c;
  bool ok = svc_begin(s, false, e) && svc_case_load(s, case_id, &c, e) &&
            store_deadline_by_case(s->db, case_id, a, out, n, e);
  for (size_t i = 0; ok && i < *n; i++) with_today(&(*out)[i], s->today);
  return svc_end(s, ok, e);
}

bool svc_case_problems(Svc *s, int64_t case_id, Arena *a, CaseProblemRow **out, size_t *n,
                       Err *e) {
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  CaseRec c;
  bool ok = svc_begin(s, false, e) && svc_case_load(s, case_id, &c, e) &&
            store_case_problem_list(s->db, case_id, a, out, n, e);
  return svc_end(s, ok, e);
}

bool svc_my_case_problems(Svc *s, int limit, Arena *a, OfficerProblemRow **out, size_t *n,
                          Err *e) {
  *out = NULL, *n = 0;
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  if (!s->user_id) return true;
  bool ok = svc_begin(s, false, e) &&
            store_case_problems_for_officer(s->db, s->user_id, limit, a, out, n, e);
  return svc_end(s, ok, e);
}

bool svc_worklist(Svc *s, Arena *a, WorkList *out, Err *e) {
  memset(out, 0, sizeof *out);
  Date until = date_add_days(s->today, SVC_WORKLIST_HORIZON_DAYS);
  bool ok = svc_begin(s, false, e);
  if (ok && s->user_id)
    ok = store_deadline_open_for_assignee(s->db, s->user_id, s->today, until, SVC_WORKLIST_LIMIT,
                                          a, &out->mine, &out->n_mine, e);
  if (ok && s->unit_id && s->role == ROLE_UNIT_MANAGER)
    ok = store_deadline_open_for_unit(s->db, s->unit_id, s->today, until, SVC_WORKLIST_LIMIT, a,
                                      &out->unit, &out->n_unit, e);
  for (size_t i = 0; ok && i < out->n_mine; i++) with_today(&out->mine[i], s->today);
  for (size_t i = 0; ok && i < out->n_unit; i++) with_today(&out->unit[i], s->today);
  return svc_end(s, ok, e);
}

bool svc_worklist_page(Svc *s, int page, Arena *a, WorkList *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (page < 1 || page > SVC_WORKLIST_PAGES_MAX)
    return err_set(e, ERR_INVALID, "sida", "", "Sidan finns inte: ange en sida från 1 till %d.",
                   SVC_WORKLIST_PAGES_MAX);
  Date until = date_add_days(s->today, SVC_WORKLIST_HORIZON_DAYS);
  int offset = (page - 1) * SVC_WORKLIST_PAGE;
  /* one row more than a page tells whether there is a next one */
  bool ok = svc_begin(s, false, e);
  if (ok && s->user_id)
    ok = store_deadline_open_for_assignee_from(s->db, s->user_id, s->today, until,
                                               SVC_WORKLIST_PAGE + 1, offset, a, &out->mine,
                                               &out->n_mine, e);
  if (ok && s->unit_id && s->role == ROLE_UNIT_MANAGER)
    ok = store_deadline_open_for_unit_from(s->db, s->unit_id, s->today, until,
                                           SVC_WORKLIST_PAGE + 1, offset, a, &out->unit,
                                           &out->n_unit, e);
  out->more_mine = out->n_mine > SVC_WORKLIST_PAGE;
  out->more_unit = out->n_unit > SVC_WORKLIST_PAGE;
  if (out->more_mine) out->n_mine = SVC_WORKLIST_PAGE;
  if (out->more_unit) out->n_unit = SVC_WORKLIST_PAGE;
  return svc_end(s, ok, e);
}
