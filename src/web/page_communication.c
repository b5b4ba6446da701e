/* page_communication.c — communicating the material before the decision (R-030, 25 § FL) and
 * recording it: what was sent, when, how, the last day to reply and that the person was
 * told of the right to present the matter orally; the reply when it comes; and the reason when
 * the material is not communicated (the decision does not go against the person, …).
 * Must not: decide whether communication is needed (the officer does; the service records it). */
#include <string.h>

#include "web/investigation_internal.h"

/* clang-format off */
static const char *const how_options[] = {
    "letter", "Brev",
    "digital", "Digitalt",
    "meeting", "Möte",
    "phone", "Telefon",
    NULL, NULL};
/* clang-format on */

static const char *how_name(const char *how) {
  for (size_t i = 0; how_options[i]; i += 2)
    if (strcmp(how_options[i], how) == 0) return how_options[i + 1];
  return how;
}

static const char *const add_fields[] = {"what",     "sent_on",      "how",
                                         "reply_by", "oral_offered", NULL};
static const char *const exception_fields[] = {"communication_exception", NULL};
static const char *const reply_fields[] = {"reply_received_on", NULL};

static const CommunicationRec *find_communication(const InvCase *c, int64_t id) {
  for (size_t i = 0; i < c->iv.n_communications; i++)
    if (c->iv.communications[i].id == id) return &c->iv.communications[i];
  return NULL;
}

static void communications_table(Str *o, HttpReq *req, const InvCase *c) {
  html_raw(o, "<h2>Kommunicerat material</h2>\n");
  if (c->iv.n_communications == 0) {
    html_raw(o, "<p class=\"muted\">Inget material har kommunicerats i ärendet.</p>\n");
    return;
  }
  html_raw(o, "<table>\n<thead><tr><th scope=\"col\">Skickat</th><th scope=\"col\">Hur</th>"
              "<th scope=\"col\">Vad</th><th scope=\"col\">Svar senast</th>"
              "<th scope=\"col\">Rätt att lämna uppgifter muntligt</th>"
              "<th scope=\"col\">Svar kom in</th></tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < c->iv.n_communications; i++) {
    const CommunicationRec *r = &c->iv.communications[i];
    html_printf(o, "<tr id=\"kommunicering-%lld\"><th scope=\"row\">", (long long)r->id);
    web_date(o, r->sent_on);
    html_printf(o, "</th><td>%s</td><td>%s</td><td>", how_name(r->how), r->what);
    web_date(o, r->reply_by);
    html_printf(o, "</td><td>%s</td><td>", r->oral_offered ? "Upplyst" : "Inte upplyst");
    if (date_is_set(r->reply_received_on))
      web_date(o, r->reply_received_on);
    else if (c->open && (req->caps & CAP_CASE_WRITE))
      html_printf(o,
                  "<a href=\"/case/%lld/kommunicering/%lld/svar\" id=\"svar-%lld\" "
                  "aria-label=\"Registrera svar på kommuniceringen som skickades %s\">Registrera "
                  "svar</a>",
                  (long long)c->cv.c.id, (long long)r->id, (long long)r->id,
                  inv_date_str(req, r->sent_on));
    else
      html_raw(o, "–");
    html_raw(o, "</td></tr>\n");
  }
  html_raw(o, "</tbody>\n</table>\n");
}

typedef enum { FORM_NONE, FORM_ADD, FORM_EXCEPTION } Which;

