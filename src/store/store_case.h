/* store_case.h — cases: applications, applicants, requested insatser, state (store_case.c).
 * Included by store.h; use store.h. */
#ifndef INSATS_STORE_STORE_CASE_H
#define INSATS_STORE_STORE_CASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"

typedef struct Db Db;

#endif
