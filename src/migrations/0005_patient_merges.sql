-- Merging two records of the same person (docs/patients.md). Nothing is deleted: the merged
-- record stays, pointing at the survivor, and the rows that moved are listed so the merge can
-- be undone exactly.
CREATE TABLE patient_merges (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  survivor_id uuid NOT NULL,
  merged_id uuid NOT NULL,
  moved jsonb NOT NULL,
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 2000),
  merged_by uuid NOT NULL,
  merged_at timestamptz NOT NULL DEFAULT now(),
  undone_by uuid,
  undone_at timestamptz,
  FOREIGN KEY (organization_id, survivor_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, merged_id) REFERENCES patients (organization_id, id),
  CHECK (survivor_id <> merged_id),
  CHECK ((undone_by IS NULL) = (undone_at IS NULL))
);
-- A record is merged into at most one other at a time.
CREATE UNIQUE INDEX patient_merges_active ON patient_merges (merged_id) WHERE undone_at IS NULL;
CREATE INDEX patient_merges_survivor ON patient_merges (survivor_id);
