/* svc_investigation.h — the investigation of a case (investigation_svc.c): evidence
 * (certificates and register extracts; a questioned medical certificate and the second opinion
 * the municipality pays for after a unit manager approves the cost, R-075), the personkrets
 * assessment (R-010, R-011, judged by core), the assistance assessment (R-060–,
 * hours always recomputed by core), communication and one read of
 * it all. Every command checks the access rule for the case's person and writes its
 * audit event in the same transaction. Included by service.h. Must not: contain SQL or compute
 * a rule itself (core does). */
#ifndef INSATS_SERVICE_SVC_INVESTIGATION_H
#define INSATS_SERVICE_SVC_INVESTIGATION_H

#include "core/eligibility.h"
#include "core/hours.h"
#include "service/svc_base.h"

#define SVC_ASSESSMENT_JSON_MAX (256 * 1024) /* bytes of input_json kept with an assessment */
/* An input bound on a certificate's cost, against typing errors; not a policy: 100 000 kr. */
#define SVC_EVIDENCE_MAX_COST_ORE INT64_C(10000000)

/* ---- evidence ---- */

typedef struct {
  int64_t case_id;
  const char *kind;   /* doctor, adl, psychologist, occupational_therapist, physiotherapist,
                         egenvard, police_register, fk_register, kronofogden_register, other */
  const char *issuer; /* required for certificates (the doctor's name: R-075 compares it) */
  Date issued_on;     /* DATE_NONE when unknown; not after received_on */
  Date received_on;   /* not in the future */
} EvidenceIn;

/* Records a certificate or register extract as received. */
bool svc_evidence_add(Svc *s, const EvidenceIn *in, int64_t *id, Err *e);
/* The officer accepts received evidence as a basis (received → accepted). A questioned
 * certificate cannot be accepted (R-075: a new one from another doctor is ordered instead). */
bool svc_evidence_accept(Svc *s, int64_t evidence_id, Err *e);
/* the officer questions a doctor's certificate (received or accepted → questioned),
 * with the reason. */
bool svc_evidence_question(Svc *s, int64_t evidence_id, const char *reason, Err *e);
/* a unit manager (CAP_APPROVE_COST; never the officer) approves the cost the municipality
 * pays — for a questioned doctor's certificate this orders the second opinion (questioned →
 * second_opinion_ordered); for an ADL certificate judged necessary it records that the
 * municipality pays for it. Records who approved and when. */
bool svc_evidence_approve_cost(Svc *s, int64_t evidence_id, int64_t cost_ore, Err *e);

typedef struct {
  int64_t questioned_id; /* the certificate in status second_opinion_ordered */
  const char *issuer;    /* another doctor than the questioned certificate's */
  Date issued_on;
  Date received_on; /* not before the cost was approved, not in the future */
} SecondOpinionIn;
/* the second opinion arrives: a new doctor's certificate pointing back to the questioned
 * one (status received), which becomes second_opinion_received. Refused for the same doctor. */
bool svc_evidence_receive_second_opinion(Svc *s, const SecondOpinionIn *in, int64_t *id, Err *e);

/* ---- personkrets (R-010, R-011) ---- */

typedef struct {
  int64_t case_id;
  Date assessed_on;           /* not before the application, not in the future */
  int64_t doctor_evidence_id; /* the doctor's statement (accepted, or a received second
                                 opinion) of this case */
  /* The facts of the three groups and the other statements. doctor_statement is ignored: it
   * follows from doctor_evidence_id. */
  EligPersonkrets facts;
} PersonkretsIn;

typedef struct {
  int64_t id;
  int group;           /* lowest group established by core, 0 = none */
  bool groups[4];      /* groups[1..3] */
  EligReasons reasons; /* core's reasons (arena), each with its rule ID */
} PersonkretsOut;

/* Records the personkrets assessment as core judges the facts (the group is never typed).
 * Refused with R-010 without a usable doctor's statement. Moves a received case to
 * investigating. An assessment that establishes no group is recorded too (it grounds a
 * rejection, R-031). */
bool svc_personkrets_assess(Svc *s, const PersonkretsIn *in, Arena *a, PersonkretsOut *out, Err *e);

/* ---- assistance assessment (R-060–) ---- */

typedef struct {
  int64_t case_id;
  /* The assessment document (the `insats calc hours` format, docs/cli/hours.md); its birth_date
   * must be the person's. The service reads it and recomputes the hours with core, and stores
   * the text as the record of what was assessed. */
  const char *input_json;
} AssistanceIn;

/* Records an assistance assessment for a case that requests personlig_assistans; the hours and
 * fk_notice_required come from core's hours_compute, never from the caller. Later
 * assessments supersede earlier ones, which are kept. *out gets core's full result (arena). */
bool svc_assistance_assess(Svc *s, const AssistanceIn *in, Arena *a, int64_t *id, HoursResult *out,
                           Err *e);

/* ---- communication (R-030, R-130) ---- */

typedef struct {
  int64_t case_id;
  Date sent_on;
  const char *how;   /* letter, digital, meeting, phone */
  const char *what;  /* what material was communicated */
  Date reply_by;     /* after sent_on */
  bool oral_offered; /* the person was told of the right to present orally — required */
} CommunicationIn;

/* Records that the material was communicated and moves the case to communicated (the state
 * machine refuses it unless the case is being investigated or already communicated). The reply
 * period becomes a deadline (communication_reply, R-030). */
bool svc_communication_add(Svc *s, const CommunicationIn *in, int64_t *id, Err *e);
/* The person's reply came in (meets the reply deadline). */
bool svc_communication_reply(Svc *s, int64_t communication_id, Date received_on, Err *e);

/* ---- reading ---- */

typedef struct {
  CaseRec c;
  EvidenceRec *evidence;
  size_t n_evidence;
  bool has_personkrets;
  PersonkretsRec personkrets; /* the latest */
  bool has_assistance;
  AssistanceRec assistance; /* the latest */
  CommunicationRec *communications;
  size_t n_communications;
} InvestigationView;

/* The investigation of a case, under the access rule; audited as a read. */
bool svc_investigation_view(Svc *s, int64_t case_id, Arena *a, InvestigationView *out, Err *e);

#endif
