/* layout.c — the page frame, form fields and small renderers every page shares (see web.h).
 * Every byte of user data goes through base/html's escapers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/insats.h"
#include "web/static_files.h"
#include "web/web.h"

void page_begin(HttpReq *req, HttpResp *resp, const char *title, WebNav active) {
  Str *o = &resp->body;
  const WebUser *u = web_user(req);
  html_printf(o,
              "<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
              "<title>%s – insats</title>\n",
              title);
  html_printf(o, "<link rel=\"stylesheet\" href=\"%s\">\n<script src=\"%s\" defer></script>\n",
              web_static_url("app.css"), web_static_url("app.js"));
  html_raw(o, "</head>\n<body>\n<a class=\"skip\" href=\"#main\">Hoppa till innehållet</a>\n"
              "<header class=\"top\"><div class=\"bar\">\n"
              "<a class=\"brand\" href=\"/\">insats</a>\n");
  if (u) {
    static const struct {
      WebNav nav;
      const char *href, *label;
      unsigned cap;
    } items[] = {{NAV_WORK, "/", "Mitt arbete", CAP_PERSON_READ},
                 {NAV_SEARCH, "/sok", "Sök person", CAP_PERSON_READ},
                 {NAV_FOLLOW_UP, "/enhet/uppfoljning", "Gemensam uppföljning", CAP_PERSON_READ},
                 {NAV_FINANCE, "/ekonomi/anordnare", "Utförare", CAP_FINANCE},
                 {NAV_PAYMENT, "/ekonomi/avrakning", "Avräkning", CAP_FINANCE},
                 {NAV_PAYMENT, "/enhet/ersattningar", "Ersättningar", CAP_EXECUTE},
                 {NAV_INVOICE, "/ekonomi/sjuklon", "Sjuklönefakturor", CAP_FINANCE},
                 {NAV_ADMIN, "/admin", "Administration", CAP_ADMIN}};
    html_raw(o, "<nav class=\"main\" aria-label=\"Huvudmeny\"><ul>\n");
    unsigned caps = role_caps(u->si.role);
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
      if (!(caps & items[i].cap)) continue;
      if (items[i].nav == active)
        html_printf(o, "<li><a href=\"%s\" aria-current=\"page\">%s</a></li>\n", items[i].href,
                    items[i].label);
      else
        html_printf(o, "<li><a href=\"%s\">%s</a></li>\n", items[i].href, items[i].label);
    }
    html_raw(o, "</ul></nav>\n");
    html_printf(
        o,
        "<div class=\"who\"><span>%s, %s</span>"
        "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\" "
        "value=\"%s\"><button class=\"link\" type=\"submit\">Logga ut</button></form></div>\n",
        u->si.user.full_name, role_name(u->si.role), u->si.csrf);
  }
  html_raw(o, "</div></header>\n<main id=\"main\" tabindex=\"-1\">\n");
}

void page_script(HttpResp *resp, const char *name) {
  html_printf(&resp->body, "<script src=\"%s\" defer></script>\n", web_static_url(name));
}

void page_end(HttpReq *req, HttpResp *resp) {
  (void)req;
  html_raw(&resp->body, "</main>\n</body>\n</html>\n");
}

/* Fixed messages after a redirect; the code is looked up, so no user text reaches the page. */
void page_flash(HttpReq *req, HttpResp *resp) {
  static const struct {
    const char *code, *text;
  } msgs[] = {
      {"sparat", "Uppgifterna är sparade."},
      {"utloggad", "Du är utloggad."},
      {"registrerat", "Ansökan är registrerad."},
      {"beslutat", "Beslutet är registrerat."},
      {"nodatkomst", "Nödåtkomsten är registrerad och loggad (R-133). Den gäller i fyra timmar."},
      {"person_registrerad", "Personen är registrerad."},
      {"journal_sparad", "Journalanteckningen är sparad som utkast."},
      {"journal_signerad", "Journalanteckningen är signerad."},
      {"journal_borttagen", "Utkastet är borttaget."},
  };
  const char *code = http_query(req, "klart");
  if (!code) return;
  for (size_t i = 0; i < sizeof msgs / sizeof msgs[0]; i++)
    if (strcmp(msgs[i].code, code) == 0)
      html_printf(&resp->body, "<p class=\"notice\" role=\"status\">%s</p>\n", msgs[i].text);
}

/* ---- forms ---- */

