-- Instrument definitions an organization loads because it is licensed to use them (full AUDIT,
-- DAST-10…). Built-in instruments are files in the repository, not rows. A definition is
-- immutable once loaded, since assessments will name the key and version they were scored by:
-- a change is a new version.
CREATE TABLE instrument_definitions (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  key text NOT NULL CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  version text NOT NULL,
  definition jsonb NOT NULL,
  imported_by uuid REFERENCES users (id),
  imported_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, key, version)
);
