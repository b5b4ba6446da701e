-- The case page reads a case's deadlines by due date and its latest personkrets and assistance
-- assessments (ORDER BY … DESC LIMIT 1). With indexes on case_id alone SQLite sorted the rows
-- with all their columns in a temporary b-tree on every page view (the deadlines alone were a
-- sixth of the page's instructions); indexes that also hold the date give the rows in order.
-- Each serves every lookup the one it replaces did (case_id first).
DROP INDEX deadline_case;
CREATE INDEX deadline_case ON deadline (case_id, due);
DROP INDEX personkrets_case;
CREATE INDEX personkrets_case ON personkrets_assessment (case_id, assessed_on);
DROP INDEX assistance_case;
CREATE INDEX assistance_case ON assistance_assessment (case_id, assessed_on);
