/* store_deadline.c — gathering a case's facts for the deadline rules, and the deadline table
 * (see store_deadline.h). */
#include <string.h>

#include "core/insats.h"
#include "store/db.h"
#include "store/rows.h"
#include "store/store.h"

/* Runs a one-row statement already bound; *found tells whether a row came back. */
static bool one_row(Stmt *st, bool *found, Err *e) {
  int rc = stmt_step(st, e);
  *found = rc == 1;
  return rc >= 0;
}

static bool case_facts(Db *db, int64_t case_id, DeadlineFacts *base, Err *e) {
  Stmt st;
  bool found = false;
  if (!stmt_get(db, SQL_DL_CASE_FACTS, &st, e) || !stmt_bind_int(&st, 1, case_id, e) ||
      !one_row(&st, &found, e))
    return false;
  if (!found) {
    stmt_reset(&st);
    return err_set(e, ERR_NOT_FOUND, "case_id", "", "Ärendet finns inte.");
  }
  DeadlineCase *f = &base->facts;
  base->case_id = case_id;
  base->person_id = stmt_int(&st, 0);
  f->application_received = stmt_date(&st, 1);
  f->delay_notified_on = stmt_date(&st, 2);
  f->written_request_on = stmt_date(&st, 3);
  f->request_rejected_on = stmt_date(&st, 4);
  f->forhandsbesked_available_from = stmt_date(&st, 5);
  f->closed_on = stmt_date(&st, 6);
  f->closure_reason = deadline_closure_from_code(stmt_text(&st, 7));
  /* A case closed because it is decided has done its work; the insatser it granted run on, so
   * their deadlines (contact, execution, plan, follow-up, review) do too. */
  if (strcmp(stmt_text(&st, 7), "decided") == 0) f->closed_on = DATE_NONE;
  if (date_is_set(f->closed_on) && f->closure_reason == DEADLINE_CLOSURE_NONE)
    f->closure_reason = DEADLINE_CLOSURE_OTHER;
  base->officer_id = stmt_int(&st, 8);
  base->unit_id = stmt_int(&st, 9);
  f->birth_date = stmt_date(&st, 10);
  stmt_reset(&st);

  if (!stmt_get(db, SQL_DL_COMMUNICATION, &st, e) || !stmt_bind_int(&st, 1, case_id, e) ||
      !one_row(&st, &found, e))
    return false;
  if (found) {
    f->communication_sent_on = stmt_date(&st, 0);
    f->communication_reply_by = stmt_date(&st, 1);
    f->communication_reply_received_on = stmt_date(&st, 2);
  }
  stmt_reset(&st);
  return true;
}