static bool render(HttpReq *req, HttpResp *resp, const InvCase *c, Which which, const Err *err) {
  Str *o = &resp->body;
  long long id = (long long)c->cv.c.id;
  inv_page_begin(req, resp, c, "Kommunicering", INV_TAB_COMMUNICATION);
  inv_closed_note(o, c);
  html_raw(o, "<p>Innan ärendet avgörs ska den enskilde få del av materialet och kunna yttra sig, "
              "och upplysas om rätten att lämna uppgifter muntligt <span class=\"rule\">(R-030)"
              "</span>. Det antecknas om, när och hur materialet kommunicerades <span "
              "class=\"rule\">(R-130)</span>.</p>\n");
  communications_table(o, req, c);
  if (c->cv.c.communication_exception[0] && !c->open)
    html_printf(o,
                "<h2>Beslut utan kommunicering</h2>\n<p>Skäl: %s <span "
                "class=\"rule\">(R-030)</span></p>\n",
                c->cv.c.communication_exception);
  if (!c->open) {
    page_end(req, resp);
    return true;
  }
  Err shown;
  html_raw(o, "<h2 id=\"kommunicera\">Kommunicera materialet</h2>\n");
  if (which == FORM_ADD) shown = inv_err_for_form(err, add_fields);
  WebForm f;
  form_begin(&f, req, resp, arena_printf(req->arena, "/case/%lld/kommunicering", id),
             which == FORM_ADD ? &shown : NULL);
  form_textarea(&f, "what", "Vad som kommuniceras", "",
                "Till exempel: utredningen och förslaget till beslut.", true);
  form_date(&f, "sent_on", "Skickat", inv_date_str(req, web_today(req)), NULL, true);
  form_select(&f, "how", "Hur", "letter", how_options, NULL, true);
  form_date(&f, "reply_by", "Svar senast", inv_date_str(req, date_add_days(web_today(req), 14)),
            "Förslaget är två veckor efter utskicket.", true);
  form_checkbox(&f, "oral_offered",
                "Den enskilde har upplysts om rätten att lämna uppgifter muntligt", false,
                "Krävs när materialet kommuniceras (25 § FL, R-030).");
  form_end(&f, "Registrera kommuniceringen");

  html_raw(o, "<h2 id=\"undantag\">Beslut utan kommunicering</h2>\n<p>Materialet behöver inte "
              "kommuniceras om beslutet inte går den enskilde emot, om uppgifterna saknar "
              "betydelse eller om det av någon annan anledning är uppenbart obehövligt <span "
              "class=\"rule\">(R-030)</span>. Skälet antecknas i ärendet.</p>\n");
  if (c->cv.c.communication_exception[0])
    html_printf(o, "<p>Antecknat skäl: %s</p>\n", c->cv.c.communication_exception);
  if (which == FORM_EXCEPTION) shown = inv_err_for_form(err, exception_fields);
  form_begin(&f, req, resp, arena_printf(req->arena, "/case/%lld/kommunicering/undantag", id),
             which == FORM_EXCEPTION ? &shown : NULL);
  form_textarea(&f, "communication_exception", "Skäl till att materialet inte kommuniceras",
                c->cv.c.communication_exception,
                "Till exempel: Beslutet går inte den enskilde emot; ansökan beviljas i sin helhet.",
                true);
  form_end(&f, "Spara skälet");
  html_printf(o, "<p><a href=\"/case/%lld\">Tillbaka till ärendet</a></p>\n", id);
  page_end(req, resp);
  return true;
}

bool page_communication_view(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t case_id = http_param(req, "id");
  InvCase c;
  if (!inv_load(req, case_id, &c, e)) return inv_fail(req, resp, case_id, e);
  return render(req, resp, &c, FORM_NONE, NULL);
}

static bool refused(HttpReq *req, HttpResp *resp, int64_t case_id, Which which, const Err *why,
                    Err *e) {
  if (!inv_is_refusal(why)) {
    *e = *why;
    return inv_fail(req, resp, case_id, e);
  }
  InvCase c;
  if (!inv_load(req, case_id, &c, e)) return inv_fail(req, resp, case_id, e);
  resp->status = inv_refusal_status(why);
  return render(req, resp, &c, which, why);
}

bool page_communication_add(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t case_id = http_param(req, "id");
  Err why;
  err_clear(&why);
  CommunicationIn in = {case_id,
                        DATE_NONE,
                        form_get(req, "how"),
                        form_get(req, "what"),
                        DATE_NONE,
                        form_get_bool(req, "oral_offered")};
  int64_t id = 0;
  Svc s = web_svc(req);
  /* the service refuses it unless the person was told of the right to present orally */
  if (form_get_date(req, "sent_on", "Skickat", &in.sent_on, &why) &&
      form_get_date(req, "reply_by", "Svar senast", &in.reply_by, &why) &&
      svc_communication_add(&s, &in, &id, &why)) {
    http_resp_redirect(
        resp, arena_printf(req->arena, "/case/%lld/kommunicering?klart=sparat#kommunicering-%lld",
                           (long long)case_id, (long long)id));
    return true;
  }
  return refused(req, resp, case_id, FORM_ADD, &why, e);
}

