/* deadline_explain.c — the one Swedish sentence that explains a computed deadline: what must
 * happen by when and why (rule and paragraph), whether the last day counts (it always does: every
 * due date here is the last permitted day, R-122), any R-121 extension with the day that caused
 * it, and where the deadline stands today.
 * Must not: read the clock, do I/O, allocate except from the Arena, or keep state. */
#include "core/deadline.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"

/* A sentence built in a fixed buffer (core allocates only from the arena; this is the stack). */
typedef struct {
  char buf[1024];
  size_t len;
  char dates[8][32]; /* ring of formatted dates and day counts, so one put() can show several */
  int next;
} Sent;

static void put(Sent *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(Sent *s, const char *fmt, ...) {
  if (s->len >= sizeof s->buf - 1) return;
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(s->buf + s->len, sizeof s->buf - s->len, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  s->len += (size_t)n;
  if (s->len > sizeof s->buf - 1) s->len = sizeof s->buf - 1;
}

static const char *ds(Sent *s, Date d) {
  char *b = s->dates[s->next];
  s->next = (s->next + 1) % 8;
  return date_format(d, b);
}

static const char *days(Sent *s, int32_t n) {
  char *b = s->dates[s->next];
  s->next = (s->next + 1) % 8;
  snprintf(b, sizeof s->dates[0], "%ld dag%s", (long)n, n == 1 ? "" : "ar");
  return b;
}

const char *deadline_overdue_words(Date due, Date today, char out[DEADLINE_OVERDUE_WORDS_LEN]) {
  long n = (long)date_diff_days(due, today);
  snprintf(out, DEADLINE_OVERDUE_WORDS_LEN, ", %ld dag%s efter fristen", n, n == 1 ? "" : "ar");
  return out;
}

/* The kinds whose explanation ends with duty_tail (below), so an overdue one says how late it
 * is; the others (R-030 reply, R-120 appeal, R-100 IVO, R-091, R-032) say no day count. */
bool deadline_tells_days_overdue(DeadlineKind k) {
  switch (k) {
    case DEADLINE_COMMUNICATION_REPLY:
    case DEADLINE_APPEAL:
    case DEADLINE_IVO_REPORT:
    case DEADLINE_IVO_REPORT_INTERRUPTION:
    case DEADLINE_FORHANDSBESKED_EXPIRES:
    case DEADLINE_DECISION_ENDS:
    case DEADLINE_KIND_COUNT:
      return false;
    default:
      return true;
  }
}

/* The insats as it reads inside a sentence. */
static const char *insats_short(InsatsKind k) {
  if (k == INSATS_PERSONLIG_ASSISTANS) return "personlig assistans";
  const InsatsInfo *ii = insats_info(k);
  return ii ? ii->name : "insatsen";
}

/* What kind of day made R-121 move a statutory limit. */
static const char *day_kind(Date d) {
  const char *name = NULL;
  if (calendar_is_eve(d, &name)) return name;
  if (calendar_is_public_holiday(d, &name)) return name;
  if (date_weekday(d) == 6) return "lördag";
  return "en dag som inte är vardag";
}

static void extension(Sent *s, const Deadline *d) {
  if (!date_is_set(d->extended_from)) return;
  put(s,
      "; fristens sista dag %s är %s, så den flyttas till närmast följande vardag (R-121, lag "
      "1930:173)",
      ds(s, d->extended_from), day_kind(d->extended_from));
}

static bool met_by_closure(const Deadline *d) {
  return d->met_by && strcmp(d->met_by, "closure.closed_on") == 0;
}

static void closure_clause(Sent *s, const Deadline *d, const DeadlineCase *c) {
  put(s, "; ärendet avslutades %s", ds(s, d->met_on));
  if (c->closure_reason != DEADLINE_CLOSURE_NONE)
    put(s, " (%s)", deadline_closure_text(c->closure_reason));
}

/* The common ending of a duty: where it stands today. `done` says what meeting it was
 * ("kontakt togs"), `missing` what is lacking when overdue ("kontakt saknas"). */
static void duty_tail(Sent *s, const Deadline *d, const DeadlineCase *c, Date today,
                      const char *done, const char *missing) {
  switch (d->state) {
    case DEADLINE_STATE_OPEN:
      if (date_is_set(d->warn_from)) put(s, "; varning från %s", ds(s, d->warn_from));
      break;
    case DEADLINE_STATE_DUE_SOON:
      put(s, "; fristen närmar sig (varning från %s)", ds(s, d->warn_from));
      break;
    case DEADLINE_STATE_OVERDUE: {
      char words[DEADLINE_OVERDUE_WORDS_LEN];
      put(s, "; %s%s", missing, deadline_overdue_words(d->due, today, words));
      break;
    }
    case DEADLINE_STATE_MET:
      if (met_by_closure(d))
        closure_clause(s, d, c);
      else
        put(s, "; %s %s", done, ds(s, d->met_on));
      if (d->late)
        put(s, ", %s för sent", days(s, date_diff_days(d->due, d->met_on)));
      else
        put(s, ", i tid");
      break;
    case DEADLINE_STATE_MISSED:
      if (date_is_set(c->closed_on) && !date_before(c->closed_on, d->due))
        put(s, "; ärendet avslutades %s utan att det hade gjorts", ds(s, c->closed_on));
      else
        put(s, "; fristen passerades utan att det gjordes");
      break;
    case DEADLINE_STATE_EXPIRED:
      put(s, "; fristen har gått ut");
      break;
  }
}

static void explain_decision_due(Sent *s, const Deadline *d, const DeadlineCase *c, const Policy *p,
                                 Date today) {
  bool pa = c->insats == INSATS_PERSONLIG_ASSISTANS;
  put(s,
      "Ansökan om %s kom in %s och bör avgöras inom %d månader, senast %s (dagen inräknad; "
      "9 § FL, %s)",
      insats_short(c->insats), ds(s, c->application_received),
      (int)(pa ? p->handling_months_pa : p->handling_months_other), ds(s, d->due),
      pa ? "JO 7477-2017 och riktlinjer" : "riktlinjer");
  duty_tail(s, d, c, today, "beslut fattades", "beslut saknas");
}

static void explain_delay_notice(Sent *s, const Deadline *d, const DeadlineCase *c, Date today) {
  put(s,
      "Fattas beslut inte senast %s (dagen inräknad) är det väsentligt försenat, och den enskilde "
      "ska då underrättas om förseningen och skälet till den (11 § FL)",
      ds(s, d->due));
  if (d->state == DEADLINE_STATE_MISSED && date_is_set(c->decision_date) &&
      date_before(d->due, c->decision_date)) {
    put(s, "; beslutet fattades %s, %s för sent, utan att någon underrättelse hade getts",
        ds(s, c->decision_date), days(s, date_diff_days(d->due, c->decision_date)));
    return;
  }
  duty_tail(s, d, c, today, "underrättelse gavs", "beslut och underrättelse saknas");
}

static void explain_request_right(Sent *s, const Deadline *d, const DeadlineCase *c, Date today) {
  put(s,
      "Har ärendet inte avgjorts inom sex månader från ansökan %s, det vill säga senast %s "
      "(dagen inräknad), får den enskilde skriftligen begära att det avgörs (12 § FL)",
      ds(s, c->application_received), ds(s, d->due));
  if (d->state == DEADLINE_STATE_OVERDUE) {
    put(s, "; ärendet är inte avgjort och den enskilde kan nu begära ett avgörande");
    return;
  }
  duty_tail(s, d, c, today, "beslut fattades", "beslut saknas");
}

static void explain_after_request(Sent *s, const Deadline *d, const DeadlineCase *c, Date today) {
  put(s,
      "Den enskilde begärde skriftligen %s att ärendet ska avgöras: inom fyra veckor, senast %s "
      "(dagen inräknad), ska det avgöras eller begäran avslås i ett särskilt beslut som kan "
      "överklagas (12 § FL)",
      ds(s, c->written_request_on), ds(s, d->due));
  extension(s, d);
  const char *done = d->met_by && strcmp(d->met_by, "request_rejected_on") == 0 ? "begäran avslogs"
                                                                                : "beslut fattades";
  duty_tail(s, d, c, today, done, "beslut saknas");
}

static void explain_communication(Sent *s, const Deadline *d, const DeadlineCase *c) {
  if (date_is_set(c->communication_sent_on))
    put(s, "Materialet kommunicerades %s och den enskilde kan yttra sig till och med %s (25 § FL)",
        ds(s, c->communication_sent_on), ds(s, d->due));
  else
    put(s, "Den enskilde kan yttra sig över det kommunicerade materialet till och med %s (25 § FL)",
        ds(s, d->due));
  switch (d->state) {
    case DEADLINE_STATE_MET:
      put(s, "; svar kom in %s%s", ds(s, d->met_on), d->late ? ", efter svarstiden" : "");
      break;
    case DEADLINE_STATE_EXPIRED:
      put(s, "; svarstiden har gått ut");
      break;
    default:
      put(s, "; fatta inte beslut innan svarstiden gått ut");
      break;
  }
}

static void explain_appeal(Sent *s, const Deadline *d, const DeadlineCase *c) {
  put(s,
      "Den enskilde fick del av beslutet %s; ett överklagande ska ha kommit in till kommunen "
      "inom tre veckor, senast %s (dagen inräknad; 44 § FL)",
      ds(s, c->notified_on), ds(s, d->due));
  extension(s, d);
  switch (d->state) {
    case DEADLINE_STATE_MET:
      if (d->late)
        put(s,
            "; överklagandet kom in %s, %s för sent, och ska avvisas (45 § FL) om inte "
            "förseningen beror på felaktig besvärshänvisning",
            ds(s, d->met_on), days(s, date_diff_days(d->due, d->met_on)));
      else
        put(s, "; överklagandet kom in %s, i rätt tid (45 § FL)", ds(s, d->met_on));
      break;
    case DEADLINE_STATE_EXPIRED:
      put(s, "; fristen har gått ut utan registrerat överklagande");
      break;
    default:
      break;
  }
}

static void explain_contact(Sent *s, const Deadline *d, const DeadlineCase *c, const Policy *p,
                            Date today) {
  put(s,
      "Utföraren ska kontakta den enskilde inom %d dagar från beslutet %s, senast %s (dagen "
      "inräknad; riktlinjer)",
      (int)p->contact_days, ds(s, c->decision_date), ds(s, d->due));
  duty_tail(s, d, c, today, "kontakt togs", "kontakt saknas");
}

static void explain_ip_offer(Sent *s, const Deadline *d, const DeadlineCase *c, Date today) {
  put(s,
      "En individuell plan ska erbjudas den enskilde i samband med beslutet, senast beslutsdagen "
      "%s (dagen inräknad; 10 § LSS)",
      ds(s, d->due));
  if (d->state == DEADLINE_STATE_MET && !met_by_closure(d)) {
    put(s, "; planen erbjöds %s%s", ds(s, d->met_on), c->ip_declined ? " och avböjdes" : "");
    if (d->late) put(s, ", %s efter beslutet", days(s, date_diff_days(d->due, d->met_on)));
    return;
  }
  duty_tail(s, d, c, today, "planen erbjöds", "inget erbjudande är registrerat");
}

/* R-100 + R-101: what the IVO report means for this decision or interruption. */
static void explain_ivo(Sent *s, const Deadline *d, const DeadlineCase *c) {
  bool intr = d->kind == DEADLINE_IVO_REPORT_INTERRUPTION;
  const DeadlineInterruption *in = intr ? &c->interruptions[d->seq] : NULL;
  const char *what = intr ? "Verkställigheten som avbröts" : "Beslutet från";
  Date from = intr ? in->interrupted_on : c->decision_date;
  const char *do_it = intr ? "återupptas" : "verkställas";
  const char *done = intr ? "återupptogs" : "verkställdes";
  switch (d->state) {
    case DEADLINE_STATE_OVERDUE:
      put(s,
          "%s %s har inte %s inom tre månader, senast %s (dagen inräknad; 28 f § LSS): "
          "rapportera %s till IVO för kvartalet som slutar %s och varje kvartal tills det %s "
          "eller avslutats",
          what, ds(s, from), intr ? "återupptagits" : "verkställts", ds(s, d->due),
          intr ? "avbrottet" : "beslutet", ds(s, d->report_quarter_end),
          intr ? "återupptagits" : "verkställts");
      for (size_t i = 0; i < c->noffers; i++) {
        if (!c->offers[i].refused) continue;
        put(s, "; erbjudandet %s som den enskilde tackade nej till avslutar inte rapporteringen",
            ds(s, c->offers[i].offered_on));
        break;
      }
      break;
    case DEADLINE_STATE_MET:
      if (met_by_closure(d)) {
        put(s, "%s %s avslutades %s", what, ds(s, from), ds(s, d->met_on));
        if (c->closure_reason != DEADLINE_CLOSURE_NONE)
          put(s, " (%s)", deadline_closure_text(c->closure_reason));
      } else {
        put(s, "%s %s %s %s", what, ds(s, from), done, ds(s, d->met_on));
      }
      if (d->late)
        put(s,
            ", %s efter tremånadersgränsen %s (28 f § LSS): det var rapporteringspliktigt från "
            "kvartalet som slutar %s, och %s rapporteras till IVO",
            days(s, date_diff_days(d->due, d->met_on)), ds(s, d->due), ds(s, d->report_quarter_end),
            met_by_closure(d) ? "avslutet" : "verkställigheten");
      else
        put(s,
            ", inom tre månader (senast %s, dagen inräknad; 28 f § LSS), så %s rapporteras "
            "inte till IVO",
            ds(s, d->due), intr ? "avbrottet" : "beslutet");
      break;
    default:
      put(s,
          "%s %s ska %s inom tre månader, senast %s (dagen inräknad); annars rapporteras %s till "
          "IVO (28 f § LSS)",
          what, ds(s, from), do_it, ds(s, d->due), intr ? "avbrottet" : "det");
      break;
  }
}

static void explain_plan(Sent *s, const Deadline *d, const DeadlineCase *c, const Policy *p,
                         Date today) {
  put(s,
      "Genomförandeplanen ska upprättas inom %d dagar från verkställigheten %s, senast %s (dagen "
      "inräknad; riktlinjer)",
      (int)p->plan_days, ds(s, c->executed_on), ds(s, d->due));
  duty_tail(s, d, c, today, "planen upprättades", "plan saknas");
}

static void explain_follow_up(Sent *s, const Deadline *d, const DeadlineCase *c, const Policy *p,
                              Date today) {
  if (d->seq == 0)
    put(s, "Insatsen ska följas upp inom %d månader från verkställigheten %s",
        (int)p->follow_up_months, ds(s, c->executed_on));
  else
    put(s, "Insatsen ska följas upp inom %d månader från uppföljningen %s",
        (int)p->follow_up_months, ds(s, c->follow_ups[d->seq - 1]));
  put(s, ", senast %s (dagen inräknad; riktlinjer)", ds(s, d->due));
  duty_tail(s, d, c, today, "uppföljning gjordes", "uppföljning saknas");
}

static void explain_expiry_follow_up(Sent *s, const Deadline *d, const DeadlineCase *c,
                                     const Policy *p, Date today) {
  put(s,
      "Det tidsbegränsade beslutet gäller till och med %s och ska följas upp minst %d dagar "
      "innan, senast %s (dagen inräknad; riktlinjer)",
      ds(s, date_add_days(d->due, p->follow_up_before_expiry_days)),
      (int)p->follow_up_before_expiry_days, ds(s, d->due));
  duty_tail(s, d, c, today, "uppföljning gjordes", "uppföljning saknas");
}

static void explain_review(Sent *s, const Deadline *d, const DeadlineCase *c, Date today) {
  put(s, "Beslutet om %s ska omprövas senast omprövningsdatumet %s (dagen inräknad; riktlinjer)",
      insats_short(c->insats), ds(s, d->due));
  duty_tail(s, d, c, today, "omprövning gjordes", "omprövning saknas");
}

static void explain_ip_review(Sent *s, const Deadline *d, const DeadlineCase *c, Date today) {
  if (date_is_set(c->ip_reviewed_on))
    put(s, "Den individuella planen, senast omprövad %s,", ds(s, c->ip_reviewed_on));
  else
    put(s, "Den individuella planen, upprättad %s,", ds(s, c->ip_established_on));
  put(s, " ska omprövas minst en gång om året, senast %s (dagen inräknad; 10 § LSS)",
      ds(s, d->due));
  duty_tail(s, d, c, today, "omprövning gjordes", "omprövning saknas");
}

static void explain_forhandsbesked(Sent *s, const Deadline *d, const DeadlineCase *c) {
  put(s,
      "Förhandsbeskedet gäller i sex månader från att insatsen blev tillgänglig %s, till och med "
      "%s (16 § LSS)",
      ds(s, c->forhandsbesked_available_from), ds(s, d->due));
  switch (d->state) {
    case DEADLINE_STATE_MET:
      put(s, "; insatsen verkställdes %s%s", ds(s, d->met_on),
          d->late ? ", efter att förhandsbeskedet upphört" : "");
      break;
    case DEADLINE_STATE_EXPIRED:
      put(s, "; förhandsbeskedet har upphört att gälla");
      break;
    default:
      break;
  }
}

static void explain_decision_ends(Sent *s, const Deadline *d, const DeadlineCase *c,
                                  const Policy *p) {
  const char *src = d->ninputs ? d->inputs[0].name : "";
  if (strcmp(d->rule, "R-084") == 0)
    put(s, "Korttidstillsyn gäller längst till och med gymnasieskolans slut %s (9 § 7 LSS)",
        ds(s, d->due));
  else if (strcmp(src, "school.upper_secondary_ends_on") == 0)
    put(s, "Beslutet om %s gäller till och med skolgångens slut %s (riktlinjer)",
        insats_short(c->insats), ds(s, d->due));
  else if (strcmp(src, "decision.valid_to") == 0)
    put(s, "Det tidsbegränsade beslutet om %s gäller till och med %s enligt beslutet (riktlinjer)",
        insats_short(c->insats), ds(s, d->due));
  else
    put(s,
        "Det tidsbegränsade beslutet om %s saknar slutdatum och gäller riktlinjernas förvalda "
        "%s månader från %s, till och med %s (R-122)",
        insats_short(c->insats), d->ninputs > 1 ? d->inputs[1].value : "?",
        ds(s, date_is_set(c->valid_from) ? c->valid_from : c->decision_date), ds(s, d->due));
  switch (d->state) {
    case DEADLINE_STATE_DUE_SOON:
      put(s, "; det upphör inom %d dagar: följ upp och pröva behovet av ett nytt beslut",
          (int)p->follow_up_before_expiry_days);
      break;
    case DEADLINE_STATE_EXPIRED:
      put(s, "; beslutet har upphört");
      break;
    default:
      break;
  }
}

const char *deadline_explain(const Deadline *d, const DeadlineCase *c, const Policy *p, Date today,
                             Arena *a) {
  Sent s;
  s.len = 0;
  s.next = 0;
  s.buf[0] = '\0';
  switch (d->kind) {
    case DEADLINE_DECISION_DUE:
      explain_decision_due(&s, d, c, p, today);
      break;
    case DEADLINE_DELAY_NOTICE:
      explain_delay_notice(&s, d, c, today);
      break;
    case DEADLINE_REQUEST_RIGHT:
      explain_request_right(&s, d, c, today);
      break;
    case DEADLINE_DECISION_AFTER_REQUEST:
      explain_after_request(&s, d, c, today);
      break;
    case DEADLINE_COMMUNICATION_REPLY:
      explain_communication(&s, d, c);
      break;
    case DEADLINE_APPEAL:
      explain_appeal(&s, d, c);
      break;
    case DEADLINE_CONTACT:
      explain_contact(&s, d, c, p, today);
      break;
    case DEADLINE_IP_OFFER:
      explain_ip_offer(&s, d, c, today);
      break;
    case DEADLINE_IVO_REPORT:
    case DEADLINE_IVO_REPORT_INTERRUPTION:
      explain_ivo(&s, d, c);
      break;
    case DEADLINE_PLAN:
      explain_plan(&s, d, c, p, today);
      break;
    case DEADLINE_FOLLOW_UP:
      explain_follow_up(&s, d, c, p, today);
      break;
    case DEADLINE_IP_REVIEW:
      explain_ip_review(&s, d, c, today);
      break;
    case DEADLINE_FOLLOW_UP_BEFORE_EXPIRY:
      explain_expiry_follow_up(&s, d, c, p, today);
      break;
    case DEADLINE_REVIEW:
      explain_review(&s, d, c, today);
      break;
    case DEADLINE_FORHANDSBESKED_EXPIRES:
      explain_forhandsbesked(&s, d, c);
      break;
    case DEADLINE_DECISION_ENDS:
      explain_decision_ends(&s, d, c, p);
      break;
    case DEADLINE_KIND_COUNT:
      break;
  }
  put(&s, ".");
  return arena_strdup(a, s.buf);
}
