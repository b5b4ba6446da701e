/* svc_invoice.h — sick-pay invoice follow-up (R-074, seed 000): finance records invoices one by
 * one or imports a CSV file (all or nothing), every invoice gets an explainable risk score from
 * core/risk.c, and finance works a ranked list and records what it did (approved, questioned,
 * reported to IVO). Nothing is denied automatically: the score only orders the work.
 * Implemented by invoice_svc.c (record, act, read), invoice_import.c (CSV) and invoice_risk.c
 * (scoring). Included by service.h. Must not: contain SQL, or pay, deny or hide an invoice. */
#ifndef INSATS_SERVICE_SVC_INVOICE_H
#define INSATS_SERVICE_SVC_INVOICE_H

#include "core/risk.h"
#include "service/svc_base.h"

/* One invoice as typed or read from a CSV row: text, validated and converted by the service. */
typedef struct {
  const char *orgnr;     /* the provider's organisationsnummer (any accepted form) */
  const char *pnr;       /* the person's personnummer */
  const char *assistant; /* the sick assistant's name; "" = not stated */
  const char *invoice_no;
  const char *invoice_date;            /* YYYY-MM-DD */
  const char *period_from, *period_to; /* the period the invoice covers */
  const char *sick_from, *sick_to;     /* the sick days claimed, inside the period */
  const char *sick_days;               /* whole days */
  const char *sick_hours;              /* hours, at most two decimals: "12", "12,5", "7.25" */
  const char *invoiced_hours;          /* all hours invoiced for the period (the share's base) */
  const char *amount;                  /* kronor, at most two decimals: "2400", "2400,50" */
} InvoiceText;

/* CAP_FINANCE. Validates every field (a refusal names it) and that provider and person exist;
 * the assistant is linked to the person's registered assistant of that name at the provider
 * when there is one (its relative flag then counts, R-070). */
bool svc_invoice_record(Svc *s, const InvoiceText *in, bool is_demo, int64_t *id, Err *e);

typedef struct {
  size_t line;    /* 1-based line of the file */
  char field[32]; /* the column ("belopp_kr"), or "" for the whole row */
  char msg[320];  /* Swedish */
} InvoiceRowError;

typedef struct {
  size_t rows;             /* data rows read */
  size_t imported;         /* rows imported (0 when any row was bad) */
  InvoiceRowError *errors; /* every bad row, in file order (arena) */
  size_t n_errors;
} InvoiceImport;

#define SVC_INVOICE_IMPORT_MAX_BYTES (16u << 20) /* 16 MiB */
#define SVC_INVOICE_IMPORT_MAX_ROWS 100000

/* CAP_FINANCE. The CSV format of docs/sick-pay-invoices.md. The whole file is one transaction:
 * any bad row (reported with its line number and reason, every one of them) and nothing of the
 * file is imported — then returns false with ERR_INVALID and out->errors filled. */
bool svc_invoice_import(Svc *s, const char *csv, size_t len, Arena *a, InvoiceImport *out, Err *e);

/* One scored invoice. */
typedef struct {
  InvoiceRec inv; /* filled by the list and view calls (not by svc_invoice_score_all) */
  RiskFacts facts;
  RiskResult result;
  int64_t id, provider_id, person_id;
  char status[16];
} InvoiceScore;

typedef struct {
  Policy policy;   /* in force today */
  RiskContext ctx; /* the municipality's median */
  InvoiceScore *items;
  size_t n;
} InvoiceScoring;

/* CAP_FINANCE or CAP_REPORTS. Scores every invoice set-based: the facts in one query, the
 * median and per-assistant counts once, then each invoice (by id). */
bool svc_invoice_score_all(Svc *s, Arena *a, InvoiceScoring *out, Err *e);

/* CAP_FINANCE. The ranked work list: riskiest first (ties: oldest invoice first), invoices with
 * status `status` ("" or NULL: open ones; "all": every status), provider_id 0 = every provider,
 * at most `limit`; out->items have inv filled. */
bool svc_invoice_worklist(Svc *s, const char *status, int64_t provider_id, size_t limit, Arena *a,
                          InvoiceScoring *out, Err *e);

/* CAP_FINANCE. One invoice with its score and finance's actions (audited "invoice.read"). */
bool svc_invoice_view(Svc *s, int64_t id, Arena *a, InvoiceScoring *scoring, InvoiceScore *out,
                      InvoiceActionRec **acts, size_t *n_acts, Err *e);

/* CAP_FINANCE. What finance did: "approved", "questioned" or "reported_ivo" (R-071: the
 * municipality reports to IVO when a provider's suitability is in doubt); a note is required
 * unless approving. The invoice's status becomes the action; audited with the person. */
bool svc_invoice_act(Svc *s, int64_t id, const char *action, const char *note, int64_t *action_id,
                     Err *e);
const char *svc_invoice_status_name(const char *status); /* Swedish */

/* A provider's risk: the aggregate of its invoices. */
typedef struct {
  int64_t provider_id;
  char name[128];
  int32_t invoices, open, flagged; /* flagged: at least one indicator fired */
  int64_t score;                   /* sum of its invoices' scores */
  int32_t max_score;
  int32_t fired[RISK_COUNT]; /* invoices on which each indicator fired */
  int64_t sick_ch, invoiced_ch, amount_ore;
} ProviderRisk;

/* CAP_FINANCE or CAP_REPORTS (aggregates only: no person). Providers with invoices, riskiest
 * (highest score) first; provider_id 0 = all. */
bool svc_invoice_provider_risks(Svc *s, int64_t provider_id, Arena *a, ProviderRisk **out,
                                size_t *n, RiskContext *ctx, Err *e);
/* CAP_FINANCE. The work list (svc_invoice_worklist) and the providers' risks (as
 * svc_invoice_provider_risks, restricted to provider_id when set) from ONE scoring of every
 * invoice: a finance page that shows both scores once. */
bool svc_invoice_worklist_with_risks(Svc *s, const char *status, int64_t provider_id,
                                     size_t limit, Arena *a, InvoiceScoring *out,
                                     ProviderRisk **risks, size_t *nrisks, Err *e);


#endif
