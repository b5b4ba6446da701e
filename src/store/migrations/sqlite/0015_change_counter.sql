-- A counter every committed change of data moves (store_commit): the server shows a page again
-- from memory only while it has not moved. Appending the audit events of reads and moving a
-- session's last-seen time do not move it (they change nothing a page shows).
CREATE TABLE change_counter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n INTEGER NOT NULL
);
INSERT INTO change_counter (id, n) VALUES (1, 0);
