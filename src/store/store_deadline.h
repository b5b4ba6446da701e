/* store_deadline.h — the materialised deadline table and work lists (store_deadline.c).
 * Included by store.h; use store.h. */
#ifndef INSATS_STORE_STORE_DEADLINE_H
#define INSATS_STORE_STORE_DEADLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"

typedef struct Db Db;

#endif
