/* case_state.c — the case state machine (see case_state.h). */
#include "core/case_state.h"

#include <string.h>

static const struct {
  const char *code, *name;
} states[] = {
    [CASE_RECEIVED] = {"received", "inkommen"},
    [CASE_INVESTIGATING] = {"investigating", "under utredning"},
    [CASE_COMMUNICATED] = {"communicated", "kommunicerad"},
    [CASE_DECIDED] = {"decided", "beslutad"},
    [CASE_APPEALED] = {"appealed", "överklagad"},
    [CASE_CLOSED] = {"closed", "avslutad"},
    [CASE_WITHDRAWN] = {"withdrawn", "återtagen"},
};
#define NSTATES ((int)(sizeof states / sizeof states[0]))

const char *case_state_code(CaseState s) {
  return s > 0 && s < NSTATES ? states[s].code : "unknown";
}
const char *case_state_name(CaseState s) {
  return s > 0 && s < NSTATES ? states[s].name : "okänt";
}

CaseState case_state_from_code(const char *code) {
  for (int i = 1; i < NSTATES; i++)
    if (code && strcmp(states[i].code, code) == 0) return (CaseState)i;
  return 0;
}

const char *case_event_name(CaseEvent ev) {
  switch (ev) {
    case CASE_EV_INVESTIGATE: return "påbörja utredning";
    case CASE_EV_COMMUNICATE: return "kommunicera";
    case CASE_EV_DECIDE: return "fatta beslut";
    case CASE_EV_APPEAL: return "registrera överklagande";
    case CASE_EV_APPEAL_RESOLVED: return "avsluta överklagande";
    case CASE_EV_CLOSE: return "avsluta ärendet";
    case CASE_EV_WITHDRAW: return "registrera återtagande";
  }
  return "?";
}

bool case_state_open(CaseState s) {
  return s == CASE_RECEIVED || s == CASE_INVESTIGATING || s == CASE_COMMUNICATED;
}

static CaseState refuse(CaseState s, CaseEvent ev, Err *e) {
  err_set(e, ERR_CONFLICT, "state", "", "Det går inte att %s när ärendet är %s.",
          case_event_name(ev), case_state_name(s));
  return 0;
}

CaseState case_state_next(CaseState s, CaseEvent ev, const CaseFacts *facts, Err *e) {
  bool open = case_state_open(s);
  switch (ev) {
    case CASE_EV_INVESTIGATE:
      /* every application leads to an investigation */
      return s == CASE_RECEIVED ? CASE_INVESTIGATING : refuse(s, ev, e);
    case CASE_EV_COMMUNICATE:
      /* Communicating again after new material is allowed. */
      return s == CASE_INVESTIGATING || s == CASE_COMMUNICATED ? CASE_COMMUNICATED
                                                                : refuse(s, ev, e);
    case CASE_EV_DECIDE:
      if (s == CASE_COMMUNICATED) return CASE_DECIDED;
      if (s == CASE_INVESTIGATING || s == CASE_RECEIVED) {
        /* communicate before deciding, unless an exception (25 § FL) is recorded. */
        if (facts && facts->communication_exception) return CASE_DECIDED;
        err_set(e, ERR_RULE, "communication", "R-030",
                "Materialet måste kommuniceras innan beslut (25 § FL), eller skälet till "
                "undantag anges: beslutet går inte emot den enskilde, uppgiften saknar "
                "betydelse eller det är uppenbart obehövligt.");
        return 0;
      }
      return refuse(s, ev, e);
    case CASE_EV_APPEAL:
      /* an appeal concerns a decision */
      return s == CASE_DECIDED || s == CASE_CLOSED || s == CASE_APPEALED ? CASE_APPEALED
                                                                         : refuse(s, ev, e);
    case CASE_EV_APPEAL_RESOLVED:
      return s == CASE_APPEALED ? CASE_DECIDED : refuse(s, ev, e);
    case CASE_EV_CLOSE:
      return s == CASE_DECIDED ? CASE_CLOSED : refuse(s, ev, e);
    case CASE_EV_WITHDRAW:
      return open ? CASE_WITHDRAWN : refuse(s, ev, e);
  }
  return refuse(s, ev, e);
}
