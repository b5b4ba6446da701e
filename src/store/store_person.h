/* store_person.h — persons, households, representatives, consents, access facts, break-glass (store_person.c).
 * Included by store.h; use store.h. */
#ifndef INSATS_STORE_STORE_PERSON_H
#define INSATS_STORE_STORE_PERSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"

typedef struct Db Db;

#endif
