/* page_letter.c — the decision letter as the municipality sends it (Swedish): the recipient
 * block, what was applied for, what is decided with scope, personkrets, validity, review date and
 * revocation clause, the grounds, the goals, the decision-maker's name and title,
 * and how to appeal (44 § FL, R-120). Rendered from the typed values as a preview
 * (page_decision.c) and for a saved decision on GET /decision/{id}/brev (printable: the page
 * frame hides itself in print). Must not: touch SQL, save anything, or write user data except
 * through the escaping writer.
 *
 * The letter is inside .letter, whose white-space is pre-wrap so the user's line breaks show:
 * its markup is therefore written without line breaks between the elements. */
#include <string.h>

#include "core/insats.h"
#include "web/decision_internal.h"

/* A fact the preview does not have yet. */
static void missing(Str *o) {
  html_raw(o, "<em>[saknas]</em>");
}

static void text_or_missing(Str *o, const char *s) {
  if (s && *s)
    html_text(o, s);
  else
    missing(o);
}

static void date_or_missing(Str *o, Date d) {
  if (date_is_set(d))
    web_date(o, d);
  else
    missing(o);
}

static void heading(Str *o, int level, const char *id, const char *text) {
  if (level > 6) level = 6;
  if (id)
    html_printf(o, "<h%d id=\"%s\">%s</h%d>", level, id, text, level);
  else
    html_printf(o, "<h%d>%s</h%d>", level, text, level);
}

static const char *outcome_sentence(const char *outcome) {
  if (!outcome) return NULL;
  if (strcmp(outcome, "granted") == 0) return "Ansökan beviljas.";
  if (strcmp(outcome, "partly_granted") == 0) return "Ansökan beviljas delvis.";
  if (strcmp(outcome, "rejected") == 0) return "Ansökan avslås.";
  if (strcmp(outcome, "dismissed") == 0) return "Ansökan avvisas.";
  return NULL;
}

/* how to appeal — to förvaltningsrätten, through the municipality, within three weeks of
 * the day the person received the decision (44 § FL); late appeals are dismissed (45 § FL). */
void web_appeal_instructions(Str *o, int level) {
  heading(o, level, NULL, "Hur man överklagar");
  html_raw(o, "<p>Om du inte är nöjd med beslutet kan du överklaga det till förvaltningsrätten. "
              "Skicka eller lämna överklagandet till kommunen, inte direkt till "
              "förvaltningsrätten. Kommunen prövar först om beslutet ska ändras och skickar "
              "sedan överklagandet vidare till förvaltningsrätten.</p>"
              "<p>Överklagandet ska ha kommit in till kommunen inom tre veckor från den dag du "
              "fick del av beslutet (44 § förvaltningslagen). Har det kommit in för sent kan det "
              "inte prövas (45 § förvaltningslagen). Om den sista dagen är en lördag, söndag eller "
              "helgdag räcker det att överklagandet kommer in nästa vardag.</p>"
              "<p>Skriv i överklagandet vilket beslut du överklagar, till exempel beslutsdatum och "
              "ärendenummer, hur du vill att beslutet ska ändras och varför. Skriv ditt namn, "
              "personnummer, adress och telefonnummer och skriv under. Har du ett ombud ska "
              "fullmakten bifogas. Handläggaren hjälper dig gärna om du har frågor.</p>");
}

