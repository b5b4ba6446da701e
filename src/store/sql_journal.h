/* sql_journal.h — statements for journal entries (store_journal.c). */
#ifndef INSATS_STORE_SQL_JOURNAL_H
#define INSATS_STORE_SQL_JOURNAL_H

#define SQL_JOURNAL(X)

#endif
