-- Patients, episodes of care, the continuum, levels of care and the care team (docs/patients.md).

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- unaccent() is only STABLE (its dictionary could change); names are folded with a fixed
-- dictionary so the result can feed an index and a generated column.
CREATE FUNCTION bw_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

CREATE TABLE patients (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  legal_first_name text NOT NULL CHECK (length(btrim(legal_first_name)) BETWEEN 1 AND 100),
  legal_middle_name text CHECK (length(legal_middle_name) <= 100),
  legal_last_name text NOT NULL CHECK (length(btrim(legal_last_name)) BETWEEN 1 AND 100),
  preferred_name text CHECK (length(preferred_name) <= 100),
  date_of_birth date NOT NULL CHECK (date_of_birth >= DATE '1900-01-01'),
  sex_at_birth text CHECK (sex_at_birth IN ('female', 'male', 'intersex', 'unknown', 'declined')),
  gender_identity text CHECK (gender_identity IN (
    'woman', 'man', 'transgender-woman', 'transgender-man', 'non-binary', 'another', 'unknown', 'declined')),
  pronouns text CHECK (length(pronouns) <= 50),
  -- OMB SPD 15 (2024): one combined race and ethnicity question, several answers allowed.
  race_ethnicity text[] NOT NULL DEFAULT '{}' CHECK (race_ethnicity <@ ARRAY[
    'american-indian-or-alaska-native', 'asian', 'black-or-african-american', 'hispanic-or-latino',
    'middle-eastern-or-north-african', 'native-hawaiian-or-pacific-islander', 'white', 'declined']::text[]
    AND (NOT 'declined' = ANY (race_ethnicity) OR cardinality(race_ethnicity) = 1)),
  preferred_language text NOT NULL DEFAULT 'en' CHECK (preferred_language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
  interpreter_needed boolean NOT NULL DEFAULT false,
  address_line1 text CHECK (length(address_line1) <= 200),
  address_line2 text CHECK (length(address_line2) <= 200),
  city text CHECK (length(city) <= 100),
  state text CHECK (length(state) <= 50),
  postal_code text CHECK (length(postal_code) <= 20),
  no_fixed_address boolean NOT NULL DEFAULT false,
  how_to_reach text CHECK (length(how_to_reach) <= 1000),
  emergency_contact_name text CHECK (length(emergency_contact_name) <= 200),
  emergency_contact_relationship text CHECK (length(emergency_contact_relationship) <= 100),
  emergency_contact_phone text CHECK (length(emergency_contact_phone) <= 30),
  search_name text GENERATED ALWAYS AS (bw_fold(
    legal_first_name || ' ' || coalesce(legal_middle_name || ' ', '') || legal_last_name || coalesce(' ' || preferred_name, ''))) STORED,
  created_by uuid NOT NULL,
  merged_into_id uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  UNIQUE (organization_id, id),
  FOREIGN KEY (organization_id, created_by) REFERENCES users (organization_id, id),
  FOREIGN KEY (organization_id, merged_into_id) REFERENCES patients (organization_id, id),
  CHECK (NOT no_fixed_address OR address_line1 IS NULL)
);
CREATE INDEX patients_name_trgm ON patients USING gin (search_name gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX patients_birth_date ON patients (organization_id, date_of_birth) WHERE deleted_at IS NULL;

CREATE TABLE patient_phones (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  position smallint NOT NULL CHECK (position BETWEEN 0 AND 9),
  number text NOT NULL CHECK (length(number) BETWEEN 3 AND 30),
  digits text GENERATED ALWAYS AS (regexp_replace(number, '[^0-9]', '', 'g')) STORED,
  kind text NOT NULL CHECK (kind IN ('mobile', 'home', 'work', 'other')),
  consent_to_text boolean NOT NULL DEFAULT false,
  voicemail_safe boolean NOT NULL DEFAULT false,
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  UNIQUE (patient_id, position)
);
CREATE INDEX patient_phones_digits ON patient_phones (organization_id, digits);

CREATE TABLE patient_identifiers (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  system text NOT NULL CHECK (system IN ('mrn', 'medicaid', 'medicare', 'other')),
  value text NOT NULL CHECK (length(btrim(value)) BETWEEN 1 AND 64),
  label text CHECK (length(label) <= 100),
  retired_at timestamptz,
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id)
);
-- One live record per identifier in an organization (a merged or removed record retires its own).
CREATE UNIQUE INDEX patient_identifiers_unique ON patient_identifiers (organization_id, system, upper(value)) WHERE retired_at IS NULL;
CREATE INDEX patient_identifiers_patient ON patient_identifiers (patient_id);

CREATE TABLE patient_coverages (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('medicaid', 'medicare', 'private', 'marketplace', 'tricare-va', 'uninsured', 'other')),
  payer_name text CHECK (length(payer_name) <= 200),
  member_id text CHECK (length(member_id) <= 64),
  start_date date,
  end_date date,
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX patient_coverages_patient ON patient_coverages (patient_id);

CREATE TABLE episodes (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  program_id uuid NOT NULL,
  referral_source text NOT NULL CHECK (referral_source IN (
    'treatment-provider', 'mental-health-provider', 'social-services-agency', 'self', 'family',
    'court-justice', 'emergency-department', 'primary-care', 'other')),
  referral_date date,
  first_contact_date date,
  opened_on date NOT NULL,
  closed_on date,
  closure_reason text CHECK (closure_reason IN (
    'goals-met', 'transferred', 'moved', 'lost-to-contact', 'declined-further-services', 'incarcerated', 'died', 'other')),
  phase text NOT NULL CHECK (phase IN ('outreach', 'intake', 'primary-treatment', 'continuing-care', 'closed')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, program_id) REFERENCES programs (organization_id, id),
  CHECK ((phase = 'closed') = (closed_on IS NOT NULL) AND (closed_on IS NULL) = (closure_reason IS NULL)),
  CHECK (closed_on IS NULL OR closed_on >= opened_on),
  CHECK (referral_date IS NULL OR referral_date <= opened_on)
);
CREATE INDEX episodes_patient ON episodes (patient_id);
CREATE INDEX episodes_program_open ON episodes (organization_id, program_id) WHERE closed_on IS NULL;

CREATE TABLE episode_phases (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  episode_id uuid NOT NULL,
  phase text NOT NULL CHECK (phase IN ('outreach', 'intake', 'primary-treatment', 'continuing-care', 'closed')),
  started_on date NOT NULL,
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  note text CHECK (length(note) <= 2000),
  FOREIGN KEY (organization_id, episode_id) REFERENCES episodes (organization_id, id)
);
CREATE INDEX episode_phases_episode ON episode_phases (episode_id, started_on);

CREATE TABLE placements (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  episode_id uuid NOT NULL,
  level_edition text NOT NULL CHECK (level_edition IN ('asam-3', 'asam-4', 'other')),
  level_code text NOT NULL CHECK (length(level_code) BETWEEN 1 AND 40),
  provider_name text CHECK (length(provider_name) <= 200),
  start_date date NOT NULL,
  planned_end_date date,
  actual_end_date date,
  concurrent boolean NOT NULL DEFAULT false,
  note text CHECK (length(note) <= 2000),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organization_id, episode_id) REFERENCES episodes (organization_id, id),
  CHECK (planned_end_date IS NULL OR planned_end_date >= start_date),
  CHECK (actual_end_date IS NULL OR actual_end_date >= start_date),
  -- Placements of one episode may not overlap, unless marked concurrent (OBOT beside outpatient).
  EXCLUDE USING gist (episode_id WITH =, daterange(start_date, actual_end_date, '[)') WITH &&) WHERE (NOT concurrent)
);
CREATE INDEX placements_episode ON placements (episode_id, start_date);
-- "Transition at risk" reads placements whose planned end is near and that have no successor.
CREATE INDEX placements_planned_end ON placements (organization_id, planned_end_date) WHERE actual_end_date IS NULL;

