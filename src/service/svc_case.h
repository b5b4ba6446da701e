/* svc_case.h — cases (case_svc.c): register an application (R-001, who may apply ),
 * open a case (audited, R-133), and the case-level steps of its life (core/case_state.h):
 * investigate, delay notice, written request, communication exception,
 * withdraw, close. Included by service.h. */
#ifndef INSATS_SERVICE_SVC_CASE_H
#define INSATS_SERVICE_SVC_CASE_H

#include "service/svc_base.h"

#define SVC_MAX_APPLICANTS 4
#define SVC_MAX_REQUESTED 10

typedef struct {
  const char *role; /* person, guardian, god_man, forvaltare, ombud, framtidsfullmakt */
  const char *name;
  int64_t representative_id; /* 0 = none */
  bool power_of_attorney;    /* ombud: written, original seen */
} ApplicantIn;

typedef struct {
  const char *insats;          /* core/insats.h code */
  const char *requested_scope; /* as the person put it: "40 timmar i veckan" */
  bool increase;               /* of an insats the person has */
  const char *specific_unit;   /* */
  Date spring_term_ends_on, upper_secondary_ends_on; /* korttidstillsyn */
} RequestIn;

typedef struct {
  int64_t person_id;
  const char *kind;          /* application, review, forhandsbesked */
  Date received_on;          /* the received date starts the clock */
  const char *received_how;  /* written, oral, digital */
  ApplicantIn applicants[SVC_MAX_APPLICANTS];
  size_t n_applicants;
  RequestIn requested[SVC_MAX_REQUESTED];
  size_t n_requested;
  int guardians;             /* for a child: 1 or 2; -1 unknown */
  bool guardians_disagree;   /* */
  int can_take_position;     /* -1 unknown, 0 no, 1 yes (from 15 years, R-002) */
  int wants_insats;          /* -1 unknown, 0 no, 1 yes */
  int64_t officer_id;        /* 0: the registering officer */
  Date forhandsbesked_available_from; /* kind forhandsbesked */
  bool is_demo;
} ApplicationIn;

/* Registers an application. Refused with ERR_RULE and the rule when the applicants may not
 * apply as filed: e.g. a 12-year-old alone, one of two guardians. */
bool svc_case_register(Svc *s, const ApplicationIn *in, int64_t *case_id, Err *e);

typedef struct {
  CaseRec c;
  PersonRec person;
  ApplicantRec *applicants;
  size_t n_applicants;
  CaseInsatsRec *insatser;
  size_t n_insatser;
} CaseView;

/* Opens a case under the person's access rule; audited. When the access rule refuses
 * (ERR_FORBIDDEN, field "break_glass_reason"), out->c is still filled, so the page can offer the
 * person's break-glass form. */
bool svc_case_open(Svc *s, int64_t case_id, Arena *a, CaseView *out, Err *e);
bool svc_case_list_for_person(Svc *s, int64_t person_id, Arena *a, CaseRec **out, size_t *n,
                              Err *e);

bool svc_case_investigate(Svc *s, int64_t case_id, Err *e);
/* the person was told why the decision is delayed (11 § FL). */
bool svc_case_delay_notified(Svc *s, int64_t case_id, Date on, Err *e);
/* a written request for a decision (12 § FL), received on `on`. */
bool svc_case_written_request(Svc *s, int64_t case_id, Date on, Err *e);
/* why the material is not communicated before the decision (25 § FL exceptions). */
bool svc_case_communication_exception(Svc *s, int64_t case_id, const char *reason, Err *e);
/* Withdrawn by the applicant (closes the case and any R-100 duty with it). */
bool svc_case_withdraw(Svc *s, int64_t case_id, Date on, Err *e);
bool svc_case_close(Svc *s, int64_t case_id, Date on, const char *reason, Err *e);

/* For other aggregates' use cases, inside their transaction: loads the case, checks the access
 * rule for its person, and optionally applies a state event (core/case_state.h). */
bool svc_case_load(Svc *s, int64_t case_id, CaseRec *out, Err *e);
bool svc_case_apply_event(Svc *s, CaseRec *c, int event, Err *e);

#endif
