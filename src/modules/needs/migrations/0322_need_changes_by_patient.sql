-- A patient's need status changes, newest first, for the timeline (src/modules/needs/timeline.ts).
CREATE INDEX need_status_changes_patient ON need_status_changes (patient_id, changed_at DESC);
