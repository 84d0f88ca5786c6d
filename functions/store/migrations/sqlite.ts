/**
 * SQLite migrations, numbered. Never edit a released one: add the next number.
 * Times are ISO-8601 UTC text; ids are UUIDs as text; booleans 0/1; JSON as text.
 */
import { createHash } from 'node:crypto';

/** A migration's SQL, then what SQL cannot do here (SQLite has no SHA-256), in the same transaction. */
export interface Migration {
  id: number;
  name: string;
  sql: string;
  after?: (db: { all(sql: string): Record<string, unknown>[]; run(sql: string, ...params: string[]): void }) => void;
}

export const migrations: Migration[] = [
  {
    id: 1,
    name: 'actions',
    sql: `
CREATE TABLE supporters (
  id TEXT PRIMARY KEY,
  email TEXT UNIQUE,                     -- normalized: trimmed, lower-case
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  postcode TEXT,
  phone TEXT,                            -- E.164
  referral_code TEXT NOT NULL UNIQUE,
  rung TEXT NOT NULL DEFAULT 'contact',  -- contact | supporter | participant | volunteer | leader
  rung_override TEXT,                    -- set by an organizer; wins over what the actions say
  referred_by TEXT REFERENCES supporters(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX supporters_referred_by ON supporters (referred_by);
-- Every change of rung, for movement over time.
CREATE TABLE supporter_rungs (
  supporter_id TEXT NOT NULL REFERENCES supporters(id),
  rung TEXT NOT NULL,
  previous TEXT,
  at TEXT NOT NULL
);
CREATE INDEX supporter_rungs_at ON supporter_rungs (at);
CREATE TABLE supporter_tags (
  supporter_id TEXT NOT NULL REFERENCES supporters(id),
  tag TEXT NOT NULL,
  source TEXT NOT NULL,                  -- the campaign, or "organizer"
  created_at TEXT NOT NULL,
  PRIMARY KEY (supporter_id, tag)
);
CREATE TABLE actions (
  id TEXT PRIMARY KEY,
  campaign TEXT NOT NULL,
  kind TEXT NOT NULL,                    -- signature | response | rsvp | call
  supporter_id TEXT REFERENCES supporters(id),   -- null: anonymous
  comment TEXT,
  details TEXT,                          -- answers, a call's target and outcome
  referrer_id TEXT REFERENCES supporters(id),
  source TEXT,
  origin TEXT,
  created_at TEXT NOT NULL
);
-- One signature and one survey response per person and campaign; anonymous ones (null) are all distinct.
CREATE UNIQUE INDEX actions_once ON actions (campaign, supporter_id, kind) WHERE kind IN ('signature', 'response');
CREATE INDEX actions_supporter ON actions (supporter_id);
CREATE TABLE consents (
  action_id TEXT PRIMARY KEY REFERENCES actions(id),
  contact INTEGER NOT NULL,
  sms INTEGER NOT NULL,
  text_version TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  origin TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE rsvps (
  action_id TEXT PRIMARY KEY REFERENCES actions(id),
  campaign TEXT NOT NULL,
  supporter_id TEXT NOT NULL REFERENCES supporters(id),
  status TEXT NOT NULL,                  -- confirmed | waitlisted | cancelled
  guests INTEGER NOT NULL,
  shift TEXT NOT NULL,                   -- '' when the event has no shifts
  token TEXT NOT NULL UNIQUE,            -- the secret of the manage link
  attended_at TEXT,                      -- checked in (self, by the host, or a walk-in)
  created_at TEXT NOT NULL,              -- the place in the waitlist
  updated_at TEXT NOT NULL,
  UNIQUE (campaign, supporter_id)
);
-- The messages sent about an RSVP (day_before, day_of, after), each once.
CREATE TABLE rsvp_reminders (
  rsvp_id TEXT NOT NULL REFERENCES rsvps(action_id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (rsvp_id, kind)
);
-- Counters per campaign and kind (signature, response, call, call:<outcome>). PostgreSQL spreads each over
-- shards so that concurrent transactions do not queue on one row; SQLite uses shard 0.
CREATE TABLE counts (
  campaign TEXT NOT NULL,
  kind TEXT NOT NULL,
  shard SMALLINT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (campaign, kind, shard)
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
  seq INTEGER PRIMARY KEY AUTOINCREMENT, -- the order events were written in
  id TEXT NOT NULL UNIQUE,               -- the event's stable id: receivers de-duplicate on it
  type TEXT NOT NULL,
  campaign TEXT NOT NULL,
  supporter_id TEXT,                     -- whose data the payload holds, for erasure
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  erased_at TEXT                         -- the supporter was erased: the payload is gone, nothing is sent
);
CREATE INDEX outbox_supporter ON outbox (supporter_id);
-- One row per event and sink once an attempt was made: at least once, backoff, dead letters.
CREATE TABLE deliveries (
  event_id TEXT NOT NULL REFERENCES outbox(id),
  sink TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,                  -- also the end of the lease while an attempt is on its way
  delivered_at TEXT,
  dead_at TEXT,
  last_error TEXT,
  PRIMARY KEY (event_id, sink)
);
CREATE INDEX deliveries_sink ON deliveries (sink, delivered_at, dead_at);
`,
  },
  {
    id: 2,
    name: 'guard',
    sql: `
-- Abuse defenses (functions/guard/). Fixed-window counters per bucket: a campaign with a client IP or an email,
-- both as keyed hashes (never the address itself). Rows of past windows are pruned as new ones come.
CREATE TABLE guard_hits (
  bucket TEXT NOT NULL,
  window_start INTEGER NOT NULL,           -- ms since the epoch
  hits INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,             -- ms: the end of the window
  PRIMARY KEY (bucket, window_start)
);
CREATE INDEX guard_hits_expires ON guard_hits (expires_at);
-- Each submission a render token served (by idempotency key), to cap and pace its reuse.
CREATE TABLE guard_token_uses (
  nonce TEXT NOT NULL,
  key TEXT NOT NULL,
  email TEXT,                            -- keyed hash of the normalized email, if any
  used_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (nonce, key)
);
CREATE INDEX guard_token_uses_expires ON guard_token_uses (expires_at);
-- Secrets the server made itself (the token key when LADDER_SECRET is unset), so they survive a restart.
CREATE TABLE guard_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  created_at TEXT NOT NULL
);
`,
  },
  {
    id: 3,
    name: 'privacy',
    sql: `
-- Double opt-in: an action held until its email is confirmed. Not counted, not on the ladder, no event.
CREATE TABLE pending_actions (
  id TEXT PRIMARY KEY,                   -- becomes the action's id once confirmed
  token_hash TEXT NOT NULL UNIQUE,       -- SHA-256 of the link's token: the token itself is only in the email
  campaign TEXT NOT NULL,
  kind TEXT NOT NULL,                    -- signature | response
  email TEXT NOT NULL,                   -- normalized, like supporters.email
  record TEXT NOT NULL,                  -- the action as it will be recorded (JSON); '{}' once confirmed
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  confirmed_at TEXT
);
CREATE INDEX pending_actions_email ON pending_actions (email);
CREATE INDEX pending_actions_expires ON pending_actions (expires_at);
-- A supporter who confirmed their email once is not asked again.
ALTER TABLE supporters ADD COLUMN confirmed_at TEXT;
-- Erased or past retention: the action keeps its place in the counts, nothing personal.
ALTER TABLE actions ADD COLUMN anonymized_at TEXT;
CREATE INDEX actions_retention ON actions (campaign, created_at) WHERE anonymized_at IS NULL;
-- Forgetting a supporter finds what hangs on them by these.
CREATE INDEX actions_referrer ON actions (referrer_id);
CREATE INDEX supporter_rungs_supporter ON supporter_rungs (supporter_id);
CREATE INDEX rsvps_supporter ON rsvps (supporter_id);
-- An event meant for one sink only (a confirmation link goes to the email sink, never to a CRM's webhook).
ALTER TABLE outbox ADD COLUMN only_sink TEXT;
-- A supporter's short-lived link to their own data.
CREATE TABLE access_links (
  token_hash TEXT PRIMARY KEY,
  supporter_id TEXT NOT NULL REFERENCES supporters(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX access_links_supporter ON access_links (supporter_id);
`,
  },
  {
    id: 4,
    name: 'origin counts',
    sql: `
-- Each campaign's actions per page origin, for its figures: kind 'origin:<origin>', or 'origin' for none. Counted
-- as each action is inserted, in its transaction, whichever path inserts it (signature, response, call, RSVP);
-- never uncounted: erasure and retention keep the action and its origin. Reading them costs O(origins), not
-- O(actions) as GROUP BY origin over actions did on every page load. The existing actions are counted once here.
CREATE TRIGGER actions_origin_count AFTER INSERT ON actions BEGIN
  INSERT INTO counts (campaign, kind, shard, count) VALUES (NEW.campaign, COALESCE('origin:' || NEW.origin, 'origin'), 0, 1)
  ON CONFLICT (campaign, kind, shard) DO UPDATE SET count = counts.count + 1;
END;
INSERT INTO counts (campaign, kind, shard, count)
  SELECT campaign, COALESCE('origin:' || origin, 'origin'), 0, COUNT(*) FROM actions GROUP BY campaign, origin;
`,
  },
  {
    id: 5,
    name: 'hashed manage links, referral codes per answer',
    sql: `
-- An RSVP's manage links are kept as SHA-256, like every other link: rsvps.token holds the hash of the one its own
-- answer gave, rsvp_links those minted for each message about it (store/rsvps.ts). The existing tokens are hashed
-- below: links already sent keep working.
CREATE TABLE rsvp_links (
  token_hash TEXT PRIMARY KEY,
  rsvp_id TEXT NOT NULL REFERENCES rsvps(action_id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);
CREATE INDEX rsvp_links_rsvp ON rsvp_links (rsvp_id);
-- More referral codes of a supporter: one for each answer to a request that did not prove their email (a request
-- never gets someone else's own code), crediting them all the same (store/steps.ts).
CREATE TABLE referral_codes (
  code TEXT PRIMARY KEY,
  supporter_id TEXT NOT NULL REFERENCES supporters(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);
CREATE INDEX referral_codes_supporter ON referral_codes (supporter_id);
`,
    after(db) {
      for (const row of db.all('SELECT action_id, token FROM rsvps')) {
        const hash = createHash('sha256').update(String(row.token)).digest('hex');
        db.run('UPDATE rsvps SET token = ? WHERE action_id = ?', hash, String(row.action_id));
      }
    },
  },
  {
    id: 6,
    name: 'confirmed devices and consent withdrawals',
    sql: `
-- Double opt-in: a link confirms the held action it was sent for and the browser that sent it (the SHA-256 of a
-- random key the widget keeps), so that browser's later actions need no link; another browser gets its own.
ALTER TABLE pending_actions ADD COLUMN device_hash TEXT;
CREATE TABLE confirmed_devices (
  email TEXT NOT NULL,
  device_hash TEXT NOT NULL,
  confirmed_at TEXT NOT NULL,
  PRIMARY KEY (email, device_hash)
);
-- A supporter withdrawing consent (unsubscribe link, one-click, SMS STOP): a record of its own, consents untouched.
-- A later consent given with an action opts them in again; messages check the latest of the two.
CREATE TABLE consent_withdrawals (
  id TEXT PRIMARY KEY,
  supporter_id TEXT NOT NULL REFERENCES supporters(id) ON DELETE CASCADE,
  channel TEXT NOT NULL,                 -- email | sms
  source TEXT NOT NULL,                  -- link | one-click | sms-stop
  created_at TEXT NOT NULL
);
CREATE INDEX consent_withdrawals_supporter ON consent_withdrawals (supporter_id, channel, created_at);
-- The unsubscribe links in messages: a keyed hash of the supporter and the channel, kept here as its SHA-256 only.
CREATE TABLE unsubscribe_links (
  token_hash TEXT PRIMARY KEY,
  supporter_id TEXT NOT NULL REFERENCES supporters(id) ON DELETE CASCADE,
  channel TEXT NOT NULL
);
CREATE INDEX unsubscribe_links_supporter ON unsubscribe_links (supporter_id);
`,
  },
  {
    id: 7,
    name: 'team accounts',
    sql: `
-- The organizing team (functions/store/team.ts): accounts with one role each, hosts' events, sign-in links and
-- sessions (hashes only: the secrets exist in the email and the cookie), passkeys, API tokens, and the audit log.
CREATE TABLE team_accounts (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE team_events (
  account_id TEXT NOT NULL REFERENCES team_accounts(id) ON DELETE CASCADE,
  campaign TEXT NOT NULL,
  PRIMARY KEY (account_id, campaign)
);
CREATE TABLE team_links (
  token_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES team_accounts(id) ON DELETE CASCADE,
  expires_at TEXT NOT NULL
);
CREATE TABLE team_sessions (
  token_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES team_accounts(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX team_sessions_account ON team_sessions (account_id);
-- A WebAuthn challenge waiting for its answer: for a signed-in account (adding a passkey) or for anyone (signing in).
CREATE TABLE team_challenges (
  challenge TEXT PRIMARY KEY,
  account_id TEXT REFERENCES team_accounts(id) ON DELETE CASCADE,
  expires_at TEXT NOT NULL
);
CREATE TABLE team_passkeys (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES team_accounts(id) ON DELETE CASCADE,
  public_key TEXT NOT NULL,
  counter BIGINT NOT NULL,
  transports TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE team_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
-- Who did what, when, from where: an actor is an account's email or a token's name; a target is a campaign's slug
-- or an id (a supporter's, an account's, a token's), never a supporter's personal data.
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  address TEXT
);
CREATE INDEX audit_log_at ON audit_log (at, id);
`,
  },
  {
    id: 8,
    name: 'listening results',
    sql: `
-- Themes an organizer keeps for a survey's open answers (suggested by Ladder or written by hand), and which answers
-- they coded with each. A coding points at the answer (action and question): the answer itself is never copied or
-- changed, so erasure and retention, which empty the action's details, take the coded text away with it.
CREATE TABLE themes (
  id TEXT PRIMARY KEY,
  campaign TEXT NOT NULL,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX themes_campaign ON themes (campaign);
CREATE TABLE answer_codes (
  theme_id TEXT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  action_id TEXT NOT NULL REFERENCES actions(id),
  question TEXT NOT NULL,
  quote INTEGER NOT NULL DEFAULT 0,     -- picked by the organizer as a quote for the public report
  created_at TEXT NOT NULL,
  PRIMARY KEY (theme_id, action_id, question)
);
CREATE INDEX answer_codes_action ON answer_codes (action_id);
-- Results read one survey's responses.
CREATE INDEX actions_campaign_kind ON actions (campaign, kind);
`,
  },
  {
    id: 9,
    name: 'sink pace',
    sql: `
-- Each sink's next free moment to send (epoch ms), shared by every dispatcher on the database: Action Network's
-- 4 requests a second hold for all instances together (store/outbox.ts paceSink).
CREATE TABLE sink_pace (sink TEXT PRIMARY KEY, next_at INTEGER NOT NULL);
`,
  },
  {
    id: 10,
    name: 'letters',
    sql: `
-- A letter counts once per supporter and campaign, as a signature does: a second one is a duplicate, sent to nobody.
DROP INDEX actions_once;
CREATE UNIQUE INDEX actions_once ON actions (campaign, supporter_id, kind) WHERE kind IN ('signature', 'response', 'letter');
-- Each letter to each of its targets: 'waiting' (for the window, the hourly cap or the day's digest), 'sent',
-- 'digested' (went in a daily digest), 'handed' (a contact form: given to the supporter, never counted delivered),
-- 'bounced', 'stopped' (the office chose "stop sending"), 'withdrawn' (erased before it left).
CREATE TABLE letter_deliveries (
  action_id TEXT NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  campaign TEXT NOT NULL,
  target TEXT NOT NULL,
  address TEXT,                          -- the target's email, lower-case; null for a contact form
  status TEXT NOT NULL,
  edited INTEGER NOT NULL,               -- 0: the unedited suggestion
  message_id TEXT,                       -- the Message-ID it (or its digest) went with
  created_at TEXT NOT NULL,
  sent_at TEXT,
  error TEXT,
  PRIMARY KEY (action_id, target)
);
CREATE INDEX letter_deliveries_waiting ON letter_deliveries (status, address, created_at);
CREATE INDEX letter_deliveries_message ON letter_deliveries (message_id);
-- Written by whichever path inserts the letter (at once, or when a held one is confirmed), in its transaction.
CREATE TRIGGER actions_letter_deliveries AFTER INSERT ON actions WHEN NEW.kind = 'letter' BEGIN
  INSERT INTO letter_deliveries (action_id, campaign, target, address, status, edited, created_at)
  SELECT NEW.id, NEW.campaign, json_extract(t.value, '$.id'), json_extract(t.value, '$.address'),
    CASE WHEN json_extract(t.value, '$.address') IS NULL THEN 'handed' ELSE 'waiting' END,
    COALESCE(json_extract(NEW.details, '$.edited'), 0), NEW.created_at
  FROM json_each(NEW.details, '$.targets') t;
END;
-- Per target address: the office's choice (signed link in every letter) and the last hard bounce.
CREATE TABLE letter_addresses (
  address TEXT PRIMARY KEY,
  choice TEXT,                           -- 'digest' | 'stop' | null
  choice_at TEXT,
  bounced_at TEXT,
  bounce TEXT
);
`,
  },
  {
    id: 11,
    name: 'follow-ups',
    sql: `
-- Follow-ups (issue 12, functions/store/followups.ts): call and text lists built from a ladder rule, worked by the
-- team in leased batches. A contact is one supporter on one list; it stays after its lease ends (holder null, back
-- in the pool) and after it is closed (the figures read it).
CREATE TABLE followups (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  channel TEXT NOT NULL,                 -- call | text
  rule TEXT NOT NULL,
  script TEXT NOT NULL,
  assignees TEXT NOT NULL,               -- volunteers | team
  batch_size INTEGER NOT NULL,
  closes_at TEXT,
  closed_at TEXT,
  unreachable INTEGER NOT NULL DEFAULT 0, -- match the rule, but cannot be reached on the channel
  refreshed_at TEXT,                   -- the list was last rebuilt from its rule
  created_by TEXT NOT NULL,              -- the actor's label (an email, or token:<name>)
  created_at TEXT NOT NULL
);
CREATE TABLE followup_contacts (
  id TEXT PRIMARY KEY,
  followup_id TEXT NOT NULL REFERENCES followups(id) ON DELETE CASCADE,
  supporter_id TEXT NOT NULL REFERENCES supporters(id) ON DELETE CASCADE,
  state TEXT NOT NULL,                   -- queued | messaged | needs-reply | conversation | closed
  holder TEXT,                           -- the worker holding it under a lease (account id, or token:<name>)
  lease_until TEXT,
  worker TEXT,                           -- who last held it
  preferred TEXT,                        -- who worked them on an earlier list: offered to that person first
  outcome TEXT,                          -- the last call outcome
  left_at TEXT,                        -- acted or opted out before anyone reached them: off the list
  first_contact_at TEXT,
  convert_until TEXT,                 -- first contact + 14 days: what they do until then counts as conversion
  created_at TEXT NOT NULL,
  UNIQUE (followup_id, supporter_id)
);
CREATE INDEX followup_contacts_pool ON followup_contacts (followup_id, holder, state);
CREATE INDEX followup_contacts_lease ON followup_contacts (followup_id, lease_until);
CREATE INDEX followup_contacts_supporter ON followup_contacts (supporter_id);
CREATE INDEX followup_contacts_worker ON followup_contacts (worker);
CREATE INDEX followup_contacts_preferred ON followup_contacts (followup_id, preferred);
-- Each text, both ways: outbound ones with the provider's message id (its status callbacks find them by it).
CREATE TABLE followup_messages (
  id TEXT PRIMARY KEY,
  contact_id TEXT NOT NULL REFERENCES followup_contacts(id) ON DELETE CASCADE,
  direction TEXT NOT NULL,               -- out | in
  body TEXT NOT NULL,
  worker TEXT,
  idempotency_key TEXT,
  provider_sid TEXT,
  status TEXT NOT NULL,                  -- queued | sent | delivered | failed | received
  created_at TEXT NOT NULL,
  UNIQUE (contact_id, idempotency_key)
);
CREATE INDEX followup_messages_sid ON followup_messages (provider_sid);
-- Each recorded outcome, once per idempotency key.
CREATE TABLE followup_outcomes (
  id TEXT PRIMARY KEY,
  contact_id TEXT NOT NULL REFERENCES followup_contacts(id) ON DELETE CASCADE,
  idempotency_key TEXT NOT NULL,
  outcome TEXT NOT NULL,
  details TEXT NOT NULL,               -- answers, note, tags, rung
  worker TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (contact_id, idempotency_key)
);
`,
  },
  {
    id: 12,
    name: 'answers',
    sql: `
-- A survey response's answers a row each, for the listening results (store/results.ts): the database counts them
-- with GROUP BY over indexed rows instead of reading every response's JSON. Per response: the response itself
-- (question ''), each answer (item 0; value null for a multiple choice), each option chosen in a multiple choice and
-- in "Would you help?" (question ':help'; item 1, 2, …), with the columns the results filter on. Written by triggers
-- whichever path inserts the response, in its transaction; gone when erasure or retention empty its details.
-- \`choice\`: the value when it is at most 500 characters (every option, most open answers), what the indexes hold
-- and the figures count; PostgreSQL cannot index a long open answer (a B-tree entry is at most 2,704 bytes).
CREATE TABLE answers (
  action_id TEXT NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  campaign TEXT NOT NULL,
  question TEXT NOT NULL,
  item INTEGER NOT NULL,
  value TEXT,
  choice TEXT,
  created_at TEXT NOT NULL,
  canvasser TEXT,
  turf TEXT,
  source TEXT,
  origin TEXT,
  PRIMARY KEY (action_id, question, item)
) WITHOUT ROWID;
-- A question's answers by value (filters, themes); a survey's responses by time (the filtered set).
CREATE INDEX answers_choice ON answers (campaign, question, choice);
CREATE INDEX answers_responses ON answers (campaign, created_at) WHERE question = '';
CREATE TRIGGER actions_answers AFTER INSERT ON actions WHEN NEW.kind = 'response' AND NEW.details IS NOT NULL BEGIN
${answersOf(`(SELECT NEW.id AS id, NEW.campaign AS campaign, NEW.details AS details, NEW.created_at AS created_at,
  NEW.source AS source, NEW.origin AS origin)`)}
END;
CREATE TRIGGER actions_answers_change AFTER UPDATE OF details ON actions WHEN OLD.kind = 'response' BEGIN
DELETE FROM answers WHERE action_id = OLD.id;
${answersOf(`(SELECT NEW.id AS id, NEW.campaign AS campaign, NEW.details AS details, NEW.created_at AS created_at,
  NEW.source AS source, NEW.origin AS origin WHERE NEW.details IS NOT NULL)`)}
END;
${answersOf(`(SELECT * FROM actions WHERE kind = 'response' AND details IS NOT NULL)`)}
`,
  },
  {
    id: 13,
    name: 'outbox watermark and pruning, fewer round trips',
    sql: `
-- The dispatch pass walks only what is new or due (store/outbox.ts claimDeliveries). One writer at a time: events
-- become visible in \`seq\` order, so the sequence itself is the cursor.
-- Per sink: every event below \`position\` has its delivery row (or is not for this sink).
CREATE TABLE sink_cursors (
  sink TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  claimed_at TEXT NOT NULL              -- its last claim: a sink gone from the configuration stops holding pruning back
);
-- Deliveries still to make: retries and leases, the only rows the claim reads besides new events.
CREATE INDEX deliveries_due ON deliveries (sink, next_attempt_at) WHERE delivered_at IS NULL AND dead_at IS NULL;
-- Pruning (store/outbox.ts pruneOutbox) goes by age.
CREATE INDEX outbox_created ON outbox (created_at);
CREATE INDEX idempotency_created ON idempotency (created_at);
-- A new supporter starts on the first rung: recorded with the row, in the same statement (store/steps.ts).
CREATE TRIGGER supporters_first_rung AFTER INSERT ON supporters BEGIN
  INSERT INTO supporter_rungs (supporter_id, rung, previous, at) VALUES (NEW.id, 'contact', NULL, NEW.created_at);
END;
-- Every change of rung goes into the history with the row's change (store/steps.ts updateRung sets updated_at).
CREATE TRIGGER supporters_rung_history AFTER UPDATE OF rung ON supporters WHEN OLD.rung IS NOT NEW.rung BEGIN
  INSERT INTO supporter_rungs (supporter_id, rung, previous, at) VALUES (NEW.id, NEW.rung, OLD.rung, NEW.updated_at);
END;
`,
  },
  {
    id: 14,
    name: 'leases',
    sql: `
-- A job that must not run twice at once on the database, whatever the instances (the letters' sender): who holds it
-- and until when (epoch ms). A holder that crashed loses it when it runs out (store/outbox.ts takeLease).
CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, until_ms INTEGER NOT NULL);
`,
  },
  {
    id: 15,
    name: 'an action in one round trip',
    // PostgreSQL's server-side function (migrations/postgres-action.ts); SQLite, in process, keeps the steps in Node.
    sql: 'SELECT 1;',
  },
  {
    id: 16,
    name: 'follow-up texting zones, team names',
    sql: `
-- Texting hours are kept in each contact's zone (functions/followup-zone.ts): the organizer may set the zone of those
-- whose postcode gives none, and turn off the zone by ZIP code.
ALTER TABLE followups ADD COLUMN timezone TEXT;
ALTER TABLE followups ADD COLUMN zone_by_postcode INTEGER NOT NULL DEFAULT 1;
-- The name a team member goes by: the first text of a follow-up names its sender.
ALTER TABLE team_accounts ADD COLUMN name TEXT;
`,
  },
];

