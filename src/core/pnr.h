/* pnr.h — personnummer and samordningsnummer: parse, check, normalise.
 *
 * The law: 18 § folkbokföringslagen (1991:481) (FOL) defines the personnummer: birth date
 * (YYMMDD), a three-digit birth number (odd for men, even for women) and a check digit; the
 * hyphen between date and birth number becomes a plus sign "the year a person turns 100".
 * 18 a § FOL defines the samordningsnummer: the same shape with the day + 60. Skatteverket
 * stores twelve digits (century 18, 19 or 20) and computes the check digit with the
 * modulus-10 (Luhn) method, weights 2 and 1, over the ten-digit form.
 *
 * Accepted forms (after trimming surrounding ASCII whitespace — space, tab, CR, LF — which is
 * never part of a number; whitespace inside the number is an error):
 *   YYMMDDNNNC  YYMMDD-NNNC  YYMMDD+NNNC  YYYYMMDDNNNC  YYYYMMDD-NNNC  YYYYMMDD+NNNC
 *
 * Century of a ten-digit form, relative to a reference date (normally today):
 *   "-" or no separator: the most recent century in which the birth date is not after the
 *      reference date (the person is 0–99 years old);
 *   "+": the person turns 100 or more in the reference year (18 § FOL: the plus sign is used
 *      from the year of the 100th birthday, not from the birthday itself), i.e. the latest year
 *      Y with the right two last digits and reference.year − Y ≥ 100.
 * A twelve-digit form states its century (18, 19 or 20); a "+" in it must agree (reference year
 * − birth year ≥ 100), a "-" is accepted at any age (the usual written twelve-digit form).
 *
 * Samordningsnummer may have an incomplete date part: month 00 (unknown month) and/or day
 * digits 60 (unknown day). They are valid; the birth date is then unknown (birth_known is
 * false) and only the year is known. Samordningsnummer whose date part is not a calendar date
 * (e.g. 1920-04-31, found among Skatteverket's own test numbers) are valid by default, also
 * without a birth date (date_status PNR_DATE_IMPOSSIBLE): the number is issued by Skatteverket,
 * its check digit holds, and refusing it would stop a municipality from registering the person.
 * PNR_STRICT_DATES refuses them. A personnummer always needs a real calendar date.
 *
 * Interim numbers (a letter T R S U W X J K L M N as the first birth-number digit, issued by
 * regions' health care) are not personnummer: refused unless PNR_ALLOW_INTERIM is given.
 *
 * Must not: allocate, read the clock (the reference date is an argument) or do I/O. */
#ifndef INSATS_CORE_PNR_H
#define INSATS_CORE_PNR_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"
#include "core/date.h"

#define PNR_INPUT_MAX 64  /* longer input is refused (PNR_ERR_TOO_LONG) without being read */
#define PNR_SIZE 13       /* "YYYYMMDDNNNC" + NUL */
#define PNR_SHORT_SIZE 12 /* "YYMMDD-NNNC" + NUL */
#define PNR_LONG_SIZE 14  /* "YYYYMMDD-NNNC" + NUL */

typedef enum {
  PNR_PERSONNUMMER,      /* 18 § FOL */
  PNR_SAMORDNINGSNUMMER, /* 18 a § FOL: day + 60 */
  PNR_INTERIMSNUMMER     /* only with PNR_ALLOW_INTERIM */
} PnrKind;

/* What is known of the date part. */
typedef enum {
  PNR_DATE_COMPLETE = 0,
  PNR_DATE_UNKNOWN_MONTH,         /* samordningsnummer, month 00 */
  PNR_DATE_UNKNOWN_DAY,           /* samordningsnummer, day digits 60 */
  PNR_DATE_UNKNOWN_MONTH_AND_DAY, /* both */
  PNR_DATE_IMPOSSIBLE             /* samordningsnummer whose date part is no calendar date */
} PnrDateStatus;

