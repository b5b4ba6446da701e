/* hours.c — personal-assistance hours (see hours.h): validates an assessment, sums its needs per
 * period kind, applies R-063 (rest), R-064 (double assistance), R-065 (other activities) and
 * R-066/R-141 (föräldraavdrag), and explains every step in Swedish with its rule.
 *
 * Units: a weekly amount within one period kind is an integer in "parts" of 1/28 minute; the
 * yearly weekly average is an integer in ticks of 1/(28 × 52) minute (hours.h). With the input
 * bounds below, no row exceeds 10080 min × 1456 ≈ 1.5·10^7 ticks and all rows together stay below
 * 2·10^10 ticks, so every product here (at most × 10^6 for display) is far inside int64.
 * Must not: do I/O, read the clock, use floating point, or allocate except from the Arena. */
#include "core/hours.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lawdata.h"

/* Buckets a weekly amount is kept in: one per need, plus meals by tube feeding (R-066: no
 * föräldraavdrag) and the second assistant's time (R-064: an other need). */
enum { BUCKET_TUBE = HOURS_NEED_COUNT, BUCKET_SECOND, NBUCKETS };

#define PARTS_PER_HOUR (HOURS_PARTS_PER_MINUTE * 60) /* 1680 */

static const struct {
  const char *code;
  const char *name;  /* at the start of a sentence */
  const char *lname; /* inside a sentence */
  bool basic;
} need_tab[HOURS_NEED_COUNT] = {
    /* the seven basic needs of 9 a § LSS, in the law's order */
    {"breathing", "Andning", "andning", true},
    {"personal_hygiene", "Personlig hygien", "personlig hygien", true},
    {"meals", "Måltider", "måltider", true},
    {"dressing", "Av- och påklädning", "av- och påklädning", true},
    {"communication", "Kommunikation med andra", "kommunikation med andra", true},
    {"mental_impairment_support", "Stöd på grund av psykisk funktionsnedsättning",
     "stöd på grund av psykisk funktionsnedsättning", true},
    {"medical_condition_support", "Stöd på grund av medicinskt tillstånd",
     "stöd på grund av medicinskt tillstånd", true},
    {"other_need", "Övriga behov", "övriga behov", false},
};

/* other municipal activities; the LSS ones carry their insats code (insats.c). */
static const struct {
  const char *code;
  const char *name;
} activity_tab[HOURS_ACTIVITY_COUNT] = {
    {"school", "skola"},
    {"childcare", "barnomsorg"},
    {"daglig_verksamhet", "daglig verksamhet"},
    {"korttidsvistelse", "korttidsvistelse"},
    {"korttidstillsyn", "korttidstillsyn"},
    {"boende_barn", "bostad med särskild service för barn (9 § 8 LSS)"},
    {"bostad_vuxna", "bostad med särskild service för vuxna (9 § 9 LSS)"},
};

const char *hours_need_code(HoursNeed n) {
  return (unsigned)n < HOURS_NEED_COUNT ? need_tab[n].code : "?";
}

const char *hours_need_name(HoursNeed n, bool tube_feeding) {
  if ((unsigned)n >= HOURS_NEED_COUNT) return "?";
  if (n == HOURS_NEED_MEALS && tube_feeding) return "Måltider (sondmatning)";
  return need_tab[n].name;
}

static const char *need_lname(HoursNeed n, bool tube_feeding) {
  if (n == HOURS_NEED_MEALS && tube_feeding) return "måltider (sondmatning)";
  return need_tab[n].lname;
}

bool hours_need_is_basic(HoursNeed n) {
  return (unsigned)n < HOURS_NEED_COUNT && need_tab[n].basic;
}

bool hours_need_from_code(const char *code, HoursNeed *out) {
  for (int i = 0; code && i < HOURS_NEED_COUNT; i++) {
    if (strcmp(code, need_tab[i].code) == 0) {
      *out = (HoursNeed)i;
      return true;
    }
  }
  return false;
}

const char *hours_need_codes_list(void) {
  return "breathing, personal_hygiene, meals, dressing, communication, mental_impairment_support, "
         "medical_condition_support, other_need";
}

const char *hours_activity_code(HoursActivity a) {
  return (unsigned)a < HOURS_ACTIVITY_COUNT ? activity_tab[a].code : "?";
}

const char *hours_activity_name(HoursActivity a) {
  return (unsigned)a < HOURS_ACTIVITY_COUNT ? activity_tab[a].name : "?";
}

bool hours_activity_from_code(const char *code, HoursActivity *out) {
  for (int i = 0; code && i < HOURS_ACTIVITY_COUNT; i++) {
    if (strcmp(code, activity_tab[i].code) == 0) {
      *out = (HoursActivity)i;
      return true;
    }
  }
  return false;
}

