/* invoice_internal.h — inside the invoice use cases only (invoice_svc.c, invoice_import.c,
 * invoice_risk.c): turning an invoice's text into a record, and resolving its provider, person
 * and assistant. Must not: be included by adapters (they use svc_invoice.h). */
#ifndef INSATS_SERVICE_INVOICE_INTERNAL_H
#define INSATS_SERVICE_INVOICE_INTERNAL_H

#include "service/service.h"

/* Validates the text without the database and fills r (ids excepted), orgnr12 and pnr12. The
 * error's field is the CSV column name (also the web form's field name). */
bool invoice_from_text(Svc *s, const InvoiceText *in, InvoiceRec *r, char orgnr12[13],
                       char pnr12[13], Err *e);
/* Inside the transaction: the provider and person must exist; links the assistant. */
bool invoice_resolve(Svc *s, InvoiceRec *r, const char *orgnr12, const char *pnr12, Arena *a,
                     Err *e);

#endif
