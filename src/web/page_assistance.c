/* page_assistance.c — one person's assistance in operation (GET /person/{id}/assistans): stays
 * elsewhere and the hours not given during them with trips notified ahead, the
 * notices and temporary increases of the personal-assistance decision, and
 * the commissioned staff with what their follow-up lacks, and SIP on the
 * individual plan and external purchases of housing, each with its
 * form. A refusal shows the Swedish reason and the rule at the form that was sent and keeps
 * what was typed. Must not: judge rules (the service does), touch SQL, or write user data except
 * through the escaping writer. */
#include <stdio.h>
#include <string.h>

#include "web/assistance_internal.h"

/* Which form a refusal belongs to. */
typedef enum {
  FORM_NONE,
  FORM_STAY,
  FORM_STAY_END,
  FORM_STAFF,
  FORM_EXTRACT,
  FORM_VISIT,
  FORM_NOTICE,
  FORM_INCREASE,
  FORM_SIP,
  FORM_HOUSING
} AsstForm;

// clang-format off
static const char *const stay_options[] = {
    "hospital",       "Sjukhus",
    "short_stay",     "Korttidsvistelse",
    "other_activity", "Annan kommunal verksamhet (skola, daglig verksamhet …)",
    "travel",         "Resa",
    NULL,             NULL};
static const char *const role_options[] = {
    "assistant",      "Personlig assistent",
    "companion",      "Ledsagare",
    "contact_person", "Kontaktperson",
    "relief_worker",  "Avlösare",
    "support_family", "Stödfamilj",
    NULL,             NULL};
static const char *const register_options[] = {
    "police",      "Belastningsregistret (polisen)",
    "fk",          "Försäkringskassan",
    "kronofogden", "Kronofogden",
    NULL,          NULL};
static const char *const notice_options[] = {
    "change",           "Ändring av assistansen (14 dagar)",
    "pause",            "Uppehåll (14 dagar)",
    "assistant_change", "Byte av assistent (en månad)",
    "termination",      "Uppsägning, skriftligen (tre månader)",
    NULL,               NULL};
// clang-format on

static const Err *err_for(AsstForm which, AsstForm failed, const Err *err) {
  return which == failed ? err : NULL;
}

/* One of the page's forms: only the refused one shows the refusal and keeps what was typed (the
 * other forms have fields of the same names). scope: see form_begin_scoped, or NULL. */
static void asst_form(WebForm *f, HttpReq *req, HttpResp *resp, const char *action, AsstForm which,
                      AsstForm failed, const Err *err, const char *scope) {
  form_begin_scoped(f, req, resp, action, err_for(which, failed, err), scope);
  f->repost = f->repost && which == failed;
}

static void stays_section(HttpReq *req, HttpResp *resp, int64_t id, const StayRec *st, size_t n,
                          bool can_write, AsstForm failed, const Err *err) {
  Str *o = &resp->body;
  html_raw(o, "<h2 id=\"vistelser\">Vistelser utanför hemmet <span class=\"rule\">R-065</span>"
              "</h2>\n<p>Under sjukhusvistelse, korttidsvistelse och annan kommunal verksamhet "
              "ges ingen personlig assistans. På en resa följer assistansen med; resan meddelas "
              "i förväg <span class=\"rule\">R-072</span>.</p>\n");
  if (n == 0) {
    html_raw(o, "<p class=\"muted\">Inga vistelser är registrerade.</p>\n");
  } else {
    html_raw(o, "<table id=\"vistelse-lista\">\n<caption>Vistelser</caption>\n<thead><tr>"
                "<th scope=\"col\">Slag</th><th scope=\"col\">Från</th><th scope=\"col\">Till</th>"
                "<th scope=\"col\">Meddelad</th><th scope=\"col\">Anteckning</th></tr></thead>\n"
                "<tbody>\n");
    for (size_t i = 0; i < n; i++) {
      html_printf(o, "<tr><th scope=\"row\">%s</th><td>", asst_web_stay_kind(st[i].kind));
      web_date(o, st[i].from_on);
      html_raw(o, "</td><td>");
      if (date_is_set(st[i].to_on))
        web_date(o, st[i].to_on);
      else
        html_raw(o, "pågår");
      html_raw(o, "</td><td>");
      web_date(o, st[i].notified_on);
      if (st[i].short_notice_note[0])
        html_printf(o, " <span class=\"warning\">kort varsel godtaget: %s</span>",
                    st[i].short_notice_note);
      html_printf(o, "</td><td>%s</td></tr>\n", st[i].note);
    }
    html_raw(o, "</tbody>\n</table>\n");
  }
  if (!can_write) return;
  char action[96];
  WebForm f;
  char today[DATE_STRLEN];
  date_format(web_today(req), today);
  bool any_running = false;
  for (size_t i = 0; i < n; i++)
    any_running = any_running || !date_is_set(st[i].to_on);
  if (any_running) {
    html_raw(o, "<h3 id=\"avsluta-vistelse\">Avsluta en pågående vistelse</h3>\n");
    snprintf(action, sizeof action, "/person/%lld/assistans/vistelse-slut", (long long)id);
    asst_form(&f, req, resp, action, FORM_STAY_END, failed, err, NULL);
    const char **opt = arena_array(req->arena, 2 * n + 2, sizeof *opt);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
      if (date_is_set(st[i].to_on)) continue;
      char d[DATE_STRLEN];
      opt[k++] = arena_printf(req->arena, "%lld", (long long)st[i].id);
      opt[k++] = arena_printf(req->arena, "%s från %s", asst_web_stay_kind(st[i].kind),
                              date_format(st[i].from_on, d));
    }
    form_select(&f, "stay_id", "Vistelse", "", (const char *const *)opt, NULL, true);
    form_date(&f, "to_on", "Sista dag", today, "ÅÅÅÅ-MM-DD.", true);
    form_end(&f, "Avsluta vistelsen");
  }
  html_raw(o, "<h3 id=\"ny-vistelse\">Registrera vistelse</h3>\n");
  snprintf(action, sizeof action, "/person/%lld/assistans/vistelse", (long long)id);
  asst_form(&f, req, resp, action, FORM_STAY, failed, err, NULL);
  form_select(&f, "kind", "Slag av vistelse", "hospital", stay_options, NULL, true);
  form_date(&f, "from_on", "Från och med", "", "ÅÅÅÅ-MM-DD.", true);
  form_date(&f, "to_on", "Till och med", "", "ÅÅÅÅ-MM-DD. Tomt: pågår.", false);
  form_date(&f, "notified_on", "Resan meddelades den", "",
            "Bara för resor: när resan meddelades (R-072: minst 14 dagar i förväg).", false);
  form_text(&f, "short_notice_note", "Skäl att godta kortare varsel", "",
            "Bara för en resa som meddelats sent och ändå godtas.", false);
  form_text(&f, "note", "Anteckning", "", NULL, false);
  form_end(&f, "Registrera vistelsen");
}

