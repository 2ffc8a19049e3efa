-- An instrument administered to a patient in an episode (docs/assessments.md). Answers save as
-- they are given; a completed assessment is immutable (its result was computed by the engine
-- from these answers and the definition named by key and version); a correction is a new
-- assessment that supersedes it, with a reason.
CREATE TABLE assessments (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  episode_id uuid NOT NULL,
  instrument_key text NOT NULL,
  instrument_version text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('in-person', 'phone', 'video', 'patient-device')),
  status text NOT NULL DEFAULT 'in-progress' CHECK (status IN ('in-progress', 'completed', 'abandoned', 'superseded')),
  answers jsonb NOT NULL DEFAULT '{}',
  context jsonb NOT NULL DEFAULT '{}',
  result jsonb,
  administered_by uuid NOT NULL REFERENCES users (id),
  started_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  abandoned_reason text,
  supersedes_id uuid REFERENCES assessments (id),
  correction_reason text,
  crisis_steps_shown_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, episode_id, patient_id) REFERENCES episodes (organization_id, id, patient_id) ON UPDATE CASCADE,
  CHECK ((status = 'completed' OR status = 'superseded') = (result IS NOT NULL AND completed_at IS NOT NULL)),
  CHECK ((status = 'abandoned') = (abandoned_reason IS NOT NULL)),
  CHECK ((supersedes_id IS NULL) = (correction_reason IS NULL))
);
CREATE INDEX assessments_episode ON assessments (episode_id, started_at DESC);
CREATE INDEX assessments_patient ON assessments (patient_id, instrument_key, completed_at DESC);
-- One correction per assessment: two people correcting the same one cannot both win.
CREATE UNIQUE INDEX assessments_one_correction ON assessments (supersedes_id) WHERE supersedes_id IS NOT NULL;
