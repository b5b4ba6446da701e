-- A temporary increase (R-068) is a decision: what was applied for beside what was granted, so a
-- partly granted one carries appeal instructions (R-031), and who decided, by name and title, as
-- the decision recorded it (R-130).
ALTER TABLE pa_increase ADD COLUMN requested_minutes_per_week INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pa_increase ADD COLUMN requested_to_on TEXT;
ALTER TABLE pa_increase ADD COLUMN decided_by_name TEXT NOT NULL DEFAULT '';
ALTER TABLE pa_increase ADD COLUMN decided_by_title TEXT NOT NULL DEFAULT '';