static void hours_section(Str *o, const DecisionStayHours *h) {
  html_printf(o,
              "<h3 id=\"timmar-som-inte-ges\">Timmar som inte ges under vistelser "
              "<span class=\"rule\">R-065</span></h3>\n<p>Beslut <a href=\"/decision/%lld\">%lld"
              "</a>: ",
              (long long)h->decision_id, (long long)h->decision_id);
  web_scope(o, h->scope_amount, h->scope_unit);
  html_raw(o, ".</p>\n");
  if (h->n == 0) {
    html_raw(o, "<p class=\"muted\">Inga vistelser under beslutets giltighetstid.</p>\n");
    return;
  }
  html_raw(o, "<table id=\"timmar\">\n<caption>Assistans som inte ges</caption>\n<thead><tr>"
              "<th scope=\"col\">Vistelse</th><th scope=\"col\">Från</th>"
              "<th scope=\"col\">Dagar</th><th scope=\"col\">Timmar som inte ges</th></tr>"
              "</thead>\n<tbody>\n");
  for (size_t i = 0; i < h->n; i++) {
    html_printf(o, "<tr><th scope=\"row\">%s</th><td>", asst_web_stay_kind(h->rows[i].stay.kind));
    web_date(o, h->rows[i].stay.from_on);
    html_printf(o, "</td><td>%d</td><td>", (int)h->rows[i].days);
    if (strcmp(h->rows[i].stay.kind, "travel") == 0)
      html_raw(o, "– (assistansen följer med)");
    else
      asst_web_minutes(o, h->rows[i].minutes);
    html_raw(o, "</td></tr>\n");
  }
  html_raw(o, "</tbody>\n<tfoot><tr><th scope=\"row\" colspan=\"3\">Summa</th><td>");
  asst_web_minutes(o, h->total_minutes);
  html_raw(o, "</td></tr></tfoot>\n</table>\n");
}

