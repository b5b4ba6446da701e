/* person_svc.c — persons, search, opening a person's records under the access rule,
 * representatives and consents. */
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "core/pnr.h"
#include "service/service.h"

#define NAME_MAX_BYTES 100
#define SEARCH_LIMIT 50

static void fold_name(const PersonRec *p, char *out, size_t cap) {
  char both[2 * sizeof p->given_name + 2];
  snprintf(both, sizeof both, "%s %s", p->given_name, p->family_name);
  text_fold(both, out, cap);
}

bool svc_person_create(Svc *s, const PersonIn *in, int64_t *id, Err *e) {
  if (!svc_require(s, CAP_CASE_WRITE, e)) return false;
  Pnr pnr;
  if (!pnr_parse(in->pnr ? in->pnr : "", s->today, &pnr, e)) return false;
  if (!text_check(in->given_name, "given_name", "Förnamn", NAME_MAX_BYTES, false, true, e) ||
      !text_check(in->family_name, "family_name", "Efternamn", NAME_MAX_BYTES, false, true, e))
    return false;
  PersonRec p = {0};
  memcpy(p.pnr, pnr.pnr, sizeof p.pnr);
  snprintf(p.pnr_kind, sizeof p.pnr_kind, "%s", pnr_kind_name(pnr.kind));
  p.birth_date = pnr.birth_known ? pnr.birth : DATE_NONE;
  p.sex = pnr.sex;
  snprintf(p.given_name, sizeof p.given_name, "%s", in->given_name);
  snprintf(p.family_name, sizeof p.family_name, "%s", in->family_name);
  p.protected_identity = in->protected_identity;
  p.household_id = in->household_id;
  p.is_demo = in->is_demo;
  char folded[300];
  fold_name(&p, folded, sizeof folded);

  bool ok = svc_begin(s, true, e);
  PersonRec existing;
  bool found = false;
  if (ok) ok = store_person_by_pnr(s->db, p.pnr, &existing, &found, e);
  if (ok && found)
    ok = err_set(e, ERR_CONFLICT, "pnr", "", "Det finns redan en person med detta personnummer.");
  ok = ok && store_person_insert(s->db, &p, folded, s->now, id, e) &&
       svc_audit(s, "person.create", "person", *id, *id, "", e);
  return svc_end(s, ok, e);
}

/* The access facts for the current user (the system always has access). */
static bool access_facts(Svc *s, int64_t person_id, AccessFacts *f, Err *e) {
  PersonAccessRow row = {0};
  if (!store_person_access(s->db, person_id, s->user_id, s->unit_id, s->now, &row, e)) return false;
  *f = (AccessFacts){s->role, row.assigned, row.same_unit, row.break_glass, !row.has_cases};
  /* a grant that expires on its own clock: what this group reads is read anew every time */
  if (s->reads && row.break_glass) s->reads->time_limited = true;
  return true;
}

bool svc_person_access_check(Svc *s, int64_t person_id, Err *e) {
  if (svc_is_system(s)) return true;
  /* the views of one read group share one snapshot: access granted once holds for all of them */
  if (s->reads && s->reads->access_person == person_id) return true;
  AccessFacts f;
  if (!access_facts(s, person_id, &f, e)) return false;
  switch (access_person(&f)) {
    case ACCESS_GRANTED:
      if (s->reads) s->reads->access_person = person_id;
      return true;
    case ACCESS_NEEDS_BREAK_GLASS:
      return err_set(e, ERR_FORBIDDEN, "break_glass_reason", "R-133",
                     "Du är inte tilldelad något ärende för personen och tillhör inte en enhet "
                     "med uppdrag för personen. Ange skäl för nödåtkomst; det loggas.");
    case ACCESS_DENIED: break;
  }
  return err_set(e, ERR_FORBIDDEN, "", "R-133", "Rollen %s får inte läsa personakter.",
                 role_name(s->role));
}

