/* page_assessment.c — the assistance assessment of personal assistance (R-060–,
 * rows of needs, help during dygnsvila and deductions for other activities, the
 * year's period kinds, the assessment and birth dates and whether aids were investigated.
 *
 * The form becomes the assessment document of docs/cli/hours.md (empty rows left out, the rows
 * shown again without gaps so that "needs[2]" in an error is the third row on the page). "Spara"
 * gives it to svc_assistance_assess, which recomputes the hours with core and stores them;
 * "Beräkna" reads the same document with hours_input_parse and computes it with core's
 * hours_compute without saving — the result without JavaScript. hours.js shows a preliminary
 * total while the user types; the server's result is the one that counts.
 * Must not: compute hours itself (core does) or store anything on "Beräkna". */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "base/text.h"
#include "core/hours.h"
#include "service/hours_input.h"
#include "web/investigation_internal.h"

/* ---- the form's tables ---- */

typedef enum { COL_NEED, COL_ACTIVITY, COL_TEXT, COL_INT, COL_PERIOD } ColKind;

typedef struct {
  const char *key;   /* the document's field: "minutes" */
  const char *label; /* the column header */
  ColKind kind;
} Col;

typedef struct {
  const char *list; /* "needs" */
  const Col *cols;
  size_t ncols;
  size_t min_rows, max_rows;
  const char *rule; /* of the row checks made here */
} Table;

static const Col need_cols[] = {
    {"need", "Behov", COL_NEED},
    {"description", "Beskrivning", COL_TEXT},
    {"minutes", "Minuter per tillfälle", COL_INT},
    {"per_week", "Tillfällen per vecka", COL_INT},
    {"second_assistant_minutes", "Dubbel assistans: den andra assistentens minuter", COL_INT},
    {"period", "Period", COL_PERIOD},
};
static const Col rest_cols[] = {
    {"need", "Behov som hjälpen hör till", COL_NEED},
    {"description", "Beskrivning", COL_TEXT},
    {"active_minutes", "Aktiv tid, minuter", COL_INT},
    {"waiting_minutes", "Väntetid, minuter (räknas till 1/4)", COL_INT},
    {"on_call_minutes", "Beredskap, minuter (räknas till 1/7)", COL_INT},
    {"per_week", "Tillfällen (nätter) per vecka", COL_INT},
    {"period", "Period", COL_PERIOD},
};
static const Col deduction_cols[] = {
    {"activity", "Verksamhet", COL_ACTIVITY},
    {"need", "Behov som verksamheten tillgodoser i stället", COL_NEED},
    {"minutes", "Minuter per tillfälle", COL_INT},
    {"per_week", "Tillfällen per vecka", COL_INT},
    {"period", "Period", COL_PERIOD},
};

enum { T_NEEDS, T_REST, T_DEDUCTIONS, NTABLES };
/* Row caps keep the form inside the transport's 1000 fields. */
static const Table tables[NTABLES] = {
    {"needs", need_cols, sizeof need_cols / sizeof need_cols[0], 10, 60, "R-061"},
    {"rest", rest_cols, sizeof rest_cols / sizeof rest_cols[0], 3, 20, "R-063"},
    {"deductions", deduction_cols, sizeof deduction_cols / sizeof deduction_cols[0], 4, 20,
     "R-065"},
};
#define PERIOD_ROWS_MIN 4
#define PERIOD_ROWS_MAX HOURS_MAX_PERIODS
#define ROWS_MORE 5

typedef struct {
  const char **v; /* nrows × ncols values as typed */
  size_t nrows;   /* rows shown */
  size_t nfilled; /* the first nfilled rows are not empty */
} Rows;

typedef struct {
  Rows rows[NTABLES];
  const char *period_name[PERIOD_ROWS_MAX], *period_weeks[PERIOD_ROWS_MAX];
  size_t nperiods; /* period rows shown */
  /* document index of a declared period → its row on the form */
  size_t period_row[PERIOD_ROWS_MAX];
  size_t ndeclared;
} Model;

static const char *cell(const Model *m, int t, size_t r, size_t c) {
  return m->rows[t].v[r * tables[t].ncols + c];
}

static size_t max_z(size_t a, size_t b) {
  return a > b ? a : b;
}
static size_t min_z(size_t a, size_t b) {
  return a < b ? a : b;
}

/* The need select: core's codes and names; tube feeding is its own choice. */
static const char *need_choice_code(HoursNeed n, bool tube) {
  return n == HOURS_NEED_MEALS && tube ? "meals_tube" : hours_need_code(n);
}

static bool need_from_choice(const char *v, HoursNeed *n, bool *tube) {
  *tube = strcmp(v, "meals_tube") == 0;
  if (*tube) {
    *n = HOURS_NEED_MEALS;
    return true;
  }
  return hours_need_from_code(v, n);
}

static void alloc_rows(Arena *a, Model *m, int t, size_t nrows) {
  m->rows[t].nrows = nrows;
  m->rows[t].v = arena_array(a, nrows * tables[t].ncols + 1, sizeof(char *));
  for (size_t i = 0; i < nrows * tables[t].ncols; i++)
    m->rows[t].v[i] = "";
}