static void decision_section(HttpReq *req, HttpResp *resp, int64_t id, int64_t decision_id,
                             const DecisionStayHours *h, const NoticeRec *ns, size_t nn,
                             const IncreaseRec *is, size_t ni, unsigned caps, AsstForm failed,
                             const Err *err) {
  Str *o = &resp->body;
  html_raw(o, "<h2 id=\"personlig-assistans\">Personlig assistans</h2>\n");
  if (!decision_id) {
    html_raw(o, "<p class=\"muted\">Personen har inget gällande beslut om personlig "
                "assistans.</p>\n");
    return;
  }
  hours_section(o, h);
  char action[96], today[DATE_STRLEN];
  date_format(web_today(req), today);
  WebForm f;

  html_raw(o, "<h3 id=\"varsel\">Meddelanden om ändring, uppehåll och uppsägning "
              "<span class=\"rule\">R-072</span></h3>\n<p>När kommunen är anordnare meddelas "
              "ändringar och uppehåll minst 14 dagar i förväg, byte av assistent en månad i "
              "förväg och uppsägning skriftligen med tre månaders uppsägningstid.</p>\n");
  if (nn) {
    html_raw(o, "<table id=\"varsel-lista\">\n<caption>Meddelanden</caption>\n<thead><tr>"
                "<th scope=\"col\">Slag</th><th scope=\"col\">Meddelat</th>"
                "<th scope=\"col\">Gäller från</th><th scope=\"col\">Vad</th>"
                "<th scope=\"col\">Varsel</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < nn; i++) {
      html_printf(o, "<tr><th scope=\"row\">%s%s</th><td>", asst_web_notice_kind(ns[i].kind),
                  ns[i].in_writing ? " (skriftligt)" : "");
      web_date(o, ns[i].notified_on);
      html_raw(o, "</td><td>");
      web_date(o, ns[i].effective_on);
      html_printf(o, "</td><td>%s</td><td>", ns[i].what);
      if (ns[i].short_notice_note[0])
        html_printf(o, "<span class=\"state-overdue\">För kort varsel</span>, godtaget: %s",
                    ns[i].short_notice_note);
      else
        html_raw(o, "<span class=\"state-met\">I tid</span>");
      html_raw(o, "</td></tr>\n");
    }
    html_raw(o, "</tbody>\n</table>\n");
  }
  if (caps & (CAP_EXECUTE | CAP_CASE_WRITE)) {
    snprintf(action, sizeof action, "/person/%lld/assistans/varsel", (long long)id);
    asst_form(&f, req, resp, action, FORM_NOTICE, failed, err, "varsel");
    form_select(&f, "kind", "Vad meddelas", "change", notice_options, NULL, true);
    form_date(&f, "notified_on", "Meddelat den", today, "ÅÅÅÅ-MM-DD, i dag eller tidigare.", true);
    form_date(&f, "effective_on", "Gäller från", "", "ÅÅÅÅ-MM-DD.", true);
    form_checkbox(&f, "in_writing", "Meddelat skriftligen", false,
                  "En uppsägning ska vara skriftlig.");
    form_text(&f, "what", "Vad det gäller", "", NULL, false);
    form_text(&f, "short_notice_note", "Skäl att godta kortare varsel", "",
              "Bara om varslet är kortare än reglerna och ändå godtas.", false);
    form_end(&f, "Registrera meddelandet");
  }

  html_raw(o, "<h3 id=\"utokning\">Tillfälliga utökningar <span class=\"rule\">R-068</span>"
              "</h3>\n<p>Kommunen beslutar om tillfällig utökning oavsett vem som betalar "
              "grundbeslutet. Efter åldersgränsen kan assistansen inte utökas "
              "<span class=\"rule\">R-067</span>.</p>\n");
  if (ni) {
    html_raw(o, "<table id=\"utokning-lista\">\n<caption>Tillfälliga utökningar</caption>\n"
                "<thead><tr><th scope=\"col\">Period</th><th scope=\"col\">Per vecka</th>"
                "<th scope=\"col\">Beslutad</th><th scope=\"col\">Skäl</th>"
                "<th scope=\"col\">Beslut</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < ni; i++) {
      html_raw(o, "<tr><th scope=\"row\">");
      web_date(o, is[i].from_on);
      html_raw(o, " – ");
      web_date(o, is[i].to_on);
      html_raw(o, "</th><td>");
      asst_web_minutes(o, is[i].minutes_per_week);
      html_raw(o, "</td><td>");
      web_date(o, is[i].decided_on);
      html_printf(o,
                  "</td><td>%s</td><td><a href=\"/person/%lld/assistans/utokning/%lld\">%s"
                  "</a></td></tr>\n",
                  is[i].reason, (long long)id, (long long)is[i].id,
                  svc_increase_partly(&is[i]) ? "Delvis beviljad" : "Beviljad");
    }
    html_raw(o, "</tbody>\n</table>\n");
  }
  if (caps & CAP_DECIDE) {
    snprintf(action, sizeof action, "/person/%lld/assistans/utokning", (long long)id);
    asst_form(&f, req, resp, action, FORM_INCREASE, failed, err, "utokning");
    form_date(&f, "from_on", "Från och med", "", "ÅÅÅÅ-MM-DD.", true);
    form_date(&f, "to_on", "Till och med", "", "ÅÅÅÅ-MM-DD. En tillfällig utökning har ett slut.",
              true);
    form_number(&f, "hours_per_week", "Utökning, timmar per vecka", "", "Hela timmar.", true);
    form_number(&f, "requested_hours_per_week", "Ansökt utökning, timmar per vecka", "",
                "Tomt om allt ansökta beviljas. Beviljas mindre är beslutet delvis bifall och "
                "ska ha besvärshänvisning (R-031).",
                false);
    form_date(&f, "requested_to_on", "Ansökt till och med", "",
              "Tomt om den ansökta perioden beviljas.", false);
    form_textarea(&f, "reason", "Skäl", "", NULL, true);
    form_date(&f, "decided_on", "Beslutsdatum", today, NULL, true);
    form_end(&f, "Besluta utökningen");
  }
}

static const char *const *staff_options(Arena *a, const StaffFollowUp *rows, size_t n) {
  const char **opt = arena_array(a, 2 * n + 2, sizeof *opt);
  for (size_t i = 0; i < n; i++) {
    opt[2 * i] = arena_printf(a, "%lld", (long long)rows[i].row.assistant_id);
    opt[2 * i + 1] =
        arena_printf(a, "%s (%s)", rows[i].row.name, asst_web_staff_role(rows[i].row.role));
  }
  return opt;
}

