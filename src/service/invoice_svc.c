/* invoice_svc.c — recording sick-pay invoices, finance's actions and reading one invoice
 * (R-074; see svc_invoice.h). Must not: contain SQL, or deny or pay anything by its score. */
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "core/orgnr.h"
#include "core/pnr.h"
#include "service/invoice_internal.h"

#define INVOICE_NO_MAX 60
#define ASSISTANT_MAX 100
#define NOTE_MAX 2000

static bool parse_date(const char *v, const char *field, const char *label, Date *out, Err *e) {
  if (!v || !*v) return err_set(e, ERR_INVALID, field, "", "Ange %s (ÅÅÅÅ-MM-DD).", label);
  if (!date_parse(v, out))
    return err_set(e, ERR_INVALID, field, "", "%s måste vara ett datum ÅÅÅÅ-MM-DD.", label);
  return true;
}

/* A non-negative number with at most two decimals (point or comma) in hundredths. */
static bool parse_hundredths(const char *v, const char *field, const char *label, int64_t max,
                             int64_t *out, Err *e) {
  int64_t whole = 0, frac = 0;
  int digits = 0, decimals = -1;
  const char *p = v ? v : "";
  for (; *p; p++) {
    if (*p >= '0' && *p <= '9') {
      if (decimals < 0) {
        whole = whole * 10 + (*p - '0');
        if (++digits > 12) break;
      } else {
        if (++decimals > 2) break;
        frac = frac * 10 + (*p - '0');
      }
    } else if ((*p == ',' || *p == '.') && decimals < 0 && digits > 0) {
      decimals = 0;
    } else {
      break;
    }
  }
  if (*p || digits == 0 || decimals == 0)
    return err_set(e, ERR_INVALID, field, "",
                   "%s måste vara ett tal med högst två decimaler, t.ex. 12,5.", label);
  if (decimals == 1) frac *= 10;
  int64_t v100 = whole * 100 + frac;
  if (v100 > max) return err_set(e, ERR_INVALID, field, "", "%s är orimligt stort.", label);
  *out = v100;
  return true;
}

bool invoice_from_text(Svc *s, const InvoiceText *in, InvoiceRec *r, char orgnr12[13],
                       char pnr12[13], Err *e) {
  memset(r, 0, sizeof *r);
  Orgnr o;
  if (!in->orgnr || !*in->orgnr)
    return err_set(e, ERR_INVALID, "orgnr", "", "Ange utförarens organisationsnummer.");
  if (!orgnr_parse(in->orgnr, s->today, &o, e)) {
    snprintf(e->field, sizeof e->field, "orgnr");
    return false;
  }
  memcpy(orgnr12, o.orgnr12, 13);
  Pnr p;
  if (!in->pnr || !*in->pnr)
    return err_set(e, ERR_INVALID, "personnummer", "", "Ange personens personnummer.");
  if (!pnr_parse(in->pnr, s->today, &p, e)) {
    snprintf(e->field, sizeof e->field, "personnummer");
    return false;
  }
  memcpy(pnr12, p.pnr, 13);
  if (!text_check(in->assistant, "assistent", "Assistentens namn", ASSISTANT_MAX, false, false,
                  e) ||
      !text_check(in->invoice_no, "fakturanummer", "Fakturanummer", INVOICE_NO_MAX, false, true, e))
    return false;
  snprintf(r->assistant_name, sizeof r->assistant_name, "%s", in->assistant ? in->assistant : "");
  text_name_key(r->assistant_name, r->assistant_key, sizeof r->assistant_key);
  snprintf(r->invoice_no, sizeof r->invoice_no, "%s", in->invoice_no);
  if (!parse_date(in->invoice_date, "fakturadatum", "Fakturadatum", &r->invoice_date, e) ||
      !parse_date(in->period_from, "period_fran", "Periodens första dag", &r->period_from, e) ||
      !parse_date(in->period_to, "period_till", "Periodens sista dag", &r->period_to, e) ||
      !parse_date(in->sick_from, "sjuk_fran", "Första sjukdag", &r->sick_from, e) ||
      !parse_date(in->sick_to, "sjuk_till", "Sista sjukdag", &r->sick_to, e))
    return false;
  if (date_before(r->period_to, r->period_from))
    return err_set(e, ERR_INVALID, "period_till", "", "Perioden slutar innan den börjar.");
  if (date_before(r->sick_to, r->sick_from))
    return err_set(e, ERR_INVALID, "sjuk_till", "", "Sista sjukdag är före första sjukdag.");
  if (date_before(r->sick_from, r->period_from) || date_before(r->period_to, r->sick_to))
    return err_set(e, ERR_INVALID, "sjuk_fran", "",
                   "Sjukdagarna måste ligga inom fakturans period.");
  if (date_before(r->invoice_date, r->period_from))
    return err_set(e, ERR_INVALID, "fakturadatum", "", "Fakturadatum är före fakturans period.");
  if (date_before(s->today, r->invoice_date))
    return err_set(e, ERR_INVALID, "fakturadatum", "", "Fakturadatum kan inte ligga i framtiden.");
  int64_t days100;
  if (!parse_hundredths(in->sick_days, "sjukdagar", "Sjukdagar", 36600, &days100, e)) return false;
  if (days100 % 100)
    return err_set(e, ERR_INVALID, "sjukdagar", "", "Sjukdagar anges i hela dagar.");
  r->sick_days = (int32_t)(days100 / 100);
  if (r->sick_days > date_diff_days(r->sick_from, r->sick_to) + 1)
    return err_set(e, ERR_INVALID, "sjukdagar", "",
                   "Fler sjukdagar (%d) än dagar mellan första och sista sjukdag.",
                   (int)r->sick_days);
  if (!parse_hundredths(in->sick_hours, "sjuktimmar", "Sjuktimmar", 100000000, &r->sick_ch, e) ||
      !parse_hundredths(in->invoiced_hours, "fakturerade_timmar", "Fakturerade timmar", 100000000,
                        &r->invoiced_ch, e) ||
      !parse_hundredths(in->amount, "belopp_kr", "Belopp", 100000000000LL, &r->amount_ore, e))
    return false;
  if (r->invoiced_ch == 0)
    return err_set(e, ERR_INVALID, "fakturerade_timmar", "",
                   "Ange alla fakturerade timmar för perioden (mer än 0).");
  if (r->sick_ch > r->invoiced_ch)
    return err_set(e, ERR_INVALID, "sjuktimmar", "",
                   "Sjuktimmarna ingår i de fakturerade timmarna och kan inte vara fler.");
  snprintf(r->status, sizeof r->status, "open");
  return true;
}

