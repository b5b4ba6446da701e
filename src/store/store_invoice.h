/* store_invoice.h — sick-pay invoices (sjuklönefakturor), the facts their risk score reads, and
 * finance's actions on them (store_invoice.c, R-074). Included by store.h; use store.h.
 * Must not: judge risk (core/risk.c does) or rules (the service does). */
#ifndef INSATS_STORE_STORE_INVOICE_H
#define INSATS_STORE_STORE_INVOICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"

typedef struct Db Db;

typedef struct {
  int64_t id, provider_id, person_id;
  int64_t assistant_id;     /* 0: not a registered assistant of the person */
  char assistant_name[128]; /* as invoiced; "" = not stated */
  char assistant_key[128];  /* folded name (the service computes it) */
  char invoice_no[64];
  Date invoice_date, period_from, period_to, sick_from, sick_to;
  int32_t sick_days;
  int64_t sick_ch, invoiced_ch; /* centihours */
  int64_t amount_ore;
  char status[16]; /* open, approved, questioned, reported_ivo */
  bool is_demo;
  /* read only (joined) */
  char provider_name[128];
  char person_name[260];
  char person_pnr[13];
  char paid_month[8]; /* YYYY-MM of the settlement that paid it; "" = not paid */
} InvoiceRec;

/* What scoring needs of one invoice (core/risk.h's RiskFacts come from it), kept small: one per
 * invoice of the whole municipality. */
typedef struct {
  int64_t id, provider_id, person_id;
  Date invoice_date, period_from, period_to, sick_from, sick_to;
  int32_t sick_days;
  int64_t sick_ch, invoiced_ch, amount_ore;
  char status[16];
  bool has_assistant, assistant_relative;
  /* opaque grouping keys (64-bit FNV-1a hashes): the invoice number, and the folded assistant
   * name (0 = none); the service groups on them */
  uint64_t number_key, assistant_key;
  bool private_provider, has_permit;
  Date permit_from, permit_to, fskatt_checked_on, started_on;
} InvoiceFactsRow;

/* A period when a person needed no assistance. kind: hospital, short_stay, other_activity,
 * pause (to = the first day back, exclusive; DATE_NONE while it lasts), daily_activity. */
typedef struct {
  int64_t person_id;
  char kind[16];
  Date from, to;
} ElsewhereRow;

typedef struct {
  int64_t id;
  char action[16]; /* approved, questioned, reported_ivo */
  char note[1024];
  Date acted_on;
  char by[128];
  char at[21];
} InvoiceActionRec;

bool store_invoice_insert(Db *db, const InvoiceRec *r, int64_t created_by, const char *created_at,
                          int64_t *id, Err *e);
bool store_invoice_get(Db *db, int64_t id, InvoiceRec *out, bool *found, Err *e);
bool store_invoice_set_status(Db *db, int64_t id, const char *status, Err *e);
/* Every invoice's facts, by id. */
bool store_invoice_facts(Db *db, Arena *a, InvoiceFactsRow **out, size_t *n, Err *e);
/* Every elsewhere period of persons who have invoices, by person. */
bool store_invoice_elsewhere(Db *db, Arena *a, ElsewhereRow **out, size_t *n, Err *e);
bool store_invoice_action_insert(Db *db, int64_t invoice_id, const char *action, const char *note,
                                 Date acted_on, int64_t created_by, const char *created_at,
                                 int64_t *id, Err *e);
bool store_invoice_actions(Db *db, int64_t invoice_id, Arena *a, InvoiceActionRec **out, size_t *n,
                           Err *e);

#endif
