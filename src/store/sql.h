/* sql.h — the one table of SQL statements: an ID per statement, its text in sql.c.
 * Every statement is static text with $1…$n placeholders; values are bound, never spliced.
 * Text is written to run unchanged on SQLite and PostgreSQL; what differs (types, collation,
 * triggers) lives in the per-dialect migrations. Must not: be included outside src/store/. */
#ifndef INSATS_STORE_SQL_H
#define INSATS_STORE_SQL_H

/* Each aggregate's statements live in its own list (sql_<aggregate>.h), one owner each. */
#include "store/sql_admin.h"
#include "store/sql_audit.h"
#include "store/sql_person.h"
#include "store/sql_case.h"
#include "store/sql_investigation.h"
#include "store/sql_decision.h"
#include "store/sql_execution.h"
#include "store/sql_provider.h"
#include "store/sql_journal.h"
#include "store/sql_deadline.h"
#include "store/sql_session.h"
#include "store/sql_payment.h"
#include "store/sql_assistance.h"
#include "store/sql_invoice.h"

/* One aggregate's list per line (later areas are appended). */
#define SQL_TABLE(X)                                                                               \
  SQL_AUDIT(X) SQL_ADMIN(X) SQL_PERSON(X) SQL_CASE(X) SQL_INVESTIGATION(X) SQL_DECISION(X)        \
  SQL_EXECUTION(X) SQL_PROVIDER(X) SQL_JOURNAL(X) SQL_DEADLINE(X) SQL_SESSION(X)                  \
  SQL_PAYMENT(X)                                                                                   \
  SQL_ASSISTANCE(X)                                                                                \
  SQL_INVOICE(X)

typedef enum {
#define SQL_ENUM(id, text) id,
  SQL_TABLE(SQL_ENUM)
#undef SQL_ENUM
  SQL_COUNT
} SqlId;

extern const char *const sql_text[SQL_COUNT];

#endif
