/* sql_case.h — statements for cases: applications, applicants, requested insatser, state (store_case.c). */
#ifndef INSATS_STORE_SQL_CASE_H
#define INSATS_STORE_SQL_CASE_H

#define SQL_CASE(X)

#endif