/* The rows as posted, the filled ones first (empty rows are ignored). */
static void model_from_post(HttpReq *req, Model *m, bool more) {
  memset(m, 0, sizeof *m);
  for (int t = 0; t < NTABLES; t++) {
    const Table *tb = &tables[t];
    /* a browser posts every row; a missing one (a hand-made request) is an empty row */
    size_t posted = 0;
    for (size_t r = 0; r < tb->max_rows; r++)
      for (size_t c = 0; c < tb->ncols; c++)
        if (http_form(req, arena_printf(req->arena, "%s[%zu].%s", tb->list, r, tb->cols[c].key)))
          posted = r + 1;
    size_t shown = max_z(tb->min_rows, posted);
    if (more && t == T_NEEDS) shown += ROWS_MORE;
    shown = min_z(shown, tb->max_rows);
    alloc_rows(req->arena, m, t, shown);
    size_t k = 0;
    for (size_t r = 0; r < posted && k < shown; r++) {
      bool empty = true;
      const char **dst = &m->rows[t].v[k * tb->ncols];
      for (size_t c = 0; c < tb->ncols; c++) {
        dst[c] =
            form_get(req, arena_printf(req->arena, "%s[%zu].%s", tb->list, r, tb->cols[c].key));
        if (tb->cols[c].kind != COL_PERIOD && *dst[c]) empty = false;
      }
      if (!empty) k++;
    }
    for (size_t i = k * tb->ncols; i < shown * tb->ncols; i++)
      m->rows[t].v[i] = "";
    m->rows[t].nfilled = k;
  }
  size_t np = 0;
  for (size_t k = 0; k < PERIOD_ROWS_MAX; k++)
    if (http_form(req, arena_printf(req->arena, "periods[%zu].period", k)) ||
        http_form(req, arena_printf(req->arena, "periods[%zu].weeks", k)))
      np = k + 1;
  m->nperiods = max_z(PERIOD_ROWS_MIN, np);
  for (size_t k = 0; k < m->nperiods; k++) {
    m->period_name[k] = form_get(req, arena_printf(req->arena, "periods[%zu].period", k));
    m->period_weeks[k] = form_get(req, arena_printf(req->arena, "periods[%zu].weeks", k));
  }
}

static void model_fresh(Arena *a, Model *m) {
  memset(m, 0, sizeof *m);
  for (int t = 0; t < NTABLES; t++)
    alloc_rows(a, m, t, tables[t].min_rows);
  m->nperiods = PERIOD_ROWS_MIN;
  for (size_t k = 0; k < m->nperiods; k++)
    m->period_name[k] = m->period_weeks[k] = "";
  /* the usual split of a child's year; used only when weeks are filled in */
  m->period_name[0] = "skolveckor";
  m->period_name[1] = "lovveckor";
}

static const char *num(Arena *a, int64_t v) {
  return arena_printf(a, "%lld", (long long)v);
}

static const char *period_ref(Arena *a, const HoursAssessment *h, const char *code) {
  if (!code || strcmp(code, "all") == 0) return "all";
  for (size_t k = 0; k < h->nperiods; k++)
    if (strcmp(h->periods[k].code, code) == 0) return num(a, (int64_t)k + 1);
  return "all";
}

static const char *dup(Arena *a, const char *s) {
  return arena_strdup(a, s ? s : "");
}

/* The rows of a stored assessment (strings copied out of the parsed document). */
static void model_from_stored(Arena *a, Model *m, const HoursAssessment *h) {
  memset(m, 0, sizeof *m);
  size_t n[NTABLES] = {h->nneeds, h->nrest, h->ndeductions};
  for (int t = 0; t < NTABLES; t++)
    alloc_rows(a, m, t,
               min_z(max_z(tables[t].min_rows, n[t] + 2), max_z(tables[t].max_rows, n[t])));
  for (size_t i = 0; i < h->nneeds; i++) {
    const HoursNeedRow *r = &h->needs[i];
    const char **v = &m->rows[T_NEEDS].v[i * tables[T_NEEDS].ncols];
    v[0] = need_choice_code(r->need, r->tube_feeding);
    v[1] = dup(a, r->description);
    v[2] = num(a, r->minutes);
    v[3] = num(a, r->per_week);
    v[4] = r->second_assistant_minutes ? num(a, r->second_assistant_minutes) : "";
    v[5] = period_ref(a, h, r->period);
  }
  for (size_t i = 0; i < h->nrest; i++) {
    const HoursRestRow *r = &h->rest[i];
    const char **v = &m->rows[T_REST].v[i * tables[T_REST].ncols];
    v[0] = need_choice_code(r->need, r->tube_feeding);
    v[1] = dup(a, r->description);
    v[2] = r->active_minutes ? num(a, r->active_minutes) : "";
    v[3] = r->waiting_minutes ? num(a, r->waiting_minutes) : "";
    v[4] = r->on_call_minutes ? num(a, r->on_call_minutes) : "";
    v[5] = num(a, r->per_week);
    v[6] = period_ref(a, h, r->period);
  }
  for (size_t i = 0; i < h->ndeductions; i++) {
    const HoursDeductionRow *r = &h->deductions[i];
    const char **v = &m->rows[T_DEDUCTIONS].v[i * tables[T_DEDUCTIONS].ncols];
    v[0] = hours_activity_code(r->activity);
    v[1] = need_choice_code(r->need, r->tube_feeding);
    v[2] = num(a, r->minutes);
    v[3] = num(a, r->per_week);
    v[4] = period_ref(a, h, r->period);
  }
  m->rows[T_NEEDS].nfilled = h->nneeds;
  m->rows[T_REST].nfilled = h->nrest;
  m->rows[T_DEDUCTIONS].nfilled = h->ndeductions;
  m->nperiods = min_z(max_z(PERIOD_ROWS_MIN, h->nperiods), PERIOD_ROWS_MAX);
  for (size_t k = 0; k < m->nperiods; k++) {
    m->period_name[k] = k < h->nperiods ? dup(a, h->periods[k].code) : "";
    m->period_weeks[k] = k < h->nperiods ? num(a, h->periods[k].weeks) : "";
  }
}

