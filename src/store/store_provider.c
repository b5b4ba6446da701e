/* store_provider.c — providers and assistants (see store_provider.h). */
#include "store/db.h"
#include "store/rows.h"
#include "store/store.h"

bool store_provider_insert(Db *db, const ProviderRec *p, const char *created_at, int64_t *id,
                           Err *e) {
  Stmt st;
  return stmt_get(db, SQL_PROVIDER_INSERT, &st, e) && stmt_bind_text(&st, 1, p->name, e) &&
         stmt_bind_text(&st, 2, p->orgnr, e) && stmt_bind_text(&st, 3, p->kind, e) &&
         stmt_bind_id(&st, 4, p->unit_id, e) && stmt_bind_text(&st, 5, p->ivo_permit_no, e) &&
         stmt_bind_date(&st, 6, p->permit_from, e) && stmt_bind_date(&st, 7, p->permit_to, e) &&
         stmt_bind_date(&st, 8, p->fskatt_checked_on, e) &&
         stmt_bind_date(&st, 9, p->started_on, e) && stmt_bind_text(&st, 10, created_at, e) &&
         stmt_bind_bool(&st, 11, p->is_demo, e) && stmt_insert_id(&st, id, e);
}

bool store_provider_update(Db *db, const ProviderRec *p, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_PROVIDER_UPDATE, &st, e) && stmt_bind_int(&st, 1, p->id, e) &&
         stmt_bind_text(&st, 2, p->name, e) && stmt_bind_text(&st, 3, p->orgnr, e) &&
         stmt_bind_text(&st, 4, p->kind, e) && stmt_bind_id(&st, 5, p->unit_id, e) &&
         stmt_bind_text(&st, 6, p->ivo_permit_no, e) && stmt_bind_date(&st, 7, p->permit_from, e) &&
         stmt_bind_date(&st, 8, p->permit_to, e) &&
         stmt_bind_date(&st, 9, p->fskatt_checked_on, e) &&
         stmt_bind_date(&st, 10, p->started_on, e) && stmt_exec(&st, e);
}

bool store_provider_set_fskatt(Db *db, int64_t id, Date checked_on, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_PROVIDER_SET_FSKATT, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_date(&st, 2, checked_on, e) && stmt_exec(&st, e);
}

static void provider_row(Stmt *st, ProviderRec *p) {
  p->id = stmt_int(st, 0);
  ROWS_COPY(p->name, stmt_text(st, 1));
  ROWS_COPY(p->orgnr, stmt_text(st, 2));
  ROWS_COPY(p->kind, stmt_text(st, 3));
  p->unit_id = stmt_int(st, 4);
  ROWS_COPY(p->ivo_permit_no, stmt_text(st, 5));
  p->permit_from = stmt_date(st, 6);
  p->permit_to = stmt_date(st, 7);
  p->fskatt_checked_on = stmt_date(st, 8);
  p->started_on = stmt_date(st, 9);
  p->is_demo = stmt_int(st, 10) != 0;
}

static bool provider_many(Stmt *st, Arena *a, ProviderRec **out, size_t *n, Err *e) {
  size_t cap = 0;
  int rc;
  while ((rc = stmt_step(st, e)) == 1)
    provider_row(st, rows_push(a, (void **)out, n, &cap, sizeof **out));
  stmt_reset(st);
  return rc == 0;
}

bool store_provider_get(Db *db, int64_t id, ProviderRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_PROVIDER_BY_ID, &st, e) || !stmt_bind_int(&st, 1, id, e)) return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) provider_row(&st, out);
  stmt_reset(&st);
  return rc >= 0;
}

bool store_provider_by_orgnr(Db *db, const char *orgnr12, Arena *a, ProviderRec **out, size_t *n,
                             Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  return stmt_get(db, SQL_PROVIDER_BY_ORGNR, &st, e) && stmt_bind_text(&st, 1, orgnr12, e) &&
         provider_many(&st, a, out, n, e);
}

bool store_provider_list(Db *db, const char *kind, Arena *a, ProviderRec **out, size_t *n, Err *e) {
  Stmt st;
  *out = NULL, *n = 0;
  return stmt_get(db, SQL_PROVIDER_LIST, &st, e) && stmt_bind_text(&st, 1, kind ? kind : "", e) &&
         provider_many(&st, a, out, n, e);
}

bool store_assistant_insert(Db *db, const AssistantRec *r, const char *created_at, int64_t *id,
                            Err *e) {
  Stmt st;
  return stmt_get(db, SQL_ASSISTANT_INSERT, &st, e) && stmt_bind_int(&st, 1, r->provider_id, e) &&
         stmt_bind_int(&st, 2, r->person_id, e) && stmt_bind_text(&st, 3, r->name, e) &&
         stmt_bind_text(&st, 4, r->role, e) && stmt_bind_bool(&st, 5, r->is_relative, e) &&
         stmt_bind_date(&st, 6, r->employed_from, e) && stmt_bind_date(&st, 7, r->employed_to, e) &&
         stmt_bind_text(&st, 8, created_at, e) && stmt_bind_bool(&st, 9, r->is_demo, e) &&
         stmt_insert_id(&st, id, e);
}

static void assistant_row(Stmt *st, AssistantRec *r) {
  r->id = stmt_int(st, 0);
  r->provider_id = stmt_int(st, 1);
  r->person_id = stmt_int(st, 2);
  ROWS_COPY(r->name, stmt_text(st, 3));
  ROWS_COPY(r->role, stmt_text(st, 4));
  r->is_relative = stmt_int(st, 5) != 0;
  r->employed_from = stmt_date(st, 6);
  r->employed_to = stmt_date(st, 7);
  r->is_demo = stmt_int(st, 8) != 0;
  ROWS_COPY(r->provider_name, stmt_text(st, 9));
}

bool store_assistant_get(Db *db, int64_t id, AssistantRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_ASSISTANT_BY_ID, &st, e) || !stmt_bind_int(&st, 1, id, e)) return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) assistant_row(&st, out);
  stmt_reset(&st);
  return rc >= 0;
}

bool store_assistant_list(Db *db, int64_t person_id, bool relatives_only, Arena *a,
                          AssistantRec **out, size_t *n, Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_ASSISTANT_BY_PERSON, &st, e) || !stmt_bind_int(&st, 1, person_id, e) ||
      !stmt_bind_bool(&st, 2, relatives_only, e))
    return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1)
    assistant_row(&st, rows_push(a, (void **)out, n, &cap, sizeof **out));
  stmt_reset(&st);
  return rc == 0;
}

bool store_assistant_set_end(Db *db, int64_t id, Date employed_to, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_ASSISTANT_SET_END, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_date(&st, 2, employed_to, e) && stmt_exec(&st, e);
}

bool store_assistant_representative(Db *db, int64_t representative_id,
                                    AssistantRepresentativeRow *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_ASSISTANT_REPRESENTATIVE, &st, e) ||
      !stmt_bind_int(&st, 1, representative_id, e))
    return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) {
    out->id = stmt_int(&st, 0);
    out->person_id = stmt_int(&st, 1);
    ROWS_COPY(out->kind, stmt_text(&st, 2));
    ROWS_COPY(out->name, stmt_text(&st, 3));
    out->valid_from = stmt_date(&st, 4);
    out->valid_to = stmt_date(&st, 5);
  }
  stmt_reset(&st);
  return rc >= 0;
}