static void error_summary(Str *out, const Err *err, const char *scope) {
  if (!err || err->code == ERR_OK) return;
  html_raw(out, "<div class=\"alert\" role=\"alert\" tabindex=\"-1\" data-error-summary>\n"
                "<h2>Något behöver rättas</h2>\n<p>");
  if (err->field[0] && scope)
    html_printf(out, "<a href=\"#f-%s-%s\">%s</a>", scope, err->field, err->msg);
  else if (err->field[0])
    html_printf(out, "<a href=\"#f-%s\">%s</a>", err->field, err->msg);
  else
    html_text(out, err->msg);
  if (err->rule[0]) html_printf(out, " <span class=\"rule\">(%s)</span>", err->rule);
  html_raw(out, "</p>\n</div>\n");
}

void form_error_summary(Str *out, const Err *err) {
  error_summary(out, err, NULL);
}

static void form_open(WebForm *f, HttpReq *req, HttpResp *resp, const char *action, const Err *err,
                      const char *token, const char *scope) {
  f->req = req;
  f->out = &resp->body;
  f->err = err && err->code != ERR_OK ? err : NULL;
  f->repost = strcmp(req->method, "POST") == 0;
  f->scope = scope;
  error_summary(f->out, f->err, scope);
  html_printf(f->out, "<form class=\"stack\" method=\"post\" action=\"%s\" novalidate>\n", action);
  html_printf(f->out, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n", token ? token : "");
}

static const char *session_token(HttpReq *req) {
  const WebUser *u = web_user(req);
  return u ? u->si.csrf : http_cookie(req, WEB_PRESESSION_COOKIE);
}

void form_begin(WebForm *f, HttpReq *req, HttpResp *resp, const char *action, const Err *err) {
  form_open(f, req, resp, action, err, session_token(req), NULL);
}

void form_begin_scoped(WebForm *f, HttpReq *req, HttpResp *resp, const char *action, const Err *err,
                       const char *scope) {
  form_open(f, req, resp, action, err, session_token(req), scope);
}

void form_begin_token(WebForm *f, HttpReq *req, HttpResp *resp, const char *action, const Err *err,
                      const char *token) {
  form_open(f, req, resp, action, err, token, NULL);
}

void form_end(WebForm *f, const char *submit_label) {
  html_printf(f->out, "<div class=\"actions\"><button type=\"submit\">%s</button></div>\n</form>\n",
              submit_label);
}

const char *form_value(const WebForm *f, const char *name, const char *def) {
  if (f->repost) {
    const char *v = http_form(f->req, name);
    if (v) return v;
  }
  return def ? def : "";
}

/* The id part of a field: its name, or "scope-name" when the page has forms with fields of the
 * same name (ids must be unique on a page, and each label must find its own control). */
static const char *field_key(const WebForm *f, const char *name) {
  return f->scope ? arena_printf(f->req->arena, "%s-%s", f->scope, name) : name;
}

static bool field_has_error(const WebForm *f, const char *name) {
  return f->err && strcmp(f->err->field, name) == 0;
}

/* label, hint and error message, and the attributes that tie them to the control */
static void field_open(WebForm *f, const char *name, const char *label, const char *hint,
                       bool required) {
  Str *o = f->out;
  const char *k = field_key(f, name);
  html_raw(o, "<div class=\"field\">\n");
  html_printf(o, "<label for=\"f-%s\">%s%s</label>\n", k, label, required ? "" : " (frivilligt)");
  if (hint && *hint) html_printf(o, "<span class=\"hint\" id=\"h-%s\">%s</span>\n", k, hint);
  if (field_has_error(f, name)) {
    html_printf(o, "<span class=\"error-msg\" id=\"e-%s\">%s", k, f->err->msg);
    if (f->err->rule[0]) html_printf(o, " (%s)", f->err->rule);
    html_raw(o, "</span>\n");
  }
}

static void field_attrs(WebForm *f, const char *name, const char *hint, bool required) {
  Str *o = f->out;
  const char *k = field_key(f, name);
  html_printf(o, " id=\"f-%s\" name=\"%s\"", k, name);
  if (required) html_raw(o, " required aria-required=\"true\"");
  bool err = field_has_error(f, name);
  if (err) html_raw(o, " aria-invalid=\"true\"");
  if ((hint && *hint) || err) {
    html_raw(o, " aria-describedby=\"");
    if (hint && *hint) html_printf(o, "h-%s", k);
    if (err) html_printf(o, "%se-%s", hint && *hint ? " " : "", k);
    html_raw(o, "\"");
  }
}

static void input(WebForm *f, const char *type, const char *name, const char *label,
                  const char *def, const char *hint, bool required, const char *extra) {
  field_open(f, name, label, hint, required);
  html_printf(f->out, "<input type=\"%s\"", type);
  field_attrs(f, name, hint, required);
  html_printf(f->out, " value=\"%s\"", form_value(f, name, def));
  if (extra) html_printf(f->out, " autocomplete=\"%s\"", extra);
  html_raw(f->out, ">\n</div>\n");
}

void form_text(WebForm *f, const char *name, const char *label, const char *def, const char *hint,
               bool required) {
  input(f, "text", name, label, def, hint, required, NULL);
}

void form_password(WebForm *f, const char *name, const char *label, const char *autocomplete) {
  field_open(f, name, label, NULL, true);
  html_raw(f->out, "<input type=\"password\"");
  field_attrs(f, name, NULL, true);
  html_printf(f->out, " autocomplete=\"%s\">\n</div>\n", autocomplete);
}

void form_date(WebForm *f, const char *name, const char *label, const char *def, const char *hint,
               bool required) {
  input(f, "date", name, label, def, hint && *hint ? hint : "ÅÅÅÅ-MM-DD", required, NULL);
}

void form_number(WebForm *f, const char *name, const char *label, const char *def, const char *hint,
                 bool required) {
  input(f, "number", name, label, def, hint, required, NULL);
}

void form_textarea(WebForm *f, const char *name, const char *label, const char *def,
                   const char *hint, bool required) {
  field_open(f, name, label, hint, required);
  html_raw(f->out, "<textarea");
  field_attrs(f, name, hint, required);
  html_printf(f->out, ">%s</textarea>\n</div>\n", form_value(f, name, def));
}

void form_select(WebForm *f, const char *name, const char *label, const char *def,
                 const char *const *options, const char *hint, bool required) {
  field_open(f, name, label, hint, required);
  html_raw(f->out, "<select");
  field_attrs(f, name, hint, required);
  html_raw(f->out, ">\n");
  const char *v = form_value(f, name, def);
  if (!required) html_raw(f->out, "<option value=\"\">– välj –</option>\n");
  for (size_t i = 0; options[i] && options[i + 1]; i += 2)
    html_printf(f->out, "<option value=\"%s\"%s>%s</option>\n", options[i],
                strcmp(v, options[i]) == 0 ? " selected" : "", options[i + 1]);
  html_raw(f->out, "</select>\n</div>\n");
}

void form_checkbox(WebForm *f, const char *name, const char *label, bool def, const char *hint) {
  bool on = f->repost ? http_form(f->req, name) != NULL : def;
  html_raw(f->out, "<div class=\"field checkbox\">\n");
  html_printf(f->out, "<input type=\"checkbox\" value=\"1\"%s", on ? " checked" : "");
  field_attrs(f, name, hint, false);
  const char *k = field_key(f, name);
  html_printf(f->out, "> <label for=\"f-%s\">%s</label>\n", k, label);
  if (hint && *hint) html_printf(f->out, "<span class=\"hint\" id=\"h-%s\">%s</span>\n", k, hint);
  if (field_has_error(f, name)) {
    html_printf(f->out, "<span class=\"error-msg\" id=\"e-%s\">%s", k, f->err->msg);
    if (f->err->rule[0]) html_printf(f->out, " (%s)", f->err->rule);
    html_raw(f->out, "</span>\n");
  }
  html_raw(f->out, "</div>\n");
}

void form_hidden(WebForm *f, const char *name, const char *value) {
  html_printf(f->out, "<input type=\"hidden\" name=\"%s\" value=\"%s\">\n", name, value);
}

const char *form_get(const HttpReq *req, const char *name) {
  const char *v = http_form(req, name);
  return v ? v : "";
}

bool form_get_date(const HttpReq *req, const char *name, const char *label, Date *out, Err *e) {
  const char *v = form_get(req, name);
  *out = DATE_NONE;
  if (!*v) return true;
  if (!date_parse(v, out))
    return err_set(e, ERR_INVALID, name, "", "%s måste vara ett datum ÅÅÅÅ-MM-DD.", label);
  return true;
}

bool form_get_int(const HttpReq *req, const char *name, const char *label, int64_t min, int64_t max,
                  int64_t *out, Err *e) {
  const char *v = form_get(req, name);
  char *end = NULL;
  long long x = strtoll(v, &end, 10);
  if (!*v || *end || x < min || x > max)
    return err_set(e, ERR_INVALID, name, "", "%s måste vara ett heltal %lld–%lld.", label,
                   (long long)min, (long long)max);
  *out = x;
  return true;
}

bool form_get_bool(const HttpReq *req, const char *name) {
  return *form_get(req, name) != '\0';
}

/* ---- renderers ---- */

void web_date(Str *out, Date d) {
  char buf[DATE_STRLEN];
  if (date_is_set(d))
    html_text(out, date_format(d, buf));
  else
    html_raw(out, "–");
}

void web_deadline_state(Str *out, const char *state) {
  static const struct {
    const char *code, *text;
  } names[] = {{"open", "öppen"}, {"due_soon", "snart"}, {"overdue", "försenad"},
               {"met", "klar"},   {"missed", "missad"},  {"expired", "passerad"}};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strcmp(names[i].code, state) == 0) {
      html_printf(out, "<span class=\"state-%s\">%s</span>", names[i].code, names[i].text);
      return;
    }
  html_text(out, state);
}

