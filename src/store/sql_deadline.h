/* sql_deadline.h — statements for the materialised deadline table and work lists (store_deadline.c). */
#ifndef INSATS_STORE_SQL_DEADLINE_H
#define INSATS_STORE_SQL_DEADLINE_H

#define SQL_DEADLINE(X)

#endif