void decision_letter(Str *o, const DecisionCase *dc, const DecisionIn *d, int level, bool saved) {
  const InsatsInfo *info = insats_info(insats_from_code(dc->ci->insats));
  const char *insats = info ? info->name : dc->ci->insats;
  bool favourable = d->outcome && (strcmp(d->outcome, "granted") == 0 ||
                                   strcmp(d->outcome, "partly_granted") == 0);
  int sub = level + 1;

  html_raw(o, "<article class=\"letter\" aria-labelledby=\"brev-rubrik\">");
  html_raw(o, "<p><span class=\"muted\">[Kommunens namn]</span><br>"
              "<span class=\"muted\">[Nämnd och förvaltning]</span></p>");
  html_raw(o, "<p>Datum: ");
  date_or_missing(o, d->decided_on);
  html_printf(o, "<br>Ärende: %lld</p>", (long long)dc->c->id);
  html_printf(o, "<p>%s %s<br>", dc->person->given_name, dc->person->family_name);
  html_raw(o, "<span class=\"muted\">[Utdelningsadress]</span><br>"
              "<span class=\"muted\">[Postnummer och ort]</span></p>");

  html_printf(o, "<h%d id=\"brev-rubrik\">Beslut om %s enligt LSS</h%d>", level > 6 ? 6 : level,
              insats, level > 6 ? 6 : level);

  heading(o, sub, NULL, "Din ansökan");
  html_raw(o, "<p>Du har ansökt om: ");
  text_or_missing(o, d->applied_for);
  html_raw(o, "<br>Ansökan kom in till kommunen ");
  web_date(o, dc->c->received_on);
  html_raw(o, ".</p>");

  heading(o, sub, NULL, "Beslut");
  const char *sentence = outcome_sentence(d->outcome);
  html_raw(o, "<p><strong>");
  if (sentence)
    html_text(o, sentence);
  else
    missing(o);
  html_raw(o, "</strong></p><p>");
  text_or_missing(o, d->decided_text);
  html_printf(o, "</p><p>Insats: %s (%s).", insats, info ? info->paragraph : "LSS");
  if (favourable && info && info->scope != SCOPE_NONE) {
    html_raw(o, "<br>Omfattning: ");
    if (d->scope_amount > 0 && d->scope_unit && *d->scope_unit)
      web_scope(o, d->scope_amount, d->scope_unit);
    else
      missing(o);
    html_raw(o, ".");
  }
  if (d->personkrets >= 1 && d->personkrets <= 3)
    html_printf(o, "<br>Du tillhör personkrets %d enligt 1 § LSS.", d->personkrets);
  else if (favourable) {
    html_raw(o, "<br>Personkrets: ");
    missing(o);
  }
  html_raw(o, "</p>");

  if (favourable) {
    html_raw(o, "<p>Beslutet gäller från och med ");
    if (date_is_set(d->valid_from))
      web_date(o, d->valid_from);
    else if (date_is_set(d->decided_on))
      web_date(o, d->decided_on);
    else
      missing(o);
    if (date_is_set(d->valid_to)) {
      html_raw(o, " till och med ");
      web_date(o, d->valid_to);
      html_raw(o, ".");
    } else if (d->time_limited && !saved) {
      html_raw(o, ". Beslutet är tidsbegränsat; slutdatumet enligt riktlinjerna räknas fram när "
                  "beslutet fattas.");
    } else {
      html_raw(o, " och tills vidare.");
    }
    if (date_is_set(d->review_date)) {
      html_raw(o, "<br>Beslutet omprövas senast ");
      web_date(o, d->review_date);
      html_raw(o, ".");
    }
    html_raw(o, "</p>");
    if (d->revocation_clause && *d->revocation_clause) {
      html_raw(o, "<p>Återkallelseförbehåll: ");
      html_text(o, d->revocation_clause);
      html_raw(o, "</p>");
    }
  }

  heading(o, sub, NULL, "Skäl för beslutet");
  html_raw(o, "<p>");
  text_or_missing(o, d->grounds);
  html_raw(o, "</p>");

  if (favourable) {
    heading(o, sub, NULL, "Mål med insatsen");
    html_raw(o, "<p>");
    text_or_missing(o, d->goals);
    html_raw(o, "</p>");
  }

  heading(o, sub, NULL, "Beslutsfattare");
  html_raw(o, "<p>");
  text_or_missing(o, d->decided_by_name);
  html_raw(o, "<br>");
  text_or_missing(o, d->decided_by_title);
  html_raw(o, "</p>");

  if (d->appeal_instructions) web_appeal_instructions(o, sub);
  html_raw(o, "</article>\n");
}

/* GET /decision/{id}/brev — the letter of a saved decision, on a page of its own to print. */
bool page_letter_view(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  DecisionView v;
  CaseView cv;
  if (!svc_decision_open(&s, http_param(req, "id"), req->arena, &v, e) ||
      !svc_case_open(&s, v.d.case_id, req->arena, &cv, e))
    return false;
  CaseInsatsRec ci;
  memset(&ci, 0, sizeof ci);
  ci.id = v.d.case_insats_id;
  ci.case_id = v.d.case_id;
  memcpy(ci.insats, v.d.insats, sizeof ci.insats);
  for (size_t i = 0; i < cv.n_insatser; i++)
    if (cv.insatser[i].id == v.d.case_insats_id) ci = cv.insatser[i];
  DecisionCase dc = {&cv.person, &cv.c, &ci, v.d.personkrets};
  DecisionIn in;
  decision_in_from_rec(&in, &v.d);

  page_begin(req, resp, "Beslutsbrev", NAV_NONE);
  Str *o = &resp->body;
  html_printf(o,
              "<div class=\"actions\"><a href=\"/decision/%lld\">Tillbaka till beslutet</a> "
              "<span class=\"muted\">Skriv ut med webbläsarens utskriftsfunktion.</span>"
              "</div>\n",
              (long long)v.d.id);
  if (v.revoked) {
    html_raw(o, "<div class=\"warning\"><p>Beslutet är återkallat ");
    web_date(o, v.revocation.revoked_on);
    html_raw(o, ".</p></div>\n");
  }
  decision_letter(o, &dc, &in, 1, true);
  page_end(req, resp);
  return true;
}
