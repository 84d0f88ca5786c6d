/** PostgreSQL migrations, numbered like the SQLite ones and kept in step with them. */
export const migrations: { id: number; name: string; sql: string }[] = [
  {
    id: 1,
    name: 'signatures',
    sql: `
CREATE TABLE supporters (
  id UUID PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  postcode TEXT,
  referral_code TEXT NOT NULL UNIQUE,
  referred_by UUID REFERENCES supporters(id),
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE actions (
  id UUID PRIMARY KEY,
  campaign TEXT NOT NULL,
  kind TEXT NOT NULL,
  supporter_id UUID NOT NULL REFERENCES supporters(id),
  comment TEXT,
  referrer_id UUID REFERENCES supporters(id),
  source TEXT,
  origin TEXT,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX actions_one_signature ON actions (campaign, supporter_id) WHERE kind = 'signature';
CREATE INDEX actions_supporter ON actions (supporter_id);
CREATE TABLE consents (
  action_id UUID PRIMARY KEY REFERENCES actions(id),
  contact BOOLEAN NOT NULL,
  text_version TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  origin TEXT,
  created_at TIMESTAMPTZ NOT NULL
);
-- Sharded: concurrent transactions increment different rows instead of queueing on one (SUM reads them).
CREATE TABLE counts (
  campaign TEXT NOT NULL,
  kind TEXT NOT NULL,
  shard SMALLINT NOT NULL,
  count BIGINT NOT NULL,
  PRIMARY KEY (campaign, kind, shard)
);
CREATE TABLE idempotency (
  campaign TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  body JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (campaign, key)
);
CREATE TABLE outbox (
  id UUID PRIMARY KEY,
  type TEXT NOT NULL,
  campaign TEXT NOT NULL,
  payload JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ,
  delivered_at TIMESTAMPTZ,
  last_error TEXT
);
CREATE INDEX outbox_pending ON outbox (created_at) WHERE delivered_at IS NULL;
`,
  },
];
