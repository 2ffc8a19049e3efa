-- Written consents under 42 CFR Part 2 (docs/consent.md). A consent is a signed document: it is
-- never edited, only revoked (dated) or, for an event or condition, ended when it happens. A
-- refusal to sign is kept too, so the chart shows it was asked.
CREATE TABLE consents (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('tpo', 'specific', 'counseling-notes')),
  disclosing_party text NOT NULL,
  recipient_kind text NOT NULL CHECK (recipient_kind IN ('named', 'general-designation')),
  recipient_name text NOT NULL,
  information_kinds text[] NOT NULL CHECK (cardinality(information_kinds) > 0 AND information_kinds <@ ARRAY['identity-contact', 'sud-diagnosis', 'attendance', 'treatment-progress', 'medications', 'drug-test-results', 'screening-results', 'discharge-summary', 'counseling-notes']),
  information_description text NOT NULL,
  purposes text[] NOT NULL CHECK (cardinality(purposes) > 0 AND purposes <@ ARRAY['treatment', 'payment', 'health-care-operations', 'care-coordination', 'legal', 'patient-request', 'other']),
  purpose_description text,
  expiration_kind text NOT NULL CHECK (expiration_kind IN ('date', 'event', 'condition')),
  expires_on date,
  expiration_text text,
  language text NOT NULL CHECK (language IN ('en', 'es')),
  statements_version text NOT NULL,
  signature_method text NOT NULL CHECK (signature_method IN ('drawn', 'verbal', 'refused')),
  signature_image text,
  signer text NOT NULL CHECK (signer IN ('patient', 'representative')),
  representative_name text,
  representative_authority text,
  witness_name text,
  signed_on date NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users (id),
  ended_on date,
  end_reason text CHECK (end_reason IN ('revoked', 'expiration-event')),
  end_method text,
  ended_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  UNIQUE (organization_id, id, patient_id),
  CHECK ((expiration_kind = 'date') = (expires_on IS NOT NULL)),
  CHECK ((expiration_kind = 'date') = (expiration_text IS NULL)),
  CHECK ((signature_method = 'drawn') = (signature_image IS NOT NULL)),
  CHECK (signature_method <> 'verbal' OR witness_name IS NOT NULL),
  CHECK ((signer = 'representative') = (representative_name IS NOT NULL AND representative_authority IS NOT NULL)),
  CHECK ((ended_on IS NULL) = (end_reason IS NULL) AND (ended_on IS NULL) = (ended_by IS NULL)),
  -- Counseling notes are never combined with anything else (§ 2.31(b)), and only their own consent names them.
  CHECK ((kind = 'counseling-notes') = ('counseling-notes' = ANY (information_kinds))),
  CHECK (kind <> 'counseling-notes' OR cardinality(information_kinds) = 1)
);
CREATE INDEX consents_patient ON consents (patient_id, signed_on DESC);

-- Every disclosure outside the program: made under a consent (checked at that moment) or, in a
-- bona fide medical emergency (§ 2.51), without one, documented and queued for the privacy officer.
CREATE TABLE disclosures (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  basis text NOT NULL CHECK (basis IN ('consent', 'medical-emergency')),
  consent_id uuid,
  recipient_name text NOT NULL,
  recipient_class text NOT NULL CHECK (recipient_class IN ('treating-provider', 'health-plan', 'payer', 'program-operations', 'other')),
  recipient_affiliation text,
  information_kinds text[] NOT NULL CHECK (cardinality(information_kinds) > 0 AND information_kinds <@ ARRAY['identity-contact', 'sud-diagnosis', 'attendance', 'treatment-progress', 'medications', 'drug-test-results', 'screening-results', 'discharge-summary', 'counseling-notes']),
  purpose text NOT NULL CHECK (purpose IN ('treatment', 'payment', 'health-care-operations', 'care-coordination', 'legal', 'patient-request', 'other', 'medical-emergency')),
  description text,
  emergency_nature text,
  disclosed_by uuid NOT NULL REFERENCES users (id),
  disclosed_at timestamptz NOT NULL DEFAULT now(),
  reviewed_by uuid REFERENCES users (id),
  reviewed_at timestamptz,
  review_finding text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, consent_id, patient_id) REFERENCES consents (organization_id, id, patient_id) ON UPDATE CASCADE,
  CHECK ((basis = 'consent') = (consent_id IS NOT NULL)),
  CHECK ((basis = 'medical-emergency') = (emergency_nature IS NOT NULL AND recipient_affiliation IS NOT NULL)),
  CHECK ((basis = 'medical-emergency') = (purpose = 'medical-emergency')),
  CHECK ((reviewed_at IS NULL) = (reviewed_by IS NULL) AND (reviewed_at IS NULL) = (review_finding IS NULL))
);
CREATE INDEX disclosures_patient ON disclosures (patient_id, disclosed_at DESC);
CREATE INDEX disclosures_emergency_unreviewed ON disclosures (organization_id, disclosed_at) WHERE basis = 'medical-emergency' AND reviewed_at IS NULL;