static bool decision_facts(Db *db, DeadlineFacts *d, Err *e) {
  DeadlineCase *f = &d->facts;
  Stmt st;
  bool found = false;
  if (!stmt_get(db, SQL_DL_DECISION, &st, e) || !stmt_bind_int(&st, 1, d->case_insats_id, e) ||
      !one_row(&st, &found, e))
    return false;
  if (!found) {
    stmt_reset(&st);
    return true;
  }
  d->decision_id = stmt_int(&st, 0);
  f->outcome = deadline_outcome_from_code(stmt_text(&st, 1));
  f->decision_date = stmt_date(&st, 2);
  f->valid_from = stmt_date(&st, 3);
  f->valid_to = stmt_date(&st, 4);
  f->time_limited = stmt_int(&st, 5) != 0;
  f->review_date = stmt_date(&st, 6);
  f->notified_on = stmt_date(&st, 7);
  d->executing_unit_id = stmt_int(&st, 8);
  Date revoked_on = stmt_date(&st, 9);
  f->contact_on = stmt_date(&st, 10);
  f->executed_on = stmt_date(&st, 11);
  Date ended_on = stmt_date(&st, 12);
  f->plan_on = stmt_date(&st, 13);
  f->reviewed_on = stmt_date(&st, 14);
  f->appeal_received_on = stmt_date(&st, 15);
  if (!stmt_null(&st, 16)) {
    f->ip_offered_on = stmt_date(&st, 17);
    f->ip_declined = !stmt_null(&st, 18) && stmt_int(&st, 18) == 0;
    f->ip_established_on = stmt_date(&st, 19);
    f->ip_reviewed_on = stmt_date(&st, 20);
  }
  stmt_reset(&st);
  /* A revoked decision ends what followed from it, as a closure would; the duties before
   * the decision stay met by it. */
  if (date_is_set(revoked_on) &&
      (!date_is_set(f->closed_on) || date_before(revoked_on, f->closed_on))) {
    f->closed_on = revoked_on;
    f->closure_reason = DEADLINE_CLOSURE_OTHER;
  }
  int64_t dec = d->decision_id;
  /* An insats that has ended has no more follow-ups or interruptions to report: for the rules
   * that is the need having ended, unless the case closed earlier. */
  if (date_is_set(ended_on) && (!date_is_set(f->closed_on) || date_before(ended_on, f->closed_on))) {
    f->closed_on = ended_on;
    f->closure_reason = DEADLINE_CLOSURE_NEED_ENDED;
  }

  int rc;
  if (!stmt_get(db, SQL_DL_OFFERS, &st, e) || !stmt_bind_int(&st, 1, dec, e)) return false;
  while ((rc = stmt_step(&st, e)) == 1 && f->noffers < DEADLINE_MAX_OFFERS)
    f->offers[f->noffers++] = (DeadlineOffer){stmt_date(&st, 0), stmt_int(&st, 1) != 0};
  stmt_reset(&st);
  if (rc < 0) return false;
  if (!stmt_get(db, SQL_DL_INTERRUPTIONS, &st, e) || !stmt_bind_int(&st, 1, dec, e)) return false;
  while ((rc = stmt_step(&st, e)) == 1 && f->ninterruptions < DEADLINE_MAX_INTERRUPTIONS)
    f->interruptions[f->ninterruptions++] =
        (DeadlineInterruption){stmt_date(&st, 0), stmt_date(&st, 1)};
  stmt_reset(&st);
  if (rc < 0) return false;
  if (!stmt_get(db, SQL_DL_FOLLOW_UPS, &st, e) || !stmt_bind_int(&st, 1, dec, e)) return false;
  /* Only the latest follow-ups matter for the next one; keep the last DEADLINE_MAX_FOLLOW_UPS. */
  while ((rc = stmt_step(&st, e)) == 1) {
    if (f->nfollow_ups == DEADLINE_MAX_FOLLOW_UPS) {
      memmove(f->follow_ups, f->follow_ups + 1, sizeof f->follow_ups[0] * (DEADLINE_MAX_FOLLOW_UPS - 1));
      f->nfollow_ups--;
    }
    f->follow_ups[f->nfollow_ups++] = stmt_date(&st, 0);
  }
  stmt_reset(&st);
  if (rc < 0) return false;
  return true;
}

bool store_deadline_facts(Db *db, int64_t case_id, Arena *a, DeadlineFacts **out, size_t *n,
                          Err *e) {
  *out = NULL, *n = 0;
  DeadlineFacts base;
  memset(&base, 0, sizeof base);
  deadline_case_init(&base.facts);
  if (!case_facts(db, case_id, &base, e)) return false;
  CaseInsatsRec *ins;
  size_t nins;
  if (!store_case_insats_list(db, case_id, a, &ins, &nins, e)) return false;
  *out = nins ? arena_array(a, nins, sizeof **out) : NULL;
  for (size_t i = 0; i < nins; i++) {
    DeadlineFacts *d = &(*out)[i];
    *d = base;
    d->case_insats_id = ins[i].id;
    ROWS_COPY(d->insats, ins[i].insats);
    d->facts.insats = insats_from_code(ins[i].insats);
    d->facts.spring_term_ends_on = ins[i].spring_term_ends_on;
    d->facts.upper_secondary_ends_on = ins[i].upper_secondary_ends_on;
    if (!decision_facts(db, d, e)) return false;
    (*n)++;
  }
  return true;
}

