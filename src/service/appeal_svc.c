/* appeal_svc.c — revoking a favourable decision and appeals of decisions:
 * timeliness, the municipality's own reconsideration, forwarding to the court and the court's
 * outcome (see svc_decision.h). One transaction per command, audited; a refusal changes nothing.
 * Must not: contain SQL, or compute dates core computes (the calendar, the deadlines). */
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "core/case_state.h"
#include "service/decision_internal.h"

#define MAX_REASONS 3990
#define MAX_COURT 190

/* ---- revocation (R-034) ---- */

static bool check_revocation_input(const RevocationIn *in, Err *e) {
  static const char *const grounds[] = {"safety", "incorrect_information", "revocation_clause",
                                        NULL};
  /* R-034 (37 § FL): only these three grounds; LSS has no SoL-style "changed circumstances" */
  if (!text_one_of(in->ground, grounds))
    return err_set(e, ERR_RULE, "ground", "R-034",
                   "Ett gynnande beslut får återkallas eller ändras bara av tvingande "
                   "säkerhetsskäl, för att det grundats på oriktiga uppgifter från den enskilde "
                   "eller enligt ett återkallelseförbehåll i beslutet (37 § FL). SoL:s "
                   "\"väsentligt ändrade förhållanden\" gäller inte LSS.");
  /* R-034 (SOSFS 2014:5 5 kap. 18 §): when, why and by whom */
  if (!in->reasons || !*in->reasons)
    return err_set(e, ERR_RULE, "reasons", "R-034",
                   "Skälen för återkallelsen ska dokumenteras (SOSFS 2014:5 5 kap. 18 §).");
  /* a revocation goes against the person and carries appeal instructions */
  if (!in->appeal_instructions)
    return err_set(e, ERR_RULE, "appeal_instructions", "R-034",
                   "En återkallelse går den enskilde emot och ska ha en överklagandehänvisning "
                   "(33 § FL).");
  return text_check(in->reasons, "reasons", "Skälen", MAX_REASONS, true, true, e);
}

bool svc_revocation_create(Svc *s, const RevocationIn *in, int64_t *id, Err *e) {
  *id = 0;
  if (!svc_require(s, CAP_DECIDE, e) || !check_revocation_input(in, e)) return false;
  DecisionRec d;
  CaseRec c;
  RevocationRec r;
  memset(&r, 0, sizeof r);
  bool ok = svc_begin(s, true, e) && decision_load(s, in->decision_id, &d, &c, e);
  /* 37 § FL concerns favourable decisions */
  if (ok && !decision_favourable(d.outcome))
    ok = err_set(e, ERR_RULE, "decision_id", "R-034",
                 "Bara ett gynnande beslut (bifall eller delvis bifall) kan återkallas; ett avslag "
                 "eller en avvisning ändras genom omprövning eller överklagande.");
  ok = ok && decision_in_force(s, &d, "decision_id", e);
  /* a revocation clause can be used only if the decision has one */
  if (ok && strcmp(in->ground, "revocation_clause") == 0 && !d.revocation_clause[0])
    ok = err_set(e, ERR_RULE, "ground", "R-034",
                 "Beslutet saknar återkallelseförbehåll; det kan inte återkallas med stöd av ett "
                 "förbehåll (37 § FL).");
  ok = ok && decision_date_check(s, in->revoked_on, "revoked_on", "Återkallelsedatum", d.decided_on,
                                 "beslutet", e);
  if (ok && date_is_set(in->notified_on))
    ok = decision_date_check(s, in->notified_on, "notified_on",
                             "Dagen den enskilde fick del av återkallelsen", in->revoked_on,
                             "återkallelsen", e);
  ok = ok &&
       decision_maker(s, in->decided_by_name, in->decided_by_title, r.decided_by_name,
                      sizeof r.decided_by_name, r.decided_by_title, sizeof r.decided_by_title, e);
  r.decision_id = d.id;
  r.revoked_on = in->revoked_on;
  snprintf(r.ground, sizeof r.ground, "%s", in->ground);
  snprintf(r.reasons, sizeof r.reasons, "%s", in->reasons);
  r.appeal_instructions = in->appeal_instructions;
  r.notified_on = in->notified_on;
  ok = ok && store_revocation_insert(s->db, &r, s->now, id, e) &&
       svc_audit(s, "decision.revoke", "revocation", *id, c.person_id, in->ground, e) &&
       svc_deadline_refresh_case(s, c.id, e); /* the revoked decision's duties end */
  if (!svc_end(s, ok, e)) {
    *id = 0;
    return false;
  }
  return true;
}

