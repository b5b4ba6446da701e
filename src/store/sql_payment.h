/* sql_payment.h — statements for payments (store_payment.c): time reports, the schablonbelopp
 * entered by the administrator, consent to payment, Försäkringskassan's notices and decisions,
 * higher-rate applications, expense receipts, the monthly settlement and habilitation. */
#ifndef INSATS_STORE_SQL_PAYMENT_H
#define INSATS_STORE_SQL_PAYMENT_H

#define PAY_DECISION_COLS                                                                          \
  "d.id, d.case_id, c.person_id, coalesce(so.provider_id, 0), coalesce(d.executing_unit_id, 0), "  \
  "d.insats, d.outcome, d.scope_unit, coalesce(d.scope_amount, 0), d.valid_from, d.valid_to, "     \
  "(SELECT r.revoked_on FROM revocation r WHERE r.decision_id = d.id), d.decided_on, "             \
  "p.birth_date, p.given_name || ' ' || p.family_name "
#define PAY_DECISION_FROM                                                                          \
  "FROM decision d JOIN lss_case c ON c.id = d.case_id JOIN person p ON p.id = c.person_id "       \
  "LEFT JOIN service_order so ON so.decision_id = d.id "

#define FK_NOTICE_COLS                                                                             \
  "id, decision_id, person_id, form, rule, due_on, created_at, sent_on, sent_by "
#define FK_DECISION_COLS                                                                           \
  "id, person_id, granted, minutes_per_week, valid_from, valid_to, decided_on, notified_on "
#define RATE_APP_COLS                                                                              \
  "id, decision_id, month, rate_ore, reason, state, coalesce(decided_by, 0), decision_note "
#define SETTLE_LINE_COLS                                                                           \
  "l.id, l.month, l.decision_id, l.person_id, coalesce(l.provider_id, 0), l.granted_minutes, "     \
  "l.reported_minutes, l.paid_minutes, l.municipal_minutes, l.fk_minutes, l.rate_ore, "            \
  "l.hours_ore, l.expense_ore, l.total_ore, l.payable, l.reasons, l.flags, "                       \
  "coalesce(pr.name, ''), coalesce(pr.orgnr, '') "

/* The due-queries, all persons ("1 = 1") or one person's: the filter lets a
 * command that may make a notice due look at that person only, through lss_case_person. */
#define FK_DUE_3078(filter)                                                                        \
  "SELECT d.id, c.person_id FROM lss_case c JOIN decision d ON d.case_id = c.id "                  \
  "WHERE " filter " AND d.insats = 'personlig_assistans' "                                         \
  "AND d.outcome IN ('granted', 'partly_granted') "                                                \
  "AND (SELECT a.fk_notice_required FROM assistance_assessment a WHERE a.case_id = d.case_id "     \
  "ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1) = 1 "                                           \
  "AND NOT EXISTS (SELECT 1 FROM fk_notice n WHERE n.decision_id = d.id AND n.form = '3078') "     \
  "ORDER BY d.id"
#define FK_DUE_3064(filter)                                                                        \
  "SELECT d.id, c.person_id FROM lss_case c JOIN decision d ON d.case_id = c.id "                  \
  "WHERE " filter " AND d.outcome IN ('granted', 'partly_granted') "                               \
  "AND NOT EXISTS (SELECT 1 FROM fk_notice n WHERE n.decision_id = d.id "                          \
  "AND n.form IN ('3078', '3064')) "                                                               \
  "AND (EXISTS (SELECT 1 FROM fk_decision f WHERE f.person_id = c.person_id AND f.granted = 1 "    \
  "AND f.decided_on <= d.decided_on) "                                                             \
  "OR EXISTS (SELECT 1 FROM fk_notice n WHERE n.person_id = c.person_id AND n.form = '3078' "      \
  "AND n.sent_on IS NOT NULL AND n.sent_on <= d.decided_on)) ORDER BY d.id"
