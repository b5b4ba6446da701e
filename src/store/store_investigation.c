/* store_investigation.c — evidence, personkrets and assistance assessments, communication
 * (see store_investigation.h). Must not: decide what may be written (the service does). */
#include <string.h>

#include "store/db.h"
#include "store/rows.h"
#include "store/store.h"

/* ---- evidence ---- */

bool store_evidence_insert(Db *db, const EvidenceRec *r, const char *created_at, int64_t *id,
                           Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EVIDENCE_INSERT, &st, e) && stmt_bind_int(&st, 1, r->case_id, e) &&
         stmt_bind_text(&st, 2, r->kind, e) && stmt_bind_text(&st, 3, r->issuer, e) &&
         stmt_bind_date(&st, 4, r->issued_on, e) && stmt_bind_date(&st, 5, r->received_on, e) &&
         stmt_bind_text(&st, 6, r->status, e) && stmt_bind_text(&st, 7, r->question_reason, e) &&
         stmt_bind_int(&st, 8, r->cost_ore, e) && stmt_bind_id(&st, 9, r->cost_approved_by, e) &&
         stmt_bind_date(&st, 10, r->cost_approved_on, e) &&
         stmt_bind_id(&st, 11, r->second_opinion_of, e) && stmt_bind_text(&st, 12, created_at, e) &&
         stmt_insert_id(&st, id, e);
}

static void evidence_row(Stmt *st, EvidenceRec *r) {
  r->id = stmt_int(st, 0);
  r->case_id = stmt_int(st, 1);
  ROWS_COPY(r->kind, stmt_text(st, 2));
  ROWS_COPY(r->issuer, stmt_text(st, 3));
  r->issued_on = stmt_date(st, 4);
  r->received_on = stmt_date(st, 5);
  ROWS_COPY(r->status, stmt_text(st, 6));
  ROWS_COPY(r->question_reason, stmt_text(st, 7));
  r->cost_ore = stmt_int(st, 8);
  r->cost_approved_by = stmt_int(st, 9);
  r->cost_approved_on = stmt_date(st, 10);
  r->second_opinion_of = stmt_int(st, 11);
}

bool store_evidence_get(Db *db, int64_t id, EvidenceRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_EVIDENCE_BY_ID, &st, e) || !stmt_bind_int(&st, 1, id, e)) return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) evidence_row(&st, out);
  stmt_reset(&st);
  return rc >= 0;
}

bool store_evidence_list(Db *db, int64_t case_id, Arena *a, EvidenceRec **out, size_t *n, Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_EVIDENCE_BY_CASE, &st, e) || !stmt_bind_int(&st, 1, case_id, e))
    return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1)
    evidence_row(&st, rows_push(a, (void **)out, n, &cap, sizeof **out));
  stmt_reset(&st);
  return rc == 0;
}

bool store_evidence_update(Db *db, const EvidenceRec *r, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_EVIDENCE_UPDATE, &st, e) && stmt_bind_int(&st, 1, r->id, e) &&
         stmt_bind_text(&st, 2, r->status, e) && stmt_bind_text(&st, 3, r->question_reason, e) &&
         stmt_bind_int(&st, 4, r->cost_ore, e) && stmt_bind_id(&st, 5, r->cost_approved_by, e) &&
         stmt_bind_date(&st, 6, r->cost_approved_on, e) && stmt_exec(&st, e);
}

/* ---- personkrets ---- */

bool store_personkrets_insert(Db *db, const PersonkretsRec *r, const char *created_at, int64_t *id,
                              Err *e) {
  Stmt st;
  return stmt_get(db, SQL_PERSONKRETS_INSERT, &st, e) && stmt_bind_int(&st, 1, r->case_id, e) &&
         stmt_bind_int(&st, 2, r->grp, e) && stmt_bind_text(&st, 3, r->facts_json, e) &&
         stmt_bind_id(&st, 4, r->doctor_evidence_id, e) &&
         stmt_bind_date(&st, 5, r->assessed_on, e) && stmt_bind_int(&st, 6, r->assessed_by, e) &&
         stmt_bind_text(&st, 7, created_at, e) && stmt_insert_id(&st, id, e);
}

bool store_personkrets_latest(Db *db, int64_t case_id, Arena *a, PersonkretsRec *out, bool *found,
                              Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_PERSONKRETS_LATEST, &st, e) || !stmt_bind_int(&st, 1, case_id, e))
    return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) {
    out->id = stmt_int(&st, 0);
    out->case_id = stmt_int(&st, 1);
    out->grp = (int)stmt_int(&st, 2);
    out->facts_json = arena_strdup(a, stmt_text(&st, 3));
    out->doctor_evidence_id = stmt_int(&st, 4);
    out->assessed_on = stmt_date(&st, 5);
    out->assessed_by = stmt_int(&st, 6);
  }
  stmt_reset(&st);
  return rc >= 0;
}