/* ---- the form → the assessment document ---- */

/* A period's name as a document code: a–z, 0–9 and _ (å, ä → a, ö → o, é → e). */
static bool period_code(Arena *a, const char *name, const char **out) {
  char buf[64];
  size_t w = 0;
  bool gap = false;
  for (const unsigned char *p = (const unsigned char *)name; *p && w < sizeof buf - 2;) {
    char c = 0;
    if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
      c = (char)*p;
    else if (*p >= 'A' && *p <= 'Z')
      c = (char)(*p - 'A' + 'a');
    else if (p[0] == 0xc3 && p[1]) {
      unsigned char x = p[1];
      if (x == 0xa5 || x == 0xa4 || x == 0x85 || x == 0x84)
        c = 'a'; /* å ä Å Ä */
      else if (x == 0xb6 || x == 0x96)
        c = 'o'; /* ö Ö */
      else if (x == 0xa9 || x == 0x89)
        c = 'e'; /* é É */
      else if (x == 0xbc || x == 0x9c)
        c = 'u'; /* ü Ü */
      p++;
    }
    p++;
    if (c) {
      if (gap && w > 0) buf[w++] = '_';
      buf[w++] = c;
      gap = false;
    } else {
      gap = true;
    }
  }
  buf[w] = '\0';
  if (w == 0 || w > 32 || strcmp(buf, "all") == 0) return false;
  *out = arena_strdup(a, buf);
  return true;
}

/* An integer cell: "" is absent (an error when required); otherwise a whole number in range. */
static bool int_cell(const char *v, const char *field, const char *what, size_t row, int64_t min,
                     int64_t max, bool required, const char *rule, int64_t *out, bool *given,
                     Err *e) {
  *given = false;
  while (*v == ' ')
    v++;
  if (!*v) {
    if (required) return err_set(e, ERR_INVALID, field, rule, "Ange %s på rad %zu.", what, row);
    return true;
  }
  int64_t x = 0;
  const char *p = v;
  bool neg = *p == '-';
  if (neg) p++;
  size_t digits = 0;
  for (; *p >= '0' && *p <= '9' && digits < 10; p++, digits++)
    x = x * 10 + (*p - '0');
  while (*p == ' ')
    p++;
  if (neg) x = -x;
  if (digits == 0 || *p || x < min || x > max)
    return err_set(e, ERR_INVALID, field, rule, "%s på rad %zu ska vara ett heltal %lld–%lld.",
                   what, row, (long long)min, (long long)max);
  *out = x;
  *given = true;
  return true;
}

static const char *field_name(Arena *a, int t, size_t r, const char *key) {
  return arena_printf(a, "%s[%zu].%s", tables[t].list, r, key);
}

/* The period a row belongs to: "all", or a declared period row ("1"…) → its code. */
static bool row_period(Arena *a, const Model *m, const char *const *codes, int t, size_t r,
                       const char *v, const char **code, Err *e) {
  *code = NULL;
  if (!*v || strcmp(v, "all") == 0) return true;
  const char *field = field_name(a, t, r, "period");
  char *end = NULL;
  long k = strtol(v, &end, 10);
  if (*end || k < 1 || (size_t)k > m->nperiods)
    return err_set(e, ERR_INVALID, field, "R-061", "Välj en period i listan på rad %zu.", r + 1);
  if (!codes[k - 1])
    return err_set(e, ERR_INVALID, field, "R-061",
                   "Perioden %s på rad %zu har inget antal veckor: ange veckorna under Perioder, "
                   "eller välj Alla veckor.",
                   *m->period_name[k - 1] ? m->period_name[k - 1] : "utan namn", r + 1);
  *code = codes[k - 1];
  return true;
}

static bool need_cell(JsonW *w, Arena *a, int t, size_t r, const char *v, Err *e) {
  HoursNeed n;
  bool tube;
  if (!need_from_choice(v, &n, &tube))
    return err_set(e, ERR_INVALID, field_name(a, t, r, "need"), "R-060", "Välj behov på rad %zu.",
                   r + 1);
  jsonw_kstr(w, "need", hours_need_code(n));
  if (tube) jsonw_kbool(w, "tube_feeding", true);
  return true;
}

static bool text_cell(JsonW *w, Arena *a, int t, size_t r, const char *v, Err *e) {
  if (!*v) return true;
  if (!text_check(v, field_name(a, t, r, "description"), "Beskrivningen", HOURS_MAX_DESCRIPTION,
                  false, false, e))
    return false;
  jsonw_kstr(w, "description", v);
  return true;
}

