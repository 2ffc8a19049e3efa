-- One-time MFA recovery codes: ten at enrolment, each stored as a hash and usable once.
CREATE TABLE mfa_recovery_codes (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  user_id uuid NOT NULL,
  code_hash bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz,
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id)
);
CREATE UNIQUE INDEX mfa_recovery_codes_hash ON mfa_recovery_codes (user_id, code_hash);

-- Throttle rows of emails nobody has tried for a day are deleted (session/throttle.ts).
CREATE INDEX sign_in_throttle_last_failure ON sign_in_throttle (last_failure_at);

-- A person's security events (GET /api/me/security-events) are audit rows about their account.
CREATE INDEX audit_events_user_record ON audit_events (record_id, seq DESC) WHERE record_type = 'user';

-- Counted at sign-in: security events on the account since the sign-in before this one, so
-- the app can say "your second factor was replaced since you last signed in".
ALTER TABLE sessions ADD COLUMN security_events_since_previous_sign_in integer NOT NULL DEFAULT 0;