bool svc_person_search(Svc *s, const char *query, Arena *a, PersonHit **out, size_t *n, Err *e) {
  *out = NULL, *n = 0;
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  if (!text_check(query, "q", "Sökord", 100, false, true, e)) return false;
  Pnr pnr;
  Err pe;
  err_clear(&pe);
  bool by_pnr = pnr_parse(query, s->today, &pnr, &pe);
  PersonRec *rows = NULL;
  size_t nrows = 0;
  bool ok = svc_begin(s, false, e);
  if (ok && by_pnr) {
    PersonRec one;
    bool found = false;
    ok = store_person_by_pnr(s->db, pnr.pnr, &one, &found, e);
    if (ok && found) {
      rows = arena_alloc(a, sizeof *rows);
      rows[0] = one;
      nrows = 1;
    }
  } else if (ok) {
    char folded[256];
    text_fold(query, folded, sizeof folded);
    if (strlen(folded) < 2)
      ok = err_set(e, ERR_INVALID, "q", "", "Skriv minst två tecken av namnet, eller ett personnummer.");
    else ok = store_person_search(s->db, folded, SEARCH_LIMIT, a, &rows, &nrows, e);
  }
  PersonHit *hits = nrows ? arena_array(a, nrows, sizeof *hits) : NULL;
  for (size_t i = 0; ok && i < nrows; i++) {
    hits[i].person = rows[i];
    if (rows[i].protected_identity && !svc_is_system(s)) {
      /* protected identities are hidden unless the user works with the person. */
      AccessFacts f;
      ok = access_facts(s, rows[i].id, &f, e);
      if (ok && !(f.assigned || f.same_unit)) {
        hits[i].hidden = true;
        snprintf(hits[i].person.given_name, sizeof hits[i].person.given_name, "Skyddad");
        snprintf(hits[i].person.family_name, sizeof hits[i].person.family_name, "identitet");
        memset(hits[i].person.pnr, 0, sizeof hits[i].person.pnr);
        hits[i].person.birth_date = DATE_NONE;
      }
    }
  }
  ok = ok && svc_audit(s, "person.search", "person", 0, 0, by_pnr ? "pnr" : "name", e);
  if (!svc_end(s, ok, e)) return false;
  *out = hits;
  *n = nrows;
  return true;
}

bool svc_person_open(Svc *s, int64_t person_id, const char *break_glass_reason, Arena *a,
                     PersonView *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  bool ok = svc_begin(s, true, e); /* a write: the read itself is recorded */
  bool found = false;
  if (ok) ok = store_person_get(s->db, person_id, &out->person, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "", "", "Personen finns inte.");
  if (ok && !svc_is_system(s)) {
    AccessFacts f;
    ok = access_facts(s, person_id, &f, e);
    AccessVerdict v = ok ? access_person(&f) : ACCESS_DENIED;
    if (ok && v == ACCESS_NEEDS_BREAK_GLASS && break_glass_reason && *break_glass_reason) {
      /* a time-limited break-glass with a stated reason, logged. */
      ok = text_check(break_glass_reason, "break_glass_reason", "Skäl", 500, true, true, e);
      if (ok && strlen(break_glass_reason) < SVC_BREAK_GLASS_MIN_REASON)
        ok = err_set(e, ERR_INVALID, "break_glass_reason", "R-133",
                     "Beskriv skälet för nödåtkomst (minst %d tecken).", SVC_BREAK_GLASS_MIN_REASON);
      char expires[SVC_TIMESTAMP_LEN];
      svc_time_add(s->now, SVC_BREAK_GLASS_HOURS * 3600L, expires);
      int64_t bg = 0;
      ok = ok && store_break_glass_insert(s->db, s->user_id, person_id, break_glass_reason, s->now,
                                          expires, &bg, e) &&
           svc_audit(s, "person.break_glass", "person", person_id, person_id, break_glass_reason, e);
      out->via_break_glass = ok;
    } else if (ok && v != ACCESS_GRANTED) {
      ok = svc_person_access_check(s, person_id, e); /* sets the right refusal */
    }
  }
  ok = ok && store_representative_list(s->db, person_id, a, &out->representatives,
                                       &out->n_representatives, e) &&
       store_consent_list(s->db, person_id, a, &out->consents, &out->n_consents, e);
  if (ok && out->person.household_id)
    ok = store_person_household(s->db, out->person.household_id, person_id, a, &out->household,
                                &out->n_household, e);
  ok = ok && svc_audit(s, "person.read", "person", person_id, person_id, "", e);
  if (!ok && e->code == ERR_FORBIDDEN && !svc_is_system(s)) {
    /* The refused attempt is itself logged, in its own transaction. */
    Err rollback_reason = *e;
    store_rollback(s->db);
    Err ignore;
    err_clear(&ignore);
    if (svc_begin(s, true, &ignore)) {
      bool logged = svc_audit(s, "person.read_refused", "person", person_id, person_id, "", &ignore);
      svc_end(s, logged, &ignore);
    }
    *e = rollback_reason;
    return false;
  }
  return svc_end(s, ok, e);
}

static const char *const representative_kinds[] = {"guardian", "god_man", "forvaltare", "ombud",
                                                   "framtidsfullmakt", NULL};

