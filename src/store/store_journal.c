/* store_journal.c — journal entries (see store_journal.h). */
#include "store/db.h"
#include "store/rows.h"
#include "store/store.h"

bool store_journal_insert(Db *db, const JournalRec *r, const char *created_at, int64_t *id,
                          Err *e) {
  Stmt st;
  return stmt_get(db, SQL_JOURNAL_INSERT, &st, e) && stmt_bind_int(&st, 1, r->person_id, e) &&
         stmt_bind_id(&st, 2, r->case_id, e) && stmt_bind_date(&st, 3, r->entry_date, e) &&
         stmt_bind_int(&st, 4, r->author_id, e) && stmt_bind_text(&st, 5, r->source, e) &&
         stmt_bind_text(&st, 6, r->text ? r->text : "", e) &&
         stmt_bind_id(&st, 7, r->corrects_id, e) && stmt_bind_text(&st, 8, created_at, e) &&
         stmt_insert_id(&st, id, e);
}

static void journal_row(Stmt *st, Arena *a, JournalRec *r) {
  r->id = stmt_int(st, 0);
  r->person_id = stmt_int(st, 1);
  r->case_id = stmt_int(st, 2);
  r->entry_date = stmt_date(st, 3);
  r->author_id = stmt_int(st, 4);
  ROWS_COPY(r->author_name, stmt_text(st, 5));
  ROWS_COPY(r->author_title, stmt_text(st, 6));
  ROWS_COPY(r->source, stmt_text(st, 7));
  r->text = arena_strdup(a, stmt_text(st, 8));
  ROWS_COPY(r->signed_at, stmt_text(st, 9));
  r->corrects_id = stmt_int(st, 10);
  ROWS_COPY(r->created_at, stmt_text(st, 11));
  r->corrected_by_id = stmt_int(st, 12);
}

bool store_journal_get(Db *db, int64_t id, Arena *a, JournalRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_JOURNAL_BY_ID, &st, e) || !stmt_bind_int(&st, 1, id, e)) return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) journal_row(&st, a, out);
  stmt_reset(&st);
  return rc >= 0;
}

bool store_journal_list(Db *db, int64_t person_id, Arena *a, JournalRec **out, size_t *n, Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_JOURNAL_BY_PERSON, &st, e) || !stmt_bind_int(&st, 1, person_id, e))
    return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1)
    journal_row(&st, a, rows_push(a, (void **)out, n, &cap, sizeof **out));
  stmt_reset(&st);
  return rc == 0;
}

/* Runs a guarded "… RETURNING id" write: *done tells whether a row was changed (all changes
 * happen on the first step). */
static bool journal_write(Stmt *st, bool *done, Err *e) {
  int rc = stmt_step(st, e);
  *done = rc == 1;
  stmt_reset(st);
  return rc >= 0;
}

bool store_journal_update_draft(Db *db, const JournalRec *r, bool *done, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_JOURNAL_UPDATE_DRAFT, &st, e) && stmt_bind_int(&st, 1, r->id, e) &&
         stmt_bind_id(&st, 2, r->case_id, e) && stmt_bind_date(&st, 3, r->entry_date, e) &&
         stmt_bind_text(&st, 4, r->source, e) &&
         stmt_bind_text(&st, 5, r->text ? r->text : "", e) && journal_write(&st, done, e);
}

bool store_journal_sign(Db *db, int64_t id, const char *signed_at, bool *done, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_JOURNAL_SIGN, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_text(&st, 2, signed_at, e) && journal_write(&st, done, e);
}

bool store_journal_delete_draft(Db *db, int64_t id, bool *done, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_JOURNAL_DELETE_DRAFT, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         journal_write(&st, done, e);
}