static void staff_section(HttpReq *req, HttpResp *resp, int64_t id, const StaffFollowUp *rows,
                          size_t n, const ProviderRec *ps, size_t np, bool can_write,
                          AsstForm failed, const Err *err) {
  Str *o = &resp->body;
  html_raw(o, "<h2 id=\"uppdrag\">Assistenter och uppdragstagare</h2>\n<p>Anhöriga som är "
              "anställda som assistenter följs upp som kommunens egna: samma genomförandeplan, "
              "tidrapporter och uppföljningsbesök <span class=\"rule\">R-070</span>. Den som "
              "arbetar med ett barn visar utdrag ur belastningsregistret, högst ett år gammalt "
              "<span class=\"rule\">R-088</span>.</p>\n");
  if (n == 0) {
    html_raw(o, "<p class=\"muted\">Inga uppdrag gäller i dag.</p>\n");
  } else {
    html_raw(o, "<table id=\"uppdrag-lista\">\n<caption>Gällande uppdrag</caption>\n<thead><tr>"
                "<th scope=\"col\">Namn</th><th scope=\"col\">Uppdrag</th>"
                "<th scope=\"col\">Utförare</th><th scope=\"col\">Från</th>"
                "<th scope=\"col\">Senaste besök</th><th scope=\"col\">Saknas</th></tr></thead>\n"
                "<tbody>\n");
    for (size_t i = 0; i < n; i++) {
      const StaffFollowUpRow *r = &rows[i].row;
      html_printf(o,
                  "<tr><th scope=\"row\">%s%s</th><td>%s</td>"
                  "<td><a href=\"/utforare/%lld/ivo\">%s</a></td><td>",
                  r->name, r->is_relative ? " (anhörig)" : "", asst_web_staff_role(r->role),
                  (long long)r->provider_id, r->provider_name);
      web_date(o, r->employed_from);
      html_raw(o, "</td><td>");
      web_date(o, r->last_visit);
      html_raw(o, "</td><td>");
      asst_web_gaps(o, &rows[i]);
      html_raw(o, "</td></tr>\n");
    }
    html_raw(o, "</tbody>\n</table>\n");
  }
  if (!can_write) return;
  char action[96], today[DATE_STRLEN];
  date_format(web_today(req), today);
  WebForm f;
  if (n) {
    const char *const *opt = staff_options(req->arena, rows, n);
    html_raw(o, "<h3 id=\"nytt-utdrag\">Registrera registerutdrag <span class=\"rule\">R-088"
                "</span></h3>\n");
    snprintf(action, sizeof action, "/person/%lld/assistans/utdrag", (long long)id);
    asst_form(&f, req, resp, action, FORM_EXTRACT, failed, err, NULL);
    form_select(&f, "assistant_id", "Uppdrag", "", opt, NULL, true);
    form_select(&f, "register", "Register", "police", register_options, NULL, true);
    form_text(&f, "adult_name", "Vems utdrag", "",
              "Uppdragstagaren, eller en annan vuxen i stödfamiljens hem.", true);
    form_date(&f, "issued_on", "Utdraget utfärdat", "", "ÅÅÅÅ-MM-DD.", true);
    form_date(&f, "seen_on", "Utdraget visat", today, "ÅÅÅÅ-MM-DD.", true);
    form_end(&f, "Registrera utdraget");

    html_raw(o, "<h3 id=\"nytt-besok\">Registrera uppföljningsbesök <span class=\"rule\">R-070"
                "</span></h3>\n");
    snprintf(action, sizeof action, "/person/%lld/assistans/besok", (long long)id);
    asst_form(&f, req, resp, action, FORM_VISIT, failed, err, NULL);
    form_select(&f, "assistant_id", "Uppdrag", "", opt, NULL, true);
    form_date(&f, "visited_on", "Besöksdatum", today, "ÅÅÅÅ-MM-DD.", true);
    form_textarea(&f, "note", "Anteckning", "", NULL, false);
    form_end(&f, "Registrera besöket");
  }
  if (np == 0) return;
  html_raw(o, "<h3 id=\"nytt-uppdrag\">Nytt uppdrag <span class=\"rule\">R-069</span></h3>\n"
              "<p>Personens gode man eller förvaltare får inte anställas som personens "
              "personliga assistent.</p>\n");
  const char **popt = arena_array(req->arena, 2 * np + 2, sizeof *popt);
  for (size_t i = 0; i < np; i++) {
    popt[2 * i] = arena_printf(req->arena, "%lld", (long long)ps[i].id);
    popt[2 * i + 1] = ps[i].name;
  }
  snprintf(action, sizeof action, "/person/%lld/assistans/uppdrag", (long long)id);
  asst_form(&f, req, resp, action, FORM_STAFF, failed, err, NULL);
  form_select(&f, "provider_id", "Utförare", "", (const char *const *)popt, NULL, true);
  form_text(&f, "name", "Namn", "", NULL, true);
  form_select(&f, "role", "Uppdrag", "assistant", role_options, NULL, true);
  form_checkbox(&f, "is_relative", "Anhörig till personen", false,
                "Anhöriga följs upp som andra assistenter (R-070).");
  form_date(&f, "employed_from", "Från och med", today, "ÅÅÅÅ-MM-DD.", true);
  form_date(&f, "employed_to", "Till och med", "", "ÅÅÅÅ-MM-DD. Tomt: tills vidare.", false);
  form_end(&f, "Lägg till uppdraget");
}