bool svc_representative_add(Svc *s, const RepresentativeIn *in, int64_t *id, Err *e) {
  if (!svc_require(s, CAP_CASE_WRITE, e)) return false;
  bool kind_ok = false;
  for (const char *const *k = representative_kinds; *k; k++)
    if (in->kind && strcmp(*k, in->kind) == 0) kind_ok = true;
  if (!kind_ok)
    return err_set(e, ERR_INVALID, "kind", "R-093",
                   "Ställföreträdare måste vara vårdnadshavare, god man, förvaltare, ombud eller "
                   "framtidsfullmaktshavare.");
  if (!text_check(in->name, "name", "Namn", NAME_MAX_BYTES, false, true, e) ||
      !text_check(in->contact, "contact", "Kontaktuppgifter", 250, true, false, e) ||
      !text_check(in->scope, "scope", "Omfattning", 500, true, false, e))
    return false;
  if (!date_is_set(in->valid_from))
    return err_set(e, ERR_INVALID, "valid_from", "R-093", "Ange från när uppdraget gäller.");
  if (date_is_set(in->valid_to) && date_before(in->valid_to, in->valid_from))
    return err_set(e, ERR_INVALID, "valid_to", "R-093", "Slutdatum är före startdatum.");
  /* a power of attorney is written, the original seen, its scope stated. */
  bool needs_document = strcmp(in->kind, "ombud") == 0 || strcmp(in->kind, "framtidsfullmakt") == 0;
  if (needs_document && (!in->written_authority || !date_is_set(in->document_seen_on)))
    return err_set(e, ERR_RULE, "written_authority", "R-093",
                   "En fullmakt ska vara skriftlig och originalet ha visats upp: ange när.");
  if (needs_document && (!in->scope || !*in->scope))
    return err_set(e, ERR_RULE, "scope", "R-093", "Ange fullmaktens omfattning.");
  RepresentativeRec r = {0};
  r.person_id = in->person_id;
  snprintf(r.kind, sizeof r.kind, "%s", in->kind);
  snprintf(r.name, sizeof r.name, "%s", in->name);
  if (in->pnr && *in->pnr) {
    Pnr p;
    if (!pnr_parse(in->pnr, s->today, &p, e)) return false;
    memcpy(r.pnr, p.pnr, sizeof r.pnr);
  }
  snprintf(r.contact, sizeof r.contact, "%s", in->contact ? in->contact : "");
  snprintf(r.scope, sizeof r.scope, "%s", in->scope ? in->scope : "");
  r.written_authority = in->written_authority;
  r.document_seen_on = in->document_seen_on;
  r.valid_from = in->valid_from;
  r.valid_to = in->valid_to;
  bool ok = svc_begin(s, true, e) && svc_person_access_check(s, in->person_id, e) &&
            store_representative_insert(s->db, &r, s->now, id, e) &&
            svc_audit(s, "representative.create", "representative", *id, in->person_id, in->kind, e);
  return svc_end(s, ok, e);
}

bool svc_consent_add(Svc *s, const ConsentIn *in, int64_t *id, Err *e) {
  if (!svc_require(s, CAP_CASE_WRITE, e)) return false;
  /* purpose, which authorities, whether and when relatives, experts, when, how long. */
  if (!text_check(in->purpose, "purpose", "Syfte", 500, true, true, e) ||
      !text_check(in->authorities, "authorities", "Myndigheter", 500, true, false, e) ||
      !text_check(in->relatives_when, "relatives_when", "När anhöriga får kontaktas", 250, true,
                  false, e) ||
      !text_check(in->experts, "experts", "Sakkunniga", 500, true, false, e) ||
      !text_check(in->given_by, "given_by", "Givet av", NAME_MAX_BYTES, false, true, e))
    return false;
  if (!date_is_set(in->given_on))
    return err_set(e, ERR_INVALID, "given_on", "R-090", "Ange när samtycket gavs.");
  if (date_is_set(in->valid_until) && date_before(in->valid_until, in->given_on))
    return err_set(e, ERR_INVALID, "valid_until", "R-090", "Samtycket kan inte upphöra innan det gavs.");
  if (in->relatives_may_be_contacted && (!in->relatives_when || !*in->relatives_when))
    return err_set(e, ERR_INVALID, "relatives_when", "R-090",
                   "Ange när anhöriga får kontaktas.");
  ConsentRec c = {0};
  c.person_id = in->person_id;
  snprintf(c.purpose, sizeof c.purpose, "%s", in->purpose);
  snprintf(c.authorities, sizeof c.authorities, "%s", in->authorities ? in->authorities : "");
  c.relatives_may_be_contacted = in->relatives_may_be_contacted;
  snprintf(c.relatives_when, sizeof c.relatives_when, "%s", in->relatives_when ? in->relatives_when : "");
  snprintf(c.experts, sizeof c.experts, "%s", in->experts ? in->experts : "");
  c.given_on = in->given_on;
  c.valid_until = in->valid_until;
  snprintf(c.given_by, sizeof c.given_by, "%s", in->given_by);
  bool ok = svc_begin(s, true, e) && svc_person_access_check(s, in->person_id, e) &&
            store_consent_insert(s->db, &c, s->now, id, e) &&
            svc_audit(s, "consent.create", "consent", *id, in->person_id, "", e);
  return svc_end(s, ok, e);
}
