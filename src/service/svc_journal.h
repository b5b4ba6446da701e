/* svc_journal.h — a person's journal (journal_svc.c): entries record the date, the author and
 * the source of the information (R-130, SOSFS 2014:5); an unsigned draft may be edited, signed
 * or deleted by its author only; a signed entry never changes — a correction is a new entry
 * pointing back to it. Writing and reading follow the person's access rule, and every read is
 * audited. Included by service.h. Must not: contain SQL, or change a signed entry. */
#ifndef INSATS_SERVICE_SVC_JOURNAL_H
#define INSATS_SERVICE_SVC_JOURNAL_H

#include "service/svc_base.h"

#define SVC_JOURNAL_TEXT_MAX 20000 /* bytes */
#define SVC_JOURNAL_SOURCE_MAX 250 /* bytes */

typedef struct {
  int64_t person_id;   /* create only (an entry never moves to another person) */
  int64_t case_id;     /* optional (0): a case of the same person */
  Date entry_date;     /* DATE_NONE: today; never in the future */
  const char *source;  /* where the information came from — required */
  const char *text;    /* required, multi-line, at most SVC_JOURNAL_TEXT_MAX bytes */
  int64_t corrects_id; /* create only: the signed entry of the same person this one corrects */
} JournalIn;

/* CAP_JOURNAL; the acting user is the author (the system actor may not write). The entry is an
 * unsigned draft until svc_journal_sign. Audited "journal.create" or, for a correction,
 * "journal.correct". */
bool svc_journal_create(Svc *s, const JournalIn *in, int64_t *id, Err *e);
/* Replaces a draft's case, source and text, and its date (DATE_NONE keeps it); its author only
 * (person_id and corrects_id are kept). A signed entry: ERR_RULE, R-130. */
bool svc_journal_update(Svc *s, int64_t id, const JournalIn *in, Err *e);
/* Signs the author's draft: from now on it is final. */
bool svc_journal_sign(Svc *s, int64_t id, Err *e);
/* Deletes the author's draft; a signed entry: ERR_RULE, R-130. */
bool svc_journal_delete(Svc *s, int64_t id, Err *e);

/* One entry (CAP_PERSON_READ, access rule, audited "journal.read"); text in *a. */
bool svc_journal_get(Svc *s, int64_t id, Arena *a, JournalRec *out, Err *e);
/* The person's journal, newest entry date first, drafts included (signed_at ""); each entry
 * carries corrects_id and corrected_by_id (audited "journal.read"; a refused read is logged as
 * "journal.read_refused"). */
bool svc_journal_list(Svc *s, int64_t person_id, Arena *a, JournalRec **out, size_t *n, Err *e);

#endif
