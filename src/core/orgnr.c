/* orgnr.c — organisationsnummer, or a sole trader's personnummer in its place (see orgnr.h).
 * Must not: allocate, read the clock or do I/O. */
#include "core/orgnr.h"

#include <stdio.h>
#include <string.h>

/* Zeroes *out, fills e and yields the reason: `return ORGNR_FAIL(ORGNR_ERR_…, "message", …);`. */
#define ORGNR_FAIL(why, ...)                                                                       \
  (memset(out, 0, sizeof *out), err_set(e, ERR_INVALID, "orgnr", "", __VA_ARGS__), (why))

static bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
static bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

const char *orgnr_group_name(int group) {
  switch (group) {
    case 1:
      return "dödsbo";
    case 2:
      return "stat, region, kommun eller församling";
    case 3:
      return "utländskt företag med verksamhet eller fastighet i Sverige";
    case 5:
      return "aktiebolag";
    case 6:
      return "enkelt bolag";
    case 7:
      return "ekonomisk förening eller bostadsrättsförening";
    case 8:
      return "ideell förening eller stiftelse";
    case 9:
      return "handelsbolag eller kommanditbolag";
    default:
      return NULL;
  }
}

/* The personnummer path: a sole trader's own number (orgnr.h). */
static OrgnrError parse_person(const char *trimmed, Date ref, Orgnr *out, Err *e) {
  Err pe;
  err_clear(&pe);
  PnrError why = pnr_parse_ex(trimmed, ref, 0, &out->person, &pe);
  if (why != PNR_OK) {
    OrgnrError r = ORGNR_FAIL(ORGNR_ERR_PERSON,
                              "Numret är inget organisationsnummer (siffra 3–4 är under 20) och "
                              "inget giltigt personnummer för enskild näringsidkare: %s",
                              pe.msg);
    out->pnr_error = why;
    return r;
  }
  out->kind = ORGNR_PERSON;
  pnr_format_short(&out->person, ref, out->orgnr);
  memcpy(out->orgnr12, out->person.pnr, PNR_SIZE);
  return ORGNR_OK;
}

