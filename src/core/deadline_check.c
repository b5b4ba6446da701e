/* deadline_check.c — refuses contradictory case facts before any deadline is computed
 * (see deadline_case_check in deadline.h): a decision before its application, an interruption
 * resumed before it began, execution of a rejected decision, events dated after today, dates
 * outside the calendar's range. Each refusal names the field in the JSON format's terms.
 * Must not: read the clock, do I/O, allocate, or keep state. */
#include "core/deadline.h"

#include <stdio.h>

typedef struct {
  const DeadlineCase *c;
  Date today;
  Err *e;
} Chk;

static bool in_range(Chk *k, Date d, const char *field) {
  if (!date_is_set(d)) return true;
  if (d.y < DEADLINE_MIN_YEAR || d.y > DEADLINE_MAX_YEAR)
    return err_set(k->e, ERR_INVALID, field, "",
                   "Fältet %s måste vara ett datum mellan år %d och %d (var %04d-%02d-%02d).",
                   field, DEADLINE_MIN_YEAR, DEADLINE_MAX_YEAR, d.y, d.m, d.d);
  return true;
}

/* Something that has happened cannot be dated after today. */
static bool happened(Chk *k, Date d, const char *field) {
  if (!in_range(k, d, field)) return false;
  if (date_is_set(d) && date_before(k->today, d)) {
    char a[DATE_STRLEN], b[DATE_STRLEN];
    return err_set(k->e, ERR_INVALID, field, "",
                   "Fältet %s (%s) ligger efter dagens datum (%s); det kan inte ha hänt ännu.",
                   field, date_format(d, a), date_format(k->today, b));
  }
  return true;
}

/* `later` (field lf) may not come before `earlier` (field ef); both optional. */
static bool order(Chk *k, Date earlier, const char *ef, Date later, const char *lf,
                  const char *why) {
  if (!date_is_set(earlier) || !date_is_set(later) || !date_before(later, earlier)) return true;
  char a[DATE_STRLEN], b[DATE_STRLEN];
  return err_set(k->e, ERR_INVALID, lf, "", "Fältet %s (%s) ligger före %s (%s): %s.", lf,
                 date_format(later, a), ef, date_format(earlier, b), why);
}

/* A fact that only exists together with another. */
static bool needs(Chk *k, bool present, const char *field, bool other, const char *other_field) {
  if (present && !other)
    return err_set(k->e, ERR_INVALID, field, "", "Fältet %s kräver att %s också anges.", field,
                   other_field);
  return true;
}

static bool favourable(DeadlineOutcome o) {
  return o == DEADLINE_OUTCOME_GRANTED || o == DEADLINE_OUTCOME_PARTLY_GRANTED;
}

/* Facts that exist only for a favourable decision (execution, plans, follow-up, validity). */
static bool needs_favourable(Chk *k, bool present, const char *field) {
  if (!present || favourable(k->c->outcome)) return true;
  if (k->c->outcome == DEADLINE_OUTCOME_NONE)
    return err_set(k->e, ERR_INVALID, field, "", "Fältet %s kräver ett beslut (decision).", field);
  return err_set(k->e, ERR_INVALID, field, "",
                 "Fältet %s gäller bara gynnande beslut (bifall eller delvis bifall), men beslutet "
                 "är %s.",
                 field, k->c->outcome == DEADLINE_OUTCOME_REJECTED ? "ett avslag" : "en avvisning");
}