const char *hours_activity_codes_list(void) {
  return "school, childcare, daglig_verksamhet, korttidsvistelse, korttidstillsyn, boende_barn, "
         "bostad_vuxna";
}

/* ---- exact display ---- */

static int64_t pow10_i64(int s) {
  int64_t p = 1;
  while (s-- > 0)
    p *= 10;
  return p;
}

char *hours_format_decimal(Arena *arena, int64_t num, int64_t den, bool *exact) {
  if (den <= 0) abort(); /* a broken invariant: every caller passes a unit constant */
  const char *sign = num < 0 ? "-" : "";
  uint64_t n = num < 0 ? (uint64_t)0 - (uint64_t)num : (uint64_t)num;
  uint64_t d = (uint64_t)den;
  int scale = 2; /* when not exact: round half up to two decimals, for display only */
  bool is_exact = false;
  uint64_t v = 0;
  for (int s = 0; s <= 3 && !is_exact; s++) {
    if (n * (uint64_t)pow10_i64(s) % d == 0) {
      scale = s;
      v = n * (uint64_t)pow10_i64(s) / d;
      is_exact = true;
    }
  }
  if (!is_exact) v = (n * 200 + d) / (2 * d);
  if (exact) *exact = is_exact;
  uint64_t p = (uint64_t)pow10_i64(scale);
  if (scale == 0) return arena_printf(arena, "%s%" PRIu64, sign, v);
  return arena_printf(arena, "%s%" PRIu64 ",%0*" PRIu64, sign, v / p, scale, v % p);
}

bool hours_ticks_to_decimal(int64_t ticks, int64_t *value, int *scale) {
  bool neg = ticks < 0;
  uint64_t t = neg ? (uint64_t)0 - (uint64_t)ticks : (uint64_t)ticks;
  const uint64_t d = HOURS_TICKS_PER_HOUR;
  bool exact = false;
  uint64_t v = 0;
  int s;
  for (s = 0; s <= 6; s++) {
    if (t * (uint64_t)pow10_i64(s) % d == 0) {
      v = t * (uint64_t)pow10_i64(s) / d;
      exact = true;
      break;
    }
  }
  if (!exact) {
    s = 6;
    v = (t * 2000000 + d) / (2 * d);
  }
  *value = neg ? -(int64_t)v : (int64_t)v;
  *scale = s;
  return exact;
}

/* "= 3,5 tim" or "≈ 4,67 tim" for num/den hours. */
static const char *eq_hours(Arena *ar, int64_t num, int64_t den) {
  bool exact;
  char *v = hours_format_decimal(ar, num, den, &exact);
  return arena_printf(ar, "%s %s tim", exact ? "=" : "≈", v);
}

/* "1 gång" or "14 gånger" */
static const char *times(Arena *ar, int32_t n) {
  return arena_printf(ar, "%d %s", (int)n, n == 1 ? "gång" : "gånger");
}

static const char *hours_of_parts(Arena *ar, int64_t parts) {
  bool exact;
  char *v = hours_format_decimal(ar, parts, PARTS_PER_HOUR, &exact);
  return exact ? v : arena_printf(ar, "≈ %s", v);
}

static const char *hours_of_ticks(Arena *ar, int64_t ticks) {
  bool exact;
  char *v = hours_format_decimal(ar, ticks, HOURS_TICKS_PER_HOUR, &exact);
  return exact ? v : arena_printf(ar, "≈ %s", v);
}

/* ---- explained steps ---- */

typedef struct {
  HoursStep *v;
  size_t n, cap;
} StepList;