bool invoice_resolve(Svc *s, InvoiceRec *r, const char *orgnr12, const char *pnr12, Arena *a,
                     Err *e) {
  ProviderRec *prov;
  size_t n;
  if (!store_provider_by_orgnr(s->db, orgnr12, a, &prov, &n, e)) return false;
  if (n == 0)
    return err_set(e, ERR_NOT_FOUND, "orgnr", "",
                   "Ingen utförare har organisationsnummer %s; registrera utföraren först.",
                   orgnr12 + 2);
  r->provider_id = prov[0].id;
  PersonRec person;
  bool found = false;
  if (!store_person_by_pnr(s->db, pnr12, &person, &found, e)) return false;
  if (!found)
    return err_set(e, ERR_NOT_FOUND, "personnummer", "", "Personen finns inte i systemet.");
  r->person_id = person.id;
  r->assistant_id = 0;
  if (!r->assistant_key[0]) return true;
  AssistantRec *as;
  if (!store_assistant_list(s->db, person.id, false, a, &as, &n, e)) return false;
  char key[128];
  for (size_t i = 0; i < n; i++) {
    if (as[i].provider_id != r->provider_id) continue;
    text_name_key(as[i].name, key, sizeof key);
    if (strcmp(key, r->assistant_key) == 0) {
      r->assistant_id = as[i].id;
      break;
    }
  }
  return true;
}

bool svc_invoice_record(Svc *s, const InvoiceText *in, bool is_demo, int64_t *id, Err *e) {
  if (!svc_require(s, CAP_FINANCE, e)) return false;
  InvoiceRec r;
  char orgnr12[13], pnr12[13];
  if (!invoice_from_text(s, in, &r, orgnr12, pnr12, e)) return false;
  r.is_demo = is_demo;
  Arena a;
  arena_init(&a, 0);
  bool ok = svc_begin(s, true, e) && invoice_resolve(s, &r, orgnr12, pnr12, &a, e) &&
            store_invoice_insert(s->db, &r, s->user_id, s->now, id, e) &&
            svc_audit(s, "invoice.create", "sick_pay_invoice", *id, r.person_id, "", e);
  arena_free(&a);
  return svc_end(s, ok, e);
}

static const char *const actions[] = {"approved", "questioned", "reported_ivo", NULL};

const char *svc_invoice_status_name(const char *status) {
  if (!status) return "";
  if (strcmp(status, "open") == 0) return "Att granska";
  if (strcmp(status, "approved") == 0) return "Godkänd";
  if (strcmp(status, "questioned") == 0) return "Ifrågasatt";
  if (strcmp(status, "reported_ivo") == 0) return "Anmäld till IVO";
  return status;
}

bool svc_invoice_act(Svc *s, int64_t id, const char *action, const char *note, int64_t *action_id,
                     Err *e) {
  if (!svc_require(s, CAP_FINANCE, e)) return false;
  if (!text_one_of(action, actions))
    return err_set(e, ERR_INVALID, "action", "R-074",
                   "Välj vad som gjorts: godkänd, ifrågasatt eller anmäld till IVO.");
  if (!text_check(note, "note", "Anteckning", NOTE_MAX, true, false, e)) return false;
  bool approving = strcmp(action, "approved") == 0;
  if (!approving && (!note || !*note))
    return err_set(e, ERR_INVALID, "note", "R-074",
                   "Skriv varför fakturan ifrågasätts eller anmäls, så att beslutet går att "
                   "följa upp.");
  InvoiceRec r;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_invoice_get(s->db, id, &r, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "id", "", "Fakturan finns inte.");
  char what[40];
  snprintf(what, sizeof what, "invoice.%s", action);
  ok = ok &&
       store_invoice_action_insert(s->db, id, action, note ? note : "", s->today, s->user_id,
                                   s->now, action_id, e) &&
       store_invoice_set_status(s->db, id, action, e) &&
       svc_audit(s, what, "sick_pay_invoice", id, r.person_id, "", e);
  return svc_end(s, ok, e);
}

