/* orgnr.h — organisationsnummer (providers, assistansanordnare) and the identity numbers that
 * stand in for one.
 *
 * The law: lag (1974:174) om identitetsbeteckning för juridiska personer m.fl. Ten digits; the
 * first is the group number (the kind of legal person: 1 dödsbon, 2 stat/region/kommun/
 * församling, 3 utländska företag, 5 aktiebolag, 6 enkla bolag, 7 ekonomiska föreningar,
 * 8 ideella föreningar och stiftelser, 9 handels- och kommanditbolag; 0 and 4 are not used);
 * digits 3–4 are at least 20, so an organisationsnummer never reads as a birth date; the last is
 * a Luhn check digit as in personnummer. The twelve-digit form is "16" + the ten digits.
 *
 * A sole trader (enskild näringsidkare, also a self-employed assistance provider) has no
 * organisationsnummer: the owner's personnummer or samordningsnummer is used instead. So
 * orgnr_parse accepts a number whose digits 3–4 are below 20 (or twelve digits starting with
 * 18, 19 or 20) as a personnummer/samordningsnummer, checked by pnr_parse (default flags) and
 * reported with kind ORGNR_PERSON. Accepted forms: NNNNNNNNNN, NNNNNN-NNNN, 16NNNNNNNNNN,
 * 16NNNNNN-NNNN, and every personnummer form (pnr.h). Surrounding whitespace is trimmed.
 *
 * Must not: allocate, read the clock (the reference date, for a personnummer's century, is an
 * argument) or do I/O. */
#ifndef INSATS_CORE_ORGNR_H
#define INSATS_CORE_ORGNR_H

#include <stdbool.h>

#include "base/err.h"
#include "core/date.h"
#include "core/pnr.h"

#define ORGNR_SIZE 12   /* "NNNNNN-NNNN" + NUL */
#define ORGNR12_SIZE 13 /* "16NNNNNNNNNN" + NUL */

typedef enum {
  ORGNR_ORGANISATION, /* a legal person's organisationsnummer */
  ORGNR_PERSON        /* a sole trader's personnummer or samordningsnummer (see person.kind) */
} OrgnrKind;

typedef enum {
  ORGNR_OK = 0,
  ORGNR_ERR_EMPTY,       /* "empty" */
  ORGNR_ERR_TOO_LONG,    /* "too_long": more than PNR_INPUT_MAX bytes */
  ORGNR_ERR_CHAR,        /* "non_digit" */
  ORGNR_ERR_SEPARATOR,   /* "bad_separator": not "-" after the sixth (or eighth) digit */
  ORGNR_ERR_LENGTH,      /* "wrong_length": not 10 or 12 digits */
  ORGNR_ERR_PREFIX,      /* "bad_prefix": twelve digits not starting with 16, 18, 19 or 20 */
  ORGNR_ERR_GROUP,       /* "bad_group": group number 0 or 4 */
  ORGNR_ERR_CHECK_DIGIT, /* "bad_check_digit" */
  ORGNR_ERR_PERSON       /* "invalid_personnummer": read as a personnummer, which is invalid;
                            the reason is in Orgnr.pnr_error */
} OrgnrError;

typedef struct {
  OrgnrKind kind;
  char orgnr[ORGNR_SIZE];     /* "NNNNNN-NNNN"; for a person the ten-digit personnummer with
                                 its separator on the reference date ("+" from the 100th year) */
  char orgnr12[ORGNR12_SIZE]; /* "16NNNNNNNNNN"; for a person the twelve-digit personnummer */
  int group;                  /* 1–9 for an organisation, 0 for a person */
  Pnr person;                 /* kind ORGNR_PERSON: the parsed personnummer/samordningsnummer */
  PnrError pnr_error;         /* on ORGNR_ERR_PERSON: why the personnummer is invalid */
} Orgnr;

/* Parses and checks `input`; `reference` (normally today) decides a ten-digit personnummer's
 * century. On success fills *out and returns ORGNR_OK; otherwise zeroes *out (except pnr_error),
 * fills e (ERR_INVALID, field "orgnr", a Swedish message) and returns the reason. */
OrgnrError orgnr_parse_ex(const char *input, Date reference, Orgnr *out, Err *e);
bool orgnr_parse(const char *input, Date reference, Orgnr *out, Err *e);

const char *orgnr_error_name(OrgnrError err); /* "bad_check_digit", … ("ok" for ORGNR_OK) */
/* The usual legal form of a group number, in Swedish ("aktiebolag"), or NULL if unused. The
 * group is a strong hint, not proof: Bolagsverket's register holds the legal form. */
const char *orgnr_group_name(int group);

#endif