CREATE TABLE care_team_members (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  episode_id uuid NOT NULL,
  user_id uuid,
  external_name text CHECK (length(external_name) <= 200),
  external_organization text CHECK (length(external_organization) <= 200),
  external_phone text CHECK (length(external_phone) <= 30),
  role text NOT NULL CHECK (role IN (
    'primary-case-manager', 'case-manager', 'nurse-care-manager', 'community-health-worker',
    'peer-recovery-specialist', 'prescriber', 'counselor', 'psychiatrist', 'supervisor',
    'probation-officer', 'other')),
  started_on date NOT NULL,
  ended_on date,
  handoff_note text CHECK (length(handoff_note) <= 2000),
  recorded_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organization_id, episode_id) REFERENCES episodes (organization_id, id),
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id),
  CHECK ((user_id IS NULL) <> (external_name IS NULL)),
  CHECK (role <> 'primary-case-manager' OR user_id IS NOT NULL),
  CHECK (ended_on IS NULL OR ended_on >= started_on),
  -- The single point of contact: never two primary case managers over the same days.
  EXCLUDE USING gist (episode_id WITH =, daterange(started_on, ended_on, '[)') WITH &&) WHERE (role = 'primary-case-manager')
);
CREATE INDEX care_team_members_user_current ON care_team_members (user_id, episode_id) WHERE ended_on IS NULL;
CREATE INDEX care_team_members_episode ON care_team_members (episode_id);
