/* fk_svc.c — Försäkringskassan: notice tasks generated when the rules call for them (3078: R-110,
 * 3064: R-111, 3032: R-112), marking them sent, FK's decisions on assistansersättning and the
 * filled-in content of the forms (see svc_payment.h). Must not: contain SQL. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/hours.h"
#include "core/insats.h"
#include "service/fk_internal.h"
#include "service/payment_internal.h"

static const struct {
  const char *form, *rule, *title;
} fk_forms[] = {
    {"3078", "R-110", "Anmälan om behov av personlig assistans (FK 3078, 15 § 8 LSS)"},
    {"3064", "R-111", "Underrättelse om insatser enligt LSS (FK 3064)"},
    {"3032", "R-112", "Begäran om ersättning för utförd personlig assistans (FK 3032)"},
};

/* Inside a write transaction: adds every notice now due, the person's (person_id > 0) or
 * everyone's. 3078 before 3064 (a decision told under 3078 is not told again under 3064). */
static bool fk_refresh_in_tx(Svc *s, int64_t person_id, size_t *added, Arena *a, Err *e) {
  *added = 0;
  for (size_t f = 0; f < 3; f++) {
    FkDue *due;
    size_t n;
    if (!store_fk_due(s->db, fk_forms[f].form, person_id, a, &due, &n, e)) return false;
    for (size_t i = 0; i < n; i++) {
      bool was_added = false;
      if (!store_fk_notice_add(s->db, due[i].decision_id, due[i].person_id, fk_forms[f].form,
                               fk_forms[f].rule, due[i].due_on, s->now, false, &was_added, e))
        return false;
      if (was_added) {
        (*added)++;
        if (!svc_audit(s, "fk_notice.create", "decision", due[i].decision_id, due[i].person_id,
                       fk_forms[f].form, e))
          return false;
      }
    }
  }
  return true;
}

bool svc_fk_refresh(Svc *s, size_t *added, Err *e) {
  *added = 0;
  if (!svc_require_any(s, CAP_CASE_WRITE | CAP_FINANCE, CAP_CASE_WRITE, e)) return false;
  Arena a;
  arena_init(&a, 0);
  bool ok = svc_begin(s, true, e) && fk_refresh_in_tx(s, 0, added, &a, e);
  arena_free(&a);
  return svc_end(s, ok, e);
}

bool svc_fk_refresh_person(Svc *s, int64_t person_id, Err *e) {
  Arena a;
  arena_init(&a, 0);
  size_t added = 0;
  bool ok = fk_refresh_in_tx(s, person_id, &added, &a, e);
  arena_free(&a);
  return ok;
}

bool svc_fk_open_mine(Svc *s, Arena *a, FkOpenRow **out, size_t *n, Err *e) {
  *out = NULL, *n = 0;
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  /* read-only like the rest of Mitt arbete: the user's own tasks */
  bool ok = svc_begin(s, false, e) &&
            store_fk_notice_open_for_officer(s->db, s->user_id, SVC_FK_OPEN_LIMIT, a, out, n, e);
  if (!svc_end(s, ok, e)) {
    *out = NULL, *n = 0;
    return false;
  }
  return true;
}

bool svc_fk_list(Svc *s, int64_t person_id, Arena *a, FkNoticeRec **notices, size_t *nn,
                 FkDecisionRec **decisions, size_t *nd, Err *e) {
  *notices = NULL, *decisions = NULL, *nn = *nd = 0;
  if (!svc_require_any(s, CAP_PERSON_READ | CAP_FINANCE, CAP_PERSON_READ, e)) return false;
  /* a pure read: the notices were made when the commands that call for them ran */
  bool ok = svc_begin(s, true, e) && pay_person_access(s, person_id, e) &&
            store_fk_notice_list(s->db, person_id, a, notices, nn, e) &&
            store_fk_decision_list(s->db, person_id, a, decisions, nd, e) &&
            svc_audit(s, "fk.read", "person", person_id, person_id, "", e);
  return svc_end(s, ok, e);
}

