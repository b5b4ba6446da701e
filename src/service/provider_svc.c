/* provider_svc.c — providers with their IVO permit and F-skatt check, and the staff they
 * commission for a person: the god man rule and relatives listed like anyone else
 * (R-070) (see svc_provider.h). Must not: contain SQL, or refuse a private provider for lacking
 * a permit (it is recorded; its status says it may not be paid). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "core/orgnr.h"
#include "service/service.h"

#define PROVIDER_NAME_MAX 120
#define PERMIT_NO_MAX 60
#define ASSISTANT_NAME_MAX 100

static const char *const provider_kinds[] = {"municipal", "company", "cooperative", "self_employed",
                                             NULL};
static const char *const assistant_roles[] = {"assistant",     "companion",      "contact_person",
                                              "relief_worker", "support_family", NULL};

/* Providers are read by those who work with persons, by finance (payments) and by admin; not
 * by auditors: a sole trader's number is a personnummer. */
static bool provider_require_read(Svc *s, Err *e) {
  if (svc_is_system(s) || (role_caps(s->role) & (CAP_PERSON_READ | CAP_FINANCE | CAP_ADMIN)))
    return true;
  return err_set(e, ERR_FORBIDDEN, "", "R-133", "Rollen %s får inte läsa uppgifter om utförare.",
                 role_name(s->role));
}


/* ---- providers ---- */

/* Checks what can be checked without the database and fills *p. */
static bool provider_from_input(Svc *s, const ProviderIn *in, ProviderRec *p, Err *e) {
  if (!text_check(in->name, "name", "Namn", PROVIDER_NAME_MAX, false, true, e)) return false;
  if (!text_one_of(in->kind, provider_kinds))
    return err_set(e, ERR_INVALID, "kind", "",
                   "Ange utförartyp: kommunal, företag, kooperativ eller egenföretagare.");
  Orgnr o;
  if (!orgnr_parse(in->orgnr ? in->orgnr : "", s->today, &o, e)) return false;
  bool municipal = strcmp(in->kind, "municipal") == 0;
  if (municipal && (o.kind != ORGNR_ORGANISATION || o.group != 2))
    return err_set(e, ERR_INVALID, "orgnr", "",
                   "En kommunal utförare har kommunens organisationsnummer (gruppnummer 2).");
  if (strcmp(in->kind, "cooperative") == 0 && o.kind != ORGNR_ORGANISATION)
    return err_set(e, ERR_INVALID, "orgnr", "",
                   "Ett kooperativ är en juridisk person med organisationsnummer, inte ett "
                   "personnummer.");
  if (municipal && in->unit_id == 0)
    return err_set(e, ERR_INVALID, "unit_id", "",
                   "Ange vilken av kommunens verkställande enheter utföraren är.");
  if (!municipal && in->unit_id != 0)
    return err_set(e, ERR_INVALID, "unit_id", "",
                   "Bara en kommunal utförare hör till en av kommunens enheter.");
  if (!text_check(in->ivo_permit_no, "ivo_permit_no", "Tillståndsnummer", PERMIT_NO_MAX, false,
                  false, e))
    return false;
  bool has_permit = in->ivo_permit_no && *in->ivo_permit_no;
  /* a permit is known by its number and the date it holds from (IVO's tillståndsbevis) */
  if (has_permit && !date_is_set(in->permit_from))
    return err_set(e, ERR_INVALID, "permit_from", "R-071",
                   "Ange från vilket datum IVO-tillståndet gäller.");
  if (!has_permit && (date_is_set(in->permit_from) || date_is_set(in->permit_to)))
    return err_set(e, ERR_INVALID, "ivo_permit_no", "R-071",
                   "Ange IVO-tillståndets nummer (från tillståndsbeviset).");
  if (date_is_set(in->permit_to) && date_before(in->permit_to, in->permit_from))
    return err_set(e, ERR_INVALID, "permit_to", "R-071",
                   "Tillståndet kan inte upphöra innan det börjar gälla.");
  if (date_is_set(in->fskatt_checked_on) && date_before(s->today, in->fskatt_checked_on))
    return err_set(e, ERR_INVALID, "fskatt_checked_on", "R-071",
                   "En kontroll av F-skatt kan inte ligga i framtiden.");
  snprintf(p->name, sizeof p->name, "%s", in->name);
  memcpy(p->orgnr, o.orgnr12, sizeof p->orgnr);
  snprintf(p->kind, sizeof p->kind, "%s", in->kind);
  p->unit_id = in->unit_id;
  snprintf(p->ivo_permit_no, sizeof p->ivo_permit_no, "%s", has_permit ? in->ivo_permit_no : "");
  p->permit_from = in->permit_from;
  p->permit_to = in->permit_to;
  p->fskatt_checked_on = in->fskatt_checked_on;
  p->started_on = in->started_on;
  return true;
}

