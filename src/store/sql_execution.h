/* sql_execution.h — statements for execution, interruptions, offers, implementation plans, follow-up, review, individual plans (store_execution.c). */
#ifndef INSATS_STORE_SQL_EXECUTION_H
#define INSATS_STORE_SQL_EXECUTION_H

#define SQL_EXECUTION(X)

#endif