OrgnrError orgnr_parse_ex(const char *input, Date ref, Orgnr *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (!input) input = "";
  size_t len = strnlen(input, PNR_INPUT_MAX + 1);
  if (len > PNR_INPUT_MAX)
    return ORGNR_FAIL(ORGNR_ERR_TOO_LONG,
                      "Numret är för långt (mer än %d tecken); ett organisationsnummer har 10 "
                      "siffror.",
                      PNR_INPUT_MAX);
  const char *s = input, *end = input + len;
  while (s < end && is_space(*s))
    s++;
  while (end > s && is_space(end[-1]))
    end--;
  if (s == end) return ORGNR_FAIL(ORGNR_ERR_EMPTY, "Organisationsnummer saknas.");

  char trimmed[PNR_INPUT_MAX + 1]; /* what pnr_parse sees on the personnummer path */
  snprintf(trimmed, sizeof trimmed, "%.*s", (int)(end - s), s);

  /* Only the digit count and digits 1–4 decide the path. pnr_parse checks a personnummer's
   * shape in full, so an odd character in a number that reads as one gets its reason. */
  char num[13];
  int nd = 0, sep_pos = -1;
  char sep = 0;
  for (const char *p = s; p < end; p++) {
    if (is_digit(*p)) {
      if (nd < 12) num[nd] = *p;
      nd++;
    } else if ((*p == '-' || *p == '+') && !sep) {
      sep = *p, sep_pos = nd;
    } else if (nd >= 3 && num[2] < '2') {
      return parse_person(trimmed, ref, out, e);
    } else if (*p == '-' || *p == '+') {
      return ORGNR_FAIL(ORGNR_ERR_SEPARATOR, "Numret har mer än ett skiljetecken.");
    } else if ((unsigned char)*p > 0x20 && (unsigned char)*p < 0x7f) {
      return ORGNR_FAIL(ORGNR_ERR_CHAR,
                        "Ett organisationsnummer får bara innehålla siffror och ett bindestreck "
                        "(det har tecknet '%c').",
                        *p);
    } else {
      return ORGNR_FAIL(ORGNR_ERR_CHAR, "Ett organisationsnummer får bara innehålla siffror och "
                                        "ett bindestreck (det har ett mellanslag eller annat "
                                        "tecken).");
    }
  }
  if (nd != 10 && nd != 12)
    return ORGNR_FAIL(ORGNR_ERR_LENGTH,
                      "Ett organisationsnummer har 10 siffror (NNNNNN-NNNN), eller 12 med 16 "
                      "först; det här har %d.",
                      nd);
  num[nd] = '\0';

  /* The path: "16" marks a legal person's twelve-digit form, 18/19/20 a person's. With ten
   * digits, 20 or more in digits 3–4 is an organisation (they never read as a month). */
  const char *ten = num + (nd - 10);
  if (nd == 12) {
    bool person_century =
        (num[0] == '1' && (num[1] == '8' || num[1] == '9')) || (num[0] == '2' && num[1] == '0');
    if (person_century) return parse_person(trimmed, ref, out, e);
    if (num[0] != '1' || num[1] != '6')
      return ORGNR_FAIL(ORGNR_ERR_PREFIX,
                        "Tolv siffror ska börja med 16 (juridisk person) eller med 18, 19 eller "
                        "20 (personnummer); de börjar med %c%c.",
                        num[0], num[1]);
    if (ten[2] < '2')
      return ORGNR_FAIL(ORGNR_ERR_PREFIX, "Efter 16 ska ett organisationsnummer följa, med 20 "
                                          "eller mer i siffra 3–4.");
  } else if (ten[2] < '2') {
    return parse_person(trimmed, ref, out, e);
  }

  if (sep == '+')
    return ORGNR_FAIL(ORGNR_ERR_SEPARATOR, "Ett organisationsnummer har inget plustecken; "
                                           "skriv NNNNNN-NNNN.");
  if (sep && sep_pos != nd - 4)
    return ORGNR_FAIL(ORGNR_ERR_SEPARATOR, "Bindestrecket står på fel plats; skriv NNNNNN-NNNN.");
  if (pnr_luhn_digit(ten, 9) != ten[9] - '0')
    return ORGNR_FAIL(ORGNR_ERR_CHECK_DIGIT,
                      "Kontrollsiffran (den sista siffran) stämmer inte med de övriga; "
                      "kontrollera att numret är rätt inskrivet.");
  const int group = ten[0] - '0';
  if (!orgnr_group_name(group))
    return ORGNR_FAIL(ORGNR_ERR_GROUP,
                      "Gruppnumret (första siffran) %d används inte i organisationsnummer "
                      "(1–3 och 5–9).",
                      group);

  out->kind = ORGNR_ORGANISATION;
  out->group = group;
  memcpy(out->orgnr, ten, 6);
  out->orgnr[6] = '-';
  memcpy(out->orgnr + 7, ten + 6, 4);
  out->orgnr[11] = '\0';
  out->orgnr12[0] = '1', out->orgnr12[1] = '6';
  memcpy(out->orgnr12 + 2, ten, 10);
  out->orgnr12[12] = '\0';
  return ORGNR_OK;
}

bool orgnr_parse(const char *input, Date reference, Orgnr *out, Err *e) {
  return orgnr_parse_ex(input, reference, out, e) == ORGNR_OK;
}

const char *orgnr_error_name(OrgnrError err) {
  switch (err) {
    case ORGNR_OK:
      return "ok";
    case ORGNR_ERR_EMPTY:
      return "empty";
    case ORGNR_ERR_TOO_LONG:
      return "too_long";
    case ORGNR_ERR_CHAR:
      return "non_digit";
    case ORGNR_ERR_SEPARATOR:
      return "bad_separator";
    case ORGNR_ERR_LENGTH:
      return "wrong_length";
    case ORGNR_ERR_PREFIX:
      return "bad_prefix";
    case ORGNR_ERR_GROUP:
      return "bad_group";
    case ORGNR_ERR_CHECK_DIGIT:
      return "bad_check_digit";
    case ORGNR_ERR_PERSON:
      return "invalid_personnummer";
  }
  return "invalid";
}
