-- Findings of core's deadline rules that are not deadlines (a personal-assistance decision
-- without a review date, R-033; a decision made before the communication's reply time ran out,
-- R-030; a missing school end date, R-084): replaced with the case's deadlines on every write.
CREATE TABLE case_problem (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES lss_case (id),
  case_insats_id INTEGER NOT NULL REFERENCES case_insats (id),
  rule TEXT NOT NULL,
  field TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX case_problem_case ON case_problem (case_id);