bool svc_fk_notice_sent(Svc *s, int64_t notice_id, Date sent_on, Err *e) {
  if (!svc_require(s, CAP_CASE_WRITE, e)) return false;
  if (!date_is_set(sent_on))
    return err_set(e, ERR_INVALID, "sent_on", "", "Ange när anmälan skickades.");
  if (date_before(s->today, sent_on))
    return err_set(e, ERR_INVALID, "sent_on", "", "Anmälan kan inte vara skickad i framtiden.");
  FkNoticeRec n;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_fk_notice_get(s->db, notice_id, &n, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "id", "", "Uppgiften finns inte.");
  ok = ok && svc_person_access_check(s, n.person_id, e);
  if (ok && date_is_set(n.sent_on))
    ok = err_set(e, ERR_CONFLICT, "id", n.rule, "Blanketten %s är redan skickad.", n.form);
  /* a sent 3078 can make 3064 and 3032 due */
  ok = ok && store_fk_notice_set_sent(s->db, notice_id, sent_on, s->user_id, e) &&
       svc_audit(s, "fk_notice.sent", "fk_notice", notice_id, n.person_id, n.form, e) &&
       svc_fk_refresh_person(s, n.person_id, e);
  return svc_end(s, ok, e);
}

bool svc_fk_decision_record(Svc *s, const FkDecisionIn *in, int64_t *id, Err *e) {
  if (!svc_require(s, CAP_CASE_WRITE, e)) return false;
  if (!date_is_set(in->decided_on) || !date_is_set(in->valid_from))
    return err_set(e, ERR_INVALID, !date_is_set(in->decided_on) ? "decided_on" : "valid_from", "",
                   "Ange beslutsdatum och från vilket datum beslutet gäller.");
  if (date_is_set(in->valid_to) && date_before(in->valid_to, in->valid_from))
    return err_set(e, ERR_INVALID, "valid_to", "", "Beslutet kan inte upphöra innan det börjar.");
  if (date_is_set(in->notified_on) && date_before(in->notified_on, in->decided_on))
    return err_set(e, ERR_INVALID, "notified_on", "",
                   "Beslutet kan inte vara delgivet före beslutsdatum.");
  if (in->minutes_per_week < 0 || in->minutes_per_week > 7 * 24 * 60 ||
      (in->granted && in->minutes_per_week == 0))
    return err_set(e, ERR_INVALID, "minutes_per_week", "",
                   "Ange beviljade timmar per vecka (högst 168).");
  FkDecisionRec r = {.person_id = in->person_id,
                     .granted = in->granted,
                     .minutes_per_week = in->granted ? in->minutes_per_week : 0,
                     .valid_from = in->valid_from,
                     .valid_to = in->valid_to,
                     .decided_on = in->decided_on,
                     .notified_on = in->notified_on,
                     .created_by = s->user_id,
                     .is_demo = in->is_demo};
  bool ok = svc_begin(s, true, e) && svc_person_access_check(s, in->person_id, e) &&
            store_fk_decision_insert(s->db, &r, s->now, id, e) &&
            /* the claim under 3032 is due when FK's decision is notified */
            (!date_is_set(in->notified_on) ||
             store_fk_notice_set_claim_due(s->db, in->person_id, in->notified_on, e)) &&
            svc_audit(s, "fk_decision.record", "fk_decision", *id, in->person_id, "", e) &&
            svc_fk_refresh_person(s, in->person_id, e); /* later decisions under 3064 */
  return svc_end(s, ok, e);
}