/* Writes one filled row's object; the columns' order is the table's. */
static bool row_json(JsonW *w, Arena *a, const Model *m, const char *const *codes, int t, size_t r,
                     Err *e) {
  const Table *tb = &tables[t];
  jsonw_obj_begin(w);
  int64_t minutes = HOURS_MAX_MINUTES;
  for (size_t c = 0; c < tb->ncols; c++) {
    const Col *col = &tb->cols[c];
    const char *v = cell(m, t, r, c);
    switch (col->kind) {
      case COL_NEED:
        if (!need_cell(w, a, t, r, v, e)) return false;
        break;
      case COL_ACTIVITY: {
        HoursActivity act;
        if (!hours_activity_from_code(v, &act))
          return err_set(e, ERR_INVALID, field_name(a, t, r, col->key), "R-065",
                         "Välj verksamhet på rad %zu.", r + 1);
        jsonw_kstr(w, "activity", hours_activity_code(act));
        break;
      }
      case COL_TEXT:
        if (!text_cell(w, a, t, r, v, e)) return false;
        break;
      case COL_INT: {
        bool second = strcmp(col->key, "second_assistant_minutes") == 0;
        bool per_week = strcmp(col->key, "per_week") == 0;
        bool required = t != T_REST ? !second : per_week;
        int64_t x;
        bool given;
        if (!int_cell(v, field_name(a, t, r, col->key), col->label, r + 1,
                      per_week || second || t == T_REST ? 0 : 1,
                      per_week ? HOURS_MAX_PER_WEEK : HOURS_MAX_MINUTES, required,
                      second ? "R-064" : tb->rule, &x, &given, e))
          return false;
        if (strcmp(col->key, "minutes") == 0) minutes = x;
        /* the second assistant's actual time, never more than the help itself */
        if (second && given && x > minutes)
          return err_set(e, ERR_INVALID, field_name(a, t, r, col->key), "R-064",
                         "Den andra assistentens tid på rad %zu kan inte vara längre än tillfället "
                         "(%lld minuter).",
                         r + 1, (long long)minutes);
        if (given && !(second && x == 0)) jsonw_kint(w, col->key, x);
        break;
      }
      case COL_PERIOD: {
        const char *code;
        if (!row_period(a, m, codes, t, r, v, &code, e)) return false;
        if (code) jsonw_kstr(w, "period", code);
        break;
      }
    }
  }
  jsonw_obj_end(w);
  return true;
}

/* The document of docs/cli/hours.md from the form; refusals name the form's field. */
static bool build_document(HttpReq *req, Model *m, Str *out, Err *e) {
  Arena *a = req->arena;
  Date assessed, birth;
  if (!form_get_date(req, "assessment_date", "Bedömningsdatum", &assessed, e) ||
      !form_get_date(req, "birth_date", "Födelsedatum", &birth, e))
    return false;
  if (!date_is_set(assessed))
    return err_set(e, ERR_INVALID, "assessment_date", "", "Ange bedömningsdatum.");
  if (!date_is_set(birth))
    return err_set(e, ERR_INVALID, "birth_date", "R-141",
                   "Ange födelsedatum; föräldraavdraget beror på barnets ålder.");
  /* the period kinds that are declared (a name and its weeks) */
  const char *codes[PERIOD_ROWS_MAX] = {NULL};
  int64_t weeks[PERIOD_ROWS_MAX] = {0};
  m->ndeclared = 0;
  for (size_t k = 0; k < m->nperiods; k++) {
    const char *wf = arena_printf(a, "periods[%zu].weeks", k);
    const char *nf = arena_printf(a, "periods[%zu].period", k);
    bool given;
    if (!int_cell(m->period_weeks[k], wf, "Veckor per år", k + 1, 1, HOURS_WEEKS_PER_YEAR, false,
                  "R-061", &weeks[k], &given, e))
      return false;
    if (!given) continue;
    if (!*m->period_name[k])
      return err_set(e, ERR_INVALID, nf, "R-061", "Ange periodens namn på rad %zu.", k + 1);
    if (!period_code(a, m->period_name[k], &codes[k]))
      return err_set(e, ERR_INVALID, nf, "R-061",
                     "Periodens namn på rad %zu ska ha 1–32 bokstäver eller siffror (inte "
                     "\"all\").",
                     k + 1);
    m->period_row[m->ndeclared++] = k;
  }
  JsonW w;
  char day[DATE_STRLEN];
  jsonw_init(&w, out, false);
  jsonw_obj_begin(&w);
  jsonw_kstr(&w, "assessment_date", date_format(assessed, day));
  jsonw_kstr(&w, "birth_date", date_format(birth, day));
  jsonw_kbool(&w, "aids_investigated", form_get_bool(req, "aids_investigated"));
  if (m->ndeclared) {
    jsonw_key(&w, "periods");
    jsonw_arr_begin(&w);
    for (size_t j = 0; j < m->ndeclared; j++) {
      jsonw_obj_begin(&w);
      jsonw_kstr(&w, "period", codes[m->period_row[j]]);
      jsonw_kint(&w, "weeks", weeks[m->period_row[j]]);
      jsonw_obj_end(&w);
    }
    jsonw_arr_end(&w);
  }
  for (int t = 0; t < NTABLES; t++) {
    if (t != T_NEEDS && m->rows[t].nfilled == 0) continue; /* needs is required, may be empty */
    jsonw_key(&w, tables[t].list);
    jsonw_arr_begin(&w);
    for (size_t r = 0; r < m->rows[t].nfilled; r++)
      if (!row_json(&w, a, m, codes, t, r, e)) return false;
    jsonw_arr_end(&w);
  }
  jsonw_obj_end(&w);
  return true;
}

