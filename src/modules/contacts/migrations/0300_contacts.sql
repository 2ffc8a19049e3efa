-- Contacts with a patient, their notes and addenda, and each program's expected contact
-- cadence per phase (docs/contacts.md).

-- The staff member's credential ("LCSW", "CADC-II", "CHW"): copied onto each contact when it
-- is logged, so billing later reads the credential held at the time.
ALTER TABLE users ADD COLUMN credential text CHECK (credential IS NULL OR length(credential) BETWEEN 1 AND 40);

CREATE TABLE contacts (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  episode_id uuid,
  occurred_at timestamptz NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
  mode text NOT NULL CHECK (mode IN ('office-visit', 'home-visit', 'community-visit', 'phone', 'video', 'text-message',
                                     'accompanied-to-service', 'collateral-contact', 'attempted-not-reached')),
  location text,
  participants text,
  patient_took_part boolean NOT NULL DEFAULT true,
  collaterals text[] NOT NULL DEFAULT '{}',
  activities text[] NOT NULL DEFAULT '{}' CHECK (activities <@ ARRAY['outreach', 'assessment', 'planning', 'linkage-referral', 'monitoring',
    'advocacy', 'crisis-response', 'informal-support-development', 'therapeutic-service', 'direct-service']::text[]),
  -- Billing, recorded now: who, with which credential and role at the time.
  staff_id uuid NOT NULL REFERENCES users (id),
  staff_credential text,
  staff_roles text[] NOT NULL,
  entered_in_error_at timestamptz,
  entered_in_error_by uuid REFERENCES users (id),
  entered_in_error_reason text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, id, patient_id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, episode_id, patient_id) REFERENCES episodes (organization_id, id, patient_id) ON UPDATE CASCADE,
  CHECK ((entered_in_error_at IS NULL) = (entered_in_error_reason IS NULL))
);
CREATE INDEX contacts_patient ON contacts (patient_id, occurred_at DESC, id);
CREATE INDEX contacts_episode ON contacts (episode_id, occurred_at DESC, id) WHERE episode_id IS NOT NULL;

CREATE TABLE contact_notes (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  contact_id uuid NOT NULL UNIQUE,
  structure text NOT NULL CHECK (structure IN ('dap', 'soap', 'narrative')),
  -- {data, assessment, plan} | {subjective, objective, assessment, plan} | {narrative}
  sections jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
  author_id uuid NOT NULL REFERENCES users (id),
  signed_at timestamptz,
  cosigned_by uuid REFERENCES users (id),
  cosigned_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, id, patient_id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, contact_id, patient_id) REFERENCES contacts (organization_id, id, patient_id) ON UPDATE CASCADE,
  CHECK ((status = 'signed') = (signed_at IS NOT NULL)),
  CHECK ((cosigned_by IS NULL) = (cosigned_at IS NULL)),
  CHECK (cosigned_at IS NULL OR signed_at IS NOT NULL)
);
-- Unsigned drafts per author (Today).
CREATE INDEX contact_notes_drafts ON contact_notes (author_id, created_at) WHERE status = 'draft';
-- A patient's signed and co-signed notes (the timeline) and a merge's moves.
CREATE INDEX contact_notes_patient ON contact_notes (patient_id);

-- A signed note is never edited: corrections are dated addenda, never changed either.
CREATE TABLE note_addenda (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  note_id uuid NOT NULL,
  author_id uuid NOT NULL REFERENCES users (id),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, note_id, patient_id) REFERENCES contact_notes (organization_id, id, patient_id) ON UPDATE CASCADE
);
CREATE INDEX note_addenda_note ON note_addenda (note_id, created_at);
CREATE INDEX note_addenda_patient ON note_addenda (patient_id);

-- The expected days between contacts in each phase; a program without a row uses the defaults.
CREATE TABLE program_contact_cadences (
  program_id uuid PRIMARY KEY REFERENCES programs (id),
  organization_id uuid NOT NULL,
  outreach_days integer NOT NULL DEFAULT 7 CHECK (outreach_days BETWEEN 1 AND 365),
  intake_days integer NOT NULL DEFAULT 7 CHECK (intake_days BETWEEN 1 AND 365),
  primary_treatment_days integer NOT NULL DEFAULT 7 CHECK (primary_treatment_days BETWEEN 1 AND 365),
  continuing_care_days integer NOT NULL DEFAULT 14 CHECK (continuing_care_days BETWEEN 1 AND 365),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Maintained on each contact change (service.ts refreshEpisodeContacts): My caseload and Today
-- read them without touching the contacts table.
ALTER TABLE episodes
  ADD COLUMN last_contact_at timestamptz,
  ADD COLUMN unanswered_attempts integer NOT NULL DEFAULT 0,
  ADD COLUMN first_unanswered_at timestamptz;
