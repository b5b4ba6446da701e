/* sql_person.h — statements for persons, households, representatives, consents, access facts, break-glass (store_person.c). */
#ifndef INSATS_STORE_SQL_PERSON_H
#define INSATS_STORE_SQL_PERSON_H

#define SQL_PERSON(X)

#endif
