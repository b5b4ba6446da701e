/* store_person.c — persons, households, representatives, consents, access facts and
 * break-glass grants (see store_person.h). */
#include <string.h>

#include "store/db.h"
#include "store/rows.h"
#include "store/store.h"

bool store_household_insert(Db *db, const char *address, int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_HOUSEHOLD_INSERT, &st, e) && stmt_bind_text(&st, 1, address, e) &&
         stmt_insert_id(&st, id, e);
}

bool store_person_insert(Db *db, const PersonRec *p, const char *search_name,
                         const char *created_at, int64_t *id, Err *e) {
  Stmt st;
  char sex[2] = {p->sex, '\0'};
  return stmt_get(db, SQL_PERSON_INSERT, &st, e) && stmt_bind_text(&st, 1, p->pnr, e) &&
         stmt_bind_text(&st, 2, p->pnr_kind, e) && stmt_bind_date(&st, 3, p->birth_date, e) &&
         stmt_bind_text(&st, 4, sex, e) && stmt_bind_text(&st, 5, p->given_name, e) &&
         stmt_bind_text(&st, 6, p->family_name, e) && stmt_bind_text(&st, 7, search_name, e) &&
         stmt_bind_bool(&st, 8, p->protected_identity, e) &&
         stmt_bind_id(&st, 9, p->household_id, e) && stmt_bind_text(&st, 10, created_at, e) &&
         stmt_bind_bool(&st, 11, p->is_demo, e) && stmt_insert_id(&st, id, e);
}

static void person_row(Stmt *st, PersonRec *p) {
  p->id = stmt_int(st, 0);
  ROWS_COPY(p->pnr, stmt_text(st, 1));
  ROWS_COPY(p->pnr_kind, stmt_text(st, 2));
  p->birth_date = stmt_date(st, 3);
  p->sex = stmt_text(st, 4)[0];
  ROWS_COPY(p->given_name, stmt_text(st, 5));
  ROWS_COPY(p->family_name, stmt_text(st, 6));
  p->protected_identity = stmt_int(st, 7) != 0;
  p->household_id = stmt_int(st, 8);
  p->is_demo = stmt_int(st, 9) != 0;
}

static bool person_one(Stmt *st, PersonRec *out, bool *found, Err *e) {
  int rc = stmt_step(st, e);
  *found = rc == 1;
  if (rc == 1) person_row(st, out);
  stmt_reset(st);
  return rc >= 0;
}

static bool person_many(Stmt *st, Arena *a, PersonRec **out, size_t *n, Err *e) {
  size_t cap = 0;
  *out = NULL, *n = 0;
  int rc;
  while ((rc = stmt_step(st, e)) == 1) person_row(st, rows_push(a, (void **)out, n, &cap, sizeof **out));
  stmt_reset(st);
  return rc == 0;
}

bool store_person_get(Db *db, int64_t id, PersonRec *out, bool *found, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_PERSON_BY_ID, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         person_one(&st, out, found, e);
}

bool store_person_by_pnr(Db *db, const char *pnr12, PersonRec *out, bool *found, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_PERSON_BY_PNR, &st, e) && stmt_bind_text(&st, 1, pnr12, e) &&
         person_one(&st, out, found, e);
}

bool store_person_search(Db *db, const char *folded, int limit, Arena *a, PersonRec **out,
                         size_t *n, Err *e) {
  /* The term is a bound value; its own % and _ are taken literally by removing them. */
  size_t len = strlen(folded);
  char *pat = arena_alloc(a, len + 3), *w = pat;
  *w++ = '%';
  for (size_t i = 0; i < len; i++)
    if (folded[i] != '%' && folded[i] != '_') *w++ = folded[i];
  *w++ = '%';
  *w = '\0';
  Stmt st;
  return stmt_get(db, SQL_PERSON_SEARCH_NAME, &st, e) && stmt_bind_text(&st, 1, pat, e) &&
         stmt_bind_int(&st, 2, limit, e) && person_many(&st, a, out, n, e);
}

bool store_person_household(Db *db, int64_t household_id, int64_t except_id, Arena *a,
                            PersonRec **out, size_t *n, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_PERSON_HOUSEHOLD_MEMBERS, &st, e) &&
         stmt_bind_int(&st, 1, household_id, e) && stmt_bind_int(&st, 2, except_id, e) &&
         person_many(&st, a, out, n, e);
}

bool store_person_access(Db *db, int64_t person_id, int64_t user_id, int64_t unit_id,
                         const char *now, PersonAccessRow *out, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_PERSON_ACCESS_FACTS, &st, e) || !stmt_bind_int(&st, 1, person_id, e) ||
      !stmt_bind_int(&st, 2, user_id, e) || !stmt_bind_int(&st, 3, unit_id, e) ||
      !stmt_bind_text(&st, 4, now, e))
    return false;
  int rc = stmt_step(&st, e);
  if (rc == 1) {
    out->assigned = stmt_int(&st, 0) != 0;
    out->same_unit = stmt_int(&st, 1) != 0;
    out->break_glass = stmt_int(&st, 2) != 0;
    out->has_cases = stmt_int(&st, 3) != 0;
  }
  stmt_reset(&st);
  return rc == 1;
}

