/* svc_provider.h — providers (utförare: the municipality's own units, companies, cooperatives,
 * sole traders) with their IVO permit and F-skatt check, and whether they may be paid on a date
 * the staff a provider commissions for a person — personal assistants, companions,
 * contact persons, relief workers, support families — with the god man rule and
 * relatives listed like anyone else (R-070) (provider_svc.c). Included by service.h.
 * Must not: contain SQL, or hide a relative employed as assistant from any list. */
#ifndef INSATS_SERVICE_SVC_PROVIDER_H
#define INSATS_SERVICE_SVC_PROVIDER_H

#include "service/svc_base.h"


typedef struct {
  const char *name;
  const char *orgnr;           /* organisationsnummer, or a sole trader's personnummer */
  const char *kind;            /* municipal, company, cooperative, self_employed */
  int64_t unit_id;             /* municipal: its executing unit (required); otherwise 0 */
  const char *ivo_permit_no;   /* the IVO permit's number; "" or NULL = none */
  Date permit_from, permit_to; /* permit_from required with a number; permit_to optional */
  Date fskatt_checked_on;      /* F-skatt verified on; DATE_NONE = not yet */
  Date started_on;             /* the provider's business started; DATE_NONE = unknown */
  bool is_demo;
} ProviderIn;

/* CAP_ADMIN. The orgnr is checked by core (orgnr_parse) and stored as twelve digits. A private
 * provider without a permit is recorded — its status then says it may not be paid. */
bool svc_provider_create(Svc *s, const ProviderIn *in, int64_t *id, Err *e);
/* CAP_ADMIN. Replaces every field (is_demo excepted). */
bool svc_provider_update(Svc *s, int64_t id, const ProviderIn *in, Err *e);
/* CAP_FINANCE or CAP_ADMIN: F-skatt was verified on `checked_on` (not in the future; R-071). */
bool svc_provider_record_fskatt_check(Svc *s, int64_t id, Date checked_on, Err *e);
/* Reading providers: roles that read person records, finance and admin (not auditors: a sole
 * trader's number is a personnummer). */
bool svc_provider_get(Svc *s, int64_t id, ProviderRec *out, Err *e);
/* kind NULL or "" lists every provider, by name in Swedish order. */
bool svc_provider_list(Svc *s, const char *kind, Arena *a, ProviderRec **out, size_t *n, Err *e);

#define SVC_PROVIDER_MAX_REASONS 4

/* R-071 on one date. A municipal provider needs neither permit nor F-skatt. */
typedef struct {
  bool private_provider; /* company, cooperative or self-employed: R-071 applies */
  bool permit_valid;     /* an IVO permit in force on the date (true for municipal) */
  bool fskatt_recent;    /* F-skatt verified within the limit, on or before the date (true for
                            municipal) */
  bool payable;          /* permit_valid && fskatt_recent */
  char reasons[SVC_PROVIDER_MAX_REASONS][256]; /* Swedish, why not payable, each citing R-071 */
  size_t n_reasons;
} ProviderStatus;

/* The judgement itself, without I/O, for use inside other use cases' transactions. */
void svc_provider_judge(const ProviderRec *p, Date on, int32_t fskatt_max_age_days,
                        ProviderStatus *out);
/* Loads the provider and judges it on `on` (same read rule as svc_provider_get). */
bool svc_provider_status(Svc *s, int64_t id, Date on, ProviderStatus *out, Err *e);

typedef struct {
  int64_t provider_id, person_id;
  const char *name;
  const char *role; /* assistant, companion, contact_person, relief_worker, support_family */
  bool is_relative; /* recorded and listed like any other assistant */
  Date employed_from, employed_to; /* employed_to DATE_NONE: open-ended */
  /* the assistant is this representative (0 = not stated). Whether stated or not, the
   * name is also compared with the person's god man and förvaltare. */
  int64_t representative_id;
  bool is_demo;
} AssistantIn;

/* CAP_CASE_WRITE or CAP_EXECUTE, under the person's access rule. A personal assistant
 * who is (during the employment) the person's god man or förvaltare is refused: ERR_RULE,
 * */
bool svc_assistant_add(Svc *s, const AssistantIn *in, int64_t *id, Err *e);
/* Ends an employment on `employed_to` (same rights as add). */
bool svc_assistant_end(Svc *s, int64_t id, Date employed_to, Err *e);
/* The person's commissioned staff (CAP_PERSON_READ, access rule, audited "assistant.read");
 * relatives_only: only those who are relatives. */
bool svc_assistant_list(Svc *s, int64_t person_id, bool relatives_only, Arena *a,
                        AssistantRec **out, size_t *n, Err *e);

#endif
