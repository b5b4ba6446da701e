/* routes_execution.c — the executing side's routes (the execution page and its forms, the
 * implementation plan, follow-up, the officer's review and individual plan, the unit's shared
 * follow-up view) and the helpers the area's page files share (execution_internal.h).
 * The capability in each route is the coarse gate; the service decides the rest (R-040: the
 * unit manager of the order's unit; R-051: follow-up by either side; R-133: the person's access
 * rule). Must not: touch SQL, or write user data except through base/html's escapers. */
#include <stdio.h>
#include <string.h>

#include "web/execution_internal.h"

static const HttpRoute routes[] = {
    /* the execution page: anyone who may read the person's records (the service checks) */
    {"GET", "/decision/{id}/verkstall", page_execution_view, CAP_PERSON_READ, false},
    /* the executing unit */
    {"POST", "/decision/{id}/ta-emot", page_execution_receive, CAP_EXECUTE, true},
    {"POST", "/decision/{id}/kontakt", page_execution_contact, CAP_EXECUTE, true},
    {"POST", "/decision/{id}/start", page_execution_start, CAP_EXECUTE, true},
    {"POST", "/decision/{id}/avbrott", page_execution_interrupt, CAP_EXECUTE, true},
    {"POST", "/decision/{id}/ateruppta", page_execution_resume, CAP_EXECUTE, true},
    {"POST", "/decision/{id}/erbjudande", page_execution_offer, CAP_EXECUTE, true},
    {"POST", "/offer/{id}/avbojt", page_execution_refuse, CAP_EXECUTE, true},
    {"POST", "/decision/{id}/avsluta", page_execution_end, CAP_EXECUTE, true},
    /* the implementation plan */
    {"GET", "/decision/{id}/plan", page_plan_form, CAP_EXECUTE, false},
    {"POST", "/decision/{id}/plan", page_plan_create, CAP_EXECUTE, true},
    /* follow-up, shared by officer and unit manager */
    {"GET", "/decision/{id}/uppfoljning", page_follow_up_form, CAP_PERSON_READ, false},
    {"POST", "/decision/{id}/uppfoljning", page_follow_up_record, CAP_PERSON_READ, true},
    {"GET", "/enhet/uppfoljning", page_follow_up_unit, CAP_PERSON_READ, false},
    /* the officer */
    {"POST", "/decision/{id}/omprovning", page_execution_review, CAP_CASE_WRITE, true},
    {"POST", "/decision/{id}/individuell-plan/erbjud", page_execution_ip_offer, CAP_CASE_WRITE,
     true},
    {"POST", "/individual-plan/{id}/svar", page_execution_ip_answer, CAP_CASE_WRITE, true},
    {"POST", "/individual-plan/{id}/upprattad", page_execution_ip_draw_up, CAP_CASE_WRITE, true},
    {"POST", "/individual-plan/{id}/omprovad", page_execution_ip_review, CAP_CASE_WRITE, true},
};
WEB_ROUTES(web_routes_execution, routes);

/* ---- helpers ---- */

bool exe_is_refusal(const Err *err) {
  return err->code == ERR_INVALID || err->code == ERR_RULE || err->code == ERR_CONFLICT ||
         err->code == ERR_TOO_LARGE;
}

void exe_err_field(Err *err, const char *const *fields, const ExeFieldMap *map) {
  for (; map && map->from; map++)
    if (strcmp(err->field, map->from) == 0) {
      snprintf(err->field, sizeof err->field, "%s", map->to);
      return;
    }
  for (; fields && *fields; fields++)
    if (strcmp(err->field, *fields) == 0) return;
  err->field[0] = '\0';
}

bool exe_access_refused(HttpReq *req, HttpResp *resp, const Err *e) {
  if (e->code != ERR_FORBIDDEN || strcmp(e->field, "break_glass_reason") != 0) return false;
  Str *o = &resp->body;
  str_reset(o);
  resp->status = 403;
  page_begin(req, resp, "Åtkomst kräver skäl", NAV_NONE);
  html_raw(o, "<h1>Åtkomst kräver skäl</h1>\n");
  html_printf(o, "<p>%s", e->msg);
  if (e->rule[0]) html_printf(o, " <span class=\"rule\">(%s)</span>", e->rule);
  html_raw(o, "</p>\n<p>Nödåtkomst begärs på personens sida: <a href=\"/sok\">sök personen</a> "
              "och ange skälet där. Skälet loggas, och åtkomsten gäller en begränsad tid.</p>\n");
  page_end(req, resp);
  return true;
}

void exe_write_failed(Err *e) {
  if (e->code != ERR_FORBIDDEN || strcmp(e->field, "break_glass_reason") != 0) return;
  /* break-glass opens records to read; it is never offered as a way to write */
  snprintf(e->msg, sizeof e->msg, "%s",
           "Du är inte tilldelad ärendet och tillhör inte den enhet som har uppdraget för "
           "personen, så du kan inte registrera något här (R-133).");
  e->field[0] = '\0';
}

