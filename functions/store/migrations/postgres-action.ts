/**
 * Migration 15 (PostgreSQL): an action in one round trip (issue 14). `ladder_action(jsonb)` does, inside the one
 * statement that calls it (its own transaction), what store/action.ts and store/rsvps.ts do over many: the
 * idempotency key, the supporter by email (a known one never changed by a request, credited through a fresh referral
 * alias, nobody referring themselves, the retention sweep's race retried), the action (a second signature or
 * response by the same person a duplicate), consent, tags, rung, sharded counters, the outbox event, the count and
 * the next asks already done; for an RSVP, under the event's lock, places and shifts, the waitlist, and the link for
 * a known person. Ids, the RSVP's token and its hash come from Node (store/one-trip.ts); the outcome is stored
 * under the idempotency key and a replay's answer is built from it again by the route's `respond`.
 */
export const actionFunctions = `
-- A referral code, as store/ids.ts referralCode draws them (collisions are drawn again by the callers).
CREATE FUNCTION ladder_code() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT string_agg(substr('23456789abcdefghjkmnpqrstuvwxyz', 1 + floor(random() * 31)::int, 1), '')
  FROM generate_series(1, 8)
$$;

-- schema/funnel.ts rungFor over a supporter's rows, as store/steps.ts updateRung (the history row is a trigger's).
CREATE FUNCTION ladder_rung(p_id uuid, p_now timestamptz) RETURNS void LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE r record; v_rung text;
BEGIN
  SELECT s.rung, s.rung_override,
    (SELECT COUNT(*) FROM actions a WHERE a.supporter_id = s.id) AS actions,
    EXISTS (SELECT 1 FROM rsvps x WHERE x.supporter_id = s.id AND x.attended_at IS NOT NULL) AS attended,
    EXISTS (SELECT 1 FROM supporter_tags t WHERE t.supporter_id = s.id
      AND t.tag IN ('volunteer', 'volunteer-prospect')) AS volunteered,
    EXISTS (SELECT 1 FROM supporter_tags t WHERE t.supporter_id = s.id AND t.tag = 'leader') AS leads,
    EXISTS (SELECT 1 FROM supporters x WHERE x.referred_by = s.id) AS recruits
  INTO r FROM supporters s WHERE s.id = p_id;
  IF NOT FOUND THEN RETURN; END IF;
  v_rung := CASE
    WHEN r.rung_override IN ('contact', 'supporter', 'participant', 'volunteer', 'leader') THEN r.rung_override
    WHEN r.leads THEN 'leader'
    WHEN r.volunteered OR r.recruits THEN 'volunteer'
    WHEN r.attended OR r.actions > 1 THEN 'participant'
    WHEN r.actions > 0 THEN 'supporter'
    ELSE 'contact' END;
  IF v_rung IS DISTINCT FROM r.rung THEN
    UPDATE supporters SET rung = v_rung, updated_at = p_now WHERE id = p_id;
  END IF;
END $$;

-- store/steps.ts upsertSupporter: {id, code, referrerId, known, person}.
CREATE FUNCTION ladder_supporter(p_person jsonb, p_referrer text, p_id uuid, p_now timestamptz) RETURNS jsonb
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE v_by uuid; v_by_email text; v_referrer uuid; v_code text; v_got uuid; v_row record; v_alias text;
  v_email text := p_person->>'email';
BEGIN
  IF p_referrer IS NOT NULL THEN
    SELECT id, email INTO v_by, v_by_email FROM (
      SELECT id, email FROM supporters WHERE referral_code = p_referrer
      UNION ALL SELECT s.id, s.email FROM referral_codes r JOIN supporters s ON s.id = r.supporter_id
        WHERE r.code = p_referrer) found LIMIT 1;
    -- Nobody refers themselves.
    IF v_by IS NOT NULL AND v_by_email IS DISTINCT FROM v_email THEN v_referrer := v_by; END IF;
  END IF;
  FOR attempt IN 1..8 LOOP
    v_code := ladder_code();
    INSERT INTO supporters (id, email, given_name, family_name, postcode, phone, referral_code, referred_by,
      created_at, updated_at)
    VALUES (p_id, v_email, coalesce(p_person->>'givenName', ''), coalesce(p_person->>'familyName', ''),
      p_person->>'postcode', p_person->>'phone', v_code, v_referrer, p_now, p_now)
    ON CONFLICT DO NOTHING RETURNING id INTO v_got;
    IF v_got IS NOT NULL THEN
      -- Recruiting someone moves the recruiter up.
      IF v_referrer IS NOT NULL THEN PERFORM ladder_rung(v_referrer, p_now); END IF;
      RETURN jsonb_build_object('id', p_id, 'code', v_code, 'referrerId', v_referrer, 'known', false,
        'person', p_person);
    END IF;
    SELECT id, email, given_name, family_name, postcode, phone INTO v_row FROM supporters WHERE email = v_email;
    IF FOUND THEN
      -- Held till the end; gone: the retention sweep deleted them meanwhile, look again.
      UPDATE supporters SET updated_at = p_now WHERE id = v_row.id RETURNING id INTO v_got;
      CONTINUE WHEN v_got IS NULL;
      FOR draw IN 1..8 LOOP
        v_code := ladder_code();
        CONTINUE WHEN EXISTS (SELECT 1 FROM supporters WHERE referral_code = v_code);
        INSERT INTO referral_codes (code, supporter_id, created_at) VALUES (v_code, v_row.id, p_now)
          ON CONFLICT DO NOTHING RETURNING code INTO v_alias;
        EXIT WHEN v_alias IS NOT NULL;
      END LOOP;
      IF v_alias IS NULL THEN RAISE EXCEPTION 'could not draw a referral code'; END IF;
      RETURN jsonb_build_object('id', v_row.id, 'code', v_alias, 'referrerId', v_referrer, 'known', true,
        'person', jsonb_strip_nulls(jsonb_build_object('email', v_row.email, 'givenName', v_row.given_name,
          'familyName', v_row.family_name, 'postcode', v_row.postcode, 'phone', v_row.phone)));
    END IF;
  END LOOP;
  RAISE EXCEPTION 'could not create the supporter';
END $$;

-- Which of the campaigns the supporter has acted on (store/steps.ts doneAmong).
CREATE FUNCTION ladder_done(p_id uuid, p_campaigns jsonb) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_agg(DISTINCT campaign), '[]') FROM actions
  WHERE p_id IS NOT NULL AND supporter_id = p_id AND campaign IN (SELECT jsonb_array_elements_text(p_campaigns))
$$;

-- People confirmed per shift, '' the whole event (store/rsvps.ts takenPlaces).
CREATE FUNCTION ladder_taken(p_campaign text) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object('', coalesce(sum(n), 0))
    || coalesce(jsonb_object_agg(shift, n) FILTER (WHERE shift <> ''), '{}')
  FROM (SELECT shift, sum(1 + guests) AS n FROM rsvps WHERE campaign = p_campaign AND status = 'confirmed'
    GROUP BY shift) taken
$$;

CREATE FUNCTION ladder_consent(p_action uuid, a jsonb, p_contact boolean, p_sms boolean, p_at timestamptz)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO consents (action_id, contact, sms, text_version, text_hash, origin, created_at)
  VALUES (p_action, p_contact, p_sms, a#>>'{consent,version}', a#>>'{consent,textHash}', a->>'origin', p_at)
  ON CONFLICT (action_id) DO UPDATE SET contact = excluded.contact, sms = excluded.sms,
    text_version = excluded.text_version, text_hash = excluded.text_hash, origin = excluded.origin,
    created_at = excluded.created_at
$$;

-- A signature, a response or a call (store/action.ts act).
CREATE FUNCTION ladder_record(a jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE v_campaign text := a->>'campaign'; v_kind text := a->>'kind'; v_now timestamptz := (a->>'now')::timestamptz;
  v_sup jsonb; v_sid uuid; v_id uuid; v_inserted uuid; v_out jsonb;
BEGIN
  IF jsonb_typeof(a->'person') = 'object' THEN
    v_sup := ladder_supporter(a->'person', a->>'referrer', (a->>'supporterId')::uuid, v_now);
    v_sid := (v_sup->>'id')::uuid;
  END IF;
  INSERT INTO actions (id, campaign, kind, supporter_id, comment, details, referrer_id, source, origin, created_at)
  VALUES ((a->>'id')::uuid, v_campaign, v_kind, v_sid, a->>'comment', NULLIF(a->'details', 'null'),
    (v_sup->>'referrerId')::uuid, a->>'source', a->>'origin', v_now)
  ON CONFLICT DO NOTHING RETURNING id INTO v_inserted;
  IF v_inserted IS NOT NULL THEN
    v_id := v_inserted;
    IF jsonb_typeof(a->'contact') = 'boolean' THEN
      PERFORM ladder_consent(v_id, a, (a->>'contact')::boolean, false, v_now);
    END IF;
    IF v_sid IS NOT NULL THEN
      INSERT INTO supporter_tags (supporter_id, tag, source, created_at)
        SELECT DISTINCT v_sid, tag, v_campaign, v_now FROM jsonb_array_elements_text(a->'tags') tag
        ON CONFLICT DO NOTHING;
      PERFORM ladder_rung(v_sid, v_now);
    END IF;
    INSERT INTO counts (campaign, kind, shard, count)
      SELECT v_campaign, kind, floor(random() * (a->>'shards')::int), 1 FROM jsonb_array_elements_text(a->'counters') kind
      ON CONFLICT (campaign, kind, shard) DO UPDATE SET count = counts.count + excluded.count;
    INSERT INTO outbox (id, type, campaign, supporter_id, payload, created_at)
    VALUES ((a->>'eventId')::uuid, v_kind || '.created', v_campaign, v_sid,
      jsonb_build_object('actionId', v_id, 'supporterId', v_sid) || (a->'payload')
        -- A known supporter as on file: what this request said of them changed nothing.
        || CASE WHEN (v_sup->>'known')::boolean THEN jsonb_build_object('person', v_sup->'person') ELSE '{}' END
        || (a->'event') || jsonb_build_object('createdAt', a->>'now'),
      v_now);
  ELSE
    SELECT id INTO v_id FROM actions WHERE campaign = v_campaign AND supporter_id = v_sid AND kind = v_kind;
  END IF;
  v_out := jsonb_build_object('actionId', v_id, 'supporterId', v_sid, 'duplicate', v_inserted IS NULL,
    'count', (SELECT coalesce(sum(count), 0) FROM counts WHERE campaign = v_campaign AND kind = a#>>'{counters,0}'),
    'referralCode', v_sup->'code', 'done', ladder_done(v_sid, a->'candidates'));
  IF v_kind = 'call' THEN
    v_out := v_out || jsonb_build_object('outcomes', (SELECT coalesce(jsonb_object_agg(substr(kind, 6), n), '{}')
      FROM (SELECT kind, sum(count) AS n FROM counts WHERE campaign = v_campaign AND kind LIKE 'call:%'
        GROUP BY kind) calls));
  END IF;
  RETURN v_out;
END $$;

-- An RSVP (store/rsvps.ts recordRsvp), under its event's lock.
CREATE FUNCTION ladder_rsvp(a jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE v_campaign text := a->>'campaign'; v_now timestamptz := (a->>'now')::timestamptz;
  v_shift text := coalesce(a#>>'{rsvp,shift}', ''); v_guests int := (a#>>'{rsvp,guests}')::int;
  v_cap jsonb := a#>'{rsvp,capacity}'; v_sup jsonb; v_sid uuid; v_known boolean; v_existing uuid; v_taken jsonb;
  v_status text; v_id uuid; v_sms boolean;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('rsvp' || chr(10) || v_campaign));
  v_sup := ladder_supporter(a->'person', a->>'referrer', (a->>'supporterId')::uuid, v_now);
  v_sid := (v_sup->>'id')::uuid;
  v_known := (v_sup->>'known')::boolean;
  IF v_known THEN
    SELECT action_id INTO v_existing FROM rsvps WHERE campaign = v_campaign AND supporter_id = v_sid;
  END IF;
  v_taken := ladder_taken(v_campaign);
  -- A host's walk-in is there, in the room: confirmed whatever the capacity.
  v_status := CASE WHEN (a#>>'{rsvp,walkIn}')::boolean
    OR ((v_cap->>'' IS NULL OR (v_taken->>'')::int + 1 + v_guests <= (v_cap->>'')::int)
      AND (v_shift = '' OR v_cap->>v_shift IS NULL
        OR coalesce((v_taken->>v_shift)::int, 0) + 1 + v_guests <= (v_cap->>v_shift)::int))
    THEN 'confirmed' ELSE 'waitlisted' END;
  IF v_existing IS NOT NULL THEN
    -- Changed only through its link, emailed to the person; the answer is a new RSVP's, leading nowhere.
    INSERT INTO outbox (id, type, campaign, supporter_id, payload, created_at, only_sink)
    VALUES ((a->>'eventId')::uuid, 'rsvp.link', v_campaign, v_sid, jsonb_build_object('rsvpId', v_existing,
      'supporterId', v_sid, 'person', jsonb_build_object('givenName', v_sup#>'{person,givenName}',
        'email', v_sup#>'{person,email}'), 'createdAt', a->>'now'), v_now, 'email');
    v_id := (a->>'answerId')::uuid;
  ELSE
    v_id := (a->>'id')::uuid;
    INSERT INTO actions (id, campaign, kind, supporter_id, referrer_id, source, origin, created_at)
    VALUES (v_id, v_campaign, 'rsvp', v_sid, (v_sup->>'referrerId')::uuid, a->>'source', a->>'origin', v_now);
    INSERT INTO rsvps (action_id, campaign, supporter_id, status, guests, shift, token, created_at, updated_at)
    VALUES (v_id, v_campaign, v_sid, v_status, v_guests, v_shift, a#>>'{rsvp,tokenHash}', v_now, v_now);
    -- Texts go to the phone on file: a known person's only when this request gave that same number.
    v_sms := (a#>>'{rsvp,sms}')::boolean
      AND (NOT v_known OR v_sup#>>'{person,phone}' IS NOT DISTINCT FROM a#>>'{person,phone}');
    PERFORM ladder_consent(v_id, a, (a#>>'{rsvp,contact}')::boolean, v_sms, v_now);
    INSERT INTO outbox (id, type, campaign, supporter_id, payload, created_at)
    VALUES ((a->>'eventId')::uuid, 'rsvp.created', v_campaign, v_sid, jsonb_build_object('rsvpId', v_id,
      'supporterId', v_sid, 'person', CASE WHEN v_known THEN v_sup->'person' ELSE a->'person' END,
      'status', v_status, 'guests', v_guests, 'shift', NULLIF(v_shift, ''),
      'consent', jsonb_build_object('contact', (a#>>'{rsvp,contact}')::boolean, 'sms', v_sms) || (a->'consent'),
      'referrer', a->'referrer', 'source', a->'source', 'origin', a->'origin', 'createdAt', a->>'now'), v_now);
    PERFORM ladder_rung(v_sid, v_now);
  END IF;
  v_taken := ladder_taken(v_campaign);
  RETURN jsonb_build_object('actionId', v_id, 'supporterId', v_sid, 'duplicate', false, 'count', v_taken->'',
    'referralCode', v_sup->'code', 'done', ladder_done(v_sid, a->'candidates'),
    'rsvp', jsonb_build_object('id', v_id, 'campaign', v_campaign, 'status', v_status, 'guests', v_guests,
      'shift', v_shift, 'token', a#>>'{rsvp,token}'),
    'taken', v_taken);
END $$;

-- The whole action, idempotent: {mismatch} | {replay, status, body}. Status 1: the body is the outcome.
CREATE FUNCTION ladder_action(a jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE v_campaign text := a->>'campaign'; v_key text := a#>>'{idempotency,key}'; v_taken text; v_seen record;
  v_out jsonb;
BEGIN
  IF v_key IS NOT NULL THEN
    -- Taken first: a second request with the key waits here for this one, then reads what it stored.
    INSERT INTO idempotency (campaign, key, request_hash, status, body, created_at)
    VALUES (v_campaign, v_key, a#>>'{idempotency,requestHash}', 0, 'null', (a->>'now')::timestamptz)
    ON CONFLICT DO NOTHING RETURNING key INTO v_taken;
    IF v_taken IS NULL THEN
      SELECT request_hash, status, body INTO v_seen FROM idempotency WHERE campaign = v_campaign AND key = v_key;
      IF FOUND THEN
        IF v_seen.request_hash <> a#>>'{idempotency,requestHash}' THEN RETURN '{"mismatch": true}'; END IF;
        RETURN jsonb_build_object('replay', true, 'status', v_seen.status, 'body', v_seen.body);
      END IF;
    END IF;
  END IF;
  v_out := CASE WHEN a->>'kind' = 'rsvp' THEN ladder_rsvp(a) ELSE ladder_record(a) END;
  IF v_key IS NOT NULL THEN
    UPDATE idempotency SET status = 1, body = v_out WHERE campaign = v_campaign AND key = v_key;
  END IF;
  RETURN jsonb_build_object('replay', false, 'status', 1, 'body', v_out);
END $$;

-- The abuse guard's claim on a render token, then every use of the token (store/guard.ts claimToken): one round trip.
-- The token's lock serializes the submissions on it, so of those at the same moment each later one sees the earlier
-- ones' claims, as a claim committed before the look gave.
CREATE FUNCTION ladder_claim(p_nonce text, p_key text, p_email text, p_at bigint, p_expires bigint)
RETURNS TABLE (use_key text, use_email text, use_at bigint) LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('token' || chr(10) || p_nonce));
  INSERT INTO guard_token_uses (nonce, key, email, used_at, expires_at) VALUES (p_nonce, p_key, p_email, p_at, p_expires)
    ON CONFLICT (nonce, key) DO NOTHING;
  RETURN QUERY SELECT u.key, u.email, u.used_at FROM guard_token_uses u WHERE u.nonce = p_nonce;
END $$;
`;
