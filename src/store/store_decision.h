/* store_decision.h — decisions, revocations, appeals, orders to the executing unit (store_decision.c).
 * Included by store.h; use store.h. */
#ifndef INSATS_STORE_STORE_DECISION_H
#define INSATS_STORE_STORE_DECISION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"

typedef struct Db Db;

#endif
