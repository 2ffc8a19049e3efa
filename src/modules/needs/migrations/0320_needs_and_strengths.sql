-- Needs across life domains, per episode, and the patient's strengths (docs/needs.md).
-- A need hangs off its episode (the cascading key: a merge moves it with the episode). A need a
-- positive screen proposed names the completed assessment; one a staff member saw names no
-- screen. Its status changes are kept, each dated, with who and why.
CREATE TABLE needs (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  episode_id uuid NOT NULL,
  domain text NOT NULL CHECK (domain IN ('housing', 'food', 'income-and-benefits', 'employment', 'education', 'transportation', 'childcare', 'legal-justice', 'physical-health', 'mental-health', 'substance-use', 'family-and-social-support', 'safety', 'communication-language')),
  urgency text NOT NULL CHECK (urgency IN ('urgent', 'soon', 'routine')),
  status text NOT NULL CHECK (status IN ('proposed', 'identified', 'being-addressed', 'met', 'declined-by-patient', 'unmet-no-resource', 'dismissed')),
  description text,
  source text NOT NULL CHECK (source IN ('screen', 'staff-judgement')),
  assessment_id uuid REFERENCES assessments (id),
  instrument_key text,
  -- What in the screen flagged it: the instrument's domains or result (codes, e.g. {housing,utilities}).
  screen_findings text[] NOT NULL DEFAULT '{}',
  dismissed_reason text,
  created_by uuid REFERENCES users (id),
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, id, patient_id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, episode_id, patient_id) REFERENCES episodes (organization_id, id, patient_id) ON UPDATE CASCADE,
  CHECK ((source = 'screen') = (assessment_id IS NOT NULL AND instrument_key IS NOT NULL)),
  CHECK ((status = 'dismissed') = (dismissed_reason IS NOT NULL))
);
CREATE INDEX needs_episode ON needs (episode_id, status, domain);
CREATE INDEX needs_patient ON needs (patient_id) WHERE status <> 'dismissed';
-- One waiting proposal per domain and episode: a second positive screen does not pile up copies.
CREATE UNIQUE INDEX needs_one_proposal ON needs (episode_id, domain) WHERE status = 'proposed';

CREATE TABLE need_status_changes (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  need_id uuid NOT NULL,
  from_status text CHECK (from_status IN ('proposed', 'identified', 'being-addressed', 'met', 'declined-by-patient', 'unmet-no-resource', 'dismissed')),
  to_status text NOT NULL CHECK (to_status IN ('proposed', 'identified', 'being-addressed', 'met', 'declined-by-patient', 'unmet-no-resource', 'dismissed')),
  note text,
  changed_by uuid REFERENCES users (id),
  changed_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, need_id, patient_id) REFERENCES needs (organization_id, id, patient_id) ON UPDATE CASCADE
);
CREATE INDEX need_status_changes_need ON need_status_changes (need_id, changed_at);

-- Strengths belong to the person, not to one episode: what someone does well, has, enjoys and
-- who stands by them carries from one episode of care to the next.
CREATE TABLE strengths (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  domain text NOT NULL CHECK (domain IN ('housing', 'food', 'income-and-benefits', 'employment', 'education', 'transportation', 'childcare', 'legal-justice', 'physical-health', 'mental-health', 'substance-use', 'family-and-social-support', 'safety', 'communication-language')),
  kind text NOT NULL CHECK (kind IN ('skill', 'resource', 'interest', 'person')),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  in_patients_words boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  deleted_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id)
);
CREATE INDEX strengths_patient ON strengths (patient_id, domain) WHERE deleted_at IS NULL;