static void sip_section(HttpReq *req, HttpResp *resp, int64_t id, const SipRec *ps, size_t n,
                        bool can_write, AsstForm failed, const Err *err) {
  Str *o = &resp->body;
  html_raw(o, "<h2 id=\"sip\">Individuell plan och SIP <span class=\"rule\">R-053</span></h2>\n"
              "<p>Behöver personen insatser både från socialtjänsten och från hälso- och "
              "sjukvården upprättas en samordnad individuell plan (SIP) tillsammans med "
              "regionen.</p>\n");
  if (n == 0) {
    html_raw(o, "<p class=\"muted\">Ingen individuell plan är erbjuden (den erbjuds på "
                "beslutets sida).</p>\n");
    return;
  }
  html_raw(o, "<table id=\"sip-lista\">\n<caption>Individuella planer</caption>\n<thead><tr>"
              "<th scope=\"col\">Erbjuden</th><th scope=\"col\">Svar</th>"
              "<th scope=\"col\">Upprättad</th><th scope=\"col\">SIP</th></tr></thead>\n"
              "<tbody>\n");
  const char **opt = arena_array(req->arena, 2 * n + 2, sizeof *opt);
  for (size_t i = 0; i < n; i++) {
    char d[DATE_STRLEN];
    html_printf(o, "<tr><th scope=\"row\">%s</th><td>%s</td><td>", date_format(ps[i].offered_on, d),
                ps[i].accepted == 1   ? "Ja"
                : ps[i].accepted == 0 ? "Nej"
                                      : "Inte besvarat");
    web_date(o, ps[i].drawn_up_on);
    if (ps[i].sip_needed)
      html_printf(o, "</td><td>Behövs: %s</td></tr>\n", ps[i].sip_note);
    else
      html_raw(o, "</td><td>Behövs inte</td></tr>\n");
    opt[2 * i] = arena_printf(req->arena, "%lld", (long long)ps[i].id);
    opt[2 * i + 1] = arena_printf(req->arena, "Plan erbjuden %s", d);
  }
  html_raw(o, "</tbody>\n</table>\n");
  if (!can_write) return;
  char action[96];
  snprintf(action, sizeof action, "/person/%lld/assistans/sip", (long long)id);
  WebForm f;
  asst_form(&f, req, resp, action, FORM_SIP, failed, err, NULL);
  form_select(&f, "individual_plan_id", "Individuell plan", "", (const char *const *)opt, NULL,
              true);
  form_checkbox(&f, "sip_needed", "SIP behövs (både socialtjänst och hälso- och sjukvård)",
                ps[0].sip_needed, NULL);
  form_textarea(&f, "sip_note", "Samordning", ps[0].sip_note,
                "Med vilken del av hälso- och sjukvården, och när.", false);
  form_end(&f, "Spara SIP-uppgiften");
}

static void housing_section(HttpReq *req, HttpResp *resp, int64_t id, int64_t decision_id,
                            const HousingPurchaseRec *hs, size_t n, const ProviderRec *ps,
                            size_t np, bool can_write, AsstForm failed, const Err *err) {
  if (!decision_id) return;
  Str *o = &resp->body;
  html_printf(o,
              "<h2 id=\"kopt-boende\">Externt köpt boende <span class=\"rule\">R-085</span></h2>\n"
              "<p>Beslut <a href=\"/decision/%lld\">%lld</a>. Ett externt köp av boende är "
              "alltid tidsbegränsat, med en uppsägningstid på en till tre månader, och säljaren "
              "har tillstånd från IVO.</p>\n",
              (long long)decision_id, (long long)decision_id);
  if (n) {
    html_raw(o, "<table id=\"boende-lista\">\n<caption>Köpta platser</caption>\n<thead><tr>"
                "<th scope=\"col\">Säljare</th><th scope=\"col\">Period</th>"
                "<th scope=\"col\">Uppsägningstid</th><th scope=\"col\">Anteckning</th></tr>"
                "</thead>\n<tbody>\n");
    for (size_t i = 0; i < n; i++) {
      html_printf(o, "<tr><th scope=\"row\">%s</th><td>", hs[i].provider_name);
      web_date(o, hs[i].from_on);
      html_raw(o, " – ");
      web_date(o, hs[i].to_on);
      html_printf(o, "</td><td>%d mån</td><td>%s</td></tr>\n", (int)hs[i].notice_months,
                  hs[i].note);
    }
    html_raw(o, "</tbody>\n</table>\n");
  }
  if (!can_write) return;
  const char **popt = arena_array(req->arena, 2 * np + 2, sizeof *popt);
  size_t k = 0;
  for (size_t i = 0; i < np; i++) {
    if (strcmp(ps[i].kind, "municipal") == 0) continue;
    popt[k++] = arena_printf(req->arena, "%lld", (long long)ps[i].id);
    popt[k++] = ps[i].name;
  }
  char action[96], today[DATE_STRLEN];
  date_format(web_today(req), today);
  snprintf(action, sizeof action, "/person/%lld/assistans/boende", (long long)id);
  WebForm f;
  asst_form(&f, req, resp, action, FORM_HOUSING, failed, err, NULL);
  form_select(&f, "provider_id", "Säljare", "", (const char *const *)popt, NULL, true);
  form_date(&f, "agreed_on", "Avtalet ingicks", today, "ÅÅÅÅ-MM-DD.", true);
  form_date(&f, "from_on", "Från och med", "", "ÅÅÅÅ-MM-DD.", true);
  form_date(&f, "to_on", "Till och med", "", "ÅÅÅÅ-MM-DD. Köpet är alltid tidsbegränsat.", true);
  form_number(&f, "notice_months", "Uppsägningstid, månader", "3", "1–3 månader.", true);
  form_text(&f, "note", "Anteckning", "", NULL, false);
  form_end(&f, "Registrera köpet");
}