bool store_deadline_delete_case(Db *db, int64_t case_id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_DL_DELETE_CASE, &st, e) && stmt_bind_int(&st, 1, case_id, e) &&
         stmt_exec(&st, e) && stmt_get(db, SQL_DL_PROBLEM_DELETE_CASE, &st, e) &&
         stmt_bind_int(&st, 1, case_id, e) && stmt_exec(&st, e);
}

bool store_case_problem_insert(Db *db, int64_t case_id, const CaseProblemRow *p, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_DL_PROBLEM_INSERT, &st, e) && stmt_bind_int(&st, 1, case_id, e) &&
         stmt_bind_int(&st, 2, p->case_insats_id, e) && stmt_bind_text(&st, 3, p->rule, e) &&
         stmt_bind_text(&st, 4, p->field, e) && stmt_bind_text(&st, 5, p->message, e) &&
         stmt_exec(&st, e);
}

bool store_case_problem_list(Db *db, int64_t case_id, Arena *a, CaseProblemRow **out, size_t *n,
                             Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_DL_PROBLEM_BY_CASE, &st, e) || !stmt_bind_int(&st, 1, case_id, e))
    return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    CaseProblemRow *p = rows_push(a, (void **)out, n, &cap, sizeof **out);
    p->case_insats_id = stmt_int(&st, 0);
    ROWS_COPY(p->rule, stmt_text(&st, 1));
    ROWS_COPY(p->field, stmt_text(&st, 2));
    ROWS_COPY(p->message, stmt_text(&st, 3));
  }
  stmt_reset(&st);
  return rc == 0;
}

bool store_case_problems_for_officer(Db *db, int64_t officer_id, int limit, Arena *a,
                                     OfficerProblemRow **out, size_t *n, Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_DL_PROBLEMS_FOR_OFFICER, &st, e) || !stmt_bind_int(&st, 1, officer_id, e) ||
      !stmt_bind_int(&st, 2, limit, e))
    return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    OfficerProblemRow *p = rows_push(a, (void **)out, n, &cap, sizeof **out);
    p->case_id = stmt_int(&st, 0);
    p->person_id = stmt_int(&st, 1);
    ROWS_COPY(p->person_name, stmt_text(&st, 2));
    ROWS_COPY(p->rule, stmt_text(&st, 3));
    ROWS_COPY(p->message, stmt_text(&st, 4));
  }
  stmt_reset(&st);
  return rc == 0;
}

bool store_deadline_insert(Db *db, const DeadlineRow *r, const char *updated_on, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_DL_INSERT, &st, e) && stmt_bind_int(&st, 1, r->person_id, e) &&
         stmt_bind_int(&st, 2, r->case_id, e) && stmt_bind_int(&st, 3, r->case_insats_id, e) &&
         stmt_bind_id(&st, 4, r->decision_id, e) && stmt_bind_text(&st, 5, r->insats, e) &&
         stmt_bind_text(&st, 6, r->kind, e) && stmt_bind_text(&st, 7, r->rule, e) &&
         stmt_bind_date(&st, 8, r->due, e) && stmt_bind_date(&st, 9, r->warn_from, e) &&
         stmt_bind_bool(&st, 10, r->statutory, e) && stmt_bind_text(&st, 11, r->explanation, e) &&
         stmt_bind_text(&st, 12, r->inputs, e) && stmt_bind_text(&st, 13, r->nature, e) &&
         stmt_bind_int(&st, 14, r->seq, e) && stmt_bind_text(&st, 15, r->state, e) &&
         stmt_bind_date(&st, 16, r->met_on, e) && stmt_bind_id(&st, 17, r->assignee_id, e) &&
         stmt_bind_id(&st, 18, r->unit_id, e) && stmt_bind_text(&st, 19, updated_on, e) &&
         stmt_exec(&st, e);
}

