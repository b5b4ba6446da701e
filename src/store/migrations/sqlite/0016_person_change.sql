-- The change counter split by whose records changed (store_commit): a change whose audit events
-- all name persons moves those persons' counters; any other change (units, users, settings,
-- providers, a batch over many persons, an edit that logged nothing) moves shared_n. n still
-- moves with every change. A person's case page is shown again from memory while shared_n and
-- the person's own counter stand still, whatever happens to other persons.
ALTER TABLE change_counter ADD COLUMN shared_n INTEGER NOT NULL DEFAULT 0;
CREATE TABLE person_change (
  person_id INTEGER PRIMARY KEY,
  n INTEGER NOT NULL
);