/* Inside the transaction: a municipal provider is one of the executing units, and one legal
 * person is one provider (the municipality's units share its number, one provider per unit). */
static bool provider_check_db(Svc *s, const ProviderRec *p, Arena *a, Err *e) {
  if (p->unit_id) {
    UnitRec u;
    bool found = false;
    if (!store_unit_get(s->db, p->unit_id, &u, &found, e)) return false;
    if (!found) return err_set(e, ERR_NOT_FOUND, "unit_id", "", "Enheten finns inte.");
    if (strcmp(u.kind, "executing") != 0)
      return err_set(e, ERR_INVALID, "unit_id", "", "%s är inte en verkställande enhet.", u.name);
  }
  ProviderRec *same;
  size_t n;
  if (!store_provider_by_orgnr(s->db, p->orgnr, a, &same, &n, e)) return false;
  bool municipal = strcmp(p->kind, "municipal") == 0;
  for (size_t i = 0; i < n; i++) {
    if (same[i].id == p->id) continue;
    if (!municipal || strcmp(same[i].kind, "municipal") != 0)
      return err_set(e, ERR_CONFLICT, "orgnr", "",
                     "Det finns redan en utförare med detta nummer: %s.", same[i].name);
    if (same[i].unit_id == p->unit_id)
      return err_set(e, ERR_CONFLICT, "unit_id", "", "Enheten finns redan som utförare: %s.",
                     same[i].name);
  }
  return true;
}

bool svc_provider_create(Svc *s, const ProviderIn *in, int64_t *id, Err *e) {
  if (!svc_require(s, CAP_ADMIN, e)) return false;
  ProviderRec p;
  memset(&p, 0, sizeof p);
  if (!provider_from_input(s, in, &p, e)) return false;
  p.is_demo = in->is_demo;
  Arena a;
  arena_init(&a, 0);
  bool ok = svc_begin(s, true, e) && provider_check_db(s, &p, &a, e) &&
            store_provider_insert(s->db, &p, s->now, id, e) &&
            svc_audit(s, "provider.create", "provider", *id, 0, p.kind, e);
  arena_free(&a);
  return svc_end(s, ok, e);
}

bool svc_provider_update(Svc *s, int64_t id, const ProviderIn *in, Err *e) {
  if (!svc_require(s, CAP_ADMIN, e)) return false;
  ProviderRec p;
  memset(&p, 0, sizeof p);
  if (!provider_from_input(s, in, &p, e)) return false;
  p.id = id;
  Arena a;
  arena_init(&a, 0);
  ProviderRec old;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_provider_get(s->db, id, &old, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "id", "", "Utföraren finns inte.");
  if (ok) p.is_demo = old.is_demo;
  ok = ok && provider_check_db(s, &p, &a, e) && store_provider_update(s->db, &p, e) &&
       svc_audit(s, "provider.update", "provider", id, 0, p.kind, e);
  arena_free(&a);
  return svc_end(s, ok, e);
}