#define FK_DUE_3032(filter)                                                                        \
  "SELECT n.decision_id, n.person_id, (SELECT max(f.notified_on) FROM fk_decision f "              \
  "WHERE f.person_id = n.person_id) FROM fk_notice n "                                             \
  "JOIN service_order so ON so.decision_id = n.decision_id "                                       \
  "LEFT JOIN provider pr ON pr.id = so.provider_id "                                               \
  "JOIN execution x ON x.decision_id = n.decision_id AND x.executed_on IS NOT NULL "               \
  "WHERE " filter " AND n.form = '3078' AND (so.provider_id IS NULL OR pr.kind = 'municipal') "    \
  "AND n.sent_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM fk_notice m "                           \
  "WHERE m.decision_id = n.decision_id AND m.form = '3032') ORDER BY n.decision_id"

#define SQL_PAYMENT(X)                                                                             \
  X(SQL_PAY_DECISION, "SELECT " PAY_DECISION_COLS PAY_DECISION_FROM "WHERE d.id = $1")             \
  X(SQL_PAY_DECISIONS_IN_FORCE,                                                                    \
    "SELECT " PAY_DECISION_COLS PAY_DECISION_FROM "WHERE d.insats = $1 "                           \
    "AND d.outcome IN ('granted', 'partly_granted') AND d.valid_from <= $3 "                       \
    "AND (d.valid_to IS NULL OR d.valid_to >= $2) ORDER BY d.id")                                  \
  X(SQL_SCHABLON_GET, "SELECT ore FROM schablon_rate WHERE year = $1")                             \
  X(SQL_SCHABLON_DELETE, "DELETE FROM schablon_rate WHERE year = $1")                              \
  X(SQL_SCHABLON_INSERT,                                                                           \
    "INSERT INTO schablon_rate (year, ore, set_by, set_at, note) VALUES ($1, $2, $3, $4, $5)")     \
  X(SQL_TIME_REPORT_DELETE, "DELETE FROM time_report WHERE decision_id = $1 AND month = $2 "       \
                            "AND coalesce(assistant_id, 0) = $3")                                  \
  X(SQL_TIME_REPORT_INSERT,                                                                        \
    "INSERT INTO time_report (decision_id, provider_id, month, assistant_id, minutes, "            \
    "received_on, created_by, created_at, is_demo) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "   \
    "RETURNING id")                                                                                \
  X(SQL_TIME_REPORT_LIST,                                                                          \
    "SELECT id, decision_id, provider_id, month, coalesce(assistant_id, 0), minutes, received_on " \
    "FROM time_report WHERE decision_id = $1 AND ($2 = '' OR month = $2) "                         \
    "ORDER BY month, coalesce(assistant_id, 0)")                                                   \
  X(SQL_ASSISTANT_OF_PROVIDER,                                                                     \
    "SELECT count(*) FROM assistant WHERE id = $1 AND provider_id = $2 AND person_id = $3")        \
  X(SQL_PAY_CONSENT_INSERT,                                                                        \
    "INSERT INTO payment_consent (decision_id, provider_id, given_on, signed_by, guardian2, "      \
    "created_by, created_at, is_demo) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")       \
  X(SQL_PAY_CONSENT_COUNT,                                                                         \
    "SELECT count(*) FROM payment_consent WHERE decision_id = $1 AND provider_id = $2")            \
  X(SQL_FK_NOTICE_INSERT,                                                                          \
    "INSERT INTO fk_notice (decision_id, person_id, form, rule, due_on, created_at, is_demo) "     \
    "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (decision_id, form) DO NOTHING")              \
  X(SQL_FK_NOTICE_GET, "SELECT " FK_NOTICE_COLS "FROM fk_notice WHERE id = $1")                    \
  X(SQL_FK_NOTICE_BY_PERSON,                                                                       \
    "SELECT " FK_NOTICE_COLS "FROM fk_notice WHERE person_id = $1 ORDER BY created_at, id")        \
  X(SQL_FK_NOTICE_OPEN,                                                                            \
    "SELECT " FK_NOTICE_COLS "FROM fk_notice WHERE sent_on IS NULL ORDER BY created_at, id")       \
  X(SQL_FK_NOTICE_SET_SENT, "UPDATE fk_notice SET sent_on = $2, sent_by = $3 WHERE id = $1")       \
  X(SQL_FK_NOTICE_SET_DUE,                                                                         \
    "UPDATE fk_notice SET due_on = $2 WHERE person_id = $1 AND form = '3032' AND sent_on IS NULL") \
  /* R-110: granted personal assistance whose latest assessment has basic needs over 20 h/week */  \
  X(SQL_FK_DUE_3078, FK_DUE_3078("1 = 1"))                                                         \
  X(SQL_FK_DUE_3078_PERSON, FK_DUE_3078("c.person_id = $1"))                                       \
  /* R-111: another decision granted to someone with (or applied for) assistansersättning */      \
  X(SQL_FK_DUE_3064, FK_DUE_3064("1 = 1"))                                                         \
  X(SQL_FK_DUE_3064_PERSON, FK_DUE_3064("c.person_id = $1"))                                       \
  /* R-112: FK examines (3078 sent) while the municipality executes in its own regi */             \
  X(SQL_FK_DUE_3032, FK_DUE_3032("1 = 1"))                                                         \
  X(SQL_FK_DUE_3032_PERSON, FK_DUE_3032("n.person_id = $1"))                                       \
  /* Mitt arbete: the open notices of the cases the officer is responsible for, read from the    \
   * open ones (0014's partial index; "+" keeps the planner off the officer's many cases) */       \
  X(SQL_FK_NOTICE_OPEN_FOR_OFFICER,                                                                \
    "SELECT n.id, n.decision_id, n.person_id, n.form, n.rule, n.due_on, n.created_at, "            \
    "p.given_name, p.family_name, c.id, d.insats FROM fk_notice n "                              \
    "JOIN decision d ON d.id = n.decision_id JOIN lss_case c ON c.id = d.case_id "                 \
    "JOIN person p ON p.id = c.person_id WHERE n.sent_on IS NULL AND +c.officer_id = $1 "          \
    "ORDER BY coalesce(n.due_on, substr(n.created_at, 1, 10)), n.id LIMIT $2")                     \
  X(SQL_FK_DECISION_INSERT,                                                                        \
    "INSERT INTO fk_decision (person_id, granted, minutes_per_week, valid_from, valid_to, "        \
    "decided_on, notified_on, created_by, created_at, is_demo) "                                   \
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id")                               \
  X(SQL_FK_DECISION_BY_PERSON,                                                                     \
    "SELECT " FK_DECISION_COLS "FROM fk_decision WHERE person_id = $1 ORDER BY valid_from, id")    \
  X(SQL_RATE_APP_INSERT,                                                                           \
    "INSERT INTO rate_application (decision_id, month, rate_ore, reason, state, created_by, "      \
    "created_at, is_demo) VALUES ($1, $2, $3, $4, 'applied', $5, $6, $7) RETURNING id")            \
  X(SQL_RATE_APP_GET, "SELECT " RATE_APP_COLS "FROM rate_application WHERE id = $1")               \
  X(SQL_RATE_APP_BY_MONTH,                                                                         \
    "SELECT " RATE_APP_COLS "FROM rate_application WHERE month = $1 ORDER BY decision_id")         \
  X(SQL_RATE_APP_DECIDE,                                                                           \
    "UPDATE rate_application SET state = $2, decided_by = $3, decided_at = $4, "                   \
    "decision_note = $5 WHERE id = $1")                                                            \
  X(SQL_RECEIPT_INSERT,                                                                            \
    "INSERT INTO expense_receipt (decision_id, month, amount_ore, note, created_by, created_at, "  \
    "is_demo) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id")                                   \
  X(SQL_RECEIPT_GET, "SELECT id, decision_id, month, amount_ore, note, coalesce(approved_by, 0) "  \
                     "FROM expense_receipt WHERE id = $1")                                         \
  X(SQL_RECEIPTS_OPEN,                                                                             \
    "SELECT r.id, r.decision_id, r.month, r.amount_ore, r.note, 0 FROM expense_receipt r "         \
    "JOIN decision d ON d.id = r.decision_id WHERE r.approved_by IS NULL "                         \
    "AND ($1 = 0 OR d.executing_unit_id = $1) ORDER BY r.month, r.id")                             \
  X(SQL_RECEIPT_APPROVE,                                                                           \
    "UPDATE expense_receipt SET approved_by = $2, approved_at = $3 WHERE id = $1")                 \
  X(SQL_SETTLE_MONTH_GET,                                                                          \
    "SELECT month, state, schablon_ore, run_by, run_at, coalesce(attested_by, 0), "                \
    "coalesce(attested_at, ''), coalesce(exported_at, '') FROM settlement_month WHERE month = $1") \
  X(SQL_SETTLE_MONTH_PUT,                                                                          \
    "INSERT INTO settlement_month (month, state, schablon_ore, run_by, run_at) "                   \
    "VALUES ($1, 'draft', $2, $3, $4) ON CONFLICT (month) DO UPDATE SET state = 'draft', "         \
    "schablon_ore = excluded.schablon_ore, run_by = excluded.run_by, run_at = excluded.run_at")    \
  X(SQL_SETTLE_MONTH_ATTEST,                                                                       \
    "UPDATE settlement_month SET state = 'attested', attested_by = $2, attested_at = $3 "          \
    "WHERE month = $1")                                                                            \
  X(SQL_SETTLE_MONTH_EXPORTED,                                                                     \
    "UPDATE settlement_month SET state = 'exported', exported_at = $2 WHERE month = $1")           \
  X(SQL_SETTLE_LINES_DELETE, "DELETE FROM settlement_line WHERE month = $1")                       \
  /* the month's personal-assistance decisions with everything the settlement needs */             \
  X(SQL_SETTLE_SOURCE,                                                                             \
    "SELECT d.id, c.person_id, d.scope_amount, d.scope_unit, d.valid_from, d.valid_to, "           \
    "(SELECT r.revoked_on FROM revocation r WHERE r.decision_id = d.id), "                         \
    "coalesce(so.provider_id, 0), so.id IS NOT NULL, "                                             \
    "(SELECT coalesce(sum(t.minutes), 0) FROM time_report t WHERE t.decision_id = d.id "           \
    "AND t.month = $1), "                                                                          \
    "(SELECT count(*) FROM time_report t WHERE t.decision_id = d.id AND t.month = $1), "           \
    "(SELECT ra.rate_ore FROM rate_application ra WHERE ra.decision_id = d.id AND ra.month = $1 "  \
    "AND ra.state = 'approved'), "                                                                 \
    "(SELECT coalesce(sum(x.amount_ore), 0) FROM expense_receipt x WHERE x.decision_id = d.id "    \
    "AND x.month = $1 AND x.approved_by IS NOT NULL), "                                            \
    "(SELECT count(*) FROM payment_consent pc WHERE pc.decision_id = d.id "                        \
    "AND pc.provider_id = so.provider_id AND pc.given_on <= $3), "                                 \
    "(SELECT count(*) FROM fk_decision f WHERE f.person_id = c.person_id AND f.granted = 1 "       \
    "AND f.valid_from <= $3 AND (f.valid_to IS NULL OR f.valid_to >= $2)), "                       \
    "(SELECT count(*) FROM person_stay ps WHERE ps.person_id = c.person_id "                       \
    "AND ps.kind = 'hospital' AND ps.from_on <= $3 AND (ps.to_on IS NULL OR ps.to_on >= $2)), "    \
    "(SELECT count(*) FROM pay_over_grant og WHERE og.decision_id = d.id AND og.month = $1) "      \
    "FROM decision d JOIN lss_case c ON c.id = d.case_id "                                         \
    "LEFT JOIN service_order so ON so.decision_id = d.id "                                         \
    "WHERE d.insats = 'personlig_assistans' AND d.outcome IN ('granted', 'partly_granted') "       \
    "AND d.scope_amount > 0 AND d.valid_from <= $3 AND (d.valid_to IS NULL OR d.valid_to >= $2) "  \
    "ORDER BY d.id")                                                                               \
  X(SQL_SETTLE_LINE_INSERT,                                                                        \
    "INSERT INTO settlement_line (month, decision_id, person_id, provider_id, granted_minutes, "   \
    "reported_minutes, paid_minutes, municipal_minutes, fk_minutes, rate_ore, hours_ore, "         \
    "expense_ore, total_ore, payable, reasons, flags) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "    \
    "$9, $10, $11, $12, $13, $14, $15, $16)")                                                      \
  X(SQL_SETTLE_LINES,                                                                              \
    "SELECT " SETTLE_LINE_COLS "FROM settlement_line l LEFT JOIN provider pr "                     \
    "ON pr.id = l.provider_id WHERE l.month = $1 AND ($2 = 0 OR l.decision_id = $2) "              \
    "AND ($3 = 0 OR l.flags <> '' OR l.payable = 0) ORDER BY l.decision_id")                       \
  X(SQL_SETTLE_TOTALS,                                                                             \
    "SELECT count(*), coalesce(sum(payable), 0), coalesce(sum(CASE WHEN payable = 1 "              \
    "THEN total_ore ELSE 0 END), 0), coalesce(sum(CASE WHEN flags <> '' THEN 1 ELSE 0 END), 0), "  \
    "(SELECT count(*) FROM settlement_invoice_line i WHERE i.month = $1), "                        \
    "(SELECT coalesce(sum(i.payable), 0) FROM settlement_invoice_line i WHERE i.month = $1), "     \
    "(SELECT coalesce(sum(i.amount_ore), 0) FROM settlement_invoice_line i WHERE i.month = $1 "    \
    "AND i.payable = 1) FROM settlement_line WHERE month = $1")                                    \
  /* R-074: approved sick-pay invoices not yet paid, approved by the month's last day ($2), that \
   * no other attested month is about to pay (an exported month that did not pay one, because it \
   * was not payable then, leaves it to a later month); consents to the provider (R-071) */      \
  X(SQL_SETTLE_INV_SOURCE,                                                                         \
    "SELECT i.id, i.provider_id, i.person_id, i.amount_ore, "                                      \
    "(SELECT count(*) FROM payment_consent pc JOIN decision d ON d.id = pc.decision_id "           \
    "JOIN lss_case c ON c.id = d.case_id WHERE c.person_id = i.person_id "                         \
    "AND pc.provider_id = i.provider_id AND pc.given_on <= $2) "                                   \
    "FROM sick_pay_invoice i WHERE i.status = 'approved' AND i.paid_month IS NULL "                \
    "AND (SELECT max(a.acted_on) FROM sick_pay_action a WHERE a.invoice_id = i.id "                \
    "AND a.action = 'approved') <= $2 "                                                            \
    "AND NOT EXISTS (SELECT 1 FROM settlement_invoice_line o JOIN settlement_month sm "            \
    "ON sm.month = o.month WHERE o.invoice_id = i.id AND o.month <> $1 AND o.payable = 1 "         \
    "AND sm.state = 'attested') ORDER BY i.provider_id, i.invoice_no, i.id")                       \
  /* R-073: an approved exception to pay hours reported beyond the grant, per decision and month */\
  X(SQL_OVER_GRANT_INSERT,                                                                         \
    "INSERT INTO pay_over_grant (decision_id, month, reason, approved_by, approved_at) "           \
    "VALUES ($1, $2, $3, $4, $5) RETURNING id")                                                    \
  X(SQL_OVER_GRANT_GET,                                                                            \
    "SELECT og.reason, og.approved_at, coalesce(u.full_name, '') FROM pay_over_grant og "          \
    "LEFT JOIN app_user u ON u.id = og.approved_by WHERE og.decision_id = $1 AND og.month = $2")  \
  X(SQL_OVER_GRANT_DELETE, "DELETE FROM pay_over_grant WHERE decision_id = $1 AND month = $2")    \
  X(SQL_SETTLE_INV_DELETE, "DELETE FROM settlement_invoice_line WHERE month = $1")                 \
  X(SQL_SETTLE_INV_INSERT,                                                                         \
    "INSERT INTO settlement_invoice_line (month, invoice_id, provider_id, person_id, amount_ore, " \
    "payable, reasons) VALUES ($1, $2, $3, $4, $5, $6, $7)")                                       \
  X(SQL_SETTLE_INV_LINES,                                                                          \
    "SELECT l.id, l.month, l.invoice_id, l.provider_id, l.person_id, l.amount_ore, l.payable, "    \
    "l.reasons, pr.name, pr.orgnr, i.invoice_no, i.status, coalesce(i.paid_month, ''), "           \
    "i.invoice_date, i.sick_from, i.sick_to FROM settlement_invoice_line l "                       \
    "JOIN sick_pay_invoice i ON i.id = l.invoice_id JOIN provider pr ON pr.id = l.provider_id "    \
    "WHERE l.month = $1 ORDER BY pr.name, i.invoice_no, l.invoice_id")                             \
  /* the month's payable invoices that another month paid or, attested, is about to pay */       \
  X(SQL_SETTLE_INV_LOCKED_ELSEWHERE,                                                               \
    "SELECT count(*) FROM settlement_invoice_line l "                                              \
    "JOIN sick_pay_invoice i ON i.id = l.invoice_id WHERE l.month = $1 AND l.payable = 1 "       \
    "AND ((i.paid_month IS NOT NULL AND i.paid_month <> $1) "                                      \
    "OR EXISTS (SELECT 1 FROM settlement_invoice_line o JOIN settlement_month sm "                 \
    "ON sm.month = o.month WHERE o.invoice_id = l.invoice_id AND o.month <> $1 AND o.payable = 1 " \
    "AND sm.state = 'attested'))")                                                                 \
  X(SQL_SETTLE_INV_MARK_PAID,                                                                      \
    "UPDATE sick_pay_invoice SET paid_month = $1 WHERE paid_month IS NULL "                        \
    "AND status = 'approved' "                                                                     \
    "AND id IN (SELECT invoice_id FROM settlement_invoice_line WHERE month = $1 AND payable = 1)") \
  X(SQL_HAB_ATTENDANCE_DELETE, "DELETE FROM hab_attendance WHERE decision_id = $1 AND day = $2")   \
  X(SQL_HAB_ATTENDANCE_INSERT,                                                                     \
    "INSERT INTO hab_attendance (decision_id, day, attendance, created_by, created_at, is_demo) "  \
    "VALUES ($1, $2, $3, $4, $5, $6)")                                                             \
  X(SQL_HAB_ATTENDANCE_MONTH,                                                                      \
    "SELECT h.decision_id, c.person_id, h.day, h.attendance FROM hab_attendance h "                \
    "JOIN decision d ON d.id = h.decision_id JOIN lss_case c ON c.id = d.case_id "                 \
    "WHERE h.day >= $1 AND h.day <= $2 AND ($3 = 0 OR h.decision_id = $3) "                        \
    "AND ($4 = 0 OR d.executing_unit_id = $4) ORDER BY h.decision_id, h.day")                      \
  /* a unit manager's run replaces the lines of the unit's own participants only ($2 = 0: all) */ \
  X(SQL_HAB_LINES_DELETE,                                                                          \
    "DELETE FROM hab_line WHERE month = $1 AND ($2 = 0 OR decision_id IN "                         \
    "(SELECT id FROM decision WHERE executing_unit_id = $2))")                                     \
  X(SQL_HAB_LINE_INSERT,                                                                           \
    "INSERT INTO hab_line (month, decision_id, person_id, full_days, half_days, unpaid_days, "     \
    "amount_ore, pay_on, run_by, run_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")        \
  X(SQL_HAB_LINES,                                                                                 \
    "SELECT l.month, l.decision_id, l.person_id, l.full_days, l.half_days, l.unpaid_days, "        \
    "l.amount_ore, l.pay_on, p.pnr, p.given_name || ' ' || p.family_name FROM hab_line l "         \
    "JOIN decision d ON d.id = l.decision_id JOIN person p ON p.id = l.person_id "                 \
    "WHERE l.month = $1 AND ($2 = 0 OR d.executing_unit_id = $2) ORDER BY l.decision_id")          \
  /* the habilitation month's state: draft, attested by finance, exported (R-087) */             \
  X(SQL_HAB_MONTH_GET,                                                                             \
    "SELECT month, state, coalesce(attested_by, 0), coalesce(attested_at, ''), "                   \
    "coalesce(exported_at, '') FROM hab_month WHERE month = $1")                                   \
  X(SQL_HAB_MONTH_PUT,                                                                             \
    "INSERT INTO hab_month (month, state, run_by, run_at) VALUES ($1, 'draft', $2, $3) "           \
    "ON CONFLICT (month) DO UPDATE SET run_by = excluded.run_by, run_at = excluded.run_at "        \
    "WHERE hab_month.state = 'draft'")                                                             \
  X(SQL_HAB_MONTH_ATTEST,                                                                          \
    "UPDATE hab_month SET state = 'attested', attested_by = $2, attested_at = $3 "                 \
    "WHERE month = $1 AND state = 'draft'")                                                        \
  X(SQL_HAB_MONTH_EXPORTED,                                                                        \
    "UPDATE hab_month SET state = 'exported', exported_at = $2 WHERE month = $1 "                  \
    "AND state = 'attested'")

#endif