bool svc_revocation_notify(Svc *s, int64_t revocation_id, Date on, Err *e) {
  if (!svc_require(s, CAP_DECIDE, e)) return false;
  RevocationRec r;
  DecisionRec d;
  CaseRec c;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_revocation_get(s->db, revocation_id, &r, &found, e);
  if (ok && !found)
    ok = err_set(e, ERR_NOT_FOUND, "revocation_id", "", "Återkallelsen finns inte.");
  ok = ok && decision_load(s, r.decision_id, &d, &c, e);
  if (ok && date_is_set(r.notified_on))
    ok = err_set(e, ERR_CONFLICT, "notified_on", "R-034",
                 "Det är redan registrerat när den enskilde fick del av återkallelsen.");
  ok = ok &&
       decision_date_check(s, on, "notified_on", "Dagen den enskilde fick del av återkallelsen",
                           r.revoked_on, "återkallelsen", e) &&
       store_revocation_set_notified(s->db, revocation_id, on, e) &&
       svc_audit(s, "revocation.notify", "revocation", revocation_id, c.person_id, "", e);
  return svc_end(s, ok, e);
}

/* ---- appeals (R-120) ---- */

static bool appeal_admissible(const AppealRec *ap) {
  return ap->timely || ap->late_excused;
}

/* Loads an appeal, its decision and case (access-checked). */
static bool appeal_load(Svc *s, int64_t appeal_id, AppealRec *ap, DecisionRec *d, CaseRec *c,
                        Err *e) {
  bool found = false;
  if (!store_appeal_get(s->db, appeal_id, ap, &found, e)) return false;
  if (!found) return err_set(e, ERR_NOT_FOUND, "appeal_id", "", "Överklagandet finns inte.");
  return decision_load(s, ap->decision_id, d, c, e);
}

/* R-120 (45 § FL): a late appeal, not excused, is dismissed and never tried on its merits. */
static bool require_admissible(const AppealRec *ap, Err *e) {
  if (appeal_admissible(ap)) return true;
  return err_set(e, ERR_RULE, "appeal_id", "R-120",
                 "Överklagandet kom in för sent och ska avvisas (45 § FL); det prövas inte i sak "
                 "och överlämnas inte.");
}

/* 46 § FL: the appeal lapses when the municipality changed the decision as the person asked. */
static bool appeal_lapsed(Svc *s, const AppealRec *ap, bool *lapsed, Err *e) {
  *lapsed = false;
  if (!ap->changed_decision_id) return true;
  DecisionRec n;
  bool found = false;
  if (!store_decision_get(s->db, ap->changed_decision_id, &n, &found, e)) return false;
  *lapsed = found && strcmp(n.outcome, "granted") == 0;
  return true;
}

bool svc_appeal_register(Svc *s, const AppealIn *in, AppealOut *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (!svc_require(s, CAP_DECIDE, e)) return false;
  DecisionRec d;
  CaseRec c;
  AppealRec ap;
  memset(&ap, 0, sizeof ap);
  bool ok = svc_begin(s, true, e) && decision_load(s, in->decision_id, &d, &c, e) &&
            decision_date_check(s, in->received_on, "received_on", "Dagen överklagandet kom in",
                                d.decided_on, "beslutet", e);
  if (ok) {
    /* timely when it reached the municipality within three weeks of the day the person
     * received the decision, R-121 extended; before any recorded notification the period has
     * not begun, so the appeal is in time. */
    if (date_is_set(d.notified_on)) out->last_day = svc_appeal_last_day(d.notified_on);
    ap.timely = !date_is_set(d.notified_on) || !date_before(out->last_day, in->received_on);
    ap.late_excused = !ap.timely && in->late_excused; /* 45 § FL: wrong appeal instructions */
    ap.decision_id = d.id;
    ap.received_on = in->received_on;
    ok = store_appeal_insert(s->db, &ap, s->now, &out->id, e);
  }
  if (ok && appeal_admissible(&ap)) {
    /* A decided (or closed) case is appealed; while other insatser of the case are still being
     * decided the state stays, and the last decision moves it (decision_svc.c). */
    CaseState st = case_state_from_code(c.state);
    if (st == CASE_DECIDED || st == CASE_CLOSED || st == CASE_APPEALED)
      ok = svc_case_apply_event(s, &c, CASE_EV_APPEAL, e) && store_case_update(s->db, &c, e);
  }
  const char *how = ap.timely ? "timely" : ap.late_excused ? "late_excused" : "late";
  ok = ok && svc_audit(s, "appeal.register", "appeal", out->id, c.person_id, how, e) &&
       svc_deadline_refresh_case(s, c.id, e); /* the appeal period is met */
  if (!svc_end(s, ok, e)) {
    memset(out, 0, sizeof *out);
    return false;
  }
  out->timely = ap.timely;
  out->admissible = appeal_admissible(&ap);
  return true;
}