static void form_field(FkForm *f, const char *label, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void form_field(FkForm *f, const char *label, const char *fmt, ...) {
  if (f->n >= FK_FORM_MAX_FIELDS) return;
  snprintf(f->fields[f->n].label, sizeof f->fields[f->n].label, "%s", label);
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(f->fields[f->n].value, sizeof f->fields[f->n].value, fmt, ap);
  va_end(ap);
  f->n++;
}

/* Hours and minutes of a minute count, "37 tim 30 min". */
static void hm(char *buf, size_t cap, int64_t minutes) {
  snprintf(buf, cap, "%lld tim %02lld min", (long long)(minutes / 60), (long long)(minutes % 60));
}

bool svc_fk_form(Svc *s, int64_t notice_id, FkForm *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (!svc_require_any(s, CAP_PERSON_READ, CAP_PERSON_READ, e)) return false;
  Arena a;
  arena_init(&a, 0);
  FkNoticeRec n;
  PayDecisionRec d;
  PersonRec p;
  UserRec u;
  AssistanceRec as;
  bool found = false, pfound = false, ufound = false, afound = false;
  bool ok = svc_begin(s, true, e) && store_fk_notice_get(s->db, notice_id, &n, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "id", "", "Uppgiften finns inte.");
  ok = ok && svc_person_access_check(s, n.person_id, e) &&
       pay_decision_load(s, n.decision_id, NULL, n.rule, &d, e) &&
       store_person_get(s->db, n.person_id, &p, &pfound, e) &&
       store_assistance_latest(s->db, d.case_id, &a, &as, &afound, e) &&
       (!s->user_id || store_user_get(s->db, s->user_id, &u, &ufound, e)) &&
       svc_audit(s, "fk_notice.form", "fk_notice", notice_id, n.person_id, n.form, e);
  if (ok) {
    for (size_t f = 0; f < 3; f++)
      if (strcmp(fk_forms[f].form, n.form) == 0) {
        snprintf(out->title, sizeof out->title, "%s", fk_forms[f].title);
        snprintf(out->rule, sizeof out->rule, "%s", fk_forms[f].rule);
      }
    snprintf(out->form, sizeof out->form, "%s", n.form);
    const InsatsInfo *info = insats_info(insats_from_code(d.insats));
    char buf[64], from[DATE_STRLEN], to[DATE_STRLEN], dec[DATE_STRLEN];
    form_field(out, "Personnummer", "%.8s-%s", p.pnr, p.pnr + 8);
    form_field(out, "Namn", "%s %s", p.given_name, p.family_name);
    form_field(out, "Insats", "%s (%s)", info ? info->name : d.insats, info ? info->paragraph : "");
    form_field(out, "Beslutsdatum", "%s", date_format(d.decided_on, dec));
    form_field(out, "Beslutet gäller", "%s – %s", date_format(d.valid_from, from),
               date_is_set(pay_decision_end(&d)) ? date_format(pay_decision_end(&d), to)
                                                 : "tills vidare");
    if (strcmp(d.scope_unit, "hours_per_week") == 0) {
      hm(buf, sizeof buf, d.scope_amount);
      form_field(out, "Beviljad omfattning", "%s per vecka", buf);
    } else if (strcmp(d.scope_unit, "hours_per_month") == 0) {
      hm(buf, sizeof buf, d.scope_amount);
      form_field(out, "Beviljad omfattning", "%s per månad", buf);
    } else if (d.scope_amount) {
      form_field(out, "Beviljad omfattning", "%lld dygn per månad", (long long)d.scope_amount);
    }
    if (strcmp(n.form, "3078") == 0 && afound) {
      /* the basic needs, rounded to whole minutes only here, for people */
      hm(buf, sizeof buf, (as.basic_ticks + HOURS_TICKS_PER_MINUTE / 2) / HOURS_TICKS_PER_MINUTE);
      form_field(out, "Grundläggande behov i genomsnitt per vecka", "%s (över 20 timmar)", buf);
      hm(buf, sizeof buf, (as.other_ticks + HOURS_TICKS_PER_MINUTE / 2) / HOURS_TICKS_PER_MINUTE);
      form_field(out, "Andra personliga behov per vecka", "%s", buf);
    }
    if (strcmp(n.form, "3032") == 0)
      form_field(out, "Begäran senast", "%s",
                 date_is_set(n.due_on) ? date_format(n.due_on, to)
                                       : "när Försäkringskassans beslut delges");
    form_field(out, "Kommunens handläggare", "%s", ufound ? u.full_name : "");
    form_field(out, "Titel", "%s", ufound ? u.title : "");
  }
  arena_free(&a);
  return svc_end(s, ok, e);
}
