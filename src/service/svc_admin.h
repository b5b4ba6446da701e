/* svc_admin.h — administration use cases (admin_svc.c). Included by service.h. */
#ifndef INSATS_SERVICE_SVC_ADMIN_H
#define INSATS_SERVICE_SVC_ADMIN_H

#include "service/svc_base.h"

/* ---- administration: units, users, settings (admin_svc.c) ----
 * Allowed to an administrator, or to the system (the CLI on the server itself). */
#define SVC_PASSWORD_MIN 12

bool svc_unit_add(Svc *s, const char *name, const char *kind, int64_t *id, Err *e);
/* Every unit, by name (any logged-in user: forms choose units). */
bool svc_unit_list(Svc *s, Arena *a, UnitRec **out, size_t *n, Err *e);

typedef struct {
  const char *username;  /* 2–32 of a–z 0–9 . _ - */
  const char *full_name;
  const char *title;     /* shown in decisions: "handläggare", "enhetschef" */
  const char *role;      /* role code */
  const char *unit;      /* unit name, may be NULL/"" */
  const char *password;  /* at least SVC_PASSWORD_MIN characters */
  bool is_demo;
} UserIn;
bool svc_user_add(Svc *s, const UserIn *in, int64_t *id, Err *e);
bool svc_user_set_password(Svc *s, const char *username, const char *password, Err *e);
bool svc_user_set_disabled(Svc *s, const char *username, bool disabled, Err *e);
bool svc_user_list(Svc *s, Arena *a, UserRec **out, size_t *n, Err *e);

/* A policy value from a date on (effective-dated; cases decided before keep their values). */
bool svc_setting_set(Svc *s, const char *name, int64_t value, Date valid_from, const char *note,
                     Err *e);
bool svc_setting_history(Svc *s, Arena *a, SettingRec **out, size_t *n, Err *e);

#endif
