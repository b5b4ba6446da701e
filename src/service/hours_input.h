/* hours_input.h — the assessment document of personal assistance (docs/cli/hours.md) read
 * strictly into core's HoursAssessment: unknown fields, unknown need or activity codes, wrong
 * types and numbers out of range are errors naming the field. One reader for every adapter and
 * for the service that stores an assessment, so what is stored is what was computed.
 * Must not: compute hours (core/hours.c does). */
#ifndef INSATS_SERVICE_HOURS_INPUT_H
#define INSATS_SERVICE_HOURS_INPUT_H

#include <jansson.h>
#include <stdbool.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/hours.h"

/* Strings in *a point into root (or the arena): keep root alive while *a is used. */
bool hours_input_parse(json_t *root, Arena *ar, HoursAssessment *a, Err *e);

#endif
