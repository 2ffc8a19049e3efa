-- Sealing the audit chain moves into the database (docs/security.md, "Audit trail integrity").
-- Until now the app computed each row's chain position and hash and wrote them with an UPDATE,
-- so any role allowed to seal could seal a forged row at a position and with a hash of its
-- choosing. Now `audit_seal` computes both itself and runs as the owner (SECURITY DEFINER);
-- the app's role only EXECUTEs it and has no UPDATE on audit_events at all (src/lib/db/grants.ts).

-- The row's hash, exactly as src/lib/audit/chain.ts computes it (so chains sealed before this
-- migration still verify): sha256 of the previous hash, a newline and the JSON array of the
-- row's fields, every element a string or null. to_json(text) escapes as JSON.stringify does
-- (\" \\ \b \f \n \r \t, other control characters as \u00xx, everything else as is);
-- src/lib/audit/chain-sql.test.ts compares the two on a table of awkward strings.
CREATE FUNCTION audit_chain_hash(prev_hash text, e audit_events) RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT encode(sha256(convert_to(prev_hash || E'\n' || '[' || array_to_string(ARRAY[
    to_json(e.id::text)::text,
    to_json((floor(extract(epoch FROM e.occurred_at) * 1000000))::bigint::text)::text,
    coalesce(to_json(e.organization_id::text)::text, 'null'),
    coalesce(to_json(e.actor_user_id::text)::text, 'null'),
    coalesce(to_json(e.actor_api_key_id::text)::text, 'null'),
    to_json(e.action)::text,
    coalesce(to_json(e.record_type)::text, 'null'),
    coalesce(to_json(e.record_id::text)::text, 'null'),
    coalesce(to_json(e.patient_id::text)::text, 'null'),
    coalesce(to_json(e.request_id)::text, 'null'),
    coalesce(to_json(e.ip)::text, 'null'),
    coalesce(to_json(e.user_agent)::text, 'null'),
    to_json(e.details::text)::text
  ], ',') || ']', 'UTF8')), 'hex')
$$;

-- Seals up to `batch` committed unsealed rows in `seq` order: each gets the next chain
-- position, the previous row's hash and its own hash. One sealer at a time across all app
-- instances (a transaction-level advisory lock: a second caller returns at once with 0).
-- Returns how many rows it sealed and the chain head after them.
-- search_path is fixed (pg_temp last) because this runs with the owner's rights; grants.ts
-- refuses an app role that could create objects in public and so shadow what it calls.
CREATE FUNCTION audit_seal(batch integer DEFAULT 2000)
RETURNS TABLE (sealed integer, head_position bigint, head_hash text)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  e public.audit_events%ROWTYPE;
  ids uuid[] := '{}';
  positions bigint[] := '{}';
  prev_hashes text[] := '{}';
  hashes text[] := '{}';
  pos bigint;
  prev text;
  next_hash text;
BEGIN
  sealed := 0;
  IF NOT pg_try_advisory_xact_lock(4242002) THEN
    RETURN NEXT; -- another sealer is at work
    RETURN;
  END IF;
  SELECT a.chain_position, a.hash INTO pos, prev
    FROM public.audit_events a
   WHERE a.chain_position IS NOT NULL
   ORDER BY a.chain_position DESC
   LIMIT 1;
  pos := coalesce(pos, 0);
  prev := coalesce(prev, repeat('0', 64));
  FOR e IN
    SELECT * FROM public.audit_events a
     WHERE a.hash IS NULL
     ORDER BY a.seq
     LIMIT greatest(1, least(coalesce(batch, 2000), 10000))
  LOOP
    pos := pos + 1;
    next_hash := public.audit_chain_hash(prev, e);
    ids := ids || e.id;
    positions := positions || pos;
    prev_hashes := prev_hashes || prev;
    hashes := hashes || next_hash;
    prev := next_hash;
    sealed := sealed + 1;
  END LOOP;
  IF sealed > 0 THEN
    UPDATE public.audit_events AS a
       SET chain_position = s.position, prev_hash = s.prev_hash, hash = s.hash, sealed_at = now()
      FROM unnest(ids, positions, prev_hashes, hashes) AS s(id, position, prev_hash, hash)
     WHERE a.id = s.id;
  END IF;
  head_position := nullif(pos, 0);
  head_hash := CASE WHEN pos > 0 THEN prev END;
  RETURN NEXT;
END $$;
REVOKE ALL ON FUNCTION audit_seal(integer) FROM PUBLIC;

-- A new row arrives unsealed: an INSERT that brings its own chain columns is refused, so a
-- writer cannot place a row in the chain by itself.
CREATE FUNCTION audit_events_insert_unsealed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.chain_position IS NOT NULL OR NEW.prev_hash IS NOT NULL OR NEW.hash IS NOT NULL OR NEW.sealed_at IS NOT NULL THEN
    RAISE EXCEPTION 'audit_events: a new row cannot carry chain columns; audit_seal() seals it'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER audit_events_insert_unsealed BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_insert_unsealed();