static bool check_application_phase(Chk *k) {
  const DeadlineCase *c = k->c;
  Date app = c->application_received;
  if (!happened(k, app, "application_received") || !happened(k, c->birth_date, "person.birth_date"))
    return false;
  if (!order(k, c->birth_date, "person.birth_date", app, "application_received",
             "ansökan kan inte komma in före födelsen"))
    return false;

  if (!happened(k, c->communication_sent_on, "communication.sent_on") ||
      !in_range(k, c->communication_reply_by, "communication.reply_by") ||
      !happened(k, c->communication_reply_received_on, "communication.reply_received_on"))
    return false;
  if (!order(k, app, "application_received", c->communication_sent_on, "communication.sent_on",
             "kommunicering sker under utredningen av ansökan") ||
      !order(k, c->communication_sent_on, "communication.sent_on", c->communication_reply_by,
             "communication.reply_by", "svarstiden börjar när materialet skickats") ||
      !order(k, c->communication_sent_on, "communication.sent_on",
             c->communication_reply_received_on, "communication.reply_received_on",
             "ett svar kan inte komma före kommuniceringen") ||
      !order(k, c->communication_sent_on, "communication.sent_on", c->decision_date,
             "decision.date", "materialet kommuniceras före beslutet (25 § FL)"))
    return false;

  if (!happened(k, c->delay_notified_on, "delay_notified_on") ||
      !happened(k, c->written_request_on, "written_request_on") ||
      !happened(k, c->request_rejected_on, "request_rejected_on"))
    return false;
  if (!needs(k, date_is_set(c->delay_notified_on), "delay_notified_on", date_is_set(app),
             "application_received") ||
      !needs(k, date_is_set(c->written_request_on), "written_request_on", date_is_set(app),
             "application_received") ||
      !needs(k, date_is_set(c->request_rejected_on), "request_rejected_on",
             date_is_set(c->written_request_on), "written_request_on"))
    return false;
  if (!order(k, app, "application_received", c->delay_notified_on, "delay_notified_on",
             "en försening kan bara meddelas i ett pågående ärende") ||
      !order(k, app, "application_received", c->written_request_on, "written_request_on",
             "begäran gäller ett pågående ärende") ||
      !order(k, c->written_request_on, "written_request_on", c->request_rejected_on,
             "request_rejected_on", "bara en inkommen begäran kan avslås") ||
      !order(k, c->written_request_on, "written_request_on", c->decision_date, "decision.date",
             "en begäran om avgörande kan inte komma in efter att ärendet avgjorts") ||
      !order(k, c->request_rejected_on, "request_rejected_on", c->decision_date, "decision.date",
             "begäran avslås medan ärendet ännu inte är avgjort"))
    return false;
  return true;
}

static bool check_decision(Chk *k) {
  const DeadlineCase *c = k->c;
  Date dec = c->decision_date;
  if (!happened(k, dec, "decision.date") || !happened(k, c->notified_on, "decision.notified_on") ||
      !in_range(k, c->valid_from, "decision.valid_from") ||
      !in_range(k, c->valid_to, "decision.valid_to") ||
      !in_range(k, c->review_date, "decision.review_date") ||
      !happened(k, c->reviewed_on, "decision.reviewed_on"))
    return false;
  if (date_is_set(dec) && c->outcome == DEADLINE_OUTCOME_NONE)
    return err_set(k->e, ERR_INVALID, "decision.outcome", "", "Fältet decision.outcome saknas.");
  if (!date_is_set(dec) && c->outcome != DEADLINE_OUTCOME_NONE)
    return err_set(k->e, ERR_INVALID, "decision.date", "", "Fältet decision.date saknas.");
  if (!order(k, c->application_received, "application_received", dec, "decision.date",
             "ett beslut kan inte fattas före ansökan"))
    return false;
  /* 9 § 1 LSS is the region's responsibility: recorded, never granted by the municipality. */
  if (c->insats == INSATS_RADGIVNING && favourable(c->outcome))
    return err_set(k->e, ERR_INVALID, "decision.outcome", "",
                   "Rådgivning och annat personligt stöd (9 § 1 LSS) är regionens ansvar och "
                   "beviljas inte av kommunen.");
  if (!needs(k, date_is_set(c->notified_on), "decision.notified_on", date_is_set(dec),
             "decision.date") ||
      !needs(k, date_is_set(c->reviewed_on), "decision.reviewed_on", date_is_set(c->review_date),
             "decision.review_date"))
    return false;
  if (!needs_favourable(k, date_is_set(c->valid_from), "decision.valid_from") ||
      !needs_favourable(k, date_is_set(c->valid_to), "decision.valid_to") ||
      !needs_favourable(k, c->time_limited, "decision.time_limited") ||
      !needs_favourable(k, date_is_set(c->review_date), "decision.review_date"))
    return false;
  Date start = date_is_set(c->valid_from) ? c->valid_from : dec;
  if (!order(k, dec, "decision.date", c->notified_on, "decision.notified_on",
             "den enskilde kan inte få del av beslutet innan det fattats") ||
      !order(k, start, date_is_set(c->valid_from) ? "decision.valid_from" : "decision.date",
             c->valid_to, "decision.valid_to",
             "beslutet kan inte upphöra innan det börjat gälla") ||
      !order(k, dec, "decision.date", c->review_date, "decision.review_date",
             "omprövningsdatumet ligger efter beslutet") ||
      !order(k, dec, "decision.date", c->reviewed_on, "decision.reviewed_on",
             "beslutet kan inte omprövas innan det fattats"))
    return false;
  if (!happened(k, c->appeal_received_on, "appeal.received_on")) return false;
  if (!needs(k, date_is_set(c->appeal_received_on), "appeal.received_on", date_is_set(dec),
             "decision.date") ||
      !order(k, dec, "decision.date", c->appeal_received_on, "appeal.received_on",
             "ett beslut kan inte överklagas innan det fattats"))
    return false;
  return true;
}