/* Why a number was refused: one stable reason each (pnr_error_name gives the machine code). */
typedef enum {
  PNR_OK = 0,
  PNR_ERR_EMPTY,        /* "empty": nothing but whitespace */
  PNR_ERR_TOO_LONG,     /* "too_long": more than PNR_INPUT_MAX bytes */
  PNR_ERR_CHAR,         /* "non_digit": a character that is no digit, separator or interim letter */
  PNR_ERR_SEPARATOR,    /* "bad_separator": not - or +, misplaced, or more than one */
  PNR_ERR_LENGTH,       /* "wrong_length": not 10 or 12 digits */
  PNR_ERR_INTERIM,      /* "interim_not_accepted": an interim number without PNR_ALLOW_INTERIM */
  PNR_ERR_CHECK_DIGIT,  /* "bad_check_digit": the Luhn check digit does not match */
  PNR_ERR_CENTURY,      /* "bad_century": twelve digits not starting with 18, 19 or 20 */
  PNR_ERR_MONTH,        /* "bad_month": month not 01–12 (00 allowed for samordningsnummer) */
  PNR_ERR_DAY,          /* "bad_day": day not 01–31 or 61–91 (60 for samordningsnummer) */
  PNR_ERR_DATE,         /* "impossible_date": e.g. 1999-02-29 or 2001-04-31 */
  PNR_ERR_BIRTH_NUMBER, /* "birth_number_000": birth numbers run 001–999 */
  PNR_ERR_FUTURE,       /* "future_date": born after the reference date */
  PNR_ERR_PLUS          /* "plus_under_100": "+" but the person does not turn 100 this year */
} PnrError;

/* Flags for pnr_parse_ex. */
enum {
  PNR_ALLOW_INTERIM = 1u << 0, /* accept interim numbers (kind PNR_INTERIMSNUMMER) */
  PNR_STRICT_DATES = 1u << 1   /* refuse samordningsnummer whose date part is no calendar date */
};

typedef struct {
  PnrKind kind;
  char pnr[PNR_SIZE]; /* normalised: twelve characters YYYYMMDDNNNC, no separator;
                         samordningsnummer keep day + 60; interim keep their letter */
  Date birth;         /* the date part (day − 60 for samordningsnummer), if birth_known */
  bool birth_known;   /* false for incomplete or impossible samordningsnummer dates */
  PnrDateStatus date_status;
  int birth_year; /* always set for a valid number (the century resolved) */
  char sex;       /* 'M' (odd birth number) or 'F' (even), 18 § FOL */
} Pnr;

/* Parses and checks `input` (see the top of this file) against `reference` (normally today).
 * On success fills *out and returns PNR_OK; otherwise zeroes *out, fills e (ERR_INVALID, field
 * "pnr", a Swedish message naming the reason) and returns the reason. */
PnrError pnr_parse_ex(const char *input, Date reference, unsigned flags, Pnr *out, Err *e);
/* The same with default flags (no interim numbers, impossible samordningsnummer dates valid
 * without a birth date); returns true on success. */
bool pnr_parse(const char *input, Date reference, Pnr *out, Err *e);

/* The stable machine code of a reason: "bad_check_digit", … ("ok" for PNR_OK). */
const char *pnr_error_name(PnrError err);
const char *pnr_kind_name(PnrKind kind);                /* "personnummer", … */
const char *pnr_date_status_name(PnrDateStatus status); /* "complete", "unknown_month", … */

/* The Luhn (modulus-10, weights 2,1,2,…) check digit over n digits, or -1 if one is not a digit.
 * Personnummer, samordningsnummer and organisationsnummer use it over their first nine digits. */
int pnr_luhn_digit(const char *digits, size_t n);

/* "YYMMDD-NNNC", with "+" when the person turns 100 or more in the year of `on` (18 § FOL). */
char *pnr_format_short(const Pnr *p, Date on, char buf[PNR_SHORT_SIZE]);
/* "YYYYMMDD-NNNC". */
char *pnr_format_long(const Pnr *p, char buf[PNR_LONG_SIZE]);

#endif