/* ---- assistance ---- */

bool store_assistance_insert(Db *db, const AssistanceRec *r, const char *created_at, int64_t *id,
                             Err *e) {
  Stmt st;
  return stmt_get(db, SQL_ASSISTANCE_INSERT, &st, e) && stmt_bind_int(&st, 1, r->case_id, e) &&
         stmt_bind_date(&st, 2, r->assessed_on, e) && stmt_bind_text(&st, 3, r->input_json, e) &&
         stmt_bind_int(&st, 4, r->basic_ticks, e) && stmt_bind_int(&st, 5, r->other_ticks, e) &&
         stmt_bind_bool(&st, 6, r->fk_notice_required, e) &&
         stmt_bind_int(&st, 7, r->assessed_by, e) && stmt_bind_text(&st, 8, created_at, e) &&
         stmt_insert_id(&st, id, e);
}

bool store_assistance_latest(Db *db, int64_t case_id, Arena *a, AssistanceRec *out, bool *found,
                             Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_ASSISTANCE_LATEST, &st, e) || !stmt_bind_int(&st, 1, case_id, e))
    return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) {
    out->id = stmt_int(&st, 0);
    out->case_id = stmt_int(&st, 1);
    out->assessed_on = stmt_date(&st, 2);
    out->input_json = arena_strdup(a, stmt_text(&st, 3));
    out->basic_ticks = stmt_int(&st, 4);
    out->other_ticks = stmt_int(&st, 5);
    out->fk_notice_required = stmt_int(&st, 6) != 0;
    out->assessed_by = stmt_int(&st, 7);
  }
  stmt_reset(&st);
  return rc >= 0;
}

/* ---- communication ---- */

bool store_communication_insert(Db *db, const CommunicationRec *r, const char *created_at,
                                int64_t *id, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_COMMUNICATION_INSERT, &st, e) && stmt_bind_int(&st, 1, r->case_id, e) &&
         stmt_bind_date(&st, 2, r->sent_on, e) && stmt_bind_text(&st, 3, r->how, e) &&
         stmt_bind_text(&st, 4, r->what, e) && stmt_bind_date(&st, 5, r->reply_by, e) &&
         stmt_bind_bool(&st, 6, r->oral_offered, e) &&
         stmt_bind_date(&st, 7, r->reply_received_on, e) &&
         stmt_bind_int(&st, 8, r->created_by, e) && stmt_bind_text(&st, 9, created_at, e) &&
         stmt_insert_id(&st, id, e);
}

static void communication_row(Stmt *st, CommunicationRec *r) {
  r->id = stmt_int(st, 0);
  r->case_id = stmt_int(st, 1);
  r->sent_on = stmt_date(st, 2);
  ROWS_COPY(r->how, stmt_text(st, 3));
  ROWS_COPY(r->what, stmt_text(st, 4));
  r->reply_by = stmt_date(st, 5);
  r->oral_offered = stmt_int(st, 6) != 0;
  r->reply_received_on = stmt_date(st, 7);
  r->created_by = stmt_int(st, 8);
}

bool store_communication_get(Db *db, int64_t id, CommunicationRec *out, bool *found, Err *e) {
  Stmt st;
  if (!stmt_get(db, SQL_COMMUNICATION_BY_ID, &st, e) || !stmt_bind_int(&st, 1, id, e)) return false;
  int rc = stmt_step(&st, e);
  *found = rc == 1;
  if (rc == 1) communication_row(&st, out);
  stmt_reset(&st);
  return rc >= 0;
}

bool store_communication_list(Db *db, int64_t case_id, Arena *a, CommunicationRec **out, size_t *n,
                              Err *e) {
  Stmt st;
  size_t cap = 0;
  *out = NULL, *n = 0;
  if (!stmt_get(db, SQL_COMMUNICATION_BY_CASE, &st, e) || !stmt_bind_int(&st, 1, case_id, e))
    return false;
  int rc;
  while ((rc = stmt_step(&st, e)) == 1)
    communication_row(&st, rows_push(a, (void **)out, n, &cap, sizeof **out));
  stmt_reset(&st);
  return rc == 0;
}

bool store_communication_set_reply(Db *db, int64_t id, Date received_on, Err *e) {
  Stmt st;
  return stmt_get(db, SQL_COMMUNICATION_SET_REPLY, &st, e) && stmt_bind_int(&st, 1, id, e) &&
         stmt_bind_date(&st, 2, received_on, e) && stmt_exec(&st, e);
}