const char *web_deadline_kind_name(const char *kind) {
  static const struct {
    const char *code, *name;
  } k[] = {{"decision_due", "Beslut"},
           {"delay_notice", "Underrätta om försening"},
           {"request_right", "Rätt att begära avgörande"},
           {"decision_after_request", "Avgör efter begäran"},
           {"communication_reply", "Svar på kommunicering"},
           {"appeal_period", "Överklagandetid"},
           {"contact_due", "Kontakt med den enskilde"},
           {"individual_plan_offer", "Erbjud individuell plan"},
           {"ivo_report", "Rapportera ej verkställt beslut"},
           {"plan_due", "Genomförandeplan"},
           {"ivo_report_interruption", "Rapportera avbrott"},
           {"follow_up_due", "Uppföljning"},
           {"individual_plan_review", "Omprövning av individuell plan"},
           {"follow_up_before_expiry", "Uppföljning före beslutets slut"},
           {"review_due", "Omprövning av beslut"},
           {"forhandsbesked_expires", "Förhandsbesked upphör"},
           {"decision_ends", "Beslutet upphör"}};
  for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
    if (strcmp(k[i].code, kind) == 0) return k[i].name;
  return kind;
}

/* A decision's scope in words: "41 timmar och 30 minuter per vecka", "6 dygn per månad". */
void web_scope(Str *out, int64_t amount, const char *unit) {
  if (!unit || !*unit || amount <= 0) {
    html_raw(out, "–");
    return;
  }
  if (strcmp(unit, "days_per_month") == 0) {
    html_printf(out, "%lld dygn per månad", (long long)amount);
    return;
  }
  long long h = amount / 60, m = amount % 60;
  if (h == 1)
    html_raw(out, "1 timme");
  else if (h > 0)
    html_printf(out, "%lld timmar", h);
  if (h > 0 && m > 0) html_raw(out, " och ");
  if (m == 1)
    html_raw(out, "1 minut");
  else if (m > 0)
    html_printf(out, "%lld minuter", m);
  if (strcmp(unit, "hours_per_month") == 0)
    html_raw(out, " per månad");
  else
    html_raw(out, " per vecka");
}

