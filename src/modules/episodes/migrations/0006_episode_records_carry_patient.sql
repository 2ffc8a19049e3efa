-- Every row of patient data carries its patient (docs/modules.md): the one access check finds
-- the patient of any record without a join, and a merge moves rows table by table. The rows
-- that hang off an episode follow it: (organization, episode, patient) references the
-- episode's own triple with ON UPDATE CASCADE, so moving an episode to another patient moves
-- its phases, placements and team with it, and the two can never disagree.

ALTER TABLE episodes ADD CONSTRAINT episodes_patient_key UNIQUE (organization_id, id, patient_id);

ALTER TABLE episode_phases ADD COLUMN patient_id uuid;
UPDATE episode_phases c SET patient_id = e.patient_id FROM episodes e WHERE e.id = c.episode_id;
ALTER TABLE episode_phases
  ALTER COLUMN patient_id SET NOT NULL,
  ADD FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  ADD FOREIGN KEY (organization_id, episode_id, patient_id) REFERENCES episodes (organization_id, id, patient_id) ON UPDATE CASCADE;
CREATE INDEX episode_phases_patient ON episode_phases (patient_id);

ALTER TABLE placements ADD COLUMN patient_id uuid;
UPDATE placements c SET patient_id = e.patient_id FROM episodes e WHERE e.id = c.episode_id;
ALTER TABLE placements
  ALTER COLUMN patient_id SET NOT NULL,
  ADD FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  ADD FOREIGN KEY (organization_id, episode_id, patient_id) REFERENCES episodes (organization_id, id, patient_id) ON UPDATE CASCADE;
CREATE INDEX placements_patient ON placements (patient_id);

ALTER TABLE care_team_members ADD COLUMN patient_id uuid;
UPDATE care_team_members c SET patient_id = e.patient_id FROM episodes e WHERE e.id = c.episode_id;
ALTER TABLE care_team_members
  ALTER COLUMN patient_id SET NOT NULL,
  ADD FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  ADD FOREIGN KEY (organization_id, episode_id, patient_id) REFERENCES episodes (organization_id, id, patient_id) ON UPDATE CASCADE;
CREATE INDEX care_team_members_patient ON care_team_members (patient_id);
