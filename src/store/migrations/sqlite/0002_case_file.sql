-- The case file: organisation, persons, cases and every step of their life (issue 3).
-- Dates are YYYY-MM-DD text, timestamps UTC YYYY-MM-DDTHH:MM:SSZ, money integer öre; names
-- collate with "sv" (ICU, registered by driver_sqlite.c). is_demo marks generated demo data.
-- Organisation and users
CREATE TABLE unit (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE sv,
  kind TEXT NOT NULL CHECK (kind IN ('authority', 'executing', 'finance', 'administration')),
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE app_user (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL COLLATE sv,
  title TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('officer', 'unit_manager', 'finance', 'auditor', 'admin')),
  unit_id INTEGER REFERENCES unit (id),
  password_hash TEXT NOT NULL DEFAULT '',
  disabled INTEGER NOT NULL DEFAULT 0,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0
);
-- Policy parameters, effective-dated: a value holds from valid_from until the next row.
CREATE TABLE setting (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  value INTEGER NOT NULL,
  valid_from TEXT NOT NULL,
  set_by INTEGER NOT NULL DEFAULT 0,
  set_at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  UNIQUE (name, valid_from)
);
-- Persons and those who act for them
CREATE TABLE household (
  id INTEGER PRIMARY KEY,
  address TEXT NOT NULL DEFAULT ''
);
CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  pnr TEXT NOT NULL UNIQUE,
  pnr_kind TEXT NOT NULL CHECK (pnr_kind IN ('personnummer', 'samordningsnummer')),
  birth_date TEXT,
  sex TEXT NOT NULL CHECK (sex IN ('F', 'M')),
  given_name TEXT NOT NULL COLLATE sv,
  family_name TEXT NOT NULL COLLATE sv,
  search_name TEXT NOT NULL DEFAULT '',
  protected_identity INTEGER NOT NULL DEFAULT 0,
  household_id INTEGER REFERENCES household (id),
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX person_name ON person (family_name, given_name);
CREATE INDEX person_search ON person (search_name);
CREATE TABLE representative (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (id),
  kind TEXT NOT NULL CHECK (kind IN ('guardian', 'god_man', 'forvaltare', 'ombud', 'framtidsfullmakt')),
  name TEXT NOT NULL COLLATE sv,
  pnr TEXT,
  contact TEXT NOT NULL DEFAULT '',
  scope TEXT NOT NULL DEFAULT '',
  written_authority INTEGER NOT NULL DEFAULT 0,
  document_seen_on TEXT,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX representative_person ON representative (person_id);
CREATE TABLE consent (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (id),
  purpose TEXT NOT NULL,
  authorities TEXT NOT NULL DEFAULT '',
  relatives_may_be_contacted INTEGER NOT NULL DEFAULT 0,
  relatives_when TEXT NOT NULL DEFAULT '',
  experts TEXT NOT NULL DEFAULT '',
  given_on TEXT NOT NULL,
  valid_until TEXT,
  given_by TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX consent_person ON consent (person_id);
-- Cases
CREATE TABLE lss_case (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (id),
  kind TEXT NOT NULL CHECK (kind IN ('application', 'review', 'forhandsbesked')),
  received_on TEXT NOT NULL,
  received_how TEXT NOT NULL CHECK (received_how IN ('written', 'oral', 'digital')),
  state TEXT NOT NULL,
  officer_id INTEGER REFERENCES app_user (id),
  unit_id INTEGER REFERENCES unit (id),
  communication_exception TEXT NOT NULL DEFAULT '',
  delay_notified_on TEXT,
  written_request_on TEXT,
  request_rejected_on TEXT,
  forhandsbesked_available_from TEXT,
  closed_on TEXT,
  closure_reason TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX lss_case_person ON lss_case (person_id);
CREATE INDEX lss_case_officer ON lss_case (officer_id, state);
CREATE TABLE applicant (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES lss_case (id),
  role TEXT NOT NULL CHECK (role IN ('person', 'guardian', 'god_man', 'forvaltare', 'ombud', 'framtidsfullmakt')),
  name TEXT NOT NULL DEFAULT '',
  representative_id INTEGER REFERENCES representative (id)
);
CREATE TABLE case_insats (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES lss_case (id),
  insats TEXT NOT NULL,
  requested_scope TEXT NOT NULL DEFAULT '',
  is_increase INTEGER NOT NULL DEFAULT 0,
  specific_unit_requested TEXT NOT NULL DEFAULT '',
  spring_term_ends_on TEXT,
  upper_secondary_ends_on TEXT,
  UNIQUE (case_id, insats)
);
-- Investigation
CREATE TABLE evidence (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES lss_case (id),
  kind TEXT NOT NULL CHECK (kind IN ('doctor', 'adl', 'psychologist', 'occupational_therapist',
    'physiotherapist', 'egenvard', 'police_register', 'fk_register', 'kronofogden_register', 'other')),
  issuer TEXT NOT NULL DEFAULT '',
  issued_on TEXT,
  received_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('received', 'accepted', 'questioned', 'second_opinion_ordered',
    'second_opinion_received')),
  question_reason TEXT NOT NULL DEFAULT '',
  cost_ore INTEGER NOT NULL DEFAULT 0,
  cost_approved_by INTEGER REFERENCES app_user (id),
  cost_approved_on TEXT,
  second_opinion_of INTEGER REFERENCES evidence (id),
  created_at TEXT NOT NULL
);
CREATE INDEX evidence_case ON evidence (case_id);
CREATE TABLE personkrets_assessment (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES lss_case (id),
  grp INTEGER NOT NULL CHECK (grp BETWEEN 0 AND 3),
  facts_json TEXT NOT NULL,
  doctor_evidence_id INTEGER REFERENCES evidence (id),
  assessed_on TEXT NOT NULL,
  assessed_by INTEGER NOT NULL REFERENCES app_user (id),
  created_at TEXT NOT NULL
);
CREATE TABLE assistance_assessment (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES lss_case (id),
  assessed_on TEXT NOT NULL,
  input_json TEXT NOT NULL,
  basic_ticks INTEGER NOT NULL,
  other_ticks INTEGER NOT NULL,
  fk_notice_required INTEGER NOT NULL,
  assessed_by INTEGER NOT NULL REFERENCES app_user (id),
  created_at TEXT NOT NULL
);
CREATE TABLE communication (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES lss_case (id),
  sent_on TEXT NOT NULL,
  how TEXT NOT NULL CHECK (how IN ('letter', 'digital', 'meeting', 'phone')),
  what TEXT NOT NULL,
  reply_by TEXT NOT NULL,
  oral_offered INTEGER NOT NULL DEFAULT 1,
  reply_received_on TEXT,
  created_by INTEGER NOT NULL REFERENCES app_user (id),
  created_at TEXT NOT NULL
);
-- Decisions and what follows them
CREATE TABLE decision (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES lss_case (id),
  case_insats_id INTEGER NOT NULL REFERENCES case_insats (id),
  insats TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('granted', 'partly_granted', 'rejected', 'dismissed')),
  applied_for TEXT NOT NULL,
  decided_text TEXT NOT NULL,
  scope_amount INTEGER,
  scope_unit TEXT NOT NULL DEFAULT '',
  personkrets INTEGER,
  valid_from TEXT,
  valid_to TEXT,
  time_limited INTEGER NOT NULL DEFAULT 0,
  review_date TEXT,
  revocation_clause TEXT NOT NULL DEFAULT '',
  grounds TEXT NOT NULL,
  goals TEXT NOT NULL DEFAULT '',
  decided_on TEXT NOT NULL,
  decided_by_name TEXT NOT NULL,
  decided_by_title TEXT NOT NULL,
  appeal_instructions INTEGER NOT NULL,
  notified_on TEXT,
  executing_unit_id INTEGER REFERENCES unit (id),
  created_by INTEGER NOT NULL REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX decision_case ON decision (case_id);
CREATE TABLE revocation (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL UNIQUE REFERENCES decision (id),
  revoked_on TEXT NOT NULL,
  ground TEXT NOT NULL CHECK (ground IN ('safety', 'incorrect_information', 'revocation_clause')),
  reasons TEXT NOT NULL,
  decided_by_name TEXT NOT NULL,
  decided_by_title TEXT NOT NULL,
  appeal_instructions INTEGER NOT NULL,
  notified_on TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE appeal (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  received_on TEXT NOT NULL,
  timely INTEGER NOT NULL,
  late_excused INTEGER NOT NULL DEFAULT 0,
  reconsidered_on TEXT,
  changed_decision_id INTEGER REFERENCES decision (id),
  forwarded_on TEXT,
  court TEXT NOT NULL DEFAULT '',
  court_outcome TEXT CHECK (court_outcome IN ('upheld', 'changed', 'returned', 'dismissed')),
  court_decided_on TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE provider (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE sv,
  orgnr TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('municipal', 'company', 'cooperative', 'self_employed')),
  unit_id INTEGER REFERENCES unit (id),
  ivo_permit_no TEXT NOT NULL DEFAULT '',
  permit_from TEXT,
  permit_to TEXT,
  fskatt_checked_on TEXT,
  started_on TEXT,
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE service_order (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL UNIQUE REFERENCES decision (id),
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  provider_id INTEGER REFERENCES provider (id),
  sent_on TEXT NOT NULL,
  goals TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  received_by INTEGER REFERENCES app_user (id),
  received_on TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE execution (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL UNIQUE REFERENCES decision (id),
  contact_on TEXT,
  executed_on TEXT,
  ended_on TEXT,
  end_reason TEXT NOT NULL DEFAULT '',
  end_consent INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE TABLE interruption (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  interrupted_on TEXT NOT NULL,
  reason TEXT NOT NULL,
  resumed_on TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE offer (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  offered_on TEXT NOT NULL,
  what TEXT NOT NULL,
  refused_on TEXT,
  refusal_reason TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE TABLE implementation_plan (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  drawn_up_on TEXT NOT NULL,
  participation TEXT NOT NULL,
  cooperation TEXT NOT NULL DEFAULT '',
  owner TEXT NOT NULL CHECK (owner IN ('unit', 'provider')),
  created_by INTEGER NOT NULL REFERENCES app_user (id),
  created_at TEXT NOT NULL
);
CREATE TABLE plan_goal (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES implementation_plan (id),
  decision_goal TEXT NOT NULL,
  goal TEXT NOT NULL
);
CREATE TABLE plan_activity (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES implementation_plan (id),
  goal_id INTEGER REFERENCES plan_goal (id),
  what TEXT NOT NULL,
  who TEXT NOT NULL,
  when_text TEXT NOT NULL,
  how TEXT NOT NULL
);
CREATE TABLE follow_up (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  plan_id INTEGER REFERENCES implementation_plan (id),
  done_on TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('yearly', 'changed_needs', 'complaint', 'signal', 'before_expiry', 'refusals')),
  summary TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES app_user (id),
  created_at TEXT NOT NULL
);
CREATE TABLE follow_up_goal (
  follow_up_id INTEGER NOT NULL REFERENCES follow_up (id),
  goal_id INTEGER NOT NULL REFERENCES plan_goal (id),
  outcome TEXT NOT NULL CHECK (outcome IN ('achieved', 'partly', 'not_achieved', 'changed')),
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (follow_up_id, goal_id)
);
CREATE TABLE review (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  reviewed_on TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('unchanged', 'new_case')),
  new_case_id INTEGER REFERENCES lss_case (id),
  note TEXT NOT NULL DEFAULT '',
  created_by INTEGER NOT NULL REFERENCES app_user (id),
  created_at TEXT NOT NULL
);
CREATE TABLE individual_plan (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (id),
  decision_id INTEGER REFERENCES decision (id),
  offered_on TEXT NOT NULL,
  accepted INTEGER,
  drawn_up_on TEXT,
  reviewed_on TEXT,
  sip_needed INTEGER NOT NULL DEFAULT 0,
  sip_note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE TABLE assistant (
  id INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES provider (id),
  person_id INTEGER NOT NULL REFERENCES person (id),
  name TEXT NOT NULL COLLATE sv,
  role TEXT NOT NULL CHECK (role IN ('assistant', 'companion', 'contact_person', 'relief_worker', 'support_family')),
  is_relative INTEGER NOT NULL DEFAULT 0,
  employed_from TEXT NOT NULL,
  employed_to TEXT,
  police_extract_on TEXT,
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX assistant_person ON assistant (person_id);
CREATE INDEX provider_orgnr ON provider (orgnr);
-- The journal: signed entries never change; a correction is a new entry pointing back.
CREATE TABLE journal_entry (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (id),
  case_id INTEGER REFERENCES lss_case (id),
  entry_date TEXT NOT NULL,
  author_id INTEGER NOT NULL REFERENCES app_user (id),
  source TEXT NOT NULL,
  text TEXT NOT NULL,
  signed_at TEXT,
  corrects_id INTEGER REFERENCES journal_entry (id),
  created_at TEXT NOT NULL
);
CREATE INDEX journal_person ON journal_entry (person_id, entry_date);
CREATE TRIGGER journal_signed_is_final BEFORE UPDATE ON journal_entry
  WHEN OLD.signed_at IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'a signed journal entry cannot be changed'); END;
CREATE TRIGGER journal_signed_no_delete BEFORE DELETE ON journal_entry
  WHEN OLD.signed_at IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'a signed journal entry cannot be deleted'); END;
-- Deadlines, materialised from core's rules on every write that changes their inputs.
CREATE TABLE deadline (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (id),
  case_id INTEGER NOT NULL REFERENCES lss_case (id),
  case_insats_id INTEGER NOT NULL REFERENCES case_insats (id),
  decision_id INTEGER REFERENCES decision (id),
  insats TEXT NOT NULL,
  kind TEXT NOT NULL,
  rule TEXT NOT NULL,
  due TEXT NOT NULL,
  warn_from TEXT,
  statutory INTEGER NOT NULL DEFAULT 0,
  explanation TEXT NOT NULL,
  inputs TEXT NOT NULL DEFAULT '',
  nature TEXT NOT NULL CHECK (nature IN ('duty', 'period_end')),
  seq INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL CHECK (state IN ('open', 'due_soon', 'overdue', 'met', 'missed', 'expired')),
  met_on TEXT,
  assignee_id INTEGER REFERENCES app_user (id),
  unit_id INTEGER REFERENCES unit (id),
  updated_on TEXT NOT NULL
);
-- Work lists read only open duties: partial indexes keep them small however many met rows pile up.
CREATE INDEX deadline_due ON deadline (due) WHERE state IN ('open', 'due_soon', 'overdue');
CREATE INDEX deadline_assignee ON deadline (assignee_id, due)
  WHERE nature = 'duty' AND state IN ('open', 'due_soon', 'overdue');
CREATE INDEX deadline_unit ON deadline (unit_id, due)
  WHERE nature = 'duty' AND state IN ('open', 'due_soon', 'overdue');
CREATE INDEX deadline_case ON deadline (case_id);
-- Break-glass access (R-133): time-limited, with a reason, always audited too.
CREATE TABLE break_glass (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user (id),
  person_id INTEGER NOT NULL REFERENCES person (id),
  reason TEXT NOT NULL,
  granted_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX break_glass_user ON break_glass (user_id, person_id, expires_at);
-- Every child table is read by its parent's id: an index each, so a case's facts are a handful
-- of index lookups however large the database grows.
CREATE INDEX applicant_case ON applicant (case_id);
CREATE INDEX personkrets_case ON personkrets_assessment (case_id);
CREATE INDEX assistance_case ON assistance_assessment (case_id);
CREATE INDEX communication_case ON communication (case_id, sent_on);
CREATE INDEX decision_case_insats ON decision (case_insats_id, decided_on);
CREATE INDEX appeal_decision ON appeal (decision_id);
CREATE INDEX interruption_decision ON interruption (decision_id, interrupted_on);
CREATE INDEX offer_decision ON offer (decision_id, offered_on);
CREATE INDEX plan_decision ON implementation_plan (decision_id, drawn_up_on);
CREATE INDEX plan_goal_plan ON plan_goal (plan_id);
CREATE INDEX plan_activity_plan ON plan_activity (plan_id);
CREATE INDEX follow_up_decision ON follow_up (decision_id, done_on);
CREATE INDEX review_decision ON review (decision_id, reviewed_on);
CREATE INDEX individual_plan_decision ON individual_plan (decision_id);
CREATE INDEX individual_plan_person ON individual_plan (person_id);
CREATE INDEX journal_case ON journal_entry (case_id);
CREATE INDEX assistant_provider ON assistant (provider_id);
