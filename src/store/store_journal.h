/* store_journal.h — journal entries (store_journal.c): insert, read, and the only changes an
 * entry allows while it is an unsigned draft (edit, sign, delete). Included by store.h; use
 * store.h. Must not: change a signed entry (the statements are guarded; the schema's triggers
 * refuse too). */
#ifndef INSATS_STORE_STORE_JOURNAL_H
#define INSATS_STORE_STORE_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"

typedef struct Db Db;

typedef struct {
  int64_t id, person_id;
  int64_t case_id; /* 0 = none */
  Date entry_date;
  int64_t author_id;
  char author_name[128]; /* from app_user */
  char author_title[96];
  char source[256];    /* where the information came from */
  const char *text;    /* in the caller's arena; multi-line */
  char signed_at[24];  /* UTC timestamp; "" = an unsigned draft */
  int64_t corrects_id; /* the signed entry this one corrects; 0 = none */
  char created_at[24];
  int64_t corrected_by_id; /* the newest signed entry correcting this one; 0 = none */
} JournalRec;

/* Inserts an entry (unsigned). r->text is written as given. */
bool store_journal_insert(Db *db, const JournalRec *r, const char *created_at, int64_t *id, Err *e);
bool store_journal_get(Db *db, int64_t id, Arena *a, JournalRec *out, bool *found, Err *e);
/* The person's entries, newest entry date first. */
bool store_journal_list(Db *db, int64_t person_id, Arena *a, JournalRec **out, size_t *n, Err *e);
/* These change an unsigned entry only; *done is false when there was none (missing or signed). */
bool store_journal_update_draft(Db *db, const JournalRec *r, bool *done, Err *e);
bool store_journal_sign(Db *db, int64_t id, const char *signed_at, bool *done, Err *e);
bool store_journal_delete_draft(Db *db, int64_t id, bool *done, Err *e);

#endif