/* The page's data, read in one group (one audit event for the person, R-133). */
typedef struct {
  PersonView v;
  StayRec *stays;
  size_t nstays, nstaff, nn, ni, np, nsips, nhs;
  StaffFollowUp *staff;
  int64_t decision_id, housing_id;
  DecisionStayHours h;
  NoticeRec *ns;
  IncreaseRec *is;
  ProviderRec *ps;
  SipRec *sips;
  HousingPurchaseRec *hs;
} AsstData;

static bool load(Svc *s, HttpReq *req, int64_t id, bool can_write, AsstData *d, Err *e) {
  memset(d, 0, sizeof *d);
  Arena *a = req->arena;
  if (!svc_person_open(s, id, NULL, a, &d->v, e) ||
      !svc_stay_list(s, id, a, &d->stays, &d->nstays, e) ||
      !svc_staff_follow_up(s, id, false, a, &d->staff, &d->nstaff, e) ||
      !svc_assistance_decision_of_person(s, id, &d->decision_id, e) ||
      !svc_sip_list(s, id, a, &d->sips, &d->nsips, e) ||
      !svc_housing_decision_of_person(s, id, &d->housing_id, e))
    return false;
  if (d->decision_id && (!svc_stay_hours_for_decision(s, d->decision_id, DATE_NONE, a, &d->h, e) ||
                         !svc_notice_list(s, d->decision_id, a, &d->ns, &d->nn, e) ||
                         !svc_increase_list(s, d->decision_id, a, &d->is, &d->ni, e)))
    return false;
  if (d->housing_id && !svc_housing_purchase_list(s, d->housing_id, a, &d->hs, &d->nhs, e))
    return false;
  return !can_write || svc_provider_list(s, NULL, a, &d->ps, &d->np, e);
}

/* The whole page; `failed` names the form a refusal belongs to. */
static bool render(HttpReq *req, HttpResp *resp, AsstForm failed, const Err *err, Err *e) {
  Svc s = web_svc(req);
  int64_t id = http_param(req, "id");
  const WebUser *u = web_user(req);
  unsigned caps = u ? role_caps(u->si.role) : 0;
  bool can_write = (caps & (CAP_EXECUTE | CAP_CASE_WRITE)) != 0;
  AsstData d;
  SvcReads reads;
  if (!svc_reads_begin(&s, &reads, e)) return false;
  bool ok = load(&s, req, id, can_write, &d, e);
  Err end;
  err_clear(&end);
  if (!svc_reads_end(&s, &end) && ok) {
    *e = end;
    return false;
  }
  if (!ok) return false;
  const PersonView *v = &d.v;
  Str title;
  str_init(&title);
  str_appendf(&title, "Assistans och uppdrag – %s",
              v->person.protected_identity ? "skyddad identitet" : v->person.given_name);
  page_begin(req, resp, str_cstr(&title), NAV_SEARCH);
  str_free(&title);
  Str *o = &resp->body;
  html_printf(o, "<p><a href=\"/person/%lld\">Tillbaka till personakten</a></p>\n", (long long)id);
  html_raw(o, "<h1>Assistans och uppdrag: ");
  if (v->person.protected_identity)
    html_raw(o, "skyddad identitet");
  else
    html_printf(o, "%s %s", v->person.given_name, v->person.family_name);
  html_raw(o, "</h1>\n");
  page_flash(req, resp);
  stays_section(req, resp, id, d.stays, d.nstays, can_write, failed, err);
  decision_section(req, resp, id, d.decision_id, &d.h, d.ns, d.nn, d.is, d.ni, caps, failed, err);
  staff_section(req, resp, id, d.staff, d.nstaff, d.ps, d.np, can_write, failed, err);
  sip_section(req, resp, id, d.sips, d.nsips, can_write, failed, err);
  housing_section(req, resp, id, d.housing_id, d.hs, d.nhs, d.ps, d.np, can_write, failed, err);
  page_end(req, resp);
  return true;
}

bool page_assistance_view(HttpReq *req, HttpResp *resp, Err *e) {
  return render(req, resp, FORM_NONE, NULL, e);
}

