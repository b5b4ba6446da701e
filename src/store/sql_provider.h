/* sql_provider.h — statements for providers and assistants (store_provider.c). */
#ifndef INSATS_STORE_SQL_PROVIDER_H
#define INSATS_STORE_SQL_PROVIDER_H

#define SQL_PROVIDER(X)

#endif
