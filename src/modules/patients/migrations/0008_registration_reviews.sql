-- Registrations a supervisor must review (docs/patients.md): when a new registration looks like
-- a record the registering person may not see, telling them "this person is a patient
-- elsewhere" would disclose a patient of another program (42 CFR Part 2), and creating a
-- second record would split the person's chart. The registration waits here instead.
CREATE TABLE registration_reviews (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  requested_by uuid NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  -- The registration as it was sent (the body of POST /api/patients), to create it if approved.
  registration jsonb NOT NULL,
  candidate_ids uuid[] NOT NULL CHECK (cardinality(candidate_ids) >= 1),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'registered', 'declined')),
  decided_by uuid,
  decided_at timestamptz,
  decision_note text CHECK (length(decision_note) <= 2000),
  registered_patient_id uuid,
  version integer NOT NULL DEFAULT 1,
  FOREIGN KEY (organization_id, requested_by) REFERENCES users (organization_id, id),
  FOREIGN KEY (organization_id, decided_by) REFERENCES users (organization_id, id),
  FOREIGN KEY (organization_id, registered_patient_id) REFERENCES patients (organization_id, id),
  CHECK ((status = 'pending') = (decided_at IS NULL) AND (decided_at IS NULL) = (decided_by IS NULL)),
  CHECK ((status = 'registered') = (registered_patient_id IS NOT NULL))
);
CREATE INDEX registration_reviews_pending ON registration_reviews (organization_id, requested_at) WHERE status = 'pending';
CREATE INDEX registration_reviews_requester ON registration_reviews (requested_by, requested_at DESC);
