/* journal_svc.c — journal entries (see svc_journal.h): date, author and source recorded;
 * drafts belong to their author; a signed entry is final and corrected only by a new entry that
 * points back. Must not: contain SQL, or change or delete a signed entry (the store's statements
 * and the schema's triggers refuse it too). */
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "service/service.h"

/* every entry has a named author — a user, never the system actor. */
static bool journal_require_author(Svc *s, Err *e) {
  if (!svc_require(s, CAP_JOURNAL, e)) return false;
  if (s->user_id == 0)
    return err_set(e, ERR_FORBIDDEN, "", "R-130",
                   "Journalanteckningar skrivs av en namngiven användare, inte av systemet.");
  return true;
}

/* date, source and text (SOSFS 2014:5). */
static bool journal_check_input(Svc *s, const JournalIn *in, Err *e) {
  if (!in->source || !*in->source)
    return err_set(e, ERR_INVALID, "source", "R-130",
                   "Ange varifrån uppgifterna kommer (källa), enligt SOSFS 2014:5.");
  if (!text_check(in->source, "source", "Källa", SVC_JOURNAL_SOURCE_MAX, false, true, e))
    return false;
  if (!in->text || !*in->text)
    return err_set(e, ERR_INVALID, "text", "R-130", "Skriv anteckningens text.");
  if (!text_check(in->text, "text", "Text", SVC_JOURNAL_TEXT_MAX, true, true, e)) return false;
  if (date_is_set(in->entry_date) && date_before(s->today, in->entry_date))
    return err_set(e, ERR_INVALID, "entry_date", "R-130",
                   "Anteckningens datum kan inte ligga i framtiden.");
  return true;
}

/* The case an entry refers to belongs to the same person. */
static bool journal_check_case(Svc *s, int64_t person_id, int64_t case_id, Err *e) {
  if (!case_id) return true;
  CaseRec c;
  bool found = false;
  if (!store_case_get(s->db, case_id, &c, &found, e)) return false;
  if (!found) return err_set(e, ERR_NOT_FOUND, "case_id", "", "Ärendet finns inte.");
  if (c.person_id != person_id)
    return err_set(e, ERR_INVALID, "case_id", "", "Ärendet gäller en annan person.");
  return true;
}

/* Inside the transaction: the entry, under its person's access rule; then it must be an
 * unsigned draft, and the acting user its author. `what`: the verb for the message. */
static bool journal_load_own_draft(Svc *s, int64_t id, Arena *a, JournalRec *out, const char *what,
                                   Err *e) {
  bool found = false;
  if (!store_journal_get(s->db, id, a, out, &found, e)) return false;
  if (!found) return err_set(e, ERR_NOT_FOUND, "id", "", "Journalanteckningen finns inte.");
  if (!svc_person_access_check(s, out->person_id, e)) return false;
  /* a signed entry is never changed (the trigger would refuse it too) */
  if (out->signed_at[0])
    return err_set(e, ERR_RULE, "id", "R-130",
                   "Anteckningen signerades %.19s och kan inte ändras eller tas bort (SOSFS "
                   "2014:5). Skriv en rättelse som en ny anteckning.",
                   out->signed_at);
  if (out->author_id != s->user_id)
    return err_set(e, ERR_FORBIDDEN, "id", "R-130",
                   "Bara den som skrivit ett osignerat utkast får %s det.", what);
  return true;
}

/* a correction points back to a signed entry of the same person. */
static bool journal_check_corrected(Svc *s, int64_t person_id, int64_t corrects_id, Arena *a,
                                    Err *e) {
  JournalRec old;
  bool found = false;
  if (!store_journal_get(s->db, corrects_id, a, &old, &found, e)) return false;
  if (!found)
    return err_set(e, ERR_NOT_FOUND, "corrects_id", "", "Anteckningen som ska rättas finns inte.");
  if (old.person_id != person_id)
    return err_set(e, ERR_INVALID, "corrects_id", "R-130",
                   "En rättelse skrivs i samma persons journal som anteckningen den rättar.");
  if (!old.signed_at[0])
    return err_set(e, ERR_RULE, "corrects_id", "R-130",
                   "Anteckningen är ett osignerat utkast: ändra den i stället för att skriva en "
                   "rättelse.");
  return true;
}

bool svc_journal_create(Svc *s, const JournalIn *in, int64_t *id, Err *e) {
  if (!journal_require_author(s, e) || !journal_check_input(s, in, e)) return false;
  JournalRec r;
  memset(&r, 0, sizeof r);
  r.person_id = in->person_id;
  r.case_id = in->case_id;
  r.entry_date = date_is_set(in->entry_date) ? in->entry_date : s->today;
  r.author_id = s->user_id; /* the author is who writes */
  snprintf(r.source, sizeof r.source, "%s", in->source);
  r.text = in->text;
  r.corrects_id = in->corrects_id;
  Arena a;
  arena_init(&a, 0);
  PersonRec p;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_person_get(s->db, in->person_id, &p, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "person_id", "", "Personen finns inte.");
  ok = ok && svc_person_access_check(s, in->person_id, e) &&
       journal_check_case(s, in->person_id, in->case_id, e);
  if (ok && in->corrects_id) ok = journal_check_corrected(s, in->person_id, in->corrects_id, &a, e);
  ok = ok && store_journal_insert(s->db, &r, s->now, id, e);
  if (ok && in->corrects_id) {
    char why[48];
    snprintf(why, sizeof why, "rättar %lld", (long long)in->corrects_id);
    ok = svc_audit(s, "journal.correct", "journal_entry", *id, in->person_id, why, e);
  } else if (ok) {
    ok = svc_audit(s, "journal.create", "journal_entry", *id, in->person_id, "", e);
  }
  arena_free(&a);
  return svc_end(s, ok, e);
}

