/* store_investigation.h — evidence (certificates, R-075), personkrets, assistance assessment, communication (store_investigation.c).
 * Included by store.h; use store.h. */
#ifndef INSATS_STORE_STORE_INVESTIGATION_H
#define INSATS_STORE_STORE_INVESTIGATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"

typedef struct Db Db;

#endif