bool page_communication_exception(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t case_id = http_param(req, "id");
  Err why;
  err_clear(&why);
  Svc s = web_svc(req);
  /* why the material is not communicated before the decision */
  if (svc_case_communication_exception(&s, case_id, form_get(req, "communication_exception"),
                                       &why)) {
    http_resp_redirect(resp, arena_printf(req->arena, "/case/%lld/kommunicering?klart=sparat",
                                          (long long)case_id));
    return true;
  }
  return refused(req, resp, case_id, FORM_EXCEPTION, &why, e);
}

/* ---- the reply ---- */

static bool render_reply(HttpReq *req, HttpResp *resp, const InvCase *c, const CommunicationRec *r,
                         const Err *err) {
  Str *o = &resp->body;
  inv_page_begin(req, resp, c, "Registrera svar på kommuniceringen", INV_TAB_COMMUNICATION);
  inv_closed_note(o, c);
  html_raw(o, "<h2>Kommuniceringen</h2>\n<dl class=\"facts\">\n<dt>Skickat</dt><dd>");
  web_date(o, r->sent_on);
  html_printf(o,
              "</dd>\n<dt>Hur</dt><dd>%s</dd>\n<dt>Vad</dt><dd>%s</dd>\n<dt>Svar senast</dt><dd>",
              how_name(r->how), r->what);
  web_date(o, r->reply_by);
  html_raw(o, "</dd>\n</dl>\n<h2>Svaret</h2>\n");
  Err shown;
  if (err) shown = inv_err_for_form(err, reply_fields);
  WebForm f;
  form_begin(&f, req, resp, arena_printf(req->arena, "/communication/%lld/svar", (long long)r->id),
             err ? &shown : NULL);
  form_hidden(&f, "case_id", arena_printf(req->arena, "%lld", (long long)c->cv.c.id));
  form_date(&f, "reply_received_on", "Svaret kom in", inv_date_str(req, web_today(req)), NULL,
            true);
  form_end(&f, "Registrera svaret");
  html_printf(o, "<p><a href=\"/case/%lld/kommunicering\">Tillbaka till kommuniceringen</a></p>\n",
              (long long)c->cv.c.id);
  page_end(req, resp);
  return true;
}

bool page_communication_reply_form(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t case_id = http_param(req, "id"), cid = http_param(req, "cid");
  InvCase c;
  if (!inv_load(req, case_id, &c, e)) return inv_fail(req, resp, case_id, e);
  const CommunicationRec *r = find_communication(&c, cid);
  if (!r) return err_set(e, ERR_NOT_FOUND, "", "", "Kommuniceringen finns inte i ärendet.");
  return render_reply(req, resp, &c, r, NULL);
}

bool page_communication_reply(HttpReq *req, HttpResp *resp, Err *e) {
  int64_t cid = http_param(req, "id"), case_id;
  if (!inv_posted_case_id(req, &case_id, e)) return false;
  Err why;
  err_clear(&why);
  Date on;
  Svc s = web_svc(req);
  if (form_get_date(req, "reply_received_on", "Svaret kom in", &on, &why) &&
      svc_communication_reply(&s, cid, on, &why)) {
    http_resp_redirect(
        resp, arena_printf(req->arena, "/case/%lld/kommunicering?klart=sparat#kommunicering-%lld",
                           (long long)case_id, (long long)cid));
    return true;
  }
  if (!inv_is_refusal(&why)) {
    *e = why;
    return inv_fail(req, resp, case_id, e);
  }
  InvCase c;
  if (!inv_load(req, case_id, &c, e)) return inv_fail(req, resp, case_id, e);
  const CommunicationRec *r = find_communication(&c, cid);
  if (!r) return err_set(e, ERR_NOT_FOUND, "", "", "Kommuniceringen finns inte i ärendet.");
  resp->status = inv_refusal_status(&why);
  return render_reply(req, resp, &c, r, &why);
}
