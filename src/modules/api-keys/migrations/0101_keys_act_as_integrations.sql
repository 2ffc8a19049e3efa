-- No key ever acts as a person (docs/security.md). Keys that do are revoked, each with an
-- audit row naming the key, the person it acted as and its creator.
WITH revoked AS (
  UPDATE api_keys k SET revoked_at = now()
    FROM users u
   WHERE u.id = k.user_id AND u.kind = 'person' AND k.revoked_at IS NULL
  RETURNING k.id, k.organization_id, k.user_id, k.created_by
)
INSERT INTO audit_events (id, organization_id, action, record_type, record_id, request_id, user_agent, details)
SELECT gen_random_uuid(), organization_id, 'delete', 'api-key', id, 'migration-0101', 'bridgeway migration',
       jsonb_build_object('change', 'revoked-acted-as-person', 'actingAs', user_id, 'apiKeyCreatedBy', created_by)
  FROM revoked;

CREATE FUNCTION api_keys_integration_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM users WHERE id = NEW.user_id AND kind = 'integration') THEN
    RAISE EXCEPTION 'an API key acts only as an integration account' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER api_keys_integration_only BEFORE INSERT OR UPDATE OF user_id ON api_keys
  FOR EACH ROW EXECUTE FUNCTION api_keys_integration_only();