/* Core's and the service's field names → the form's: a declared period's index → its row, a
 * rest row's total → its first minutes, tube feeding → the need select. */
static void map_field(Err *e, const Model *m) {
  char *f = e->field;
  if (strcmp(f, "aids_investigated") == 0) /* core's sentence names the document's field */
    snprintf(e->msg, sizeof e->msg,
             "Dubbel assistans kan bara räknas när möjligheterna till bostadsanpassningsbidrag och "
             "hjälpmedel har utretts; kryssa i rutan när utredningen finns.");
  size_t k;
  int used = 0;
  char rest[64] = "";
  if (sscanf(f, "periods[%zu]%n", &k, &used) == 1 && used > 0) {
    snprintf(rest, sizeof rest, "%s", f + used);
    if (k < m->ndeclared)
      snprintf(e->field, sizeof e->field, "periods[%zu]%s", m->period_row[k], rest);
    else
      e->field[0] = '\0';
    return;
  }
  if (strcmp(f, "periods") == 0) {
    snprintf(e->field, sizeof e->field, "periods[%zu].weeks",
             m->ndeclared ? m->period_row[0] : (size_t)0);
    return;
  }
  for (int t = 0; t < NTABLES; t++) {
    size_t len = strlen(tables[t].list);
    if (strncmp(f, tables[t].list, len) != 0 || f[len] != '[') continue;
    if (sscanf(f + len, "[%zu]%n", &k, &used) != 1) continue;
    const char *tail = f + len + used;
    if (*tail == '\0')
      snprintf(e->field, sizeof e->field, "%s[%zu].%s", tables[t].list, k,
               t == T_REST ? "active_minutes" : "minutes");
    else if (strcmp(tail, ".tube_feeding") == 0)
      snprintf(e->field, sizeof e->field, "%s[%zu].need", tables[t].list, k);
    return;
  }
}

/* Whether a field is on the form as shown (so the error summary may link to it). */
static bool field_on_form(const Model *m, const char *f) {
  static const char *const top[] = {"assessment_date", "birth_date", "aids_investigated", NULL};
  for (size_t i = 0; top[i]; i++)
    if (strcmp(top[i], f) == 0) return true;
  size_t k;
  int used = 0;
  char key[40];
  if (sscanf(f, "periods[%zu].%39s", &k, key) == 2)
    return k < m->nperiods && (strcmp(key, "period") == 0 || strcmp(key, "weeks") == 0);
  for (int t = 0; t < NTABLES; t++) {
    size_t len = strlen(tables[t].list);
    if (strncmp(f, tables[t].list, len) != 0) continue;
    if (sscanf(f + len, "[%zu].%n", &k, &used) != 1 || used == 0) continue;
    if (k >= m->rows[t].nrows) return false;
    for (size_t c = 0; c < tables[t].ncols; c++)
      if (strcmp(f + len + used, tables[t].cols[c].key) == 0) return true;
  }
  return false;
}

/* ---- rendering ---- */

static void cell_error(Str *o, const WebForm *f, const char *name) {
  if (!f->err || strcmp(f->err->field, name) != 0) return;
  html_printf(o, "<span class=\"error-msg\" id=\"e-%s\">%s", name, f->err->msg);
  if (f->err->rule[0]) html_printf(o, " (%s)", f->err->rule);
  html_raw(o, "</span>");
}

static void cell_attrs(Str *o, const WebForm *f, const char *name, const char *list,
                       const char *key, size_t r) {
  html_printf(o, " id=\"f-%s\" name=\"%s\" aria-labelledby=\"c-%s-%s r-%s-%zu\"", name, name, list,
              key, list, r);
  if (f->err && strcmp(f->err->field, name) == 0)
    html_printf(o, " aria-invalid=\"true\" aria-describedby=\"e-%s\"", name);
}

static void need_options(Str *o, const char *v) {
  html_printf(o, "<option value=\"\"%s>– välj –</option>", *v ? "" : " selected");
  for (int n = 0; n < HOURS_NEED_COUNT; n++) {
    for (int tube = 0; tube <= (n == HOURS_NEED_MEALS); tube++) {
      const char *code = need_choice_code((HoursNeed)n, tube);
      if (hours_need_is_basic((HoursNeed)n))
        html_printf(o, "<option value=\"%s\"%s>%d %s</option>", code,
                    strcmp(v, code) == 0 ? " selected" : "", n + 1,
                    hours_need_name((HoursNeed)n, tube));
      else
        html_printf(o, "<option value=\"%s\"%s>%s (beskriv)</option>", code,
                    strcmp(v, code) == 0 ? " selected" : "", hours_need_name((HoursNeed)n, tube));
    }
  }
}

static void activity_options(Str *o, const char *v) {
  html_printf(o, "<option value=\"\"%s>– välj –</option>", *v ? "" : " selected");
  for (int i = 0; i < HOURS_ACTIVITY_COUNT; i++) {
    const char *name = hours_activity_name((HoursActivity)i);
    char first = name[0] >= 'a' && name[0] <= 'z' ? (char)(name[0] - 'a' + 'A') : name[0];
    html_printf(o, "<option value=\"%s\"%s>%c%s</option>", hours_activity_code((HoursActivity)i),
                strcmp(v, hours_activity_code((HoursActivity)i)) == 0 ? " selected" : "", first,
                name + 1);
  }
}