bool svc_provider_record_fskatt_check(Svc *s, int64_t id, Date checked_on, Err *e) {
  /* finance verifies F-skatt before paying */
  if (!svc_require_any(s, CAP_FINANCE | CAP_ADMIN, CAP_FINANCE, e)) return false;
  if (!date_is_set(checked_on))
    return err_set(e, ERR_INVALID, "fskatt_checked_on", "R-071",
                   "Ange när F-skatten kontrollerades.");
  if (date_before(s->today, checked_on))
    return err_set(e, ERR_INVALID, "fskatt_checked_on", "R-071",
                   "En kontroll av F-skatt kan inte ligga i framtiden.");
  ProviderRec p;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_provider_get(s->db, id, &p, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "id", "", "Utföraren finns inte.");
  ok = ok && store_provider_set_fskatt(s->db, id, checked_on, e) &&
       svc_audit(s, "provider.fskatt_checked", "provider", id, 0, "", e);
  return svc_end(s, ok, e);
}

bool svc_provider_get(Svc *s, int64_t id, ProviderRec *out, Err *e) {
  if (!provider_require_read(s, e)) return false;
  bool found = false;
  bool ok = svc_begin(s, false, e) && store_provider_get(s->db, id, out, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "id", "", "Utföraren finns inte.");
  return svc_end(s, ok, e);
}

bool svc_provider_list(Svc *s, const char *kind, Arena *a, ProviderRec **out, size_t *n, Err *e) {
  *out = NULL, *n = 0;
  if (!provider_require_read(s, e)) return false;
  if (kind && *kind && !text_one_of(kind, provider_kinds))
    return err_set(e, ERR_INVALID, "kind", "",
                   "Ange utförartyp: kommunal, företag, kooperativ eller egenföretagare.");
  bool ok = svc_begin(s, false, e) && store_provider_list(s->db, kind ? kind : "", a, out, n, e);
  return svc_end(s, ok, e);
}

