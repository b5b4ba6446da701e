/* store_assistance.h — personal assistance in operation and commissioned staff: stays elsewhere
 * (person_stay, R-065/R-072), register extracts, follow-up visits and the staff
 * follow-up rows, notices, temporary increases and reports to IVO
 * (R-071) (store_assistance.c). Included by store.h; use store.h. Must not: judge rules (the
 * service and core do). */
#ifndef INSATS_STORE_STORE_ASSISTANCE_H
#define INSATS_STORE_STORE_ASSISTANCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/date.h"

typedef struct Db Db;

typedef struct {
  int64_t id, person_id;
  char kind[16];       /* hospital, short_stay, other_activity, travel */
  Date from_on, to_on; /* to_on DATE_NONE while it lasts */
  char note[512];
  Date notified_on;            /* travel: when the trip was notified */
  char short_notice_note[512]; /* travel notified late: why it was accepted */
  bool is_demo;
} StayRec;

typedef struct {
  int64_t id, assistant_id;
  char register_[16]; /* police, fk, kronofogden */
  char adult_name[128];
  Date issued_on, seen_on;
} ExtractRec;

/* One commissioned staff member in force on a day, with what the follow-up needs. */
typedef struct {
  int64_t assistant_id, person_id, provider_id;
  char name[128];
  char role[20];
  bool is_relative;
  Date employed_from, employed_to;
  char provider_name[128];
  char provider_kind[16];
  Date person_birth;
  Date last_visit;        /* DATE_NONE: never visited */
  Date last_police;       /* the newest police-register extract's issue date */
  Date last_plan;         /* the newest implementation plan of the person's personal assistance */
  int64_t pa_decision_id; /* the person's newest favourable PA decision, 0 if none */
  int64_t reports[3];     /* time reports of this assistant for the three months asked */
} StaffFollowUpRow;

typedef struct {
  int64_t id, decision_id;
  char kind[20]; /* change, pause, assistant_change, termination */
  Date notified_on, effective_on;
  bool in_writing;
  char what[512];
  char short_notice_note[512];
} NoticeRec;

typedef struct {
  int64_t id, decision_id;
  Date from_on, to_on;
  int64_t minutes_per_week;
  char reason[1024];
  Date decided_on;
  int64_t requested_minutes_per_week; /* what was applied for; 0: as granted */
  Date requested_to_on;               /* DATE_NONE: as granted */
  char decided_by_name[128], decided_by_title[128];
} IncreaseRec;

typedef struct {
  int64_t id, provider_id;
  Date noted_on;
  char grounds[4000];
  Date sent_on; /* DATE_NONE: still a draft */
  char sent_ref[128];
  int64_t created_by;
  char provider_name[128];
} IvoReportRec;

/* An individual plan as the SIP question needs it. */
typedef struct {
  int64_t id, person_id, decision_id;
  Date offered_on;
  int accepted; /* 1 yes, 0 no, -1 not yet answered */
  Date drawn_up_on;
  bool sip_needed;
  char sip_note[1024];
} SipRec;

bool store_sip_list(Db *db, int64_t person_id, Arena *a, SipRec **out, size_t *n, Err *e);
bool store_sip_get(Db *db, int64_t id, SipRec *out, bool *found, Err *e);
bool store_sip_set(Db *db, int64_t id, bool needed, const char *note, Err *e);

/* an external purchase of housing for a housing decision. */
typedef struct {
  int64_t id, decision_id, provider_id;
  Date agreed_on, from_on, to_on;
  int32_t notice_months;
  char note[512];
  char provider_name[128];
} HousingPurchaseRec;

/* A running decision the municipality provides itself (no private provider on its order). */
typedef struct {
  int64_t decision_id, person_id;
  Date person_birth;
} RunningDecisionRow;

/* Up to `limit` running, unrevoked decisions of `insats` valid on `on` that executing unit
 * `unit_id` provides itself, persons without protected identity, oldest first (the demo). */
bool store_running_own_decisions(Db *db, const char *insats, Date on, int64_t unit_id, int limit,
                                 Arena *a, RunningDecisionRow **out, size_t *n, Err *e);

/* The person's newest favourable, unrevoked housing decision (9 § 8, 9 § 9) valid on `on`. */
bool store_housing_decision_of_person(Db *db, int64_t person_id, Date on, int64_t *id, Err *e);
bool store_housing_insert(Db *db, const HousingPurchaseRec *r, int64_t created_by,
                          const char *created_at, bool is_demo, int64_t *id, Err *e);
bool store_housing_list(Db *db, int64_t decision_id, Arena *a, HousingPurchaseRec **out, size_t *n,
                        Err *e);

bool store_stay_insert(Db *db, const StayRec *r, int64_t created_by, const char *created_at,
                       int64_t *id, Err *e);
bool store_stay_get(Db *db, int64_t id, StayRec *out, bool *found, Err *e);
/* The person's stays, newest first. */
bool store_stay_list(Db *db, int64_t person_id, Arena *a, StayRec **out, size_t *n, Err *e);
/* The person's newest favourable, unrevoked personal-assistance decision still valid on `on`;
 * *id 0 if none. */
bool store_pa_decision_of_person(Db *db, int64_t person_id, Date on, int64_t *id, Err *e);
bool store_stay_set_end(Db *db, int64_t id, Date to_on, Err *e);

bool store_extract_insert(Db *db, const ExtractRec *r, int64_t created_by, const char *created_at,
                          bool is_demo, int64_t *id, Err *e);
bool store_extract_list(Db *db, int64_t assistant_id, Arena *a, ExtractRec **out, size_t *n,
                        Err *e);
/* Keeps assistant.police_extract_on at the newest police extract. */
bool store_assistant_set_police_extract(Db *db, int64_t assistant_id, Date issued_on, Err *e);

bool store_visit_insert(Db *db, int64_t assistant_id, Date visited_on, const char *note,
                        int64_t created_by, const char *created_at, bool is_demo, int64_t *id,
                        Err *e);
/* Staff in force on `on` (person_id 0: everyone's), relatives first, with the time reports of
 * the three months given ("YYYY-MM"). */
bool store_staff_follow_up(Db *db, Date on, int64_t person_id, const char months[3][8], Arena *a,
                           StaffFollowUpRow **out, size_t *n, Err *e);

bool store_notice_insert(Db *db, const NoticeRec *r, int64_t created_by, const char *created_at,
                         bool is_demo, int64_t *id, Err *e);
bool store_notice_list(Db *db, int64_t decision_id, Arena *a, NoticeRec **out, size_t *n, Err *e);

bool store_increase_insert(Db *db, const IncreaseRec *r, int64_t created_by, const char *created_at,
                           bool is_demo, int64_t *id, Err *e);
bool store_increase_get(Db *db, int64_t id, IncreaseRec *out, bool *found, Err *e);
bool store_increase_list(Db *db, int64_t decision_id, Arena *a, IncreaseRec **out, size_t *n,
                         Err *e);

bool store_ivo_insert(Db *db, int64_t provider_id, Date noted_on, const char *grounds,
                      int64_t created_by, const char *created_at, bool is_demo, int64_t *id,
                      Err *e);
bool store_ivo_get(Db *db, int64_t id, IvoReportRec *out, bool *found, Err *e);
bool store_ivo_list(Db *db, int64_t provider_id, Arena *a, IvoReportRec **out, size_t *n, Err *e);
bool store_ivo_set_sent(Db *db, int64_t id, Date sent_on, const char *sent_ref, Err *e);

#endif