static void period_options(Str *o, const Model *m, const char *v) {
  html_printf(o, "<option value=\"all\"%s>Alla veckor</option>",
              !*v || strcmp(v, "all") == 0 ? " selected" : "");
  for (size_t k = 0; k < m->nperiods; k++) {
    char val[24];
    snprintf(val, sizeof val, "%zu", k + 1);
    if (*m->period_name[k])
      html_printf(o, "<option value=\"%s\"%s>%s</option>", val,
                  strcmp(v, val) == 0 ? " selected" : "", m->period_name[k]);
    else
      html_printf(o, "<option value=\"%s\"%s>Period %zu</option>", val,
                  strcmp(v, val) == 0 ? " selected" : "", k + 1);
  }
}

static void rows_table(Str *o, Arena *a, const WebForm *f, const Model *m, int t,
                       const char *caption) {
  const Table *tb = &tables[t];
  html_printf(o,
              "<table class=\"rows\" id=\"t-%s\">\n<caption>%s</caption>\n<thead><tr>"
              "<th scope=\"col\">Rad</th>",
              tb->list, caption);
  for (size_t c = 0; c < tb->ncols; c++)
    html_printf(o, "<th scope=\"col\" id=\"c-%s-%s\">%s</th>", tb->list, tb->cols[c].key,
                tb->cols[c].label);
  html_raw(o, "</tr></thead>\n<tbody>\n");
  for (size_t r = 0; r < m->rows[t].nrows; r++) {
    html_printf(o, "<tr><th scope=\"row\" id=\"r-%s-%zu\">Rad %zu</th>", tb->list, r, r + 1);
    for (size_t c = 0; c < tb->ncols; c++) {
      const Col *col = &tb->cols[c];
      const char *name = field_name(a, t, r, col->key);
      const char *v = cell(m, t, r, c);
      html_raw(o, "<td>");
      switch (col->kind) {
        case COL_NEED:
        case COL_ACTIVITY:
        case COL_PERIOD:
          html_raw(o, "<select");
          cell_attrs(o, f, name, tb->list, col->key, r);
          html_raw(o, ">");
          if (col->kind == COL_NEED)
            need_options(o, v);
          else if (col->kind == COL_ACTIVITY)
            activity_options(o, v);
          else
            period_options(o, m, v);
          html_raw(o, "</select>");
          break;
        case COL_TEXT:
          html_raw(o, "<input type=\"text\" maxlength=\"200\"");
          cell_attrs(o, f, name, tb->list, col->key, r);
          html_printf(o, " value=\"%s\">", v);
          break;
        case COL_INT:
          html_raw(o, "<input type=\"text\" inputmode=\"numeric\" size=\"5\"");
          cell_attrs(o, f, name, tb->list, col->key, r);
          html_printf(o, " value=\"%s\">", v);
          break;
      }
      cell_error(o, f, name);
      html_raw(o, "</td>");
    }
    html_raw(o, "</tr>\n");
  }
  html_raw(o, "</tbody>\n</table>\n");
}

static void periods_table(Str *o, const WebForm *f, const Model *m) {
  html_raw(o,
           "<table class=\"rows\" id=\"t-periods\">\n<caption>Perioder</caption>\n<thead><tr>"
           "<th scope=\"col\">Period</th><th scope=\"col\" id=\"c-periods-period\">Namn</th>"
           "<th scope=\"col\" id=\"c-periods-weeks\">Veckor per år</th></tr></thead>\n<tbody>\n");
  for (size_t k = 0; k < m->nperiods; k++) {
    char name[40], weeks[40];
    snprintf(name, sizeof name, "periods[%zu].period", k);
    snprintf(weeks, sizeof weeks, "periods[%zu].weeks", k);
    html_printf(o, "<tr><th scope=\"row\" id=\"r-periods-%zu\">Period %zu</th><td>", k, k + 1);
    html_raw(o, "<input type=\"text\" maxlength=\"32\"");
    cell_attrs(o, f, name, "periods", "period", k);
    html_printf(o, " value=\"%s\">", m->period_name[k]);
    cell_error(o, f, name);
    html_raw(o, "</td><td><input type=\"text\" inputmode=\"numeric\" size=\"3\"");
    cell_attrs(o, f, weeks, "periods", "weeks", k);
    html_printf(o, " value=\"%s\">", m->period_weeks[k]);
    cell_error(o, f, weeks);
    html_raw(o, "</td></tr>\n");
  }
  html_raw(o, "</tbody>\n</table>\n");
}

static void hours_dd(Str *o, Arena *a, int64_t ticks) {
  bool exact;
  const char *v = hours_format_decimal(a, ticks, HOURS_TICKS_PER_HOUR, &exact);
  html_printf(o, "%s%s tim/vecka", exact ? "" : "≈ ", v);
}

typedef enum { RESULT_PREVIEW, RESULT_SAVED } ResultKind;

