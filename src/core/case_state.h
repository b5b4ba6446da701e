/* case_state.h — the life of a case (ärende) as a state machine, and of each decision's
 * execution. Pure: the service layer asks whether a step is allowed and gets the rule and a
 * Swedish reason when it is not. Must not: do I/O or know about storage. */
#ifndef INSATS_CORE_CASE_STATE_H
#define INSATS_CORE_CASE_STATE_H

#include <stdbool.h>

#include "base/err.h"

typedef enum {
  CASE_RECEIVED = 1, /* application registered (R-001: every application is investigated) */
  CASE_INVESTIGATING,
  CASE_COMMUNICATED, /* material communicated (R-030, 25 § FL) */
  CASE_DECIDED,      /* every requested insats has a decision */
  CASE_APPEALED,     /* an appeal is pending */
  CASE_CLOSED,
  CASE_WITHDRAWN,
} CaseState;

typedef enum {
  CASE_EV_INVESTIGATE = 1, /* start the investigation */
  CASE_EV_COMMUNICATE,     /* send the material for communication */
  CASE_EV_DECIDE,          /* decide (all requested insatser) */
  CASE_EV_APPEAL,          /* an appeal arrives */
  CASE_EV_APPEAL_RESOLVED, /* reconsidered or the court has ruled */
  CASE_EV_CLOSE,
  CASE_EV_WITHDRAW,
} CaseEvent;

/* The facts a transition may depend on. */
typedef struct {
  bool communication_exception; /* a recorded reason not to communicate */
} CaseFacts;

const char *case_state_code(CaseState s);  /* "received", … */
const char *case_state_name(CaseState s);  /* Swedish: "inkommen", … */
CaseState case_state_from_code(const char *code); /* 0 if unknown */
const char *case_event_name(CaseEvent ev); /* Swedish verb phrase for messages */
/* Still being handled: received, investigating or communicated (not yet decided or ended). */
bool case_state_open(CaseState s);

/* The state after `ev`, or 0 with e set (ERR_RULE with the rule ID, or ERR_CONFLICT when the
 * step makes no sense in this state) when it is not allowed. */
CaseState case_state_next(CaseState s, CaseEvent ev, const CaseFacts *facts, Err *e);

#endif
