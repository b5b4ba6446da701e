-- Personal assistance in operation and commissioned staff (issue 5, items 1–3).
-- A trip (person_stay kind travel) is notified ahead (R-072): when, and whether a shorter notice
-- was accepted (and why).
ALTER TABLE person_stay ADD COLUMN notified_on TEXT;
ALTER TABLE person_stay ADD COLUMN short_notice_note TEXT NOT NULL DEFAULT '';

-- R-088: register extracts shown for a commission (police register; for a support family also
-- Försäkringskassan and Kronofogden), per adult: the staff member, or another adult in the home.
CREATE TABLE staff_extract (
  id INTEGER PRIMARY KEY,
  assistant_id INTEGER NOT NULL REFERENCES assistant (id),
  register TEXT NOT NULL CHECK (register IN ('police', 'fk', 'kronofogden')),
  adult_name TEXT NOT NULL COLLATE sv,
  issued_on TEXT NOT NULL,
  seen_on TEXT NOT NULL,
  created_by INTEGER REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX staff_extract_assistant ON staff_extract (assistant_id, register);

-- R-070: follow-up visits to an assistant's work (relatives like everyone else).
CREATE TABLE staff_visit (
  id INTEGER PRIMARY KEY,
  assistant_id INTEGER NOT NULL REFERENCES assistant (id),
  visited_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX staff_visit_assistant ON staff_visit (assistant_id, visited_on);

-- R-072: notices from the person when the municipality is provider. A notice given late is
-- recorded only with the unit's note accepting the shorter notice.
CREATE TABLE pa_notice (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  kind TEXT NOT NULL CHECK (kind IN ('change', 'pause', 'assistant_change', 'termination')),
  notified_on TEXT NOT NULL,
  effective_on TEXT NOT NULL,
  in_writing INTEGER NOT NULL DEFAULT 0,
  what TEXT NOT NULL DEFAULT '',
  short_notice_note TEXT NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX pa_notice_decision ON pa_notice (decision_id, effective_on);

-- R-068: temporary increases of personal assistance, decided by the municipality whoever pays
-- the basic decision; never after the age limit (R-067).
CREATE TABLE pa_increase (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  from_on TEXT NOT NULL,
  to_on TEXT NOT NULL,
  minutes_per_week INTEGER NOT NULL CHECK (minutes_per_week > 0),
  reason TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  created_by INTEGER REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0,
  CHECK (to_on >= from_on)
);
CREATE INDEX pa_increase_decision ON pa_increase (decision_id, from_on);

-- R-071: a doubt about a provider's suitability, its grounds, the draft report to IVO and when
-- it was sent.
CREATE TABLE ivo_report (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES provider (id),
  noted_on TEXT NOT NULL,
  grounds TEXT NOT NULL,
  sent_on TEXT,
  sent_ref TEXT NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ivo_report_provider ON ivo_report (provider_id);

-- R-085: an external purchase of housing — always time-limited, 1–3 months' notice (policy), and
-- the seller's IVO permit.
CREATE TABLE housing_purchase (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  provider_id INTEGER NOT NULL REFERENCES provider (id),
  agreed_on TEXT NOT NULL,
  from_on TEXT NOT NULL,
  to_on TEXT NOT NULL,
  notice_months INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0,
  CHECK (to_on >= from_on)
);
CREATE INDEX housing_purchase_decision ON housing_purchase (decision_id, from_on);
