-- Web sessions: the token is random and only its SHA-256 is stored, so a copy of the database
-- does not give anyone a session. Idle and absolute timeouts are checked by the service.
CREATE TABLE session (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES app_user (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ended_at TEXT
);
CREATE INDEX session_user ON session (user_id);
