-- Integration accounts (docs/security.md): non-human accounts that API keys act as. They have
-- no email, password, set-password link or second factor; a person always has an email.
ALTER TABLE users ADD COLUMN kind text NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'integration'));
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;

-- The foundation's "active means a password" rule, now for people only.
DO $$
DECLARE name text;
BEGIN
  SELECT conname INTO name FROM pg_constraint
   WHERE conrelid = 'users'::regclass AND contype = 'c'
     AND pg_get_constraintdef(oid) LIKE '%password_hash IS NOT NULL%';
  EXECUTE format('ALTER TABLE users DROP CONSTRAINT %I', name);
END $$;
ALTER TABLE users ADD CONSTRAINT users_person_credentials
  CHECK (kind = 'integration' OR (email IS NOT NULL AND (status = 'invited' OR password_hash IS NOT NULL)));
ALTER TABLE users ADD CONSTRAINT users_integration_has_no_credentials
  CHECK (kind = 'person' OR (email IS NULL AND password_hash IS NULL AND mfa_secret IS NULL
    AND mfa_pending_secret IS NULL AND mfa_enabled_at IS NULL AND invitation_token_hash IS NULL AND status <> 'invited'));

-- What an account is never changes: a person cannot become a key's identity, nor the reverse.
CREATE FUNCTION users_kind_is_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.kind IS DISTINCT FROM OLD.kind THEN
    RAISE EXCEPTION 'the kind of an account cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER users_kind_is_fixed BEFORE UPDATE OF kind ON users FOR EACH ROW EXECUTE FUNCTION users_kind_is_fixed();

-- An email is unique within an organization, not across them: a clash with another tenant's
-- staff must not tell an admin that the address works elsewhere (docs/security.md).
DROP INDEX users_email_unique;
CREATE UNIQUE INDEX users_email_per_organization ON users (organization_id, email);
CREATE INDEX users_email ON users (email);

-- "Security events since your previous sign-in" need the sign-in before the current one.
ALTER TABLE users ADD COLUMN previous_sign_in_at timestamptz;
