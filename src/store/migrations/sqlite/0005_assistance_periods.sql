-- Facts that several parts of personal assistance read (issue 5): the periods when a person
-- needs no personal assistance because they are elsewhere (R-065: hospital, korttidsvistelse,
-- other municipal activities; trips, R-072), and the hours a provider reports per decision and
-- month, per assistant when given (the time reports of R-070, the basis of R-073's settlement).
-- Owners: person_stay is recorded by the personal-assistance rules (svc_stay), time_report by
-- the payments side; the sick-pay follow-up (R-074) and the settlement read both.
CREATE TABLE person_stay (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (id),
  kind TEXT NOT NULL CHECK (kind IN ('hospital', 'short_stay', 'other_activity', 'travel')),
  from_on TEXT NOT NULL,
  to_on TEXT,                       -- NULL while it lasts
  note TEXT NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0,
  CHECK (to_on IS NULL OR to_on >= from_on)
);
CREATE INDEX person_stay_person ON person_stay (person_id, from_on);

CREATE TABLE time_report (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  provider_id INTEGER NOT NULL REFERENCES provider (id),
  month TEXT NOT NULL,              -- YYYY-MM
  assistant_id INTEGER REFERENCES assistant (id),  -- NULL: the provider's total for the month
  minutes INTEGER NOT NULL CHECK (minutes >= 0),
  received_on TEXT NOT NULL,
  created_by INTEGER REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX time_report_line ON time_report (decision_id, month, ifnull(assistant_id, 0));
CREATE INDEX time_report_assistant ON time_report (assistant_id, month);
CREATE INDEX time_report_provider ON time_report (provider_id, month);
