-- A merge now records what it moved per table of patient data, named as the module registry
-- names them (src/modules/*/module.ts), so the merge and its undo work for any module's table.
UPDATE patient_merges SET moved = jsonb_build_object(
  'episodes', coalesce(moved -> 'episodes', '[]'::jsonb),
  'patientIdentifiers', coalesce(moved -> 'identifiers', '[]'::jsonb),
  'patientCoverages', coalesce(moved -> 'coverages', '[]'::jsonb),
  'patientPhones', coalesce(moved -> 'phones', '[]'::jsonb));