static bool check_execution(Chk *k) {
  const DeadlineCase *c = k->c;
  Date dec = c->decision_date;
  Date exe = c->executed_on;
  if (!happened(k, c->contact_on, "execution.contact_on") ||
      !happened(k, exe, "execution.executed_on") || !happened(k, c->plan_on, "execution.plan_on"))
    return false;
  if (!needs_favourable(k, date_is_set(c->contact_on), "execution.contact_on") ||
      !needs_favourable(k, date_is_set(exe), "execution.executed_on") ||
      !needs_favourable(k, date_is_set(c->plan_on), "execution.plan_on") ||
      !needs_favourable(k, c->noffers > 0, "offers") ||
      !needs_favourable(k, c->ninterruptions > 0, "interruptions") ||
      !needs_favourable(k, c->nfollow_ups > 0, "follow_ups"))
    return false;
  if (!order(k, dec, "decision.date", c->contact_on, "execution.contact_on",
             "utföraren kontaktar den enskilde efter beslutet") ||
      !order(k, dec, "decision.date", exe, "execution.executed_on",
             "ett beslut kan inte verkställas innan det fattats") ||
      !order(k, dec, "decision.date", c->plan_on, "execution.plan_on",
             "genomförandeplanen utgår från beslutet"))
    return false;
  if (!needs(k, date_is_set(c->plan_on), "execution.plan_on", date_is_set(exe),
             "execution.executed_on"))
    return false;

  char f[64], g[64];
  for (size_t i = 0; i < c->noffers; i++) {
    snprintf(f, sizeof f, "offers[%zu].offered_on", i);
    if (!happened(k, c->offers[i].offered_on, f) ||
        !order(k, dec, "decision.date", c->offers[i].offered_on, f,
               "verkställighet erbjuds efter beslutet"))
      return false;
  }

  /* Interruptions: after execution, in date order, each resumed before the next begins. */
  if (!needs(k, c->ninterruptions > 0, "interruptions", date_is_set(exe), "execution.executed_on"))
    return false;
  for (size_t i = 0; i < c->ninterruptions; i++) {
    const DeadlineInterruption *in = &c->interruptions[i];
    snprintf(f, sizeof f, "interruptions[%zu].interrupted_on", i);
    snprintf(g, sizeof g, "interruptions[%zu].resumed_on", i);
    if (!happened(k, in->interrupted_on, f) || !happened(k, in->resumed_on, g)) return false;
    if (!date_is_set(in->interrupted_on))
      return err_set(k->e, ERR_INVALID, f, "", "Fältet %s saknas.", f);
    if (!order(k, exe, "execution.executed_on", in->interrupted_on, f,
               "bara en verkställd insats kan avbrytas") ||
        !order(k, in->interrupted_on, f, in->resumed_on, g,
               "verkställigheten kan inte återupptas innan den avbrutits"))
      return false;
    if (i > 0) {
      const DeadlineInterruption *prev = &c->interruptions[i - 1];
      char h[64];
      snprintf(h, sizeof h, "interruptions[%zu].resumed_on", i - 1);
      if (!date_is_set(prev->resumed_on))
        return err_set(k->e, ERR_INVALID, h, "",
                       "Fältet %s saknas: ett avbrott måste ha återupptagits innan nästa börjar.",
                       h);
      if (!order(k, prev->resumed_on, h, in->interrupted_on, f,
                 "avbrotten anges i datumordning och överlappar inte"))
        return false;
    }
  }

  /* Follow-ups: of an executed insats, strictly ascending. */
  if (!needs(k, c->nfollow_ups > 0, "follow_ups", date_is_set(exe), "execution.executed_on"))
    return false;
  for (size_t i = 0; i < c->nfollow_ups; i++) {
    snprintf(f, sizeof f, "follow_ups[%zu]", i);
    if (!happened(k, c->follow_ups[i], f) ||
        !order(k, exe, "execution.executed_on", c->follow_ups[i], f,
               "uppföljningen gäller en verkställd insats"))
      return false;
    if (i > 0 && !date_before(c->follow_ups[i - 1], c->follow_ups[i])) {
      char a[DATE_STRLEN];
      return err_set(k->e, ERR_INVALID, f, "",
                     "Fältet %s (%s) måste ligga efter föregående uppföljning: uppföljningarna "
                     "anges i stigande datumordning.",
                     f, date_format(c->follow_ups[i], a));
    }
  }
  return true;
}

