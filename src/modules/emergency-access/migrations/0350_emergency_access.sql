-- Break-the-glass (42 CFR Part 2 issue 11, item 6; docs/emergency-access.md). A clinician outside
-- the care team states a reason, re-enters their password and may read one patient's chart for a
-- limited time (the organization's emergency_access_hours). Every audit row written for that
-- patient by that person while the grant is active is marked with the grant's id, and the
-- privacy officer reviews each grant with a finding.
CREATE TABLE emergency_access_grants (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  user_id uuid NOT NULL,
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 10 AND 1000),
  started_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  expires_at timestamptz NOT NULL,
  -- Ended early by the person who broke the glass.
  ended_at timestamptz,
  reviewed_at timestamptz,
  reviewed_by uuid,
  finding text CHECK (finding IN ('appropriate', 'inappropriate', 'needs-follow-up')),
  review_note text CHECK (length(review_note) <= 2000),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id),
  FOREIGN KEY (organization_id, reviewed_by) REFERENCES users (organization_id, id),
  CHECK (expires_at > started_at),
  CHECK (ended_at IS NULL OR ended_at >= started_at),
  CHECK ((reviewed_at IS NULL) = (reviewed_by IS NULL) AND (reviewed_at IS NULL) = (finding IS NULL)),
  CHECK (reviewed_at IS NOT NULL OR review_note IS NULL)
);
-- The access check and the audit trigger: this person's grants for this patient, newest last.
CREATE INDEX emergency_access_grants_user_patient ON emergency_access_grants (user_id, patient_id, expires_at);
-- The privacy officer's queue, awaiting review (oldest first) and reviewed (newest first).
CREATE INDEX emergency_access_grants_awaiting ON emergency_access_grants (organization_id, started_at, id) WHERE reviewed_at IS NULL;
CREATE INDEX emergency_access_grants_reviewed ON emergency_access_grants (organization_id, reviewed_at DESC, id) WHERE reviewed_at IS NOT NULL;

-- "Every read in it is audited as such": whatever path writes an audit row about a patient, the
-- row of a person holding an active grant for that patient carries details.emergencyAccessId.
-- Set before the insert, so the row is sealed (hashed) as stored, like any other.
-- The grant's own rows (recordType emergency-access: breaking the glass, ending it) are not reads in it.
CREATE FUNCTION audit_events_mark_emergency_access() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  grant_id uuid;
BEGIN
  SELECT g.id INTO grant_id FROM public.emergency_access_grants g
   WHERE g.user_id = NEW.actor_user_id AND g.patient_id = NEW.patient_id
     AND g.ended_at IS NULL AND g.expires_at > now()
   ORDER BY g.started_at DESC LIMIT 1;
  IF grant_id IS NOT NULL THEN
    NEW.details := coalesce(NEW.details, '{}'::jsonb) || jsonb_build_object('emergencyAccessId', grant_id::text);
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER audit_events_emergency_access BEFORE INSERT ON audit_events
  FOR EACH ROW
  WHEN (NEW.patient_id IS NOT NULL AND NEW.actor_user_id IS NOT NULL AND NEW.record_type IS DISTINCT FROM 'emergency-access')
  EXECUTE FUNCTION audit_events_mark_emergency_access();

-- The rows marked with one grant, for its review.
CREATE INDEX audit_events_emergency_access ON audit_events ((details ->> 'emergencyAccessId'), seq)
  WHERE details ? 'emergencyAccessId';
