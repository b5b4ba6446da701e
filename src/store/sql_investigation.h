/* sql_investigation.h — statements for evidence (certificates, R-075), personkrets, assistance assessment, communication (store_investigation.c). */
#ifndef INSATS_STORE_SQL_INVESTIGATION_H
#define INSATS_STORE_SQL_INVESTIGATION_H

#define SQL_INVESTIGATION(X)

#endif