bool svc_appeal_reconsider(Svc *s, int64_t appeal_id, Date on, const DecisionIn *changed,
                           DecisionOut *out, Err *e) {
  DecisionOut local;
  if (!out) out = &local;
  memset(out, 0, sizeof *out);
  if (!svc_require(s, CAP_DECIDE, e)) return false;
  AppealRec ap;
  DecisionRec d;
  CaseRec c;
  CaseInsatsRec ci;
  bool ok = svc_begin(s, true, e) && appeal_load(s, appeal_id, &ap, &d, &c, e) &&
            require_admissible(&ap, e);
  if (ok && date_is_set(ap.reconsidered_on))
    ok = err_set(e, ERR_CONFLICT, "appeal_id", "",
                 "Beslutet är redan omprövat med anledning av "
                 "överklagandet.");
  /* 39 § FL: the municipality changes its decision only before the file goes to the court */
  if (ok && date_is_set(ap.forwarded_on))
    ok = err_set(e, ERR_RULE, "appeal_id", "R-120",
                 "Överklagandet är överlämnat till förvaltningsrätten; kommunen kan inte längre "
                 "ändra beslutet (39 § FL).");
  ok = ok && decision_date_check(s, on, "reconsidered_on", "Omprövningsdatum", ap.received_on,
                                 "överklagandet", e);
  if (ok && changed) {
    DecisionIn ch = *changed;
    ch.case_insats_id = d.case_insats_id;
    if (!date_is_set(ch.decided_on)) ch.decided_on = on;
    ok = decision_in_force(s, &d, "appeal_id", e) &&
         decision_case_insats(s, &c, d.case_insats_id, &ci, e) &&
         decision_make(s, &c, &ci, &ch, out, e);
    ap.changed_decision_id = out->id;
  }
  ap.reconsidered_on = on;
  ok = ok && store_appeal_update(s->db, &ap, e) && decision_case_resolve_appeals(s, &c, e);
  const char *how = !changed ? "unchanged" : "changed";
  ok = ok && svc_audit(s, "appeal.reconsider", "appeal", appeal_id, c.person_id, how, e) &&
       (!changed ||
        svc_audit(s, "decision.create", "decision", out->id, c.person_id, changed->outcome, e)) &&
       svc_deadline_refresh_case(s, c.id, e);
  if (!svc_end(s, ok, e)) {
    memset(out, 0, sizeof *out);
    return false;
  }
  return true;
}

bool svc_appeal_forward(Svc *s, int64_t appeal_id, Date on, const char *court, Err *e) {
  if (!svc_require(s, CAP_DECIDE, e)) return false;
  if (!text_check(court, "court", "Domstol", MAX_COURT, false, true, e)) return false;
  AppealRec ap;
  DecisionRec d;
  CaseRec c;
  bool lapsed = false;
  bool ok = svc_begin(s, true, e) && appeal_load(s, appeal_id, &ap, &d, &c, e) &&
            require_admissible(&ap, e) && appeal_lapsed(s, &ap, &lapsed, e);
  if (ok && lapsed)
    ok = err_set(e, ERR_CONFLICT, "appeal_id", "R-120",
                 "Beslutet har ändrats som den enskilde begärde; överklagandet har förfallit "
                 "(46 § FL).");
  if (ok && date_is_set(ap.forwarded_on))
    ok = err_set(e, ERR_CONFLICT, "appeal_id", "", "Överklagandet är redan överlämnat.");
  Date after = date_is_set(ap.reconsidered_on) ? ap.reconsidered_on : ap.received_on;
  ok = ok &&
       decision_date_check(s, on, "forwarded_on", "Överlämnandedatum", after,
                           date_is_set(ap.reconsidered_on) ? "omprövningen" : "överklagandet", e);
  ap.forwarded_on = on;
  snprintf(ap.court, sizeof ap.court, "%s", court);
  ok = ok && store_appeal_update(s->db, &ap, e) &&
       svc_audit(s, "appeal.forward", "appeal", appeal_id, c.person_id, "", e);
  return svc_end(s, ok, e);
}

bool svc_appeal_court_outcome(Svc *s, int64_t appeal_id, const char *outcome, Date on, Err *e) {
  static const char *const outcomes[] = {"upheld", "changed", "returned", "dismissed", NULL};
  if (!svc_require(s, CAP_DECIDE, e)) return false;
  if (!text_one_of(outcome, outcomes))
    return err_set(e, ERR_INVALID, "court_outcome", "",
                   "Ange domstolens avgörande: upheld (fastställt), changed (ändrat), returned "
                   "(återförvisat) eller dismissed (avvisat).");
  AppealRec ap;
  DecisionRec d;
  CaseRec c;
  bool ok = svc_begin(s, true, e) && appeal_load(s, appeal_id, &ap, &d, &c, e);
  if (ok && !date_is_set(ap.forwarded_on))
    ok = err_set(e, ERR_CONFLICT, "appeal_id", "R-120",
                 "Överklagandet har inte överlämnats till domstolen.");
  if (ok && ap.court_outcome[0])
    ok = err_set(e, ERR_CONFLICT, "appeal_id", "", "Domstolens avgörande är redan registrerat.");
  ok = ok && decision_date_check(s, on, "court_decided_on", "Domstolens avgörandedatum",
                                 ap.forwarded_on, "överlämnandet", e);
  snprintf(ap.court_outcome, sizeof ap.court_outcome, "%s", outcome);
  ap.court_decided_on = on;
  ok = ok && store_appeal_update(s->db, &ap, e) && decision_case_resolve_appeals(s, &c, e) &&
       svc_audit(s, "appeal.court_outcome", "appeal", appeal_id, c.person_id, outcome, e);
  return svc_end(s, ok, e);
}
