-- Closing the gaps between the parts of issue 5 (payments, personal assistance, sick pay).
--
-- Försäkringskassan's notice tasks (R-110–R-112) are computed for one person after each command
-- that can make one due, and a person's notices are read by person: both look fk_notice up by
-- person_id, which had no index (every lookup read the whole table).
CREATE INDEX fk_notice_person ON fk_notice (person_id, form);

-- R-074: an approved sick-pay invoice is paid through the monthly settlement, as a line of its
-- own beside the decisions' lines; rerunning a draft month replaces them like the others. The
-- invoice is marked paid with the month whose export paid it, and is then in no later month.
ALTER TABLE sick_pay_invoice ADD COLUMN paid_month TEXT;
CREATE INDEX sick_pay_invoice_to_pay ON sick_pay_invoice (status) WHERE paid_month IS NULL;

CREATE TABLE settlement_invoice_line (
  id INTEGER PRIMARY KEY,
  month TEXT NOT NULL REFERENCES settlement_month (month),
  invoice_id INTEGER NOT NULL REFERENCES sick_pay_invoice (id),
  provider_id INTEGER NOT NULL REFERENCES provider (id),
  person_id INTEGER NOT NULL REFERENCES person (id),
  amount_ore INTEGER NOT NULL CHECK (amount_ore >= 0),
  payable INTEGER NOT NULL,
  reasons TEXT NOT NULL DEFAULT ''  -- why not payable (R-071), newline-separated
);
CREATE UNIQUE INDEX settlement_invoice_line_once ON settlement_invoice_line (month, invoice_id);
CREATE INDEX settlement_invoice_line_invoice ON settlement_invoice_line (invoice_id, month);

-- R-087: the habiliteringsersättning month is attested by finance (then locked: no rerun and no
-- attendance change for it) and exported to the finance system like the settlement.
CREATE TABLE hab_month (
  month TEXT PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('draft', 'attested', 'exported')),
  run_by INTEGER REFERENCES app_user (id),
  run_at TEXT NOT NULL,
  attested_by INTEGER REFERENCES app_user (id),
  attested_at TEXT,
  exported_at TEXT
);
-- A unit manager's run and grid read the unit's own participants through decision's unit.
CREATE INDEX decision_executing_unit ON decision (executing_unit_id, insats);

-- R-073: finance may approve paying one settlement line's hours reported beyond the grant (an
-- exception, with its reason, for one decision and month); the run then pays what was reported.
CREATE TABLE pay_over_grant (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  month TEXT NOT NULL,
  reason TEXT NOT NULL,
  approved_by INTEGER REFERENCES app_user (id),
  approved_at TEXT NOT NULL
);
CREATE UNIQUE INDEX pay_over_grant_once ON pay_over_grant (decision_id, month);
