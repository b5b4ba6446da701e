/* admin_internal.h — what the administration pages share (routes_admin.c, page_admin_users.c,
 * page_admin_settings.c, page_admin_providers.c): their handlers, gathered into one route table
 * in routes_admin.c, and a few small helpers. Private to this area.
 * Must not: be included by other areas, or hold anything but declarations. */
#ifndef INSATS_WEB_ADMIN_INTERNAL_H
#define INSATS_WEB_ADMIN_INTERNAL_H

#include "web/web.h"

/* A refusal the user can correct in the form (shown again with status 422), as opposed to a
 * failure that gets the error page (forbidden, not found, internal). */
bool admin_is_refusal(const Err *e);
/* The name of the unit with this id, or NULL when there is none. */
const char *admin_unit_name(const UnitRec *units, size_t n, int64_t id);
/* A unit kind in Swedish ("verkställande enhet"). */
const char *admin_unit_kind_name(const char *kind);
/* A link back to the administration overview, for the top of every admin page. */
void admin_breadcrumb(Str *o, const char *parent_href, const char *parent_label);

/* ---- routes_admin.c: overview and units ---- */
bool page_admin_overview(HttpReq *req, HttpResp *resp, Err *e);
bool page_admin_units_list(HttpReq *req, HttpResp *resp, Err *e);
bool page_admin_units_create(HttpReq *req, HttpResp *resp, Err *e);

/* ---- page_admin_users.c ---- */
bool page_admin_users_list(HttpReq *req, HttpResp *resp, Err *e);
bool page_admin_users_new(HttpReq *req, HttpResp *resp, Err *e);
bool page_admin_users_create(HttpReq *req, HttpResp *resp, Err *e);
bool page_admin_users_view(HttpReq *req, HttpResp *resp, Err *e);
bool page_admin_users_set_status(HttpReq *req, HttpResp *resp, Err *e);
bool page_admin_users_set_password(HttpReq *req, HttpResp *resp, Err *e);

/* ---- page_admin_settings.c ---- */
bool page_admin_settings_list(HttpReq *req, HttpResp *resp, Err *e);
bool page_admin_settings_edit(HttpReq *req, HttpResp *resp, Err *e);
bool page_admin_settings_save(HttpReq *req, HttpResp *resp, Err *e);

/* ---- page_admin_providers.c: administration (/admin/anordnare…) ---- */
bool page_admin_providers_list(HttpReq *req, HttpResp *resp, Err *e);
bool page_admin_providers_new(HttpReq *req, HttpResp *resp, Err *e);
bool page_admin_providers_create(HttpReq *req, HttpResp *resp, Err *e);
bool page_admin_providers_view(HttpReq *req, HttpResp *resp, Err *e);
bool page_admin_providers_update(HttpReq *req, HttpResp *resp, Err *e);
bool page_admin_providers_fskatt(HttpReq *req, HttpResp *resp, Err *e);
/* … and the same list, page and F-skatt check for finance (/ekonomi/anordnare…, R-071) */
bool page_admin_providers_finance_list(HttpReq *req, HttpResp *resp, Err *e);
bool page_admin_providers_finance_view(HttpReq *req, HttpResp *resp, Err *e);
bool page_admin_providers_finance_fskatt(HttpReq *req, HttpResp *resp, Err *e);

#endif
