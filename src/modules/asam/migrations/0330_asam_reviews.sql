-- An ASAM multidimensional review in an episode (docs/asam.md): a risk rating and notes for
-- each of the six dimensions, and the level of care indicated, available and chosen (codes of
-- the review's edition, as placements store them), with the reason when they differ. A
-- completed review never changes; a correction is a new review that supersedes it.
CREATE TABLE asam_reviews (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  episode_id uuid NOT NULL,
  edition text NOT NULL CHECK (edition IN ('asam-3', 'asam-4')),
  status text NOT NULL DEFAULT 'in-progress' CHECK (status IN ('in-progress', 'completed', 'superseded')),
  dimensions jsonb NOT NULL DEFAULT '{}',
  indicated_level text,
  available_level text,
  chosen_level text,
  difference_reason text,
  reviewed_by uuid NOT NULL REFERENCES users (id),
  started_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  supersedes_id uuid REFERENCES asam_reviews (id),
  correction_reason text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, episode_id, patient_id) REFERENCES episodes (organization_id, id, patient_id) ON UPDATE CASCADE,
  -- A placement cites a review of its own episode through this pair (0331).
  UNIQUE (id, episode_id),
  CHECK ((status = 'completed' OR status = 'superseded') = (completed_at IS NOT NULL)),
  CHECK (completed_at IS NULL OR (indicated_level IS NOT NULL AND available_level IS NOT NULL AND chosen_level IS NOT NULL)),
  CHECK (
    completed_at IS NULL
    OR (indicated_level = chosen_level AND indicated_level = available_level)
    OR difference_reason IS NOT NULL
  ),
  CHECK ((supersedes_id IS NULL) = (correction_reason IS NULL))
);
CREATE INDEX asam_reviews_episode ON asam_reviews (episode_id, started_at DESC);
CREATE INDEX asam_reviews_patient ON asam_reviews (patient_id);
-- One correction per review: two people correcting the same one cannot both win.
CREATE UNIQUE INDEX asam_reviews_one_correction ON asam_reviews (supersedes_id) WHERE supersedes_id IS NOT NULL;
