/* pnr.c — personnummer and samordningsnummer (see pnr.h for the law, the accepted forms and the
 * century rule). The checks run from the shape of the text to the meaning of the digits, so the
 * reason reported is the first thing that is wrong: characters, length, separator, interim letter,
 * check digit, century, month, day, calendar date, birth number, future date, plus sign.
 * Must not: allocate, read the clock or do I/O. */
#include "core/pnr.h"

#include <stdio.h>
#include <string.h>

/* Zeroes *out, fills e and yields the reason: `return PNR_FAIL(PNR_ERR_…, "message", …);`. */
#define PNR_FAIL(why, ...)                                                                         \
  (memset(out, 0, sizeof *out), err_set(e, ERR_INVALID, "pnr", "", __VA_ARGS__), (why))

static bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
static bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
static bool is_alpha(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
static int two_digits(const char *s) {
  return (s[0] - '0') * 10 + (s[1] - '0');
}

/* The letters regions use in interim numbers, in place of the first birth-number digit. */
static bool is_interim_letter(char c) {
  return c != '\0' && strchr("TRSUWXJKLMN", c) != NULL;
}

/* (y, m, d) after the reference date; an unknown month or day (0) counts as the earliest
 * possible, so an incomplete date is "after" only if every date it may stand for is. */
static bool after_reference(int y, int m, int d, Date ref) {
  if (y != ref.y) return y > ref.y;
  if (m != ref.m) return m > ref.m;
  return d > ref.d;
}

/* A short Swedish description of an offending byte, for messages. */
static void describe_char(char c, char *buf, size_t cap) {
  unsigned char u = (unsigned char)c;
  if (u == ' ')
    snprintf(buf, cap, "ett mellanslag");
  else if (u == '\t')
    snprintf(buf, cap, "en tabb");
  else if (u > 0x20 && u < 0x7f)
    snprintf(buf, cap, "tecknet '%c'", c);
  else if (u >= 0x80)
    snprintf(buf, cap, "ett tecken utanför ASCII, t.ex. ett långt tankstreck");
  else
    snprintf(buf, cap, "ett styrtecken (kod %u)", u);
}

int pnr_luhn_digit(const char *digits, size_t n) {
  int sum = 0;
  for (size_t i = 0; i < n; i++) {
    if (!is_digit(digits[i])) return -1;
    int v = digits[i] - '0';
    if (i % 2 == 0) { /* weights 2, 1, 2, …; digits of a product are added (12 → 1 + 2) */
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return (10 - sum % 10) % 10;
}

PnrError pnr_parse_ex(const char *input, Date ref, unsigned flags, Pnr *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (!input) input = "";
  size_t len = strnlen(input, PNR_INPUT_MAX + 1);
  if (len > PNR_INPUT_MAX)
    return PNR_FAIL(PNR_ERR_TOO_LONG,
                    "Numret är för långt (mer än %d tecken); ett personnummer har 10 eller 12 "
                    "siffror.",
                    PNR_INPUT_MAX);

  /* Surrounding whitespace is never part of a number (pasted text, CRLF lines). */
  const char *s = input, *end = input + len;
  while (s < end && is_space(*s))
    s++;
  while (end > s && is_space(end[-1]))
    end--;
  if (s == end) return PNR_FAIL(PNR_ERR_EMPTY, "Personnummer saknas.");

  /* The shape: digits, at most one separator, at most one letter (interim numbers). */
  char num[PNR_SIZE];
  int nd = 0, sep_pos = -1, letter_pos = -1;
  char sep = 0, letter = 0;
  char what[80];
  for (const char *p = s; p < end; p++) {
    char c = *p;
    if (is_digit(c) || (is_alpha(c) && !letter && (nd == 6 || nd == 8))) {
      if (!is_digit(c)) letter = c, letter_pos = nd;
      if (nd < 12) num[nd] = c;
      nd++;
    } else if (c == '-' || c == '+') {
      if (sep)
        return PNR_FAIL(PNR_ERR_SEPARATOR, "Numret har mer än ett skiljetecken (- eller +).");
      sep = c, sep_pos = nd;
    } else {
      describe_char(c, what, sizeof what);
      if (!sep && !is_alpha(c) && (nd == 6 || nd == 8))
        return PNR_FAIL(PNR_ERR_SEPARATOR,
                        "Skiljetecknet mellan födelsetiden och de fyra sista siffrorna ska vara - "
                        "eller + (numret har %s).",
                        what);
      return PNR_FAIL(PNR_ERR_CHAR, "Numret får bara innehålla siffror och - eller + (det har %s).",
                      what);
    }
  }
  if (nd != 10 && nd != 12)
    return PNR_FAIL(PNR_ERR_LENGTH,
                    "Ett personnummer har 10 eller 12 siffror (ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN); "
                    "det här har %d.",
                    nd);
  const int date_len = nd - 4;
  if (sep && sep_pos != date_len)
    return PNR_FAIL(PNR_ERR_SEPARATOR,
                    "Skiljetecknet %c står på fel plats; det hör hemma före de fyra sista "
                    "siffrorna.",
                    sep);
  if (letter) {
    if (letter_pos != date_len || !is_interim_letter(letter))
      return PNR_FAIL(PNR_ERR_CHAR,
                      "Numret får bara innehålla siffror och - eller + (det har "
                      "tecknet '%c').",
                      letter);
    if (!(flags & PNR_ALLOW_INTERIM))
      return PNR_FAIL(PNR_ERR_INTERIM,
                      "Interimsnummer (med bokstaven %c) godtas inte; ange personnummer eller "
                      "samordningsnummer.",
                      letter);
  }
  num[nd] = '\0';
  const char *ten = num + (nd - 10); /* YYMMDDNNNC */

  /* 18 § FOL: the check digit, modulus 10 with weights 2 and 1 over the ten-digit form; an
   * interim letter counts as 1. */
  char body[9];
  memcpy(body, ten, 9);
  if (letter) body[6] = '1';
  if (pnr_luhn_digit(body, 9) != ten[9] - '0')
    return PNR_FAIL(PNR_ERR_CHECK_DIGIT, "Kontrollsiffran (den sista siffran) stämmer inte med "
                                         "de övriga; kontrollera att numret är rätt inskrivet.");

  /* Skatteverket: the century digits are 18, 19 or 20. */
  if (nd == 12) {
    int cc = two_digits(num);
    if (cc == 16)
      return PNR_FAIL(PNR_ERR_CENTURY, "Tolv siffror som börjar med 16 är ett organisationsnummer, "
                                       "inte ett personnummer.");
    if (cc < 18 || cc > 20)
      return PNR_FAIL(PNR_ERR_CENTURY,
                      "Århundradet %02d finns inte; ett tolvsiffrigt personnummer börjar med 18, "
                      "19 eller 20.",
                      cc);
  }

  const int yy = two_digits(ten), mm = two_digits(ten + 2), dd = two_digits(ten + 4);
  const bool coord = dd >= 60; /* 18 a § FOL: samordningsnummer have the day + 60 */
  const int day = coord ? dd - 60 : dd;
  const PnrKind kind = letter  ? PNR_INTERIMSNUMMER
                       : coord ? PNR_SAMORDNINGSNUMMER
                               : PNR_PERSONNUMMER;
  if (mm >= 20)
    return PNR_FAIL(PNR_ERR_MONTH,
                    "Månaden %02d finns inte. 20 eller mer på månadens plats betyder "
                    "organisationsnummer, inte personnummer.",
                    mm);
  if (mm > 12) return PNR_FAIL(PNR_ERR_MONTH, "Månaden %02d finns inte (01–12).", mm);
  if (!coord && dd > 31)
    return PNR_FAIL(PNR_ERR_DAY,
                    "Dagen %02d finns inte (01–31; i samordningsnummer 61–91, dagen + 60).", dd);
  if (coord && day > 31)
    return PNR_FAIL(PNR_ERR_DAY,
                    "Dagen %02d finns inte; i samordningsnummer är dagen ökad med 60 (61–91).", dd);
  if (coord && letter)
    return PNR_FAIL(PNR_ERR_DAY, "Ett interimsnummer har ingen dag ökad med 60 (dagen är %02d).",
                    dd);
  /* Only samordningsnummer may leave month (00) or day (60) unknown. */
  if (!coord && mm == 0)
    return PNR_FAIL(PNR_ERR_MONTH,
                    "Månaden 00 finns inte; okänd månad förekommer bara i samordningsnummer.");
  if (!coord && day == 0)
    return PNR_FAIL(PNR_ERR_DAY, "Dagen 00 finns inte; okänd dag skrivs 60 i samordningsnummer.");

  /* The century of a ten-digit form (pnr.h): start from the latest year with these last two
   * digits that is not after the reference year. */
  int year;
  if (nd == 12) {
    year = two_digits(num) * 100 + yy;
  } else {
    year = ref.y - ((ref.y - yy) % 100 + 100) % 100;
    if (sep == '+')
      year -= 100; /* 18 § FOL: "+" from the year the person turns 100 */
    else if (after_reference(year, mm, day, ref))
      year -= 100; /* "-": 0–99 years old */
    if (year < 1800 || year > 2099)
      return PNR_FAIL(PNR_ERR_CENTURY,
                      "Århundradet kan inte bestämmas: födelseåret blir %d, utanför 1800–2099.",
                      year);
  }

  PnrDateStatus status = PNR_DATE_COMPLETE;
  if (mm == 0 && day == 0)
    status = PNR_DATE_UNKNOWN_MONTH_AND_DAY;
  else if (mm == 0)
    status = PNR_DATE_UNKNOWN_MONTH;
  else if (day == 0)
    status = PNR_DATE_UNKNOWN_DAY;
  else if (!date_valid(year, mm, day)) {
    /* A samordningsnummer is issued by Skatteverket and its check digit holds: keep it, without
     * inventing a birth date, unless the caller asked for strict dates (pnr.h). */
    if (kind != PNR_SAMORDNINGSNUMMER || (flags & PNR_STRICT_DATES))
      return PNR_FAIL(PNR_ERR_DATE, "Datumet %04d-%02d-%02d finns inte i kalendern.", year, mm,
                      day);
    status = PNR_DATE_IMPOSSIBLE;
  }

  if (memcmp(ten + 6, "000", 3) == 0) /* birth numbers are 001–999 */
    return PNR_FAIL(PNR_ERR_BIRTH_NUMBER, "Födelsenumret 000 finns inte; födelsenumren är "
                                          "001–999.");
  if (after_reference(year, mm, day, ref))
    return PNR_FAIL(PNR_ERR_FUTURE,
                    "Födelsetiden %04d-%02d-%02d ligger i framtiden (efter %04d-%02d-%02d).", year,
                    mm, day, ref.y, ref.m, ref.d);
  if (nd == 12 && sep == '+' && ref.y - year < 100)
    return PNR_FAIL(PNR_ERR_PLUS,
                    "Plustecknet används först det år personen fyller 100 år (18 § "
                    "folkbokföringslagen); den som är född %d fyller %d år %d.",
                    year, ref.y - year, ref.y);

  out->kind = kind;
  out->pnr[0] = (char)('0' + year / 1000);
  out->pnr[1] = (char)('0' + year / 100 % 10);
  memcpy(out->pnr + 2, ten, 10);
  out->pnr[12] = '\0';
  out->date_status = status;
  out->birth_year = year;
  out->birth_known = status == PNR_DATE_COMPLETE;
  if (out->birth_known) out->birth = (Date){year, mm, day};
  out->sex = (ten[8] - '0') % 2 ? 'M' : 'F'; /* 18 § FOL: odd for men, even for women */
  return PNR_OK;
}

bool pnr_parse(const char *input, Date reference, Pnr *out, Err *e) {
  return pnr_parse_ex(input, reference, 0, out, e) == PNR_OK;
}

const char *pnr_error_name(PnrError err) {
  switch (err) {
    case PNR_OK:
      return "ok";
    case PNR_ERR_EMPTY:
      return "empty";
    case PNR_ERR_TOO_LONG:
      return "too_long";
    case PNR_ERR_CHAR:
      return "non_digit";
    case PNR_ERR_SEPARATOR:
      return "bad_separator";
    case PNR_ERR_LENGTH:
      return "wrong_length";
    case PNR_ERR_INTERIM:
      return "interim_not_accepted";
    case PNR_ERR_CHECK_DIGIT:
      return "bad_check_digit";
    case PNR_ERR_CENTURY:
      return "bad_century";
    case PNR_ERR_MONTH:
      return "bad_month";
    case PNR_ERR_DAY:
      return "bad_day";
    case PNR_ERR_DATE:
      return "impossible_date";
    case PNR_ERR_BIRTH_NUMBER:
      return "birth_number_000";
    case PNR_ERR_FUTURE:
      return "future_date";
    case PNR_ERR_PLUS:
      return "plus_under_100";
  }
  return "invalid";
}

const char *pnr_kind_name(PnrKind kind) {
  switch (kind) {
    case PNR_PERSONNUMMER:
      return "personnummer";
    case PNR_SAMORDNINGSNUMMER:
      return "samordningsnummer";
    case PNR_INTERIMSNUMMER:
      return "interimsnummer";
  }
  return "personnummer";
}

const char *pnr_date_status_name(PnrDateStatus status) {
  switch (status) {
    case PNR_DATE_COMPLETE:
      return "complete";
    case PNR_DATE_UNKNOWN_MONTH:
      return "unknown_month";
    case PNR_DATE_UNKNOWN_DAY:
      return "unknown_day";
    case PNR_DATE_UNKNOWN_MONTH_AND_DAY:
      return "unknown_month_and_day";
    case PNR_DATE_IMPOSSIBLE:
      return "impossible_date";
  }
  return "complete";
}

char *pnr_format_short(const Pnr *p, Date on, char buf[PNR_SHORT_SIZE]) {
  if (!p->pnr[0]) {
    buf[0] = '\0';
    return buf;
  }
  memcpy(buf, p->pnr + 2, 6);
  buf[6] = on.y - p->birth_year >= 100 ? '+' : '-'; /* 18 § FOL: from the year of the 100th */
  memcpy(buf + 7, p->pnr + 8, 4);
  buf[11] = '\0';
  return buf;
}

char *pnr_format_long(const Pnr *p, char buf[PNR_LONG_SIZE]) {
  if (!p->pnr[0]) {
    buf[0] = '\0';
    return buf;
  }
  memcpy(buf, p->pnr, 8);
  buf[8] = '-';
  memcpy(buf + 9, p->pnr + 8, 4);
  buf[13] = '\0';
  return buf;
}
