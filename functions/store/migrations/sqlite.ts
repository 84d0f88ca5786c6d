/**
 * SQLite migrations, numbered. Never edit a released one: add the next number.
 * Times are ISO-8601 UTC text; ids are UUIDs.
 */
export const migrations: { id: number; name: string; sql: string }[] = [
  {
    id: 1,
    name: 'signatures',
    sql: `
CREATE TABLE supporters (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,            -- normalized: trimmed, lower-case
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  postcode TEXT,
  referral_code TEXT NOT NULL UNIQUE,
  referred_by TEXT REFERENCES supporters(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE actions (
  id TEXT PRIMARY KEY,
  campaign TEXT NOT NULL,
  kind TEXT NOT NULL,                    -- signature | response | rsvp | call
  supporter_id TEXT NOT NULL REFERENCES supporters(id),
  comment TEXT,
  referrer_id TEXT REFERENCES supporters(id),
  source TEXT,
  origin TEXT,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX actions_one_signature ON actions (campaign, supporter_id) WHERE kind = 'signature';
CREATE INDEX actions_supporter ON actions (supporter_id);
CREATE TABLE consents (
  action_id TEXT PRIMARY KEY REFERENCES actions(id),
  contact INTEGER NOT NULL,
  text_version TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  origin TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE counts (
  campaign TEXT NOT NULL,
  kind TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (campaign, kind)
);
CREATE TABLE idempotency (
  campaign TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (campaign, key)
);
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  campaign TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  delivered_at TEXT,
  last_error TEXT
);
CREATE INDEX outbox_pending ON outbox (created_at) WHERE delivered_at IS NULL;
`,
  },
];
