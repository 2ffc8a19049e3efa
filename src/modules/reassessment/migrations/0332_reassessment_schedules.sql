-- A program's reassessment schedule (docs/assessments.md "Reassessment"): which instruments are
-- due when, as a list of rules. A program setting, versioned like every record; no patient data.
CREATE TABLE reassessment_schedules (
  program_id uuid PRIMARY KEY REFERENCES programs (id),
  organization_id uuid NOT NULL REFERENCES organizations (id),
  rules jsonb NOT NULL DEFAULT '[]',
  updated_by uuid NOT NULL REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