static void render_result(Str *o, Arena *a, const HoursResult *r, ResultKind kind,
                          const AssistanceRec *saved) {
  html_raw(o, "<section aria-labelledby=\"resultat\" class=\"box\">\n");
  if (kind == RESULT_PREVIEW)
    html_raw(o, "<h2 id=\"resultat\">Beräknat resultat – inte sparat</h2>\n<p>Beräkningen är "
                "gjord av servern med samma regler som när bedömningen sparas. Spara bedömningen "
                "för att den ska gälla i ärendet.</p>\n");
  else {
    html_raw(o, "<h2 id=\"resultat\">Sparad bedömning</h2>\n<p>Bedömd ");
    web_date(o, saved->assessed_on);
    html_raw(o, ". Timmarna är beräknade av servern från raderna nedan.</p>\n");
  }
  html_raw(o, "<dl class=\"facts\">\n<dt>Grundläggande behov</dt><dd id=\"res-basic\">");
  hours_dd(o, a, r->basic_ticks);
  html_raw(o, "</dd>\n<dt>Övriga behov</dt><dd id=\"res-other\">");
  hours_dd(o, a, r->other_ticks);
  html_raw(o, "</dd>\n<dt>Totalt</dt><dd id=\"res-total\">");
  hours_dd(o, a, r->total_ticks);
  html_raw(o, "</dd>\n</dl>\n");
  /* basic needs strictly over 20 h/week on average → notify Försäkringskassan */
  if (r->fk_notice_required)
    html_printf(
        o,
        "<p class=\"warning\" id=\"res-fk\"><strong>Anmälan till Försäkringskassan:</strong> "
        "grundläggande behov är över %d timmar per vecka i genomsnitt. Kommunen anmäler "
        "till Försäkringskassan (blankett 3078, 15 § 8 LSS) och verkställer sitt beslut "
        "medan Försäkringskassan prövar assistansersättning <span "
        "class=\"rule\">(R-110)</span>.</p>\n",
        HOURS_FK_LIMIT_HOURS);
  else
    html_printf(o,
                "<p id=\"res-fk\">Ingen anmälan till Försäkringskassan: grundläggande behov är "
                "inte över %d timmar per vecka i genomsnitt <span class=\"rule\">(R-110)</span>."
                "</p>\n",
                HOURS_FK_LIMIT_HOURS);
  if (r->nwarnings) {
    html_raw(o, "<div class=\"warning\">\n<h3>Att kontrollera</h3>\n<ul>\n");
    for (size_t i = 0; i < r->nwarnings; i++)
      html_printf(o, "<li>%s</li>\n", r->warnings[i].text);
    html_raw(o, "</ul>\n</div>\n");
  }
  html_raw(o, "<h3>Så räknades timmarna</h3>\n<ol>\n");
  for (size_t i = 0; i < r->nsteps; i++)
    html_printf(o, "<li>%s</li>\n", r->steps[i].text);
  html_raw(o, "</ol>\n</section>\n");
}

typedef struct {
  const HoursResult *result; /* NULL: none to show */
  ResultKind kind;
} Shown;

static bool render(HttpReq *req, HttpResp *resp, const InvCase *c, const Model *m,
                   const char *birth_default, const char *date_default, bool aids_default,
                   const Err *err, Shown shown) {
  Str *o = &resp->body;
  Arena *a = req->arena;
  inv_page_begin(req, resp, c, "Behovsbedömning", INV_TAB_NEEDS);
  inv_closed_note(o, c);
  if (!c->pa) {
    html_raw(o, "<p class=\"box\">Behovsbedömning i timmar görs för personlig assistans "
                "(9 § 2 och 9 a § LSS), som inte är sökt i ärendet <span "
                "class=\"rule\">(R-060)</span>.</p>\n");
    page_end(req, resp);
    return true;
  }
  if (shown.result) render_result(o, a, shown.result, shown.kind, &c->iv.assistance);
  if (!c->open) {
    page_end(req, resp);
    return true;
  }
  page_script(resp, "hours.js");
  html_raw(o, "<h2>Bedömningen</h2>\n<p>Ange bara den hjälp personen behöver och inte klarar "
              "själv, för regelbundet återkommande behov under en normal vecka <span "
              "class=\"rule\">(R-061)</span>. Tomma rader räknas inte. Timmarna räknas alltid "
              "fram av servern: <strong>Beräkna</strong> visar resultatet utan att spara, "
              "<strong>Spara bedömningen</strong> sparar det i ärendet.</p>\n");
  Err show;
  if (err) {
    show = *err;
    if (!field_on_form(m, show.field)) show.field[0] = '\0';
  }
  WebForm f;
  form_begin(&f, req, resp, arena_printf(a, "/case/%lld/behov", (long long)c->cv.c.id),
             err ? &show : NULL);
  html_raw(o, "<fieldset>\n<legend>Bedömning</legend>\n");
  form_date(&f, "assessment_date", "Bedömningsdatum", date_default, NULL, true);
  form_date(&f, "birth_date", "Födelsedatum", birth_default,
            "Personens födelsedatum; avgör föräldraavdraget för barn (R-141).", true);
  form_checkbox(&f, "aids_investigated",
                "Möjligheterna till bostadsanpassning och hjälpmedel är utredda", aids_default,
                "Krävs för att dubbel assistans ska räknas (R-064).");
  html_raw(o, "</fieldset>\n<h3>Perioder</h3>\n<p class=\"hint\" id=\"h-periods\">Lämna veckorna "
              "tomma om alla årets veckor ser likadana ut. Annars delas året i perioder, t.ex. "
              "skolveckor 39 och lovveckor 13, som tillsammans blir 52 veckor; varje rad hör till "
              "en period eller till alla veckor (R-061). Ett nytt namn går att välja på raderna "
              "efter Beräkna.</p>\n");
  periods_table(o, &f, m);
  html_raw(o, "<h3>Hjälpbehov</h3>\n<p class=\"hint\">Behov 1–7 är grundläggande behov; övriga "
              "behov beskrivs, t.ex. tillsyn. Dubbel assistans: ange bara den faktiska tid som en "
              "andra assistent behövs; den räknas som övrigt behov (R-064).</p>\n");
  rows_table(o, a, &f, m, T_NEEDS, "Hjälpbehov per tillfälle och vecka");
  html_raw(o, "<h3>Hjälp under dygnsvila</h3>\n<p class=\"hint\">Aktiv tid räknas helt, väntetid "
              "till en fjärdedel och beredskap till en sjundedel (R-063).</p>\n");
  rows_table(o, a, &f, m, T_REST, "Hjälp under dygnsvila");
  html_raw(o, "<h3>Avdrag för tid i annan verksamhet</h3>\n<p class=\"hint\">Ingen personlig "
              "assistans ges under skola, barnomsorg, daglig verksamhet, korttidsvistelse, "
              "korttidstillsyn eller i bostad med särskild service; ange vilket behov "
              "verksamheten tillgodoser i stället (R-065).</p>\n");
  rows_table(o, a, &f, m, T_DEDUCTIONS, "Avdrag för annan verksamhet");
  html_raw(o, "<p id=\"hours-live\" class=\"box\" aria-live=\"polite\" hidden></p>\n"
              "<div class=\"actions\">"
              "<button type=\"submit\" name=\"action\" value=\"berakna\" class=\"secondary\" "
              "id=\"berakna\">Beräkna</button>"
              "<button type=\"submit\" name=\"action\" value=\"spara\" id=\"spara\">Spara "
              "bedömningen</button>"
              "<button type=\"submit\" name=\"action\" value=\"rader\" class=\"secondary\" "
              "id=\"fler-rader\">Fler rader</button>"
              "</div>\n</form>\n");
  html_printf(o, "<p><a href=\"/case/%lld\">Tillbaka till ärendet</a></p>\n",
              (long long)c->cv.c.id);
  page_end(req, resp);
  return true;
}