const char *web_insats_name(const char *code) {
  const InsatsInfo *i = insats_info(insats_from_code(code));
  return i ? i->name : code;
}

const char *web_role_name(const char *code) {
  return role_name(role_from_code(code));
}

void form_csv_upload(HttpReq *req, Str *o, const char *action, const char *hidden_name,
                     const char *hidden_value, const char *label, const char *hint,
                     const Err *err) {
  /* a file field needs multipart/form-data, which form_begin does not write */
  const WebUser *u = web_user(req);
  form_error_summary(o, err);
  html_printf(o,
              "<form class=\"stack\" method=\"post\" action=\"%s\" "
              "enctype=\"multipart/form-data\" novalidate>\n",
              action);
  html_printf(o, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n", u ? u->si.csrf : "");
  if (hidden_name)
    html_printf(o, "<input type=\"hidden\" name=\"%s\" value=\"%s\">\n", hidden_name, hidden_value);
  html_printf(o,
              "<div class=\"field\">\n<label for=\"f-file\">%s</label>\n"
              "<span class=\"hint\" id=\"h-file\">%s</span>\n",
              label, hint);
  if (err) {
    html_printf(o, "<span class=\"error-msg\" id=\"e-file\">%s", err->msg);
    if (err->rule[0]) html_printf(o, " (%s)", err->rule);
    html_raw(o,
             "</span>\n<input type=\"file\" id=\"f-file\" name=\"file\" accept=\".csv,text/csv\" "
             "required aria-required=\"true\" aria-invalid=\"true\" "
             "aria-describedby=\"h-file e-file\">\n</div>\n");
  } else {
    html_raw(o, "<input type=\"file\" id=\"f-file\" name=\"file\" accept=\".csv,text/csv\" "
                "required aria-required=\"true\" aria-describedby=\"h-file\">\n</div>\n");
  }
  html_raw(o, "<div class=\"actions\"><button type=\"submit\">Importera</button></div>\n"
              "</form>\n");
}