void exe_flash(HttpReq *req, HttpResp *resp) {
  static const struct {
    const char *code, *text;
  } msgs[] = {
      {"avbojt", "Avböjandet är registrerat. Det verkställer inte beslutet; tiden för rapport "
                 "till IVO löper vidare (R-100)."},
      {"avbojt-rapporterat",
       "Avböjandet är registrerat. Den enskilde har avböjt upprepade gånger sedan senaste "
       "uppföljningen: det är rapporterat till handläggaren, som följer upp (R-043)."},
      {"plan", "Genomförandeplanen är sparad."},
      {"uppfoljning", "Uppföljningen är registrerad."},
  };
  const char *code = http_query(req, "klart");
  if (!code) return;
  for (size_t i = 0; i < sizeof msgs / sizeof msgs[0]; i++)
    if (strcmp(msgs[i].code, code) == 0)
      html_printf(&resp->body, "<p class=\"notice\" role=\"status\">%s</p>\n", msgs[i].text);
}

typedef struct {
  const char *code, *name;
} CodeName;

static const char *lookup(const CodeName *t, size_t n, const char *code) {
  for (size_t i = 0; i < n; i++)
    if (code && strcmp(t[i].code, code) == 0) return t[i].name;
  return code ? code : "";
}
#define LOOKUP(table, code) lookup((table), sizeof(table) / sizeof(table)[0], (code))

const char *exe_outcome_name(const char *code) {
  static const CodeName t[] = {{"granted", "Bifall"},
                               {"partly_granted", "Delvis bifall"},
                               {"rejected", "Avslag"},
                               {"dismissed", "Avvisning"}};
  return LOOKUP(t, code);
}

const char *exe_goal_outcome_name(const char *code) {
  static const CodeName t[] = {{"achieved", "Uppnått"},
                               {"partly", "Delvis uppnått"},
                               {"not_achieved", "Inte uppnått"},
                               {"changed", "Målet har ändrats"}};
  return LOOKUP(t, code);
}

const char *exe_follow_up_reason_name(const char *code) {
  static const CodeName t[] = {{"yearly", "Årlig uppföljning"},
                               {"changed_needs", "Ändrade behov"},
                               {"complaint", "Klagomål"},
                               {"signal", "Signal från utföraren"},
                               {"before_expiry", "Före beslutets slut"},
                               {"refusals", "Upprepade avböjanden"}};
  return LOOKUP(t, code);
}

const char *exe_end_reason_name(const char *code) {
  static const CodeName t[] = {{"non_use", "Insatsen används inte"},
                               {"person_request", "Den enskilde vill avsluta"},
                               {"need_ended", "Behovet har upphört"},
                               {"decision_ended", "Beslutet har upphört att gälla"},
                               {"revoked", "Beslutet har återkallats"},
                               {"moved", "Den enskilde har flyttat"},
                               {"deceased", "Den enskilde har avlidit"},
                               {"other", "Annat skäl"}};
  return LOOKUP(t, code);
}

void exe_multiline(Str *o, const char *text) {
  if (!text) return;
  const char *p = text;
  for (;;) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    if (n && p[n - 1] == '\r') n--;
    html_textn(o, p, n);
    if (!nl) break;
    html_raw(o, "<br>");
    p = nl + 1;
  }
}

const char *exe_clip(Arena *a, const char *text, size_t max_bytes) {
  size_t n = strlen(text);
  if (n <= max_bytes) return text;
  n = max_bytes;
  while (n && ((unsigned char)text[n] & 0xC0) == 0x80) /* not inside a UTF-8 sequence */
    n--;
  return arena_printf(a, "%.*s…", (int)n, text);
}

const char *exe_date_str(Arena *a, Date d) {
  char buf[DATE_STRLEN];
  if (!date_is_set(d)) return "";
  return arena_strdup(a, date_format(d, buf));
}

int64_t exe_unit_of(const ExecutionView *v) {
  return v->has_order ? v->order.unit_id : v->decision.executing_unit_id;
}

const char *exe_person_label(Arena *a, const char *given, const char *family, bool protected_id) {
  if (protected_id) return "Person med skyddade personuppgifter";
  return arena_printf(a, "%s %s", given, family);
}

/* Sentence ends: . ! ? ; or a line break, followed by space or the end. */
static bool sentence_end(const char *p) {
  if (*p == '\n' || *p == '\r') return true;
  if (*p != '.' && *p != '!' && *p != '?' && *p != ';') return false;
  return p[1] == '\0' || p[1] == ' ' || p[1] == '\t' || p[1] == '\n' || p[1] == '\r';
}

const char *const *exe_goal_options(Arena *a, const ExecutionView *v, bool with_empty, size_t *n) {
  const char *goals = v->decision.goals[0] ? v->decision.goals : v->order.goals;
  enum { MAX_SENTENCES = 40 };
  const char **opt = arena_array(a, 2 * MAX_SENTENCES + 4, sizeof *opt);
  size_t k = 0;
  *n = 0;
  if (with_empty) {
    opt[k++] = "";
    opt[k++] = "– välj ett mål ur beslutet –";
  }
  const char *p = goals;
  while (*p && *n < MAX_SENTENCES) {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
      p++;
    if (!*p) break;
    const char *start = p;
    while (*p && !sentence_end(p))
      p++;
    size_t len = (size_t)(p - start);
    while (len && (start[len - 1] == ' ' || start[len - 1] == '\t'))
      len--;
    if (*p) p++; /* the sentence's end mark is left out: R-042 compares the words */
    if (!len) continue;
    char *s = arena_strndup(a, start, len);
    bool dup = false;
    for (size_t i = with_empty ? 2 : 0; i < k; i += 2)
      dup = dup || strcmp(opt[i], s) == 0;
    if (dup) continue;
    opt[k++] = s;
    opt[k++] = s;
    (*n)++;
  }
  opt[k] = NULL;
  opt[k + 1] = NULL;
  return opt;
}
