-- Sick-pay invoices (sjuklönefakturor, R-074): a provider's invoice for the extra cost when an
-- ordinary assistant is sick, recorded one by one or imported from CSV, scored by core/risk.c
-- (computed on demand, never stored, so a score always reflects today's facts) and worked by
-- finance: each action (approved, questioned, reported to IVO) is a row; nothing is denied
-- automatically. Hours are hundredths of an hour (centihours), money integer öre.
CREATE TABLE sick_pay_invoice (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES provider (id),
  person_id INTEGER NOT NULL REFERENCES person (id),
  assistant_id INTEGER REFERENCES assistant (id), -- resolved from the name when known
  assistant_name TEXT NOT NULL DEFAULT '',
  assistant_key TEXT NOT NULL DEFAULT '',          -- folded name: the same assistant across persons
  invoice_no TEXT NOT NULL,
  invoice_date TEXT NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  sick_from TEXT NOT NULL,
  sick_to TEXT NOT NULL,
  sick_days INTEGER NOT NULL CHECK (sick_days >= 0),
  sick_ch INTEGER NOT NULL CHECK (sick_ch >= 0),
  invoiced_ch INTEGER NOT NULL CHECK (invoiced_ch >= 0),
  amount_ore INTEGER NOT NULL CHECK (amount_ore >= 0),
  status TEXT NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'approved', 'questioned', 'reported_ivo')),
  created_by INTEGER REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0,
  CHECK (period_to >= period_from AND sick_to >= sick_from)
);
CREATE INDEX sick_pay_invoice_provider ON sick_pay_invoice (provider_id, invoice_no);
CREATE INDEX sick_pay_invoice_person ON sick_pay_invoice (person_id);
CREATE INDEX sick_pay_invoice_assistant ON sick_pay_invoice (provider_id, assistant_key);

CREATE TABLE sick_pay_action (
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES sick_pay_invoice (id),
  action TEXT NOT NULL CHECK (action IN ('approved', 'questioned', 'reported_ivo')),
  note TEXT NOT NULL DEFAULT '',
  acted_on TEXT NOT NULL,
  created_by INTEGER REFERENCES app_user (id),
  created_at TEXT NOT NULL
);
CREATE INDEX sick_pay_action_invoice ON sick_pay_action (invoice_id, id);
