-- Patient-facing tablet mode (docs/needs.md, "Handing the tablet to the patient"): while a
-- session is locked to one assessment, the server answers only what that screen needs, and
-- only the staff member's password unlocks it. The lock lives on the session, so a reload, a
-- typed address or a second tab cannot leave it.
ALTER TABLE sessions
  ADD COLUMN patient_mode_assessment_id uuid REFERENCES assessments (id),
  ADD COLUMN patient_mode_locale text CHECK (patient_mode_locale IN ('en', 'es')),
  ADD COLUMN patient_mode_started_at timestamptz,
  ADD CHECK ((patient_mode_assessment_id IS NULL) = (patient_mode_locale IS NULL AND patient_mode_started_at IS NULL));