bool svc_journal_update(Svc *s, int64_t id, const JournalIn *in, Err *e) {
  if (!journal_require_author(s, e) || !journal_check_input(s, in, e)) return false;
  Arena a;
  arena_init(&a, 0);
  JournalRec r;
  bool done = false;
  bool ok = svc_begin(s, true, e) && journal_load_own_draft(s, id, &a, &r, "ändra", e) &&
            journal_check_case(s, r.person_id, in->case_id, e);
  if (ok) {
    r.case_id = in->case_id;
    r.entry_date = date_is_set(in->entry_date) ? in->entry_date : r.entry_date;
    snprintf(r.source, sizeof r.source, "%s", in->source);
    r.text = in->text;
    ok = store_journal_update_draft(s->db, &r, &done, e);
  }
  if (ok && !done)
    ok = err_set(e, ERR_CONFLICT, "id", "R-130", "Anteckningen har signerats under tiden.");
  ok = ok && svc_audit(s, "journal.update", "journal_entry", id, r.person_id, "", e);
  arena_free(&a);
  return svc_end(s, ok, e);
}

bool svc_journal_sign(Svc *s, int64_t id, Err *e) {
  if (!journal_require_author(s, e)) return false;
  Arena a;
  arena_init(&a, 0);
  JournalRec r;
  bool done = false;
  bool ok = svc_begin(s, true, e) && journal_load_own_draft(s, id, &a, &r, "signera", e) &&
            store_journal_sign(s->db, id, s->now, &done, e);
  if (ok && !done)
    ok = err_set(e, ERR_CONFLICT, "id", "R-130", "Anteckningen har signerats under tiden.");
  ok = ok && svc_audit(s, "journal.sign", "journal_entry", id, r.person_id, "", e);
  arena_free(&a);
  return svc_end(s, ok, e);
}

bool svc_journal_delete(Svc *s, int64_t id, Err *e) {
  if (!journal_require_author(s, e)) return false;
  Arena a;
  arena_init(&a, 0);
  JournalRec r;
  bool done = false;
  bool ok = svc_begin(s, true, e) && journal_load_own_draft(s, id, &a, &r, "ta bort", e) &&
            store_journal_delete_draft(s->db, id, &done, e);
  if (ok && !done)
    ok = err_set(e, ERR_CONFLICT, "id", "R-130", "Anteckningen har signerats under tiden.");
  ok = ok && svc_audit(s, "journal.delete", "journal_entry", id, r.person_id, "", e);
  arena_free(&a);
  return svc_end(s, ok, e);
}

bool svc_journal_get(Svc *s, int64_t id, Arena *a, JournalRec *out, Err *e) {
  memset(out, 0, sizeof *out);
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_journal_get(s->db, id, a, out, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "id", "", "Journalanteckningen finns inte.");
  ok = ok && svc_person_access_check(s, out->person_id, e) &&
       svc_audit(s, "journal.read", "journal_entry", id, out->person_id, "", e);
  if (!ok && e->code == ERR_FORBIDDEN) {
    int64_t person_id = out->person_id;
    memset(out, 0, sizeof *out);
    return svc_log_refused_read(s, "journal.read_refused", person_id, e);
  }
  if (!svc_end(s, ok, e)) {
    memset(out, 0, sizeof *out);
    return false;
  }
  return true;
}

bool svc_journal_list(Svc *s, int64_t person_id, Arena *a, JournalRec **out, size_t *n, Err *e) {
  *out = NULL, *n = 0;
  if (!svc_require(s, CAP_PERSON_READ, e)) return false;
  PersonRec p;
  bool found = false;
  bool ok = svc_begin(s, true, e) && store_person_get(s->db, person_id, &p, &found, e);
  if (ok && !found) ok = err_set(e, ERR_NOT_FOUND, "person_id", "", "Personen finns inte.");
  ok = ok && svc_person_access_check(s, person_id, e) &&
       store_journal_list(s->db, person_id, a, out, n, e) &&
       svc_audit(s, "journal.read", "person", person_id, person_id, "", e);
  if (!ok && e->code == ERR_FORBIDDEN) {
    *out = NULL, *n = 0;
    return svc_log_refused_read(s, "journal.read_refused", person_id, e);
  }
  if (!svc_end(s, ok, e)) {
    *out = NULL, *n = 0;
    return false;
  }
  return true;
}
