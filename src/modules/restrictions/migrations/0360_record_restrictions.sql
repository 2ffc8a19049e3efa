-- Restricted records (docs/restrictions.md): a patient, or one episode, whose chart only its
-- current care team and the staff on the allow list may open; staff on the excluded list may
-- not, whatever else they are. One active restriction per patient (episode_id NULL) and one per
-- episode; lifting keeps the row (dated), so who restricted what and when stays on record.
CREATE TABLE record_restrictions (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  episode_id uuid,
  reason text NOT NULL CHECK (reason IN ('staff-relative', 'staff-member', 'public-figure', 'patient-request', 'safety', 'other')),
  allowed_user_ids uuid[] NOT NULL DEFAULT '{}',
  excluded_user_ids uuid[] NOT NULL DEFAULT '{}',
  restricted_by uuid NOT NULL REFERENCES users (id),
  restricted_at timestamptz NOT NULL DEFAULT now(),
  lifted_by uuid REFERENCES users (id),
  lifted_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, episode_id, patient_id) REFERENCES episodes (organization_id, id, patient_id) ON UPDATE CASCADE,
  UNIQUE (organization_id, id, patient_id),
  CHECK ((lifted_at IS NULL) = (lifted_by IS NULL)),
  CHECK (NOT (allowed_user_ids && excluded_user_ids))
);
-- The visibility predicate looks these up per patient and per episode: active rows only.
CREATE UNIQUE INDEX record_restrictions_patient ON record_restrictions (patient_id) WHERE lifted_at IS NULL AND episode_id IS NULL;
CREATE UNIQUE INDEX record_restrictions_episode ON record_restrictions (episode_id) WHERE lifted_at IS NULL AND episode_id IS NOT NULL;
CREATE INDEX record_restrictions_listed ON record_restrictions (organization_id, restricted_at DESC) WHERE lifted_at IS NULL;
