/* sql_invoice.h — statements for sick-pay invoices and finance's actions on them
 * (store_invoice.c, R-074). */
#ifndef INSATS_STORE_SQL_INVOICE_H
#define INSATS_STORE_SQL_INVOICE_H

#define INVOICE_COLS                                                                               \
  "i.id, i.provider_id, i.person_id, i.assistant_id, i.assistant_name, i.assistant_key, "          \
  "i.invoice_no, i.invoice_date, i.period_from, i.period_to, i.sick_from, i.sick_to, "             \
  "i.sick_days, i.sick_ch, i.invoiced_ch, i.amount_ore, i.status, i.is_demo, p.name, "             \
  "s.given_name || ' ' || s.family_name, s.pnr, coalesce(i.paid_month, '') "

#define SQL_INVOICE(X)                                                                             \
  X(SQL_INVOICE_INSERT,                                                                            \
    "INSERT INTO sick_pay_invoice (provider_id, person_id, assistant_id, assistant_name, "         \
    "assistant_key, invoice_no, invoice_date, period_from, period_to, sick_from, sick_to, "        \
    "sick_days, sick_ch, invoiced_ch, amount_ore, created_by, created_at, is_demo) VALUES ($1, "   \
    "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id")   \
  X(SQL_INVOICE_BY_ID,                                                                             \
    "SELECT " INVOICE_COLS "FROM sick_pay_invoice i JOIN provider p ON p.id = i.provider_id "      \
    "JOIN person s ON s.id = i.person_id WHERE i.id = $1")                                         \
  X(SQL_INVOICE_SET_STATUS, "UPDATE sick_pay_invoice SET status = $2 WHERE id = $1")               \
  /* Every invoice with what scoring needs, in one pass by id: the provider's permit facts and     \
   * whether the assistant is a relative. Grouping (duplicates, the same assistant) is done by     \
   * the service in memory: far cheaper than window aggregates over the whole table. */            \
  X(SQL_INVOICE_FACTS,                                                                             \
    "SELECT i.id, i.provider_id, i.person_id, i.invoice_date, i.period_from, i.period_to, "        \
    "i.sick_from, i.sick_to, i.sick_days, i.sick_ch, i.invoiced_ch, i.amount_ore, i.status, "      \
    "i.invoice_no, i.assistant_key, coalesce(a.is_relative, 0), "                                  \
    "p.kind, p.ivo_permit_no <> '', p.permit_from, p.permit_to, p.fskatt_checked_on, "             \
    "p.started_on "                                                                                \
    "FROM sick_pay_invoice i JOIN provider p ON p.id = i.provider_id "                             \
    "LEFT JOIN assistant a ON a.id = i.assistant_id ORDER BY i.id")                                \
  /* The days a person needed no assistance (R-065, R-074): stays, pauses in personal              \
   * assistance (resumed_on is the first day back), executing daily activity (weekdays). */        \
  X(SQL_INVOICE_ELSEWHERE,                                                                         \
    "SELECT person_id, kind, from_on, to_on FROM person_stay WHERE kind IN ('hospital', "          \
    "'short_stay', 'other_activity') AND person_id IN (SELECT person_id FROM sick_pay_invoice) "   \
    "UNION ALL SELECT c.person_id, 'pause', x.interrupted_on, x.resumed_on FROM interruption x "   \
    "JOIN decision d ON d.id = x.decision_id JOIN lss_case c ON c.id = d.case_id "                 \
    "WHERE d.insats = 'personlig_assistans' "                                                      \
    "AND c.person_id IN (SELECT person_id FROM sick_pay_invoice) "                                 \
    "UNION ALL SELECT c.person_id, 'daily_activity', e.executed_on, coalesce(e.ended_on, "         \
    "d.valid_to) FROM execution e JOIN decision d ON d.id = e.decision_id "                        \
    "JOIN lss_case c ON c.id = d.case_id WHERE d.insats = 'daglig_verksamhet' "                    \
    "AND e.executed_on IS NOT NULL AND d.outcome IN ('granted', 'partly_granted') "                \
    "AND c.person_id IN (SELECT person_id FROM sick_pay_invoice) ORDER BY 1")                      \
  X(SQL_INVOICE_ACTION_INSERT,                                                                     \
    "INSERT INTO sick_pay_action (invoice_id, action, note, acted_on, created_by, created_at) "    \
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")                                                \
  X(SQL_INVOICE_ACTIONS,                                                                           \
    "SELECT x.id, x.action, x.note, x.acted_on, coalesce(u.full_name, ''), x.created_at "          \
    "FROM sick_pay_action x LEFT JOIN app_user u ON u.id = x.created_by "                          \
    "WHERE x.invoice_id = $1 ORDER BY x.id")

#endif
