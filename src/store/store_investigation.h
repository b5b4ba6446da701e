/* store_investigation.h — evidence (certificates and register extracts, R-075), personkrets
 * assessments, assistance assessments and communication
 * (R-030, R-130) (store_investigation.c). Included by store.h; use store.h.
 * Must not: judge anything — the service decides what may be written; this only stores it. */
#ifndef INSATS_STORE_STORE_INVESTIGATION_H
#define INSATS_STORE_STORE_INVESTIGATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"

typedef struct Db Db;

typedef struct {
  int64_t id, case_id;
  /* doctor, adl, psychologist, occupational_therapist, physiotherapist, egenvard,
   * police_register, fk_register, kronofogden_register, other */
  char kind[24];
  char issuer[200]; /* who wrote it: the doctor, or the authority for a register extract */
  Date issued_on;   /* DATE_NONE when unknown */
  Date received_on;
  /* received, accepted, questioned, second_opinion_ordered, second_opinion_received */
  char status[24];
  char question_reason[1000]; /* why a medical certificate was questioned */
  int64_t cost_ore;           /* the cost the municipality pays, approved */
  int64_t cost_approved_by;   /* the unit manager who approved it, 0 = not approved */
  Date cost_approved_on;
  int64_t second_opinion_of; /* the questioned certificate this one answers, 0 = none */
} EvidenceRec;

typedef struct {
  int64_t id, case_id;
  int grp;                    /* 0 = no group established, else 1–3 (computed by core) */
  const char *facts_json;     /* the facts and core's reasons; arena-owned when read */
  int64_t doctor_evidence_id; /* the doctor's statement it rests on */
  Date assessed_on;
  int64_t assessed_by;
} PersonkretsRec;

typedef struct {
  int64_t id, case_id;
  Date assessed_on;
  const char *input_json; /* the assessment as given (docs/cli/hours.md); arena-owned when read */
  /* Weekly averages as core/hours.h returns them: ticks of 1/1456 minute
   * (HOURS_TICKS_PER_MINUTE = 28 parts × 52 weeks): a weekly average over 52 weeks is not
   * always a whole number of 1/28 minutes. */
  int64_t basic_ticks, other_ticks;
  bool fk_notice_required; /* */
  int64_t assessed_by;
} AssistanceRec;

typedef struct {
  int64_t id, case_id;
  Date sent_on;
  char how[10]; /* letter, digital, meeting, phone */
  char what[2000];
  Date reply_by;
  bool oral_offered; /* told of the right to present the matter orally */
  Date reply_received_on;
  int64_t created_by;
} CommunicationRec;

bool store_evidence_insert(Db *db, const EvidenceRec *r, const char *created_at, int64_t *id,
                           Err *e);
bool store_evidence_get(Db *db, int64_t id, EvidenceRec *out, bool *found, Err *e);
bool store_evidence_list(Db *db, int64_t case_id, Arena *a, EvidenceRec **out, size_t *n, Err *e);
/* Writes the mutable fields: status, question reason, cost and its approval. */
bool store_evidence_update(Db *db, const EvidenceRec *r, Err *e);

bool store_personkrets_insert(Db *db, const PersonkretsRec *r, const char *created_at, int64_t *id,
                              Err *e);
/* The assessment that counts: the latest by date, then by id. */
bool store_personkrets_latest(Db *db, int64_t case_id, Arena *a, PersonkretsRec *out, bool *found,
                              Err *e);

bool store_assistance_insert(Db *db, const AssistanceRec *r, const char *created_at, int64_t *id,
                             Err *e);
/* The assessment that counts: later ones supersede earlier ones; all are kept. */
bool store_assistance_latest(Db *db, int64_t case_id, Arena *a, AssistanceRec *out, bool *found,
                             Err *e);

bool store_communication_insert(Db *db, const CommunicationRec *r, const char *created_at,
                                int64_t *id, Err *e);
bool store_communication_get(Db *db, int64_t id, CommunicationRec *out, bool *found, Err *e);
bool store_communication_list(Db *db, int64_t case_id, Arena *a, CommunicationRec **out, size_t *n,
                              Err *e);
bool store_communication_set_reply(Db *db, int64_t id, Date received_on, Err *e);

#endif
