/* payment_internal.h — what the payment use cases share (payment_svc.c, settlement_svc.c,
 * fk_svc.c, habilitation_svc.c): role checks, the month lock and loading a decision. */
#ifndef INSATS_SERVICE_PAYMENT_INTERNAL_H
#define INSATS_SERVICE_PAYMENT_INTERNAL_H

#include "service/service.h"

/* Inside a transaction: finance works with payments without reading person records (it has no
 * CAP_PERSON_READ); anyone else follows the person's access rule. */
bool pay_person_access(Svc *s, int64_t person_id, Err *e);
/* Inside a transaction: ERR_RULE R-073 when the month's settlement is attested or exported. */
bool pay_month_open(Svc *s, const char *month, Err *e);
/* Inside a transaction: the decision, ERR_NOT_FOUND if none; `insats` (or NULL for any) must
 * match and the decision must grant something (ERR_RULE `rule`). */
bool pay_decision_load(Svc *s, int64_t id, const char *insats, const char *rule, PayDecisionRec *d,
                       Err *e);
/* The last day the decision applies: valid_to, or the day before a revocation. */
Date pay_decision_end(const PayDecisionRec *d);
/* Inside a write transaction: validates and records one time report (payment_svc.c); the
 * import (time_report_import.c) calls it per line. */
bool pay_time_report_in_tx(Svc *s, const TimeReportIn *in, int64_t *id, Err *e);
/* A quoted CSV text field ("" for a quote): names may hold the separator. */
void pay_csv_text(Str *csv, const char *v);

/* Sick-pay invoices in the settlement (R-074, settlement_invoice.c), inside its transaction:
 * the run replaces the month's invoice lines; attestation is refused while another attested
 * month holds one of them; the export appends the lines to pay and marks them paid. */
bool settle_invoices_run(Svc *s, const char *month, Date last, const Policy *pol,
                         const ProviderRec *providers, size_t np, Arena *a, Err *e);
bool settle_invoices_attest_check(Svc *s, const char *month, Err *e);
bool settle_invoices_export(Svc *s, const char *month, Arena *a, Str *csv, Err *e);

/* The habilitation month's lines as the attendance gives them now, ordered by decision,
 * for one unit's participants (0: every unit); the run stores them, attestation compares them
 * with what is stored (habilitation_svc.c). */
bool svc_hab_lines_now(Svc *s, const char *month, int64_t unit, Arena *a, HabLineRec **out,
                       size_t *n, Date *pay_on, Err *e);

#endif