/* Reads a document and computes it with core (the preview, and the saved assessment's display). */
static bool compute(HttpReq *req, const char *doc, HoursAssessment *h, json_t **root,
                    HoursResult *out, Err *e) {
  *root = json_parse_buf(doc, strlen(doc), SVC_ASSESSMENT_JSON_MAX, e);
  if (!*root) return false;
  return hours_input_parse(*root, req->arena, h, e) && hours_compute(h, req->arena, out, e);
}

bool page_assessment_view(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t case_id = http_param(req, "id");
  InvCase c;
  if (!inv_load(req, case_id, &c, e)) return inv_fail(req, resp, case_id, e);
  Model m;
  HoursResult res;
  Shown shown = {NULL, RESULT_SAVED};
  const char *birth = inv_date_str(req, c.cv.person.birth_date);
  bool aids = false;
  json_t *root = NULL;
  if (c.iv.has_assistance && c.iv.assistance.input_json) {
    HoursAssessment h;
    Err ignore;
    err_clear(&ignore);
    if (compute(req, c.iv.assistance.input_json, &h, &root, &res, &ignore)) {
      model_from_stored(req->arena, &m, &h);
      birth = inv_date_str(req, h.birth_date);
      aids = h.aids_investigated;
      shown.result = &res;
    }
  }
  if (!shown.result) model_fresh(req->arena, &m);
  bool ok = render(req, resp, &c, &m, birth, inv_date_str(req, web_today(req)), aids, NULL, shown);
  json_decref(root);
  return ok;
}

bool page_assessment_post(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t case_id = http_param(req, "id");
  const char *action = form_get(req, "action");
  bool preview = strcmp(action, "berakna") == 0, more = strcmp(action, "rader") == 0;
  Model m;
  model_from_post(req, &m, more);
  Err why;
  err_clear(&why);
  Str doc = STR_INIT;
  HoursResult res;
  Shown shown = {NULL, RESULT_PREVIEW};
  bool ok = more || build_document(req, &m, &doc, &why);
  if (ok && preview) {
    /* core computes, nothing is stored */
    HoursAssessment h;
    json_t *root = NULL;
    ok = compute(req, str_cstr(&doc), &h, &root, &res, &why);
    json_decref(root);
    if (ok) shown.result = &res;
  } else if (ok && !more) {
    AssistanceIn in = {case_id, str_cstr(&doc)};
    int64_t id;
    Svc s = web_svc(req);
    /* the service recomputes with core and stores the document and the hours */
    ok = svc_assistance_assess(&s, &in, req->arena, &id, &res, &why);
    str_free(&doc);
    if (ok) {
      http_resp_redirect(resp, arena_printf(req->arena, "/case/%lld/behov?klart=sparat#resultat",
                                            (long long)case_id));
      return true;
    }
  }
  str_free(&doc);
  if (!ok && !inv_is_refusal(&why)) {
    *e = why;
    return inv_fail(req, resp, case_id, e);
  }
  InvCase c;
  if (!inv_load(req, case_id, &c, e)) return inv_fail(req, resp, case_id, e);
  if (!ok) {
    map_field(&why, &m);
    resp->status = inv_refusal_status(&why);
  }
  return render(req, resp, &c, &m, "", "", false, ok ? NULL : &why, shown);
}