/* After a command: back to the page, or the page again with the refusal at its form. */
static bool done(HttpReq *req, HttpResp *resp, bool ok, AsstForm which, Err *why, Err *e) {
  if (ok) {
    char to[96];
    snprintf(to, sizeof to, "/person/%lld/assistans?klart=sparat",
             (long long)http_param(req, "id"));
    http_resp_redirect(resp, to);
    return true;
  }
  if (!asst_web_is_refusal(why)) {
    *e = *why;
    return false;
  }
  resp->status = 422;
  return render(req, resp, which, why, e);
}

static int64_t form_id(const HttpReq *req, const char *name) {
  int64_t v = 0;
  Err ignore;
  err_clear(&ignore);
  return form_get_int(req, name, "", 1, INT64_MAX, &v, &ignore) ? v : 0;
}

bool page_assistance_stay(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  StayIn in;
  memset(&in, 0, sizeof in);
  in.person_id = http_param(req, "id");
  in.kind = form_get(req, "kind");
  in.note = form_get(req, "note");
  in.short_notice_note = form_get(req, "short_notice_note");
  int64_t id = 0;
  bool ok = form_get_date(req, "from_on", "Från och med", &in.from_on, &why) &&
            form_get_date(req, "to_on", "Till och med", &in.to_on, &why) &&
            form_get_date(req, "notified_on", "Resan meddelades den", &in.notified_on, &why) &&
            svc_stay_record(&s, &in, &id, &why);
  return done(req, resp, ok, FORM_STAY, &why, e);
}

bool page_assistance_stay_end(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  Date to = DATE_NONE;
  int64_t stay = form_id(req, "stay_id");
  bool ok = form_get_date(req, "to_on", "Sista dag", &to, &why);
  if (ok && !stay) ok = err_set(&why, ERR_INVALID, "stay_id", "", "Välj vistelse.");
  ok = ok && svc_stay_end(&s, stay, to, &why);
  if (!ok && strcmp(why.field, "id") == 0) snprintf(why.field, sizeof why.field, "stay_id");
  return done(req, resp, ok, FORM_STAY_END, &why, e);
}

bool page_assistance_staff(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  AssistantIn in;
  memset(&in, 0, sizeof in);
  in.person_id = http_param(req, "id");
  in.provider_id = form_id(req, "provider_id");
  in.name = form_get(req, "name");
  in.role = form_get(req, "role");
  in.is_relative = form_get_bool(req, "is_relative");
  int64_t id = 0;
  bool ok = form_get_date(req, "employed_from", "Från och med", &in.employed_from, &why) &&
            form_get_date(req, "employed_to", "Till och med", &in.employed_to, &why) &&
            svc_assistant_add(&s, &in, &id, &why);
  return done(req, resp, ok, FORM_STAFF, &why, e);
}

bool page_assistance_extract(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  ExtractIn in;
  memset(&in, 0, sizeof in);
  in.assistant_id = form_id(req, "assistant_id");
  in.register_ = form_get(req, "register");
  in.adult_name = form_get(req, "adult_name");
  int64_t id = 0;
  bool ok = form_get_date(req, "issued_on", "Utdraget utfärdat", &in.issued_on, &why) &&
            form_get_date(req, "seen_on", "Utdraget visat", &in.seen_on, &why) &&
            svc_staff_extract_add(&s, &in, &id, &why);
  return done(req, resp, ok, FORM_EXTRACT, &why, e);
}

bool page_assistance_visit(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  Date on = DATE_NONE;
  int64_t id = 0;
  bool ok = form_get_date(req, "visited_on", "Besöksdatum", &on, &why) &&
            svc_staff_visit_add(&s, form_id(req, "assistant_id"), on, form_get(req, "note"), false,
                                &id, &why);
  return done(req, resp, ok, FORM_VISIT, &why, e);
}

bool page_assistance_notice(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  NoticeIn in;
  memset(&in, 0, sizeof in);
  in.kind = form_get(req, "kind");
  in.in_writing = form_get_bool(req, "in_writing");
  in.what = form_get(req, "what");
  in.short_notice_note = form_get(req, "short_notice_note");
  int64_t id = 0;
  bool ok = svc_assistance_decision_of_person(&s, http_param(req, "id"), &in.decision_id, &why) &&
            form_get_date(req, "notified_on", "Meddelat den", &in.notified_on, &why) &&
            form_get_date(req, "effective_on", "Gäller från", &in.effective_on, &why) &&
            svc_notice_record(&s, &in, &id, &why);
  return done(req, resp, ok, FORM_NOTICE, &why, e);
}

bool page_assistance_increase(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  IncreaseIn in;
  memset(&in, 0, sizeof in);
  in.reason = form_get(req, "reason");
  int64_t hours = 0, id = 0;
  bool ok = svc_assistance_decision_of_person(&s, http_param(req, "id"), &in.decision_id, &why) &&
            form_get_date(req, "from_on", "Från och med", &in.from_on, &why) &&
            form_get_date(req, "to_on", "Till och med", &in.to_on, &why) &&
            form_get_date(req, "decided_on", "Beslutsdatum", &in.decided_on, &why) &&
            form_get_int(req, "hours_per_week", "Utökning, timmar per vecka", 1, 168, &hours, &why);
  int64_t requested = 0;
  ok = ok &&
       (!*form_get(req, "requested_hours_per_week") ||
        form_get_int(req, "requested_hours_per_week", "Ansökt utökning, timmar per vecka", 1, 168,
                     &requested, &why)) &&
       form_get_date(req, "requested_to_on", "Ansökt till och med", &in.requested_to_on, &why);
  in.minutes_per_week = hours * 60;
  in.requested_minutes_per_week = requested * 60;
  ok = ok && svc_increase_decide(&s, &in, &id, &why);
  if (!ok && strcmp(why.field, "minutes_per_week") == 0)
    snprintf(why.field, sizeof why.field, "hours_per_week");
  if (!ok && strcmp(why.field, "requested_minutes_per_week") == 0)
    snprintf(why.field, sizeof why.field, "requested_hours_per_week");
  return done(req, resp, ok, FORM_INCREASE, &why, e);
}