/* Whether the stored row under the cursor says exactly what r says (ids 0 are NULL). */
static bool same_row(Stmt *st, const DeadlineRow *r) {
  return stmt_int(st, 0) == r->person_id && stmt_int(st, 1) == r->case_insats_id &&
         stmt_int(st, 2) == r->decision_id && strcmp(stmt_text(st, 3), r->insats) == 0 &&
         strcmp(stmt_text(st, 4), r->kind) == 0 && strcmp(stmt_text(st, 5), r->rule) == 0 &&
         date_eq(stmt_date(st, 6), r->due) && date_eq(stmt_date(st, 7), r->warn_from) &&
         (stmt_int(st, 8) != 0) == r->statutory && strcmp(stmt_text(st, 9), r->explanation) == 0 &&
         strcmp(stmt_text(st, 10), r->inputs) == 0 && strcmp(stmt_text(st, 11), r->nature) == 0 &&
         stmt_int(st, 12) == r->seq && strcmp(stmt_text(st, 13), r->state) == 0 &&
         date_eq(stmt_date(st, 14), r->met_on) && stmt_int(st, 15) == r->assignee_id &&
         stmt_int(st, 16) == r->unit_id;
}

/* *same: the stored rows are exactly these; *stored: the case has any stored row at all. */
static bool stored_same(Db *db, int64_t case_id, const DeadlineRow *rows, size_t n,
                        const CaseProblemRow *problems, size_t np, bool *same, bool *stored,
                        Err *e) {
  Stmt st;
  size_t seen = 0;
  int rc = 0;
  bool match = true;
  if (!stmt_get(db, SQL_DL_STORED_BY_CASE, &st, e) || !stmt_bind_int(&st, 1, case_id, e))
    return false;
  while (match && (rc = stmt_step(&st, e)) == 1) {
    match = seen < n && same_row(&st, &rows[seen]);
    seen++;
  }
  stmt_reset(&st);
  if (rc < 0) return false;
  *stored = seen > 0;
  *same = match && seen == n;
  if (*stored && !*same) return true;
  if (!stmt_get(db, SQL_DL_PROBLEM_BY_CASE, &st, e) || !stmt_bind_int(&st, 1, case_id, e))
    return false;
  seen = 0;
  match = true;
  while (match && (rc = stmt_step(&st, e)) == 1) {
    const CaseProblemRow *p = seen < np ? &problems[seen] : NULL;
    match = p && stmt_int(&st, 0) == p->case_insats_id && strcmp(stmt_text(&st, 1), p->rule) == 0 &&
            strcmp(stmt_text(&st, 2), p->field) == 0 && strcmp(stmt_text(&st, 3), p->message) == 0;
    seen++;
  }
  stmt_reset(&st);
  if (rc < 0) return false;
  *stored = *stored || seen > 0;
  *same = *same && match && seen == np;
  return true;
}

bool store_deadline_replace_case(Db *db, int64_t case_id, const DeadlineRow *rows, size_t n,
                                 const CaseProblemRow *problems, size_t np, const char *updated_on,
                                 bool *written, Err *e) {
  bool same, stored;
  *written = false;
  if (!stored_same(db, case_id, rows, n, problems, np, &same, &stored, e)) return false;
  if (same) return true;
  bool ok = !stored || store_deadline_delete_case(db, case_id, e); /* a new case has none */
  for (size_t i = 0; ok && i < n; i++) ok = store_deadline_insert(db, &rows[i], updated_on, e);
  for (size_t i = 0; ok && i < np; i++)
    ok = store_case_problem_insert(db, case_id, &problems[i], e);
  *written = ok;
  return ok;
}

bool store_deadline_case_ids(Db *db, Arena *a, int64_t **out, size_t *n, Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_DL_ALL_CASE_IDS, &st, e)) return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1)
    *(int64_t *)rows_push(a, (void **)out, n, &cap, sizeof **out) = stmt_int(&st, 0);
  stmt_reset(&st);
  return rc == 0;
}

