/* invoice_internal.h — what the sick-pay invoice pages share (routes_invoice.c, page_invoice.c,
 * Must not: be included outside those files. */
#ifndef INSATS_WEB_INVOICE_INTERNAL_H
#define INSATS_WEB_INVOICE_INTERNAL_H

#include "web/web.h"

/* "2 400,50 kr" */
void invoice_kr(Str *o, int64_t ore);
/* "12,5" hours from centihours */
void invoice_hours(Str *o, int64_t ch);
/* The fired indicators of one invoice as a list: name (+points): explanation with numbers. */
void invoice_reasons(Str *o, const InvoiceScoring *sc, const InvoiceScore *it);
bool invoice_is_refusal(const Err *e);

bool page_invoice_view(HttpReq *req, HttpResp *resp, Err *e);
bool page_invoice_act(HttpReq *req, HttpResp *resp, Err *e);
bool page_invoice_new(HttpReq *req, HttpResp *resp, Err *e);
bool page_invoice_create(HttpReq *req, HttpResp *resp, Err *e);
bool page_invoice_import_form(HttpReq *req, HttpResp *resp, Err *e);
bool page_invoice_import(HttpReq *req, HttpResp *resp, Err *e);

#endif