/** The answers of the responses that `rows` (a subquery) selects, as one INSERT. */
function answersOf(rows: string): string {
  const common = `r.id AS action_id, r.campaign AS campaign`;
  const filters = `r.created_at AS created_at, json_extract(r.details, '$.canvass.canvasser') AS canvasser,
  json_extract(r.details, '$.canvass.turf') AS turf, r.source AS source, r.origin AS origin`;
  return `INSERT INTO answers (action_id, campaign, question, item, value, choice, created_at, canvasser, turf, source,
  origin)
SELECT action_id, campaign, question, item, value, CASE WHEN length(value) <= 500 THEN value END, created_at, canvasser,
  turf, source, origin FROM (
SELECT ${common}, '' AS question, 0 AS item, NULL AS value, ${filters} FROM ${rows} r
UNION ALL SELECT ${common}, a.key, 0, CASE WHEN a.type IN ('array', 'object') THEN NULL ELSE CAST(a.value AS TEXT) END,
  ${filters} FROM ${rows} r, json_each(r.details, '$.answers') a
UNION ALL SELECT ${common}, a.key, e.key + 1, CAST(e.value AS TEXT), ${filters}
  FROM ${rows} r, json_each(r.details, '$.answers') a, json_each(a.value) e WHERE a.type = 'array'
UNION ALL SELECT ${common}, ':help', h.key + 1, CAST(h.value AS TEXT), ${filters}
  FROM ${rows} r, json_each(r.details, '$.help') h);`;
}