bool store_break_glass_insert(Db *db, int64_t user_id, int64_t person_id, const char *reason,
                              const char *granted_at, const char *expires_at, int64_t *id,
                              Err *e) {
  Stmt st;
  return stmt_get(db, SQL_BREAK_GLASS_INSERT, &st, e) && stmt_bind_int(&st, 1, user_id, e) &&
         stmt_bind_int(&st, 2, person_id, e) && stmt_bind_text(&st, 3, reason, e) &&
         stmt_bind_text(&st, 4, granted_at, e) && stmt_bind_text(&st, 5, expires_at, e) &&
         stmt_insert_id(&st, id, e);
}

bool store_representative_insert(Db *db, const RepresentativeRec *r, const char *created_at,
                                 int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_REPRESENTATIVE_INSERT, &st, e) &&
         stmt_bind_int(&st, 1, r->person_id, e) && stmt_bind_text(&st, 2, r->kind, e) &&
         stmt_bind_text(&st, 3, r->name, e) && stmt_bind_text(&st, 4, r->pnr[0] ? r->pnr : NULL, e) &&
         stmt_bind_text(&st, 5, r->contact, e) && stmt_bind_text(&st, 6, r->scope, e) &&
         stmt_bind_bool(&st, 7, r->written_authority, e) &&
         stmt_bind_date(&st, 8, r->document_seen_on, e) && stmt_bind_date(&st, 9, r->valid_from, e) &&
         stmt_bind_date(&st, 10, r->valid_to, e) && stmt_bind_text(&st, 11, created_at, e) &&
         stmt_insert_id(&st, id, e);
}

bool store_representative_list(Db *db, int64_t person_id, Arena *a, RepresentativeRec **out,
                               size_t *n, Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_REPRESENTATIVE_BY_PERSON, &st, e) || !stmt_bind_int(&st, 1, person_id, e))
    return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    RepresentativeRec *r = rows_push(a, (void **)out, n, &cap, sizeof **out);
    r->id = stmt_int(&st, 0);
    r->person_id = stmt_int(&st, 1);
    ROWS_COPY(r->kind, stmt_text(&st, 2));
    ROWS_COPY(r->name, stmt_text(&st, 3));
    ROWS_COPY(r->pnr, stmt_text(&st, 4));
    ROWS_COPY(r->contact, stmt_text(&st, 5));
    ROWS_COPY(r->scope, stmt_text(&st, 6));
    r->written_authority = stmt_int(&st, 7) != 0;
    r->document_seen_on = stmt_date(&st, 8);
    r->valid_from = stmt_date(&st, 9);
    r->valid_to = stmt_date(&st, 10);
  }
  stmt_reset(&st);
  return rc == 0;
}

bool store_consent_insert(Db *db, const ConsentRec *c, const char *created_at, int64_t *id,
                          Err *e) {
  Stmt st;
  return stmt_get(db, SQL_CONSENT_INSERT, &st, e) && stmt_bind_int(&st, 1, c->person_id, e) &&
         stmt_bind_text(&st, 2, c->purpose, e) && stmt_bind_text(&st, 3, c->authorities, e) &&
         stmt_bind_bool(&st, 4, c->relatives_may_be_contacted, e) &&
         stmt_bind_text(&st, 5, c->relatives_when, e) && stmt_bind_text(&st, 6, c->experts, e) &&
         stmt_bind_date(&st, 7, c->given_on, e) && stmt_bind_date(&st, 8, c->valid_until, e) &&
         stmt_bind_text(&st, 9, c->given_by, e) && stmt_bind_text(&st, 10, created_at, e) &&
         stmt_insert_id(&st, id, e);
}

bool store_consent_list(Db *db, int64_t person_id, Arena *a, ConsentRec **out, size_t *n,
                        Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_CONSENT_BY_PERSON, &st, e) || !stmt_bind_int(&st, 1, person_id, e))
    return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1) {
    ConsentRec *c = rows_push(a, (void **)out, n, &cap, sizeof **out);
    c->id = stmt_int(&st, 0);
    c->person_id = stmt_int(&st, 1);
    ROWS_COPY(c->purpose, stmt_text(&st, 2));
    ROWS_COPY(c->authorities, stmt_text(&st, 3));
    c->relatives_may_be_contacted = stmt_int(&st, 4) != 0;
    ROWS_COPY(c->relatives_when, stmt_text(&st, 5));
    ROWS_COPY(c->experts, stmt_text(&st, 6));
    c->given_on = stmt_date(&st, 7);
    c->valid_until = stmt_date(&st, 8);
    ROWS_COPY(c->given_by, stmt_text(&st, 9));
  }
  stmt_reset(&st);
  return rc == 0;
}
