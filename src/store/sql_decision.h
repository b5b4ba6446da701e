/* sql_decision.h — statements for decisions, revocations, appeals, orders to the executing unit (store_decision.c). */
#ifndef INSATS_STORE_SQL_DECISION_H
#define INSATS_STORE_SQL_DECISION_H

#define SQL_DECISION(X)

#endif
