/**
 * PostgreSQL migrations, numbered like the SQLite ones and kept in step with them.
 */
import { actionFunctions } from './postgres-action.ts';

export const migrations: { id: number; name: string; sql: string }[] = [
  {
    id: 1,
    name: 'actions',
    sql: `
CREATE TABLE supporters (
  id UUID PRIMARY KEY,
  email TEXT UNIQUE,                     -- normalized: trimmed, lower-case
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  postcode TEXT,
  phone TEXT,                            -- E.164
  referral_code TEXT NOT NULL UNIQUE,
  rung TEXT NOT NULL DEFAULT 'contact',  -- contact | supporter | participant | volunteer | leader
  rung_override TEXT,                    -- set by an organizer; wins over what the actions say
  referred_by UUID REFERENCES supporters(id),
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX supporters_referred_by ON supporters (referred_by);
-- Every change of rung, for movement over time.
CREATE TABLE supporter_rungs (
  supporter_id UUID NOT NULL REFERENCES supporters(id),
  rung TEXT NOT NULL,
  previous TEXT,
  at TIMESTAMPTZ NOT NULL
);
CREATE INDEX supporter_rungs_at ON supporter_rungs (at);
CREATE TABLE supporter_tags (
  supporter_id UUID NOT NULL REFERENCES supporters(id),
  tag TEXT NOT NULL,
  source TEXT NOT NULL,                  -- the campaign, or "organizer"
  created_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (supporter_id, tag)
);
CREATE TABLE actions (
  id UUID PRIMARY KEY,
  campaign TEXT NOT NULL,
  kind TEXT NOT NULL,                    -- signature | response | rsvp | call
  supporter_id UUID REFERENCES supporters(id),   -- null: anonymous
  comment TEXT,
  details JSONB,                          -- answers, a call's target and outcome
  referrer_id UUID REFERENCES supporters(id),
  source TEXT,
  origin TEXT,
  created_at TIMESTAMPTZ NOT NULL
);
-- One signature and one survey response per person and campaign; anonymous ones (null) are all distinct.
CREATE UNIQUE INDEX actions_once ON actions (campaign, supporter_id, kind) WHERE kind IN ('signature', 'response');
CREATE INDEX actions_supporter ON actions (supporter_id);
CREATE TABLE consents (
  action_id UUID PRIMARY KEY REFERENCES actions(id),
  contact BOOLEAN NOT NULL,
  sms BOOLEAN NOT NULL,
  text_version TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  origin TEXT,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE rsvps (
  action_id UUID PRIMARY KEY REFERENCES actions(id),
  campaign TEXT NOT NULL,
  supporter_id UUID NOT NULL REFERENCES supporters(id),
  status TEXT NOT NULL,                  -- confirmed | waitlisted | cancelled
  guests INTEGER NOT NULL,
  shift TEXT NOT NULL,                   -- '' when the event has no shifts
  token TEXT NOT NULL UNIQUE,            -- the secret of the manage link
  attended_at TIMESTAMPTZ,                      -- checked in (self, by the host, or a walk-in)
  created_at TIMESTAMPTZ NOT NULL,              -- the place in the waitlist
  updated_at TIMESTAMPTZ NOT NULL,
  UNIQUE (campaign, supporter_id)
);
-- The messages sent about an RSVP (day_before, day_of, after), each once.
CREATE TABLE rsvp_reminders (
  rsvp_id UUID NOT NULL REFERENCES rsvps(action_id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (rsvp_id, kind)
);
-- Counters per campaign and kind (signature, response, call, call:<outcome>). PostgreSQL spreads each over
-- shards so that concurrent transactions do not queue on one row; SQLite uses shard 0.
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
  seq BIGSERIAL PRIMARY KEY,            -- the order events were written in
  id UUID NOT NULL UNIQUE,               -- the event's stable id: receivers de-duplicate on it
  type TEXT NOT NULL,
  campaign TEXT NOT NULL,
  supporter_id UUID,                     -- whose data the payload holds, for erasure
  payload JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  erased_at TIMESTAMPTZ                         -- the supporter was erased: the payload is gone, nothing is sent
);
CREATE INDEX outbox_supporter ON outbox (supporter_id);
-- One row per event and sink once an attempt was made: at least once, backoff, dead letters.
CREATE TABLE deliveries (
  event_id UUID NOT NULL REFERENCES outbox(id),
  sink TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ,                  -- also the end of the lease while an attempt is on its way
  delivered_at TIMESTAMPTZ,
  dead_at TIMESTAMPTZ,
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
  window_start BIGINT NOT NULL,           -- ms since the epoch
  hits INTEGER NOT NULL,
  expires_at BIGINT NOT NULL,             -- ms: the end of the window
  PRIMARY KEY (bucket, window_start)
);
CREATE INDEX guard_hits_expires ON guard_hits (expires_at);
-- Each submission a render token served (by idempotency key), to cap and pace its reuse.
CREATE TABLE guard_token_uses (
  nonce TEXT NOT NULL,
  key TEXT NOT NULL,
  email TEXT,                            -- keyed hash of the normalized email, if any
  used_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (nonce, key)
);
CREATE INDEX guard_token_uses_expires ON guard_token_uses (expires_at);
-- Secrets the server made itself (the token key when LADDER_SECRET is unset), so they survive a restart.
CREATE TABLE guard_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
`,
  },
  {
    id: 3,
    name: 'privacy',
    sql: `
-- Double opt-in: an action held until its email is confirmed. Not counted, not on the ladder, no event.
CREATE TABLE pending_actions (
  id UUID PRIMARY KEY,                   -- becomes the action's id once confirmed
  token_hash TEXT NOT NULL UNIQUE,       -- SHA-256 of the link's token: the token itself is only in the email
  campaign TEXT NOT NULL,
  kind TEXT NOT NULL,                    -- signature | response
  email TEXT NOT NULL,                   -- normalized, like supporters.email
  record JSONB NOT NULL,                 -- the action as it will be recorded; '{}' once confirmed
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  confirmed_at TIMESTAMPTZ
);
CREATE INDEX pending_actions_email ON pending_actions (email);
CREATE INDEX pending_actions_expires ON pending_actions (expires_at);
-- A supporter who confirmed their email once is not asked again.
ALTER TABLE supporters ADD COLUMN confirmed_at TIMESTAMPTZ;
-- Erased or past retention: the action keeps its place in the counts, nothing personal.
ALTER TABLE actions ADD COLUMN anonymized_at TIMESTAMPTZ;
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
  supporter_id UUID NOT NULL REFERENCES supporters(id) ON DELETE CASCADE,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
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
-- Spread over 16 shards like the engine's own counters (store/action.ts), so concurrent actions do not queue on one row.
CREATE FUNCTION actions_origin_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO counts (campaign, kind, shard, count)
  VALUES (NEW.campaign, COALESCE('origin:' || NEW.origin, 'origin'), floor(random() * 16)::smallint, 1)
  ON CONFLICT (campaign, kind, shard) DO UPDATE SET count = counts.count + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER actions_origin_count AFTER INSERT ON actions FOR EACH ROW EXECUTE FUNCTION actions_origin_count();
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
-- here: links already sent keep working.
UPDATE rsvps SET token = encode(sha256(convert_to(token, 'UTF8')), 'hex');
CREATE TABLE rsvp_links (
  token_hash TEXT PRIMARY KEY,
  rsvp_id UUID NOT NULL REFERENCES rsvps(action_id) ON DELETE CASCADE,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX rsvp_links_rsvp ON rsvp_links (rsvp_id);
-- More referral codes of a supporter: one for each answer to a request that did not prove their email (a request
-- never gets someone else's own code), crediting them all the same (store/steps.ts).
CREATE TABLE referral_codes (
  code TEXT PRIMARY KEY,
  supporter_id UUID NOT NULL REFERENCES supporters(id) ON DELETE CASCADE,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX referral_codes_supporter ON referral_codes (supporter_id);
`,
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
  confirmed_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (email, device_hash)
);
-- A supporter withdrawing consent (unsubscribe link, one-click, SMS STOP): a record of its own, consents untouched.
-- A later consent given with an action opts them in again; messages check the latest of the two.
CREATE TABLE consent_withdrawals (
  id UUID PRIMARY KEY,
  supporter_id UUID NOT NULL REFERENCES supporters(id) ON DELETE CASCADE,
  channel TEXT NOT NULL,                 -- email | sms
  source TEXT NOT NULL,                  -- link | one-click | sms-stop
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX consent_withdrawals_supporter ON consent_withdrawals (supporter_id, channel, created_at);
-- The unsubscribe links in messages: a keyed hash of the supporter and the channel, kept here as its SHA-256 only.
CREATE TABLE unsubscribe_links (
  token_hash TEXT PRIMARY KEY,
  supporter_id UUID NOT NULL REFERENCES supporters(id) ON DELETE CASCADE,
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
  id UUID PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE team_events (
  account_id UUID NOT NULL REFERENCES team_accounts(id) ON DELETE CASCADE,
  campaign TEXT NOT NULL,
  PRIMARY KEY (account_id, campaign)
);
CREATE TABLE team_links (
  token_hash TEXT PRIMARY KEY,
  account_id UUID NOT NULL REFERENCES team_accounts(id) ON DELETE CASCADE,
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE team_sessions (
  token_hash TEXT PRIMARY KEY,
  account_id UUID NOT NULL REFERENCES team_accounts(id) ON DELETE CASCADE,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX team_sessions_account ON team_sessions (account_id);
-- A WebAuthn challenge waiting for its answer: for a signed-in account (adding a passkey) or for anyone (signing in).
CREATE TABLE team_challenges (
  challenge TEXT PRIMARY KEY,
  account_id UUID REFERENCES team_accounts(id) ON DELETE CASCADE,
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE team_passkeys (
  id TEXT PRIMARY KEY,
  account_id UUID NOT NULL REFERENCES team_accounts(id) ON DELETE CASCADE,
  public_key TEXT NOT NULL,
  counter BIGINT NOT NULL,
  transports TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE team_tokens (
  id UUID PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL,
  last_used_at TIMESTAMPTZ,
  revoked_at TIMESTAMPTZ
);
-- Who did what, when, from where: an actor is an account's email or a token's name; a target is a campaign's slug
-- or an id (a supporter's, an account's, a token's), never a supporter's personal data.
CREATE TABLE audit_log (
  id UUID PRIMARY KEY,
  at TIMESTAMPTZ NOT NULL,
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
  id UUID PRIMARY KEY,
  campaign TEXT NOT NULL,
  label TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX themes_campaign ON themes (campaign);
CREATE TABLE answer_codes (
  theme_id UUID NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
  action_id UUID NOT NULL REFERENCES actions(id),
  question TEXT NOT NULL,
  quote BOOLEAN NOT NULL DEFAULT false,     -- picked by the organizer as a quote for the public report
  created_at TIMESTAMPTZ NOT NULL,
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
CREATE TABLE sink_pace (sink TEXT PRIMARY KEY, next_at BIGINT NOT NULL);
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
  action_id UUID NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  campaign TEXT NOT NULL,
  target TEXT NOT NULL,
  address TEXT,                          -- the target's email, lower-case; null for a contact form
  status TEXT NOT NULL,
  edited BOOLEAN NOT NULL,               -- false: the unedited suggestion
  message_id TEXT,                       -- the Message-ID it (or its digest) went with
  created_at TIMESTAMPTZ NOT NULL,
  sent_at TIMESTAMPTZ,
  error TEXT,
  PRIMARY KEY (action_id, target)
);
CREATE INDEX letter_deliveries_waiting ON letter_deliveries (status, address, created_at);
CREATE INDEX letter_deliveries_message ON letter_deliveries (message_id);
-- Written by whichever path inserts the letter (at once, or when a held one is confirmed), in its transaction.
CREATE FUNCTION actions_letter_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO letter_deliveries (action_id, campaign, target, address, status, edited, created_at)
  SELECT NEW.id, NEW.campaign, t->>'id', t->>'address',
    CASE WHEN t->>'address' IS NULL THEN 'handed' ELSE 'waiting' END,
    COALESCE((NEW.details->>'edited')::boolean, false), NEW.created_at
  FROM jsonb_array_elements(NEW.details->'targets') t;
  RETURN NULL;
END $$;
CREATE TRIGGER actions_letter_deliveries AFTER INSERT ON actions FOR EACH ROW WHEN (NEW.kind = 'letter')
  EXECUTE FUNCTION actions_letter_deliveries();
-- Per target address: the office's choice (signed link in every letter) and the last hard bounce.
CREATE TABLE letter_addresses (
  address TEXT PRIMARY KEY,
  choice TEXT,                           -- 'digest' | 'stop' | null
  choice_at TIMESTAMPTZ,
  bounced_at TIMESTAMPTZ,
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
  id UUID PRIMARY KEY,
  name TEXT NOT NULL,
  channel TEXT NOT NULL,                 -- call | text
  rule JSONB NOT NULL,
  script JSONB NOT NULL,
  assignees TEXT NOT NULL,               -- volunteers | team
  batch_size INTEGER NOT NULL,
  closes_at TIMESTAMPTZ,
  closed_at TIMESTAMPTZ,
  unreachable INTEGER NOT NULL DEFAULT 0, -- match the rule, but cannot be reached on the channel
  refreshed_at TIMESTAMPTZ,                   -- the list was last rebuilt from its rule
  created_by TEXT NOT NULL,              -- the actor's label (an email, or token:<name>)
  created_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE followup_contacts (
  id UUID PRIMARY KEY,
  followup_id UUID NOT NULL REFERENCES followups(id) ON DELETE CASCADE,
  supporter_id UUID NOT NULL REFERENCES supporters(id) ON DELETE CASCADE,
  state TEXT NOT NULL,                   -- queued | messaged | needs-reply | conversation | closed
  holder TEXT,                           -- the worker holding it under a lease (account id, or token:<name>)
  lease_until TIMESTAMPTZ,
  worker TEXT,                           -- who last held it
  preferred TEXT,                        -- who worked them on an earlier list: offered to that person first
  outcome TEXT,                          -- the last call outcome
  left_at TIMESTAMPTZ,                        -- acted or opted out before anyone reached them: off the list
  first_contact_at TIMESTAMPTZ,
  convert_until TIMESTAMPTZ,                 -- first contact + 14 days: what they do until then counts as conversion
  created_at TIMESTAMPTZ NOT NULL,
  UNIQUE (followup_id, supporter_id)
);
CREATE INDEX followup_contacts_pool ON followup_contacts (followup_id, holder, state);
CREATE INDEX followup_contacts_lease ON followup_contacts (followup_id, lease_until);
CREATE INDEX followup_contacts_supporter ON followup_contacts (supporter_id);
CREATE INDEX followup_contacts_worker ON followup_contacts (worker);
CREATE INDEX followup_contacts_preferred ON followup_contacts (followup_id, preferred);
-- Each text, both ways: outbound ones with the provider's message id (its status callbacks find them by it).
CREATE TABLE followup_messages (
  id UUID PRIMARY KEY,
  contact_id UUID NOT NULL REFERENCES followup_contacts(id) ON DELETE CASCADE,
  direction TEXT NOT NULL,               -- out | in
  body TEXT NOT NULL,
  worker TEXT,
  idempotency_key TEXT,
  provider_sid TEXT,
  status TEXT NOT NULL,                  -- queued | sent | delivered | failed | received
  created_at TIMESTAMPTZ NOT NULL,
  UNIQUE (contact_id, idempotency_key)
);
CREATE INDEX followup_messages_sid ON followup_messages (provider_sid);
-- Each recorded outcome, once per idempotency key.
CREATE TABLE followup_outcomes (
  id UUID PRIMARY KEY,
  contact_id UUID NOT NULL REFERENCES followup_contacts(id) ON DELETE CASCADE,
  idempotency_key TEXT NOT NULL,
  outcome TEXT NOT NULL,
  details JSONB NOT NULL,               -- answers, note, tags, rung
  worker TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
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
-- in "Would you help?" (question ':help'; item 1, 2, …), with the columns the results filter on. Written by a trigger
-- whichever path inserts the response, in its transaction; gone when erasure or retention empty its details.
-- \`choice\`: the value when it is at most 500 characters (every option, most open answers), what the indexes hold
-- and the figures count: a B-tree entry is at most 2,704 bytes, and a long open answer would not fit.
CREATE TABLE answers (
  action_id UUID NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  campaign TEXT NOT NULL,
  question TEXT NOT NULL,
  item INTEGER NOT NULL,
  value TEXT,
  choice TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  canvasser TEXT,
  turf TEXT,
  source TEXT,
  origin TEXT,
  -- The figures read a response's rows by this key alone (index-only, once autovacuum has been by).
  PRIMARY KEY (action_id, question, item) INCLUDE (choice)
);
-- A question's answers by value (filters, themes); a survey's responses by time (the filtered set).
CREATE INDEX answers_choice ON answers (campaign, question, choice, action_id);
CREATE INDEX answers_responses ON answers (campaign, created_at, action_id) WHERE question = '';
CREATE FUNCTION answers_of(details JSONB) RETURNS TABLE (question TEXT, item INTEGER, value TEXT)
LANGUAGE sql IMMUTABLE AS $$
  SELECT '', 0, NULL::text
  UNION ALL SELECT a.key, 0, CASE WHEN jsonb_typeof(a.value) IN ('array', 'object') THEN NULL ELSE a.value #>> '{}' END
    FROM jsonb_each(details -> 'answers') a
  UNION ALL SELECT a.key, e.n::integer, e.v FROM jsonb_each(details -> 'answers') a,
    jsonb_array_elements_text(CASE WHEN jsonb_typeof(a.value) = 'array' THEN a.value ELSE '[]' END) WITH ORDINALITY e(v, n)
  UNION ALL SELECT ':help', h.n::integer, h.v FROM jsonb_array_elements_text(
    CASE WHEN jsonb_typeof(details -> 'help') = 'array' THEN details -> 'help' ELSE '[]' END) WITH ORDINALITY h(v, n)
$$;
CREATE FUNCTION actions_answers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN DELETE FROM answers WHERE action_id = OLD.id; END IF;
  IF NEW.details IS NOT NULL THEN
    INSERT INTO answers (action_id, campaign, question, item, value, choice, created_at, canvasser, turf, source, origin)
    SELECT NEW.id, NEW.campaign, x.question, x.item, x.value, CASE WHEN length(x.value) <= 500 THEN x.value END,
      NEW.created_at, NEW.details #>> '{canvass,canvasser}', NEW.details #>> '{canvass,turf}', NEW.source, NEW.origin
    FROM answers_of(NEW.details) x;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER actions_answers AFTER INSERT OR UPDATE OF details ON actions FOR EACH ROW WHEN (NEW.kind = 'response')
  EXECUTE FUNCTION actions_answers();
INSERT INTO answers (action_id, campaign, question, item, value, choice, created_at, canvasser, turf, source, origin)
SELECT r.id, r.campaign, x.question, x.item, x.value, CASE WHEN length(x.value) <= 500 THEN x.value END, r.created_at,
  r.details #>> '{canvass,canvasser}', r.details #>> '{canvass,turf}', r.source, r.origin
FROM actions r, answers_of(r.details) x WHERE r.kind = 'response' AND r.details IS NOT NULL;
`,
  },
  {
    id: 13,
    name: 'outbox watermark and pruning, fewer round trips',
    sql: `
-- The dispatch pass walks only what is new or due (store/outbox.ts claimDeliveries). \`xid\`: the transaction that
-- wrote the event. Sequence numbers are taken before commit, so a later number can be seen first; every transaction
-- below the oldest still running (pg_snapshot_xmin) is over, so a cursor of transaction ids never skips an event.
ALTER TABLE outbox ADD COLUMN xid BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);
CREATE INDEX outbox_xid ON outbox (xid);
-- Per sink: every event written by a transaction below \`position\` has its delivery row (or is not for this sink).
CREATE TABLE sink_cursors (
  sink TEXT PRIMARY KEY,
  position BIGINT NOT NULL,
  claimed_at TIMESTAMPTZ NOT NULL              -- its last claim: a sink gone from the configuration stops holding pruning back
);
-- Deliveries still to make: retries and leases, the only rows the claim reads besides new events.
CREATE INDEX deliveries_due ON deliveries (sink, next_attempt_at) WHERE delivered_at IS NULL AND dead_at IS NULL;
-- Pruning (store/outbox.ts pruneOutbox) goes by age.
CREATE INDEX outbox_created ON outbox (created_at);
CREATE INDEX idempotency_created ON idempotency (created_at);
-- A new supporter starts on the first rung: recorded with the row, in the same statement (store/steps.ts).
CREATE FUNCTION supporters_first_rung() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO supporter_rungs (supporter_id, rung, previous, at) VALUES (NEW.id, 'contact', NULL, NEW.created_at);
  RETURN NULL;
END $$;
CREATE TRIGGER supporters_first_rung AFTER INSERT ON supporters FOR EACH ROW EXECUTE FUNCTION supporters_first_rung();
-- Every change of rung goes into the history with the row's change (store/steps.ts updateRung sets updated_at).
CREATE FUNCTION supporters_rung_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO supporter_rungs (supporter_id, rung, previous, at) VALUES (NEW.id, NEW.rung, OLD.rung, NEW.updated_at);
  RETURN NULL;
END $$;
CREATE TRIGGER supporters_rung_history AFTER UPDATE OF rung ON supporters FOR EACH ROW
  WHEN (OLD.rung IS DISTINCT FROM NEW.rung) EXECUTE FUNCTION supporters_rung_history();
`,
  },
  {
    id: 14,
    name: 'leases',
    sql: `
-- A job that must not run twice at once on the database, whatever the instances (the letters' sender): who holds it
-- and until when (epoch ms). A holder that crashed loses it when it runs out (store/outbox.ts takeLease).
CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, until_ms BIGINT NOT NULL);
`,
  },
  {
    id: 15,
    name: 'an action in one round trip',
    // Idempotency records written from now on keep the outcome (status 1), from which a replay is answered.
    sql: actionFunctions,
  },
  {
    id: 16,
    name: 'follow-up texting zones, team names',
    sql: `
-- Texting hours are kept in each contact's zone (functions/followup-zone.ts): the organizer may set the zone of those
-- whose postcode gives none, and turn off the zone by ZIP code.
ALTER TABLE followups ADD COLUMN timezone TEXT;
ALTER TABLE followups ADD COLUMN zone_by_postcode BOOLEAN NOT NULL DEFAULT true;
-- The name a team member goes by: the first text of a follow-up names its sender.
ALTER TABLE team_accounts ADD COLUMN name TEXT;
`,
  },
];
