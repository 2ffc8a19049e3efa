-- Search starts from the patients a person can see (src/modules/patients/queries.ts): one of
-- the ways is having registered a patient who has no episode yet, found by who created it.
CREATE INDEX patients_created_by ON patients (created_by) WHERE deleted_at IS NULL;