/* The increase as the decision letter the person gets (R-130: what was applied for, what was
 * decided, why, by whom); appeal instructions when less was granted than applied for. */
bool page_assistance_increase_letter(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  int64_t person_id = http_param(req, "id");
  IncreaseRec r;
  PersonRec p;
  if (!svc_increase_get(&s, person_id, http_param(req, "inc"), &r, &p, e)) return false;
  bool partly = svc_increase_partly(&r);
  page_begin(req, resp, "Beslut om tillfällig utökning", NAV_SEARCH);
  Str *o = &resp->body;
  html_printf(o,
              "<p><a href=\"/person/%lld/assistans#utokning\">Tillbaka till assistansen</a></p>\n",
              (long long)person_id);
  html_raw(o, "<article class=\"letter\" aria-labelledby=\"brev-rubrik\">"
              "<p><span class=\"muted\">[Kommunens namn]</span><br>"
              "<span class=\"muted\">[Nämnd och förvaltning]</span></p><p>Datum: ");
  web_date(o, r.decided_on);
  html_printf(o, "</p><p>%s %s<br><span class=\"muted\">[Utdelningsadress]</span></p>\n",
              p.given_name, p.family_name);
  html_raw(o, "<h1 id=\"brev-rubrik\">Beslut om tillfällig utökning av personlig assistans "
              "enligt LSS</h1>\n<h2>Din ansökan</h2>\n<p>Du har ansökt om ");
  asst_web_minutes(o, r.requested_minutes_per_week ? r.requested_minutes_per_week
                                                   : r.minutes_per_week);
  html_raw(o, " mer per vecka från ");
  web_date(o, r.from_on);
  html_raw(o, " till och med ");
  web_date(o, date_is_set(r.requested_to_on) ? r.requested_to_on : r.to_on);
  html_raw(o, ".</p>\n<h2>Beslut</h2>\n<p><strong>");
  if (partly)
    html_raw(o, "Ansökan beviljas delvis.");
  else
    html_raw(o, "Ansökan beviljas.");
  html_raw(o, "</strong></p>\n<p>Du beviljas ");
  asst_web_minutes(o, r.minutes_per_week);
  html_raw(o, " personlig assistans per vecka utöver ditt beslut, från ");
  web_date(o, r.from_on);
  html_raw(o, " till och med ");
  web_date(o, r.to_on);
  html_raw(o, " (9 § 2 LSS). Utökningen är tillfällig och upphör utan nytt beslut "
              "<span class=\"rule\">R-068</span>.</p>\n<h2>Skäl för beslutet</h2>\n");
  html_printf(o, "<p>%s</p>\n", r.reason);
  html_printf(o, "<p>Beslutet är fattat av %s, %s.</p>\n",
              r.decided_by_name[0] ? r.decided_by_name : "–",
              r.decided_by_title[0] ? r.decided_by_title : "–");
  if (partly) web_appeal_instructions(o, 2);
  html_raw(o, "</article>\n");
  page_end(req, resp);
  return true;
}

bool page_assistance_sip(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  int64_t ip = form_id(req, "individual_plan_id");
  bool ok =
      ip ? svc_sip_record(&s, ip, form_get_bool(req, "sip_needed"), form_get(req, "sip_note"), &why)
         : err_set(&why, ERR_INVALID, "individual_plan_id", "", "Välj individuell plan.");
  return done(req, resp, ok, FORM_SIP, &why, e);
}

bool page_assistance_housing(HttpReq *req, HttpResp *resp, Err *e) {
  Svc s = web_svc(req);
  Err why;
  err_clear(&why);
  HousingPurchaseIn in;
  memset(&in, 0, sizeof in);
  in.provider_id = form_id(req, "provider_id");
  in.note = form_get(req, "note");
  int64_t months = 0, id = 0;
  bool ok = svc_housing_decision_of_person(&s, http_param(req, "id"), &in.decision_id, &why) &&
            form_get_date(req, "agreed_on", "Avtalet ingicks", &in.agreed_on, &why) &&
            form_get_date(req, "from_on", "Från och med", &in.from_on, &why) &&
            form_get_date(req, "to_on", "Till och med", &in.to_on, &why) &&
            form_get_int(req, "notice_months", "Uppsägningstid, månader", 0, 24, &months, &why);
  in.notice_months = (int32_t)months;
  ok = ok && svc_housing_purchase_record(&s, &in, &id, &why);
  return done(req, resp, ok, FORM_HOUSING, &why, e);
}
