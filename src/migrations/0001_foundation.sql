-- Foundation: organizations (tenants), programs, staff, sign-in, API keys, audit trail.
-- Every domain row carries organization_id; composite foreign keys
-- (organization_id, x_id) make a cross-tenant link impossible in the database itself.

CREATE TABLE organizations (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  time_zone text NOT NULL DEFAULT 'America/New_York',
  default_locale text NOT NULL DEFAULT 'en' CHECK (default_locale IN ('en', 'es')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE programs (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  case_management_model text NOT NULL CHECK (case_management_model IN (
    'broker-generalist', 'strengths-perspective', 'assertive-community-treatment',
    'clinical-rehabilitation', 'nurse-care-manager', 'community-health-worker')),
  description text CHECK (length(description) <= 2000),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  UNIQUE (organization_id, id)
);
CREATE UNIQUE INDEX programs_name_unique ON programs (organization_id, lower(name)) WHERE deleted_at IS NULL;
CREATE INDEX programs_list ON programs (organization_id, lower(name), id) WHERE deleted_at IS NULL;

CREATE TABLE users (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  -- Sign-in names an email only, so an email is unique across all tenants.
  email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
  display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 200),
  roles text[] NOT NULL CHECK (cardinality(roles) >= 1 AND roles <@ ARRAY[
    'admin', 'supervisor', 'case-manager', 'nurse-care-manager', 'community-health-worker',
    'peer-recovery-specialist', 'prescriber', 'counselor', 'privacy-officer']::text[]),
  status text NOT NULL CHECK (status IN ('invited', 'active', 'deactivated')),
  locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'es')),
  password_hash text,
  password_changed_at timestamptz,
  mfa_secret text,
  mfa_pending_secret text,
  mfa_enabled_at timestamptz,
  mfa_last_step bigint,
  invitation_token_hash bytea,
  invitation_expires_at timestamptz,
  last_sign_in_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deactivated_at timestamptz,
  UNIQUE (organization_id, id),
  CHECK (status = 'invited' OR password_hash IS NOT NULL)
);
CREATE UNIQUE INDEX users_email_unique ON users (email);
CREATE UNIQUE INDEX users_invitation_token ON users (invitation_token_hash) WHERE invitation_token_hash IS NOT NULL;
CREATE INDEX users_list ON users (organization_id, lower(display_name), id);

CREATE TABLE program_memberships (
  organization_id uuid NOT NULL,
  program_id uuid NOT NULL,
  user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, user_id),
  FOREIGN KEY (organization_id, program_id) REFERENCES programs (organization_id, id),
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id)
);
CREATE INDEX program_memberships_user ON program_memberships (user_id);

-- Server-side sessions, so any app instance can serve any request. Only a hash of the
-- cookie's token is stored: a leaked table cannot be replayed as cookies.
CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  token_hash bytea NOT NULL UNIQUE,
  organization_id uuid NOT NULL,
  user_id uuid NOT NULL,
  stage text NOT NULL CHECK (stage IN ('mfa-enrolment', 'active')),
  csrf_token text NOT NULL,
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  absolute_expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  end_reason text CHECK (end_reason IN ('sign-out', 'ended-by-user', 'password-changed', 'deactivated', 'rotated', 'mfa-reset')),
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id)
);
CREATE INDEX sessions_user_open ON sessions (user_id, created_at DESC) WHERE ended_at IS NULL;

-- Failed sign-ins per email, whether or not the email has an account, so that the
-- lockout itself does not reveal who has one.
CREATE TABLE sign_in_throttle (
  email text PRIMARY KEY,
  consecutive_failures integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_failure_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  user_id uuid NOT NULL,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  key_prefix text NOT NULL UNIQUE,
  key_hash bytea NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  last_used_at timestamptz,
  last_used_ip text,
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id),
  FOREIGN KEY (organization_id, created_by) REFERENCES users (organization_id, id)
);
CREATE INDEX api_keys_list ON api_keys (organization_id, id DESC);

-- The audit trail. Append-only: the trigger below refuses UPDATE, DELETE and TRUNCATE,
-- except the one update the sealer makes, filling the hash-chain columns of a row that
-- has none yet. Rows are inserted without a hash (no lock: concurrent writers never wait
-- on each other) and chained afterwards, in commit order, by a single sealer under an
-- advisory lock (src/lib/audit/chain.ts).
CREATE TABLE audit_events (
  id uuid PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  organization_id uuid REFERENCES organizations (id),
  actor_user_id uuid,
  actor_api_key_id uuid,
  action text NOT NULL CHECK (action IN (
    'create', 'read', 'update', 'delete', 'sign-in', 'sign-in-failure', 'sign-out',
    'access-denied', 'export')),
  record_type text,
  record_id uuid,
  patient_id uuid,
  request_id text,
  ip text,
  user_agent text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  chain_position bigint UNIQUE,
  prev_hash text,
  hash text,
  sealed_at timestamptz,
  CHECK ((chain_position IS NULL) = (hash IS NULL) AND (hash IS NULL) = (prev_hash IS NULL))
);
CREATE INDEX audit_events_unsealed ON audit_events (seq) WHERE hash IS NULL;
CREATE INDEX audit_events_org_seq ON audit_events (organization_id, seq DESC);
CREATE INDEX audit_events_patient ON audit_events (patient_id, occurred_at DESC) WHERE patient_id IS NOT NULL;
CREATE INDEX audit_events_actor ON audit_events (actor_user_id, occurred_at DESC);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  chain_columns text[] := ARRAY['chain_position', 'prev_hash', 'hash', 'sealed_at'];
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.hash IS NULL AND NEW.hash IS NOT NULL
     AND (to_jsonb(NEW) - chain_columns) = (to_jsonb(OLD) - chain_columns) THEN
    RETURN NEW; -- sealing: only the chain columns of an unsealed row change
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