static void steps_add(Arena *ar, StepList *l, const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void steps_add(Arena *ar, StepList *l, const char *rule, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int len = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (len < 0) abort();
  char *body = arena_alloc(ar, (size_t)len + 1);
  vsnprintf(body, (size_t)len + 1, fmt, ap2);
  va_end(ap2);
  /* Every sentence shown to a user cites its rule: "… = 3,5 tim/vecka ." */
  if (len > 0 && body[len - 1] == '.') body[len - 1] = '\0';
  const char *text = arena_printf(ar, "%s (%s).", body, rule);
  if (l->n == l->cap) {
    size_t cap = l->cap ? 2 * l->cap : 16;
    HoursStep *v = arena_array(ar, cap, sizeof *v);
    if (l->n) memcpy(v, l->v, l->n * sizeof *v);
    l->v = v;
    l->cap = cap;
  }
  l->v[l->n++] = (HoursStep){rule, text};
}

/* ---- validation ---- */

static bool period_code_ok(const char *s) {
  size_t n = s ? strlen(s) : 0;
  if (n < 1 || n > 32) return false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

typedef struct {
  const HoursAssessment *a;
  size_t nper;          /* period kinds in use: at least 1 */
  const int32_t *weeks; /* per period kind */
  const char *const *codes;
} Periods;

/* Index of the period kind a row belongs to, or -1 for every week ("all" or absent). */
static bool period_resolve(const Periods *p, const char *code, const char *field, int *out,
                           Err *e) {
  if (!code || strcmp(code, "all") == 0) {
    *out = -1;
    return true;
  }
  for (size_t k = 0; k < p->a->nperiods; k++) {
    if (strcmp(code, p->a->periods[k].code) == 0) {
      *out = (int)k;
      return true;
    }
  }
  return err_set(e, ERR_INVALID, field, "R-061",
                 "Perioden \"%s\" finns inte i periods (ange \"all\" eller en deklarerad period).",
                 code);
}

static bool check_int(int64_t v, int64_t min, int64_t max, const char *field, const char *rule,
                      Err *e) {
  if (v < min || v > max)
    return err_set(e, ERR_INVALID, field, rule,
                   "Fältet %s måste vara mellan %" PRId64 " och %" PRId64 " (var %" PRId64 ").",
                   field, min, max, v);
  return true;
}

/* what a row may say about its need: a known need, tube feeding only for meals, a
 * description for other needs. */
static bool check_need(const char *path, HoursNeed need, bool tube, const char *description,
                       bool description_allowed, Err *e) {
  char f[96];
  if ((unsigned)need >= HOURS_NEED_COUNT) {
    snprintf(f, sizeof f, "%s.need", path);
    return err_set(e, ERR_INVALID, f, "R-060", "Okänt behov; kända behov: %s.",
                   hours_need_codes_list());
  }
  if (tube && need != HOURS_NEED_MEALS) {
    snprintf(f, sizeof f, "%s.tube_feeding", path);
    return err_set(e, ERR_INVALID, f, "R-066",
                   "Sondmatning kan bara anges för behovet meals (måltider).");
  }
  if (!description_allowed) return true;
  snprintf(f, sizeof f, "%s.description", path);
  size_t len = description ? strlen(description) : 0;
  if (need == HOURS_NEED_OTHER && len == 0)
    return err_set(e, ERR_INVALID, f, "R-061",
                   "Ett övrigt behov måste beskrivas (till exempel \"tillsyn\" eller "
                   "\"hushållssysslor\").");
  if (len > HOURS_MAX_DESCRIPTION)
    return err_set(e, ERR_INVALID, f, "", "Beskrivningen får vara högst %d tecken (byte).",
                   HOURS_MAX_DESCRIPTION);
  return true;
}

static bool check_week_total(int64_t minutes_per_week, const char *field, const char *rule,
                             Err *e) {
  if (minutes_per_week > HOURS_MINUTES_PER_WEEK)
    return err_set(e, ERR_INVALID, field, rule,
                   "Raden blir %" PRId64 " minuter per vecka; en vecka har bara %d minuter.",
                   minutes_per_week, HOURS_MINUTES_PER_WEEK);
  return true;
}

static bool validate(const HoursAssessment *a, Err *e) {
  char f[96];
  if (!date_is_set(a->assessment_date) ||
      !date_valid(a->assessment_date.y, a->assessment_date.m, a->assessment_date.d))
    return err_set(e, ERR_INVALID, "assessment_date", "",
                   "Bedömningsdatum saknas eller är ogiltigt.");
  if (!date_is_set(a->birth_date) || !date_valid(a->birth_date.y, a->birth_date.m, a->birth_date.d))
    return err_set(e, ERR_INVALID, "birth_date", "", "Födelsedatum saknas eller är ogiltigt.");
  if (date_before(a->assessment_date, a->birth_date))
    return err_set(e, ERR_INVALID, "birth_date", "",
                   "Födelsedatum kan inte vara efter bedömningsdatum.");
  if (a->nperiods > HOURS_MAX_PERIODS)
    return err_set(e, ERR_INVALID, "periods", "", "Högst %d perioder.", HOURS_MAX_PERIODS);
  if (a->nneeds > HOURS_MAX_ROWS || a->nrest > HOURS_MAX_ROWS || a->ndeductions > HOURS_MAX_ROWS)
    return err_set(e, ERR_INVALID,
                   a->nneeds > HOURS_MAX_ROWS  ? "needs"
                   : a->nrest > HOURS_MAX_ROWS ? "rest"
                                               : "deductions",
                   "", "Högst %d rader per lista.", HOURS_MAX_ROWS);

  /* the period kinds divide one year of exactly 52 weeks, so the weekly average weighs
   * each kind by its share of the year and nothing is counted twice or left out. */
  int64_t weeks = 0;
  for (size_t k = 0; k < a->nperiods; k++) {
    const HoursPeriod *p = &a->periods[k];
    snprintf(f, sizeof f, "periods[%zu].period", k);
    if (!period_code_ok(p->code) || strcmp(p->code, "all") == 0)
      return err_set(e, ERR_INVALID, f, "",
                     "En period heter 1–32 tecken a–z, 0–9 eller _ och får inte heta \"all\".");
    for (size_t j = 0; j < k; j++)
      if (strcmp(a->periods[j].code, p->code) == 0)
        return err_set(e, ERR_INVALID, f, "", "Perioden \"%s\" finns redan.", p->code);
    snprintf(f, sizeof f, "periods[%zu].weeks", k);
    if (!check_int(p->weeks, 1, HOURS_WEEKS_PER_YEAR, f, "R-061", e)) return false;
    weeks += p->weeks;
  }
  if (a->nperiods > 0 && weeks != HOURS_WEEKS_PER_YEAR)
    return err_set(e, ERR_INVALID, "periods", "R-061",
                   "Periodernas veckor ska tillsammans bli %d (ett år); de blir %" PRId64 ".",
                   HOURS_WEEKS_PER_YEAR, weeks);

  bool second = false;
  for (size_t i = 0; i < a->nneeds; i++) {
    const HoursNeedRow *r = &a->needs[i];
    char path[48];
    snprintf(path, sizeof path, "needs[%zu]", i);
    if (!check_need(path, r->need, r->tube_feeding, r->description, true, e)) return false;
    snprintf(f, sizeof f, "%s.minutes", path);
    if (!check_int(r->minutes, 1, HOURS_MAX_MINUTES, f, "R-061", e)) return false;
    snprintf(f, sizeof f, "%s.per_week", path);
    if (!check_int(r->per_week, 0, HOURS_MAX_PER_WEEK, f, "R-061", e)) return false;
    if (!check_week_total((int64_t)r->minutes * r->per_week, f, "R-061", e)) return false;
    snprintf(f, sizeof f, "%s.second_assistant_minutes", path);
    /* only the actual time a second assistant is needed, so never more than the help */
    if (!check_int(r->second_assistant_minutes, 0, r->minutes, f, "R-064", e)) return false;
    if (r->second_assistant_minutes > 0) second = true;
  }
  for (size_t i = 0; i < a->nrest; i++) {
    const HoursRestRow *r = &a->rest[i];
    char path[48];
    snprintf(path, sizeof path, "rest[%zu]", i);
    if (!check_need(path, r->need, r->tube_feeding, r->description, true, e)) return false;
    snprintf(f, sizeof f, "%s.active_minutes", path);
    if (!check_int(r->active_minutes, 0, HOURS_MAX_MINUTES, f, "R-063", e)) return false;
    snprintf(f, sizeof f, "%s.waiting_minutes", path);
    if (!check_int(r->waiting_minutes, 0, HOURS_MAX_MINUTES, f, "R-063", e)) return false;
    snprintf(f, sizeof f, "%s.on_call_minutes", path);
    if (!check_int(r->on_call_minutes, 0, HOURS_MAX_MINUTES, f, "R-063", e)) return false;
    int64_t occasion = (int64_t)r->active_minutes + r->waiting_minutes + r->on_call_minutes;
    if (occasion < 1 || occasion > HOURS_MAX_MINUTES)
      return err_set(e, ERR_INVALID, path, "R-063",
                     "Aktiv tid, väntetid och beredskap ska tillsammans vara 1–%d minuter per "
                     "tillfälle (var %" PRId64 ").",
                     HOURS_MAX_MINUTES, occasion);
    snprintf(f, sizeof f, "%s.per_week", path);
    if (!check_int(r->per_week, 0, HOURS_MAX_PER_WEEK, f, "R-063", e)) return false;
    if (!check_week_total(occasion * r->per_week, f, "R-063", e)) return false;
  }
  for (size_t i = 0; i < a->ndeductions; i++) {
    const HoursDeductionRow *r = &a->deductions[i];
    char path[48];
    snprintf(path, sizeof path, "deductions[%zu]", i);
    if ((unsigned)r->activity >= HOURS_ACTIVITY_COUNT) {
      snprintf(f, sizeof f, "%s.activity", path);
      return err_set(e, ERR_INVALID, f, "R-065", "Okänd verksamhet; kända: %s.",
                     hours_activity_codes_list());
    }
    if (!check_need(path, r->need, r->tube_feeding, NULL, false, e)) return false;
    snprintf(f, sizeof f, "%s.minutes", path);
    if (!check_int(r->minutes, 1, HOURS_MAX_MINUTES, f, "R-065", e)) return false;
    snprintf(f, sizeof f, "%s.per_week", path);
    if (!check_int(r->per_week, 0, HOURS_MAX_PER_WEEK, f, "R-065", e)) return false;
    if (!check_week_total((int64_t)r->minutes * r->per_week, f, "R-065", e)) return false;
  }
  /* two assistants at once only when housing adaptation and aids have been investigated */
  if (second && !a->aids_investigated)
    return err_set(e, ERR_RULE, "aids_investigated", "R-064",
                   "Dubbel assistans kan bara räknas när möjligheterna till "
                   "bostadsanpassningsbidrag och hjälpmedel har utretts; ange aids_investigated: "
                   "true när utredningen finns.");
  return true;
}

/* ---- computation ---- */

static int bucket_of(HoursNeed need, bool tube) {
  return need == HOURS_NEED_MEALS && tube ? BUCKET_TUBE : (int)need;
}

static bool bucket_is_basic(int b) {
  return b == BUCKET_TUBE || (b < HOURS_NEED_COUNT && need_tab[b].basic);
}

/* " under perioden school (39 av 52 veckor)", or for every week " alla veckor" (or nothing
 * when the assessment declares no periods). */
static const char *period_phrase(Arena *ar, const Periods *p, int k) {
  if (k < 0) return p->a->nperiods > 0 ? " alla veckor" : "";
  return arena_printf(ar, " under perioden %s (%d av %d veckor)", p->codes[k], (int)p->weeks[k],
                      HOURS_WEEKS_PER_YEAR);
}

static const char *row_name(Arena *ar, HoursNeed need, bool tube, const char *description) {
  if (description && *description)
    return arena_printf(ar, "%s – %s", hours_need_name(need, tube), description);
  return hours_need_name(need, tube);
}

/* Adds `parts` to bucket b in period k, or in every period when k < 0. */
static void add_parts(int64_t *u, const Periods *p, int k, int b, int64_t parts) {
  for (size_t j = 0; j < p->nper; j++)
    if (k < 0 || (size_t)k == j) u[j * NBUCKETS + (size_t)b] += parts;
}

/* The weekly average over the year of one category, with the formula when periods differ. */
static void explain_average(Arena *ar, StepList *steps, const Periods *p, const int64_t *u,
                            bool basic, int64_t avg_ticks) {
  const char *label = basic ? "Grundläggande behov" : "Övriga behov";
  if (p->a->nperiods < 2) {
    steps_add(ar, steps, "R-061", "%s: %s tim/vecka.", label, hours_of_ticks(ar, avg_ticks));
    return;
  }
  const char *formula = "";
  for (size_t k = 0; k < p->nper; k++) {
    int64_t parts = 0;
    for (int b = 0; b < NBUCKETS; b++)
      if (bucket_is_basic(b) == basic) parts += u[k * NBUCKETS + (size_t)b];
    formula = arena_printf(ar, "%s%s%d v × %s tim", formula, k ? " + " : "", (int)p->weeks[k],
                           hours_of_parts(ar, parts));
  }
  steps_add(ar, steps, "R-061", "%s i genomsnitt per vecka: (%s) / %d v %s/vecka.", label, formula,
            HOURS_WEEKS_PER_YEAR, eq_hours(ar, avg_ticks, HOURS_TICKS_PER_HOUR));
}

bool hours_compute(const HoursAssessment *a, Arena *ar, HoursResult *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (!validate(a, e)) return false;

  /* The period kinds in use; none declared = one kind covering all 52 weeks. */
  static const int32_t all_weeks[1] = {HOURS_WEEKS_PER_YEAR};
  static const char *const all_codes[1] = {"all"};
  Periods p = {a, a->nperiods ? a->nperiods : 1, all_weeks, all_codes};
  if (a->nperiods) {
    int32_t *w = arena_array(ar, a->nperiods, sizeof *w);
    const char **c = arena_array(ar, a->nperiods, sizeof *c);
    for (size_t k = 0; k < a->nperiods; k++)
      w[k] = a->periods[k].weeks, c[k] = a->periods[k].code;
    p.weeks = w;
    p.codes = c;
  }
  int64_t *u = arena_array(ar, p.nper * NBUCKETS, sizeof *u); /* parts per week, zeroed */
  StepList steps = {0}, warnings = {0};

  if (a->nperiods) {
    const char *list = "";
    for (size_t k = 0; k < a->nperiods; k++)
      list = arena_printf(ar, "%s%s%s %d veckor", list, k ? ", " : "", p.codes[k], (int)p.weeks[k]);
    steps_add(ar, &steps, "R-061",
              "Året räknas som %d veckor: %s; varje period vägs efter sitt antal veckor.",
              HOURS_WEEKS_PER_YEAR, list);
  }

  /* minutes per occasion × occasions per week, for the help the person cannot manage
   * alone (the rows hold only that help). */
  for (size_t i = 0; i < a->nneeds; i++) {
    const HoursNeedRow *r = &a->needs[i];
    char f[48];
    int k;
    snprintf(f, sizeof f, "needs[%zu].period", i);
    if (!period_resolve(&p, r->period, f, &k, e)) return false;
    int64_t min = (int64_t)r->minutes * r->per_week;
    add_parts(u, &p, k, bucket_of(r->need, r->tube_feeding), min * HOURS_PARTS_PER_MINUTE);
    steps_add(ar, &steps, "R-061", "%s: %d min × %s/vecka = %" PRId64 " min %s/vecka%s.",
              row_name(ar, r->need, r->tube_feeding, r->description), (int)r->minutes,
              times(ar, r->per_week), min, eq_hours(ar, min, 60), period_phrase(ar, &p, k));
    if (r->second_assistant_minutes > 0) {
      /* only the second assistant's actual time, as an other need */
      int64_t smin = (int64_t)r->second_assistant_minutes * r->per_week;
      add_parts(u, &p, k, BUCKET_SECOND, smin * HOURS_PARTS_PER_MINUTE);
      steps_add(ar, &steps, "R-064",
                "Dubbel assistans vid %s: den andra assistentens faktiska tid %d min × "
                "%s/vecka = %" PRId64 " min %s/vecka%s räknas som övrigt behov, aldrig som "
                "grundläggande behov.",
                need_lname(r->need, r->tube_feeding), (int)r->second_assistant_minutes,
                times(ar, r->per_week), smin, eq_hours(ar, smin, 60), period_phrase(ar, &p, k));
    }
  }

  /* during dygnsvila active time counts in full, waiting time 1/4, on-call time 1/7;
   * in parts of 1/28 minute these are × 28, × 7 and × 4 — exact. */
  for (size_t i = 0; i < a->nrest; i++) {
    const HoursRestRow *r = &a->rest[i];
    char f[48];
    int k;
    snprintf(f, sizeof f, "rest[%zu].period", i);
    if (!period_resolve(&p, r->period, f, &k, e)) return false;
    int64_t occ = (int64_t)r->active_minutes * 28 + (int64_t)r->waiting_minutes * 7 +
                  (int64_t)r->on_call_minutes * 4;
    int64_t week = occ * r->per_week;
    add_parts(u, &p, k, bucket_of(r->need, r->tube_feeding), week);
    const char *terms = "";
    if (r->active_minutes) terms = arena_printf(ar, "aktiv tid %d min", (int)r->active_minutes);
    if (r->waiting_minutes)
      terms = arena_printf(ar, "%s%sväntetid %d min × 1/4", terms, *terms ? " + " : "",
                           (int)r->waiting_minutes);
    if (r->on_call_minutes)
      terms = arena_printf(ar, "%s%sberedskap %d min × 1/7", terms, *terms ? " + " : "",
                           (int)r->on_call_minutes);
    bool ex;
    const char *occ_min = hours_format_decimal(ar, occ, HOURS_PARTS_PER_MINUTE, &ex);
    steps_add(ar, &steps, "R-063",
              "Dygnsvila, %s: %s %s %s min (%s tim) per tillfälle; × %s/vecka %s/vecka%s.",
              need_lname(r->need, r->tube_feeding), terms, ex ? "=" : "≈", occ_min,
              hours_of_parts(ar, occ), times(ar, r->per_week), eq_hours(ar, week, PARTS_PER_HOUR),
              period_phrase(ar, &p, k));
  }

  /* flag a period whose help (one assistant) exceeds the week: time counted twice. */
  for (size_t k = 0; k < p.nper; k++) {
    int64_t parts = 0;
    for (int b = 0; b < BUCKET_SECOND; b++)
      parts += u[k * NBUCKETS + (size_t)b];
    if (parts > (int64_t)HOURS_MINUTES_PER_WEEK * HOURS_PARTS_PER_MINUTE)
      steps_add(ar, &warnings, "R-061",
                "Behoven%s blir %s tim/vecka, mer än veckans 168 timmar; kontrollera att ingen "
                "tid räknats två gånger.",
                a->nperiods ? arena_printf(ar, " under perioden %s", p.codes[k]) : "",
                hours_of_parts(ar, parts));
  }

  /* no personal assistance during other municipal activities; the time is deducted
   * from the need whose help the activity gives, in the periods it occurs, never below zero. */
  for (size_t i = 0; i < a->ndeductions; i++) {
    const HoursDeductionRow *r = &a->deductions[i];
    char f[48];
    int k;
    snprintf(f, sizeof f, "deductions[%zu].period", i);
    if (!period_resolve(&p, r->period, f, &k, e)) return false;
    int b = bucket_of(r->need, r->tube_feeding);
    int64_t min = (int64_t)r->minutes * r->per_week;
    int64_t want = min * HOURS_PARTS_PER_MINUTE;
    steps_add(ar, &steps, "R-065",
              "Avdrag för %s: %d min × %s/vecka = %" PRId64 " min %s/vecka från %s%s.",
              hours_activity_name(r->activity), (int)r->minutes, times(ar, r->per_week), min,
              eq_hours(ar, min, 60), need_lname(r->need, r->tube_feeding),
              period_phrase(ar, &p, k));
    for (size_t j = 0; j < p.nper; j++) {
      if (k >= 0 && (size_t)k != j) continue;
      int64_t *cell = &u[j * NBUCKETS + (size_t)b];
      int64_t take = want < *cell ? want : *cell;
      if (take < want) {
        const char *where = a->nperiods ? arena_printf(ar, " under perioden %s", p.codes[j]) : "";
        const char *text = arena_printf(
            ar,
            "Avdraget för %s begränsas%s till %s tim/vecka (i stället för %s) eftersom det "
            "inte finns mer tid för %s; tiden blir inte negativ.",
            hours_activity_name(r->activity), where, hours_of_parts(ar, take),
            hours_of_parts(ar, want), need_lname(r->need, r->tube_feeding));
        steps_add(ar, &steps, "R-065", "%s", text);
        steps_add(ar, &warnings, "R-065", "%s", text);
      }
      *cell -= take;
    }
  }

  /* The weekly average over the year: Σ weeks_k × parts_k is already in ticks of
   * 1/(28 × 52) minute, so no division happens at all. */
  int64_t avg[NBUCKETS] = {0};
  for (size_t k = 0; k < p.nper; k++)
    for (int b = 0; b < NBUCKETS; b++)
      avg[b] += (int64_t)p.weeks[k] * u[k * NBUCKETS + (size_t)b];

  int64_t basic = 0, other = 0;
  for (int b = 0; b < NBUCKETS; b++) {
    if (bucket_is_basic(b))
      basic += avg[b];
    else
      other += avg[b];
  }
  for (int n = 0; n < HOURS_NEED_COUNT; n++)
    out->need_ticks[n] = avg[n];
  out->need_ticks[HOURS_NEED_MEALS] += avg[BUCKET_TUBE];
  out->tube_feeding_ticks = avg[BUCKET_TUBE];
  out->second_assistant_ticks = avg[BUCKET_SECOND];
  out->basic_before_parent_ticks = basic;
  out->other_before_parent_ticks = other;
  explain_average(ar, &steps, &p, u, true, basic);
  explain_average(ar, &steps, &p, u, false, other);

  /* personal assistance presupposes help with several basic needs. Whether the person
   * qualifies is the decision's question, not arithmetic, so this is a warning, not a refusal. */
  const char *kinds = "";
  for (int n = 0; n < HOURS_NEED_COUNT; n++) {
    if (!need_tab[n].basic || out->need_ticks[n] <= 0) continue;
    kinds = arena_printf(ar, "%s%s%s", kinds, out->basic_need_kinds ? ", " : "", need_tab[n].lname);
    out->basic_need_kinds++;
  }
  out->several_basic_needs = out->basic_need_kinds >= 2;
  steps_add(ar, &steps, "R-060", "Grundläggande behov med tid: %d (%s).", out->basic_need_kinds,
            out->basic_need_kinds ? kinds : "inga");
  if (!out->several_basic_needs)
    steps_add(ar, &warnings, "R-060",
              "Tid finns för %d grundläggande behov. Personlig assistans förutsätter hjälp med "
              "flera grundläggande behov (9 a § LSS); pröva rätten till insatsen innan timmar "
              "beviljas.",
              out->basic_need_kinds);

  /* föräldraavdrag for a child, by age on the assessment date, per day × 7. */
  out->age = date_age_on(a->birth_date, a->assessment_date);
  char dbuf[DATE_STRLEN];
  date_format(a->assessment_date, dbuf);
  int64_t pb = 0, po = 0;
  if (out->age >= 18) {
    steps_add(ar, &steps, "R-066",
              "Den enskilde är %d år den %s; föräldraavdrag görs bara för barn under 18 år.",
              out->age, dbuf);
  } else {
    ParentDeduction pd;
    if (!lawdata_parent_deduction(a->assessment_date, out->age, &pd))
      return err_set(e, ERR_RULE, "assessment_date", "R-141",
                     "Föräldraavdrag enligt schablon finns från 2023-01-01; för ett barn som "
                     "bedöms före det datumet måste föräldraansvaret bedömas individuellt.");
    out->parent_deduction_applies = true;
    out->age_band = pd.age_band;
    char vbuf[DATE_STRLEN];
    date_format(pd.valid_from, vbuf);
    int64_t want_b = (int64_t)pd.basic_min * 7 * HOURS_TICKS_PER_MINUTE;
    int64_t want_o = (int64_t)pd.other_min * 7 * HOURS_TICKS_PER_MINUTE;
    steps_add(ar, &steps, "R-141",
              "Föräldraavdrag (9 f § LSS): barnet är %d år den %s (%s, tabell från %s): "
              "grundläggande behov %s tim/dag × 7 %s/vecka, övriga behov %s tim/dag × 7 "
              "%s/vecka.",
              out->age, dbuf, pd.age_band, vbuf,
              hours_of_ticks(ar, (int64_t)pd.basic_min * HOURS_TICKS_PER_MINUTE),
              eq_hours(ar, want_b, HOURS_TICKS_PER_HOUR),
              hours_of_ticks(ar, (int64_t)pd.other_min * HOURS_TICKS_PER_MINUTE),
              eq_hours(ar, want_o, HOURS_TICKS_PER_HOUR));
    /* no deduction against help with breathing or tube feeding */
    int64_t excluded = avg[HOURS_NEED_BREATHING] + avg[BUCKET_TUBE];
    int64_t pool = basic - excluded;
    if (excluded > 0 && want_b > 0)
      steps_add(ar, &steps, "R-066",
                "Inget föräldraavdrag för andning och sondmatning: %s tim/vecka undantas, "
                "avdraget görs mot %s tim/vecka.",
                hours_of_ticks(ar, excluded), hours_of_ticks(ar, pool));
    /* the deduction never makes a category negative */
    pb = want_b < pool ? want_b : pool;
    po = want_o < other ? want_o : other;
    if (pb < want_b)
      steps_add(ar, &steps, "R-141",
                "Föräldraavdraget på grundläggande behov begränsas till %s tim/vecka så att "
                "behovet inte blir negativt.",
                hours_of_ticks(ar, pb));
    if (po < want_o)
      steps_add(ar, &steps, "R-141",
                "Föräldraavdraget på övriga behov begränsas till %s tim/vecka så att behovet "
                "inte blir negativt.",
                hours_of_ticks(ar, po));
    steps_add(ar, &steps, "R-066",
              "Efter föräldraavdrag: grundläggande behov %s − %s %s/vecka; övriga behov %s − %s "
              "%s/vecka.",
              hours_of_ticks(ar, basic), hours_of_ticks(ar, pb),
              eq_hours(ar, basic - pb, HOURS_TICKS_PER_HOUR), hours_of_ticks(ar, other),
              hours_of_ticks(ar, po), eq_hours(ar, other - po, HOURS_TICKS_PER_HOUR));
  }
  out->parent_basic_ticks = pb;
  out->parent_other_ticks = po;
  out->basic_ticks = basic - pb;
  out->other_ticks = other - po;
  out->total_ticks = out->basic_ticks + out->other_ticks;
  steps_add(ar, &steps, "R-061",
            "Summa: grundläggande behov %s tim/vecka + övriga behov %s tim/vecka %s/vecka.",
            hours_of_ticks(ar, out->basic_ticks), hours_of_ticks(ar, out->other_ticks),
            eq_hours(ar, out->total_ticks, HOURS_TICKS_PER_HOUR));

  /* basic needs strictly over 20 h/week on average → notify FK (15 § 8 LSS). */
  out->fk_notice_required = out->basic_ticks > (int64_t)HOURS_FK_LIMIT_HOURS * HOURS_TICKS_PER_HOUR;
  if (out->fk_notice_required)
    steps_add(ar, &steps, "R-110",
              "Grundläggande behov %s tim/vecka överstiger %d tim/vecka i genomsnitt: kommunen "
              "anmäler till Försäkringskassan (blankett 3078, 15 § 8 LSS) och verkställer sitt "
              "beslut medan Försäkringskassan prövar assistansersättning.",
              hours_of_ticks(ar, out->basic_ticks), HOURS_FK_LIMIT_HOURS);
  else
    steps_add(ar, &steps, "R-110",
              "Grundläggande behov %s tim/vecka överstiger inte %d tim/vecka i genomsnitt: "
              "ingen anmälan till Försäkringskassan (15 § 8 LSS).",
              hours_of_ticks(ar, out->basic_ticks), HOURS_FK_LIMIT_HOURS);

  out->steps = steps.v;
  out->nsteps = steps.n;
  out->warnings = warnings.v;
  out->nwarnings = warnings.n;
  return true;
}
