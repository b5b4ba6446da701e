-- Payments (issue 5 items 4–5): Försäkringskassan notices and decisions (R-110–R-112), the
-- schablonbelopp entered for years the law table lacks (R-142), written consent to payment to
-- the chosen provider (R-071), higher-rate applications (R-073, R-142), expense receipts approved
-- by a unit manager (R-073), the monthly settlement with its lines (R-073), and habilitation
-- attendance and its monthly run (R-087). Money in öre, time in minutes, dates ISO.
CREATE TABLE schablon_rate (
  year INTEGER PRIMARY KEY,
  ore INTEGER NOT NULL CHECK (ore > 0),
  set_by INTEGER NOT NULL DEFAULT 0,
  set_at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE payment_consent (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  provider_id INTEGER NOT NULL REFERENCES provider (id),
  given_on TEXT NOT NULL,
  signed_by TEXT NOT NULL,          -- the person, or the representative who signed
  guardian2 TEXT NOT NULL DEFAULT '', -- a child's second guardian (R-071: both sign)
  created_by INTEGER REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX payment_consent_decision ON payment_consent (decision_id, provider_id);

CREATE TABLE fk_notice (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  person_id INTEGER NOT NULL REFERENCES person (id),
  form TEXT NOT NULL CHECK (form IN ('3078', '3064', '3032')),
  rule TEXT NOT NULL,
  due_on TEXT,                      -- R-112: by the day FK's decision is notified
  created_at TEXT NOT NULL,
  sent_on TEXT,
  sent_by INTEGER REFERENCES app_user (id),
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX fk_notice_once ON fk_notice (decision_id, form);

CREATE TABLE fk_decision (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (id),
  granted INTEGER NOT NULL,         -- 1: assistansersättning granted, 0: refused
  minutes_per_week INTEGER NOT NULL CHECK (minutes_per_week >= 0),
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  decided_on TEXT NOT NULL,
  notified_on TEXT,
  created_by INTEGER REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX fk_decision_person ON fk_decision (person_id, valid_from);

CREATE TABLE rate_application (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  month TEXT NOT NULL,
  rate_ore INTEGER NOT NULL CHECK (rate_ore > 0),
  reason TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('applied', 'approved', 'refused')),
  decided_by INTEGER REFERENCES app_user (id),
  decided_at TEXT,
  decision_note TEXT NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX rate_application_month ON rate_application (decision_id, month);

CREATE TABLE expense_receipt (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  month TEXT NOT NULL,
  amount_ore INTEGER NOT NULL CHECK (amount_ore > 0),
  note TEXT NOT NULL DEFAULT '',
  approved_by INTEGER REFERENCES app_user (id),
  approved_at TEXT,
  created_by INTEGER REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX expense_receipt_month ON expense_receipt (decision_id, month);

CREATE TABLE settlement_month (
  month TEXT PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('draft', 'attested', 'exported')),
  schablon_ore INTEGER NOT NULL,
  run_by INTEGER NOT NULL DEFAULT 0,
  run_at TEXT NOT NULL,
  attested_by INTEGER REFERENCES app_user (id),
  attested_at TEXT,
  exported_at TEXT
);

CREATE TABLE settlement_line (
  id INTEGER PRIMARY KEY,
  month TEXT NOT NULL REFERENCES settlement_month (month),
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  person_id INTEGER NOT NULL REFERENCES person (id),
  provider_id INTEGER REFERENCES provider (id),
  granted_minutes INTEGER NOT NULL,
  reported_minutes INTEGER NOT NULL,
  paid_minutes INTEGER NOT NULL,
  municipal_minutes INTEGER NOT NULL,
  fk_minutes INTEGER NOT NULL,
  rate_ore INTEGER NOT NULL,
  hours_ore INTEGER NOT NULL,
  expense_ore INTEGER NOT NULL,
  total_ore INTEGER NOT NULL,
  payable INTEGER NOT NULL,
  reasons TEXT NOT NULL DEFAULT '', -- why not payable (one per line, each with its rule)
  flags TEXT NOT NULL DEFAULT ''    -- reconciliation notes (gaps, hospital stays)
);
CREATE UNIQUE INDEX settlement_line_once ON settlement_line (month, decision_id);

CREATE TABLE hab_attendance (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  day TEXT NOT NULL,
  attendance TEXT NOT NULL CHECK (attendance IN ('full_day', 'half_day', 'leave', 'sick',
                                                 'studies', 'absent')),
  created_by INTEGER REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX hab_attendance_day ON hab_attendance (decision_id, day);

CREATE TABLE hab_line (
  id INTEGER PRIMARY KEY,
  month TEXT NOT NULL,              -- the attendance month; paid in the following month
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  person_id INTEGER NOT NULL REFERENCES person (id),
  full_days INTEGER NOT NULL,
  half_days INTEGER NOT NULL,
  unpaid_days INTEGER NOT NULL,
  amount_ore INTEGER NOT NULL,
  pay_on TEXT NOT NULL,
  run_by INTEGER NOT NULL DEFAULT 0,
  run_at TEXT NOT NULL
);
CREATE UNIQUE INDEX hab_line_once ON hab_line (month, decision_id);