static void deadline_row(Stmt *st, DeadlineRow *r) {
  r->id = stmt_int(st, 0);
  r->person_id = stmt_int(st, 1);
  r->case_id = stmt_int(st, 2);
  r->case_insats_id = stmt_int(st, 3);
  r->decision_id = stmt_int(st, 4);
  ROWS_COPY(r->insats, stmt_text(st, 5));
  ROWS_COPY(r->kind, stmt_text(st, 6));
  ROWS_COPY(r->rule, stmt_text(st, 7));
  r->due = stmt_date(st, 8);
  r->warn_from = stmt_date(st, 9);
  r->statutory = stmt_int(st, 10) != 0;
  ROWS_COPY(r->explanation, stmt_text(st, 11));
  ROWS_COPY(r->inputs, stmt_text(st, 12));
  ROWS_COPY(r->nature, stmt_text(st, 13));
  r->seq = (int)stmt_int(st, 14);
  ROWS_COPY(r->state, stmt_text(st, 15));
  r->met_on = stmt_date(st, 16);
  r->assignee_id = stmt_int(st, 17);
  r->unit_id = stmt_int(st, 18);
  ROWS_COPY(r->person_name, stmt_text(st, 19));
}

static bool deadline_many(Stmt *st, Arena *a, DeadlineRow **out, size_t *n, Err *e) {
  size_t cap = 0;
  *out = NULL, *n = 0;
  int rc;
  while ((rc = stmt_step(st, e)) == 1) deadline_row(st, rows_push(a, (void **)out, n, &cap, sizeof **out));
  stmt_reset(st);
  return rc == 0;
}

bool store_deadline_by_case(Db *db, int64_t case_id, Arena *a, DeadlineRow **out, size_t *n,
                            Err *e) {
  Stmt st;
  return stmt_get(db, SQL_DL_BY_CASE, &st, e) && stmt_bind_int(&st, 1, case_id, e) &&
         deadline_many(&st, a, out, n, e);
}

static bool open_list(Db *db, SqlId id, int64_t who, Date today, Date until, int limit,
                      int offset, Arena *a, DeadlineRow **out, size_t *n, Err *e) {
  Stmt st;
  return stmt_get(db, id, &st, e) && stmt_bind_int(&st, 1, who, e) &&
         stmt_bind_date(&st, 2, today, e) && stmt_bind_date(&st, 3, until, e) &&
         stmt_bind_int(&st, 4, limit, e) && stmt_bind_int(&st, 5, offset, e) &&
         deadline_many(&st, a, out, n, e);
}

bool store_deadline_open_for_assignee(Db *db, int64_t user_id, Date today, Date until, int limit,
                                      Arena *a, DeadlineRow **out, size_t *n, Err *e) {
  return open_list(db, SQL_DL_OPEN_FOR_ASSIGNEE, user_id, today, until, limit, 0, a, out, n, e);
}

bool store_deadline_open_for_assignee_from(Db *db, int64_t user_id, Date today, Date until,
                                           int limit, int offset, Arena *a, DeadlineRow **out,
                                           size_t *n, Err *e) {
  return open_list(db, SQL_DL_OPEN_FOR_ASSIGNEE, user_id, today, until, limit, offset, a, out, n,
                   e);
}

bool store_deadline_open_for_unit_from(Db *db, int64_t unit_id, Date today, Date until, int limit,
                                       int offset, Arena *a, DeadlineRow **out, size_t *n,
                                       Err *e) {
  return open_list(db, SQL_DL_OPEN_FOR_UNIT, unit_id, today, until, limit, offset, a, out, n, e);
}

bool store_deadline_open_for_unit(Db *db, int64_t unit_id, Date today, Date until, int limit,
                                  Arena *a, DeadlineRow **out, size_t *n, Err *e) {
  return open_list(db, SQL_DL_OPEN_FOR_UNIT, unit_id, today, until, limit, 0, a, out, n, e);
}