static void status_reason(ProviderStatus *st, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void status_reason(ProviderStatus *st, const char *fmt, ...) {
  if (st->n_reasons >= SVC_PROVIDER_MAX_REASONS) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(st->reasons[st->n_reasons++], sizeof st->reasons[0], fmt, ap);
  va_end(ap);
}

void svc_provider_judge(const ProviderRec *p, Date on, int32_t fskatt_max_age_days,
                        ProviderStatus *out) {
  memset(out, 0, sizeof *out);
  out->private_provider = strcmp(p->kind, "municipal") != 0;
  if (!out->private_provider) {
    /* the municipality's own units need neither a permit nor F-skatt */
    out->permit_valid = out->fskatt_recent = out->payable = true;
    return;
  }
  char d1[DATE_STRLEN], d2[DATE_STRLEN];
  /* a private provider needs IVO's permit (23 § LSS), in force on the date */
  if (!p->ivo_permit_no[0])
    status_reason(out,
                  "Inget tillstånd från IVO är registrerat. En enskild utförare behöver "
                  "tillstånd från IVO (23 § LSS) för att ersättning ska kunna betalas (R-071).");
  else if (!date_is_set(p->permit_from) || date_before(on, p->permit_from))
    status_reason(
        out, "IVO-tillståndet %s gäller först från %s, inte den %s (R-071).", p->ivo_permit_no,
        date_is_set(p->permit_from) ? date_format(p->permit_from, d1) : "?", date_format(on, d2));
  else if (date_is_set(p->permit_to) && date_before(p->permit_to, on))
    status_reason(out, "IVO-tillståndet %s gällde till och med %s (R-071).", p->ivo_permit_no,
                  date_format(p->permit_to, d1));
  else
    out->permit_valid = true;
  /* finance verifies F-skatt before paying — recently, on or before the date */
  if (!date_is_set(p->fskatt_checked_on))
    status_reason(out, "F-skatt har inte kontrollerats. Ekonomi kontrollerar F-skatt före "
                       "utbetalning (R-071).");
  else if (date_before(on, p->fskatt_checked_on))
    status_reason(out, "F-skatt kontrollerades först %s, efter den %s (R-071).",
                  date_format(p->fskatt_checked_on, d1), date_format(on, d2));
  else if (date_diff_days(p->fskatt_checked_on, on) > fskatt_max_age_days)
    status_reason(out,
                  "F-skatt kontrollerades senast %s, mer än %d dagar före den %s: "
                  "kontrollera F-skatt igen före utbetalning (R-071).",
                  date_format(p->fskatt_checked_on, d1), (int)fskatt_max_age_days,
                  date_format(on, d2));
  else
    out->fskatt_recent = true;
  out->payable = out->permit_valid && out->fskatt_recent;
}

bool svc_provider_status(Svc *s, int64_t id, Date on, ProviderStatus *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (!date_is_set(on)) on = s->today;
  ProviderRec p;
  Policy pol;
  bool ok = svc_provider_get(s, id, &p, e) && svc_begin(s, false, e);
  if (ok) ok = svc_end(s, svc_policy_on(s, on, &pol, e), e);
  if (!ok) return false;
  svc_provider_judge(&p, on, pol.fskatt_check_max_age_days, out); /* */
  return true;
}

/* ---- assistants and other commissioned staff ---- */

/* Two periods share a day; an unset end is open. */
static bool periods_overlap(Date a_from, Date a_to, Date b_from, Date b_to) {
  bool a_after_b = date_is_set(b_to) && date_before(b_to, a_from);
  bool b_after_a = date_is_set(a_to) && date_before(a_to, b_from);
  return !a_after_b && !b_after_a;
}

static bool is_guardianship(const char *kind) {
  return strcmp(kind, "god_man") == 0 || strcmp(kind, "forvaltare") == 0;
}

static bool refuse_r069(Err *e, const char *field, const char *name, const char *kind) {
  return err_set(e, ERR_RULE, field, "R-069",
                 "%s är %s för personen och får inte anställas som personens personliga "
                 "assistent (R-069).",
                 name, strcmp(kind, "god_man") == 0 ? "god man" : "förvaltare");
}

/* the person's god man or förvaltare may not be employed as the person's personal
 * assistant — judged over the employment: a representation that has ended before it began, or
 * begins after it ends, is no obstacle. Another person's god man may be employed. */
static bool check_not_guardianship(Svc *s, const AssistantIn *in, Arena *a, Err *e) {
  if (in->representative_id) {
    AssistantRepresentativeRow r;
    bool found = false;
    if (!store_assistant_representative(s->db, in->representative_id, &r, &found, e)) return false;
    if (!found)
      return err_set(e, ERR_NOT_FOUND, "representative_id", "", "Ställföreträdaren finns inte.");
    if (r.person_id == in->person_id && is_guardianship(r.kind) &&
        periods_overlap(in->employed_from, in->employed_to, r.valid_from, r.valid_to))
      return refuse_r069(e, "representative_id", r.name, r.kind);
  }
  RepresentativeRec *reps;
  size_t n;
  if (!store_representative_list(s->db, in->person_id, a, &reps, &n, e)) return false;
  char want[256], have[256];
  text_name_key(in->name, want, sizeof want);
  for (size_t i = 0; i < n; i++) {
    if (!is_guardianship(reps[i].kind) ||
        !periods_overlap(in->employed_from, in->employed_to, reps[i].valid_from, reps[i].valid_to))
      continue;
    text_name_key(reps[i].name, have, sizeof have);
    if (strcmp(want, have) == 0) return refuse_r069(e, "name", reps[i].name, reps[i].kind);
  }
  return true;
}

bool svc_assistant_add(Svc *s, const AssistantIn *in, int64_t *id, Err *e) {
  if (!svc_require_any(s, CAP_CASE_WRITE | CAP_EXECUTE, CAP_EXECUTE, e)) return false;
  if (!text_one_of(in->role, assistant_roles))
    return err_set(e, ERR_INVALID, "role", "",
                   "Ange uppdraget: personlig assistent, ledsagare, kontaktperson, avlösare "
                   "eller stödfamilj.");
  if (!text_check(in->name, "name", "Namn", ASSISTANT_NAME_MAX, false, true, e)) return false;
  if (!date_is_set(in->employed_from))
    return err_set(e, ERR_INVALID, "employed_from", "",
                   "Ange när anställningen eller uppdraget börjar.");
  if (date_is_set(in->employed_to) && date_before(in->employed_to, in->employed_from))
    return err_set(e, ERR_INVALID, "employed_to", "", "Slutdatum är före startdatum.");
  AssistantRec r;
  memset(&r, 0, sizeof r);
  r.provider_id = in->provider_id;
  r.person_id = in->person_id;
  snprintf(r.name, sizeof r.name, "%s", in->name);
  snprintf(r.role, sizeof r.role, "%s", in->role);
  r.is_relative = in->is_relative; /* recorded, and listed like anyone else */
  r.employed_from = in->employed_from;
  r.employed_to = in->employed_to;
  r.is_demo = in->is_demo;
  Arena a;
  arena_init(&a, 0);
  PersonRec person;
  ProviderRec provider;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_person_get(s->db, in->person_id, &person, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "person_id", "", "Personen finns inte.");
  ok = ok && svc_person_access_check(s, in->person_id, e) &&
       store_provider_get(s->db, in->provider_id, &provider, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "provider_id", "", "Utföraren finns inte.");
  /* R-069 is about personal assistance (the seed: "Personliga assistenter ska inte anställas om
   * de är god man eller förvaltare till den enskilde"); the other roles are not covered by it. */
  if (ok && strcmp(r.role, "assistant") == 0) ok = check_not_guardianship(s, in, &a, e);
  ok = ok && store_assistant_insert(s->db, &r, s->now, id, e) &&
       svc_audit(s, "assistant.create", "assistant", *id, in->person_id, r.role, e);
  arena_free(&a);
  return svc_end(s, ok, e);
}

bool svc_assistant_end(Svc *s, int64_t id, Date employed_to, Err *e) {
  if (!svc_require_any(s, CAP_CASE_WRITE | CAP_EXECUTE, CAP_EXECUTE, e)) return false;
  if (!date_is_set(employed_to))
    return err_set(e, ERR_INVALID, "employed_to", "",
                   "Ange när anställningen eller uppdraget slutar.");
  AssistantRec r;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_assistant_get(s->db, id, &r, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "id", "", "Uppdraget finns inte.");
  ok = ok && svc_person_access_check(s, r.person_id, e);
  if (ok && date_is_set(r.employed_to)) {
    char d[DATE_STRLEN];
    ok = err_set(e, ERR_CONFLICT, "employed_to", "", "Anställningen är redan avslutad (%s).",
                 date_format(r.employed_to, d));
  }
  if (ok && date_before(employed_to, r.employed_from))
    ok = err_set(e, ERR_INVALID, "employed_to", "", "Slutdatum är före startdatum.");
  ok = ok && store_assistant_set_end(s->db, id, employed_to, e) &&
       svc_audit(s, "assistant.end", "assistant", id, r.person_id, r.role, e);
  return svc_end(s, ok, e);
}

bool svc_assistant_list(Svc *s, int64_t person_id, bool relatives_only, Arena *a,
                        AssistantRec **out, size_t *n, Err *e) {
  *out = NULL, *n = 0;
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  PersonRec person;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_person_get(s->db, person_id, &person, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "person_id", "", "Personen finns inte.");
  ok = ok && svc_person_access_check(s, person_id, e) &&
       store_assistant_list(s->db, person_id, relatives_only, a, out, n, e) &&
       svc_audit(s, "assistant.read", "person", person_id, person_id,
                 relatives_only ? "relatives" : "", e);
  if (!ok && e->code == ERR_FORBIDDEN) {
    *out = NULL, *n = 0;
    return svc_log_refused_read(s, "assistant.read_refused", person_id, e);
  }
  if (!svc_end(s, ok, e)) {
    *out = NULL, *n = 0;
    return false;
  }
  return true;
}
