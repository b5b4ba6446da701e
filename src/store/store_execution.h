/* store_execution.h — execution, interruptions, offers, implementation plans, follow-up, review, individual plans (store_execution.c).
 * Included by store.h; use store.h. */
#ifndef INSATS_STORE_STORE_EXECUTION_H
#define INSATS_STORE_STORE_EXECUTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"

typedef struct Db Db;

#endif
