/* sql_journal.h — statements for journal entries (store_journal.c). Writes to an entry are
 * guarded by "signed_at IS NULL" as well as by the schema's triggers: a signed entry is final. */
#ifndef INSATS_STORE_SQL_JOURNAL_H
#define INSATS_STORE_SQL_JOURNAL_H

/* corrected_by: the newest signed entry that corrects this one (0 when none); a correction is
 * always of the same person, which lets the subquery use the journal_person index. */
#define JOURNAL_COLS                                                                               \
  "j.id, j.person_id, j.case_id, j.entry_date, j.author_id, u.full_name, u.title, j.source, "      \
  "j.text, j.signed_at, j.corrects_id, j.created_at, "                                             \
  "(SELECT COALESCE(MAX(c.id), 0) FROM journal_entry c "                                           \
  " WHERE c.person_id = j.person_id AND c.corrects_id = j.id AND c.signed_at IS NOT NULL) "

#define SQL_JOURNAL(X)                                                                             \
  X(SQL_JOURNAL_INSERT,                                                                            \
    "INSERT INTO journal_entry (person_id, case_id, entry_date, author_id, source, text, "         \
    "corrects_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")               \
  X(SQL_JOURNAL_BY_ID,                                                                             \
    "SELECT " JOURNAL_COLS "FROM journal_entry j JOIN app_user u ON u.id = j.author_id "           \
    "WHERE j.id = $1")                                                                             \
  X(SQL_JOURNAL_BY_PERSON,                                                                         \
    "SELECT " JOURNAL_COLS "FROM journal_entry j JOIN app_user u ON u.id = j.author_id "           \
    "WHERE j.person_id = $1 ORDER BY j.entry_date DESC, j.id DESC")                                \
  X(SQL_JOURNAL_UPDATE_DRAFT,                                                                      \
    "UPDATE journal_entry SET case_id = $2, entry_date = $3, source = $4, text = $5 "              \
    "WHERE id = $1 AND signed_at IS NULL RETURNING id")                                            \
  X(SQL_JOURNAL_SIGN,                                                                              \
    "UPDATE journal_entry SET signed_at = $2 WHERE id = $1 AND signed_at IS NULL RETURNING id")    \
  X(SQL_JOURNAL_DELETE_DRAFT,                                                                      \
    "DELETE FROM journal_entry WHERE id = $1 AND signed_at IS NULL RETURNING id")

#endif