static bool check_other(Chk *k) {
  const DeadlineCase *c = k->c;
  Date dec = c->decision_date;
  /* the individual plan */
  if (!happened(k, c->ip_offered_on, "individual_plan.offered_on") ||
      !happened(k, c->ip_established_on, "individual_plan.established_on") ||
      !happened(k, c->ip_reviewed_on, "individual_plan.reviewed_on"))
    return false;
  if (!needs_favourable(k, date_is_set(c->ip_offered_on), "individual_plan.offered_on") ||
      !needs_favourable(k, date_is_set(c->ip_established_on), "individual_plan.established_on") ||
      !needs_favourable(k, date_is_set(c->ip_reviewed_on), "individual_plan.reviewed_on") ||
      !needs_favourable(k, c->ip_declined, "individual_plan.declined") ||
      !needs(k, c->ip_declined, "individual_plan.declined", date_is_set(c->ip_offered_on),
             "individual_plan.offered_on"))
    return false;
  if (c->ip_declined && (date_is_set(c->ip_established_on) || date_is_set(c->ip_reviewed_on)))
    return err_set(k->e, ERR_INVALID, "individual_plan.declined", "",
                   "Den individuella planen kan inte både ha avböjts och upprättats.");
  if (!order(k, dec, "decision.date", c->ip_offered_on, "individual_plan.offered_on",
             "planen erbjuds i samband med beslutet eller senare (10 § LSS)") ||
      !order(k, c->ip_offered_on, "individual_plan.offered_on", c->ip_established_on,
             "individual_plan.established_on", "planen upprättas efter att den erbjudits") ||
      !order(k, c->ip_established_on, "individual_plan.established_on", c->ip_reviewed_on,
             "individual_plan.reviewed_on", "planen omprövas efter att den upprättats"))
    return false;

  /* förhandsbesked */
  Date avail = c->forhandsbesked_available_from;
  if (!in_range(k, avail, "forhandsbesked.available_from") ||
      !needs_favourable(k, date_is_set(avail), "forhandsbesked.available_from") ||
      !order(k, dec, "decision.date", avail, "forhandsbesked.available_from",
             "insatsen blir tillgänglig efter förhandsbeskedet") ||
      !order(k, avail, "forhandsbesked.available_from", c->executed_on, "execution.executed_on",
             "insatsen kan inte verkställas innan den är tillgänglig"))
    return false;

  /* school dates */
  if (!in_range(k, c->spring_term_ends_on, "school.spring_term_ends_on") ||
      !in_range(k, c->upper_secondary_ends_on, "school.upper_secondary_ends_on"))
    return false;
  if (date_is_set(c->spring_term_ends_on) && date_is_set(c->birth_date) &&
      c->spring_term_ends_on.y != c->birth_date.y + 13)
    return err_set(k->e, ERR_INVALID, "school.spring_term_ends_on", "R-084",
                   "Fältet school.spring_term_ends_on ska vara vårterminens slut det år den unge "
                   "fyller 13 år (%d), men året är %d.",
                   c->birth_date.y + 13, c->spring_term_ends_on.y);
  if (!order(k, c->birth_date, "person.birth_date", c->upper_secondary_ends_on,
             "school.upper_secondary_ends_on", "skolgången slutar efter födelsen"))
    return false;

  /* Closure ends the case: nothing is executed, planned or followed up after it. */
  Date cl = c->closed_on;
  if (!happened(k, cl, "closure.closed_on")) return false;
  if (c->closure_reason != DEADLINE_CLOSURE_NONE && !date_is_set(cl))
    return err_set(k->e, ERR_INVALID, "closure.closed_on", "", "Fältet closure.closed_on saknas.");
  if (!order(k, c->application_received, "application_received", cl, "closure.closed_on",
             "ett ärende kan inte avslutas innan ansökan kommit in") ||
      !order(k, dec, "decision.date", cl, "closure.closed_on",
             "ett ärende kan inte avslutas före sitt beslut") ||
      !order(k, c->contact_on, "execution.contact_on", cl, "closure.closed_on",
             "ingen kontakt tas i ett avslutat ärende") ||
      !order(k, c->executed_on, "execution.executed_on", cl, "closure.closed_on",
             "ingenting verkställs i ett avslutat ärende") ||
      !order(k, c->plan_on, "execution.plan_on", cl, "closure.closed_on",
             "ingen plan upprättas i ett avslutat ärende"))
    return false;
  if (c->nfollow_ups > 0 &&
      !order(k, c->follow_ups[c->nfollow_ups - 1], "follow_ups", cl, "closure.closed_on",
             "ingen uppföljning görs i ett avslutat ärende"))
    return false;
  return true;
}

bool deadline_case_check(const DeadlineCase *c, Date today, Err *e) {
  Chk k = {c, today, e};
  if (!date_is_set(today) || today.y < DEADLINE_MIN_YEAR || today.y > DEADLINE_MAX_YEAR)
    return err_set(e, ERR_INVALID, "today", "", "Dagens datum måste ligga mellan år %d och %d.",
                   DEADLINE_MIN_YEAR, DEADLINE_MAX_YEAR);
  if (!insats_info(c->insats))
    return err_set(e, ERR_INVALID, "insats", "", "Fältet insats saknas eller är okänt (%s).",
                   insats_codes_list());
  if (c->noffers > DEADLINE_MAX_OFFERS || c->ninterruptions > DEADLINE_MAX_INTERRUPTIONS ||
      c->nfollow_ups > DEADLINE_MAX_FOLLOW_UPS)
    return err_set(e, ERR_INVALID, "", "", "För många erbjudanden, avbrott eller uppföljningar.");
  return check_application_phase(&k) && check_decision(&k) && check_execution(&k) &&
         check_other(&k);
}
