-- A supervisor's name search at a million patients (docs/performance.md, "Search by program"):
-- the trigram index on patients holds the whole organization, so a common fragment ("mar")
-- gave every match in it, and each was probed for visibility until 301 visible ones were found
-- (four in five of them someone else's for a supervisor of one program in five). This table
-- holds, for each program, the folded names of the patients with an episode in it, closed or
-- not (a closed episode still shows its patient to the program's supervisor: access.ts), with a
-- trigram index that includes the program, so a search reads only the supervised programs'
-- matches. It is an index, not a rule: search still applies `patientVisibleTo` to every row.
--
-- Kept by triggers, in the transaction of the write that changes it: an episode added, moved
-- to another patient (a merge, its undo) or program, or deleted; a patient's name changed.
-- Triggers rather than the services' writes because every path that writes episodes or names
-- must keep it (the episode routes, merges and their undo through the registry, the demo, the
-- bench's set-based generation, a module added later), and a forgotten one would hide patients
-- from search silently. They are statement-level with transition tables: one set-based
-- statement whatever the number of rows (a million episodes at once in the bench).
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE TABLE program_search_names (
  -- An identity like any row of patient data (the registry finds a record's patient by id).
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL,
  program_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  -- patients.search_name, copied: the trigram index needs it beside the program.
  search_name text NOT NULL,
  -- The patient's episodes in the program: the row goes when the last one does.
  episodes integer NOT NULL CHECK (episodes >= 0)
);

SET LOCAL maintenance_work_mem = '256MB';
INSERT INTO program_search_names (organization_id, program_id, patient_id, search_name, episodes)
SELECT e.organization_id, e.program_id, e.patient_id, p.search_name, count(*)
  FROM episodes e JOIN patients p ON p.id = e.patient_id
 GROUP BY e.organization_id, e.program_id, e.patient_id, p.search_name
 -- In the patients' order, as rows added later will be: a search then reads its candidates'
 -- patient records (and their episodes) in the order they lie on disk, not at random.
 ORDER BY e.patient_id, e.program_id;

-- Keys and indexes after the rows: built (and checked) once rather than row by row.
ALTER TABLE program_search_names ADD PRIMARY KEY (id), ADD UNIQUE (patient_id, program_id),
  ADD FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id);
CREATE INDEX program_search_names_trgm ON program_search_names USING gin (program_id, search_name gin_trgm_ops);

-- Pairs that lost episodes (`gone`: program, patient, how many) are counted down and removed
-- at zero; pairs that gained some (`came`) are added or counted up. The patient's row is
-- share-locked as its name is read: a concurrent name change then either waits for this
-- transaction (and its own trigger, below, sees this row) or commits first (and the locked read
-- returns the new name).
CREATE FUNCTION program_search_names_episodes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    WITH gone AS (SELECT program_id, patient_id, count(*)::int AS n FROM old_rows GROUP BY program_id, patient_id)
    UPDATE program_search_names s SET episodes = s.episodes - gone.n
      FROM gone WHERE s.program_id = gone.program_id AND s.patient_id = gone.patient_id;
    DELETE FROM program_search_names s USING old_rows o
     WHERE s.program_id = o.program_id AND s.patient_id = o.patient_id AND s.episodes = 0;
  ELSIF TG_OP = 'UPDATE' THEN
    -- Most updates (phase, closing) move nothing: only rows whose patient or program changed.
    WITH gone AS (
      SELECT o.program_id, o.patient_id, count(*)::int AS n
        FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE n.patient_id <> o.patient_id OR n.program_id <> o.program_id
       GROUP BY o.program_id, o.patient_id)
    UPDATE program_search_names s SET episodes = s.episodes - gone.n
      FROM gone WHERE s.program_id = gone.program_id AND s.patient_id = gone.patient_id;
    DELETE FROM program_search_names s USING old_rows o
     WHERE s.program_id = o.program_id AND s.patient_id = o.patient_id AND s.episodes = 0;
    WITH came AS (
      SELECT n.organization_id, n.program_id, n.patient_id, count(*)::int AS n
        FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE n.patient_id <> o.patient_id OR n.program_id <> o.program_id
       GROUP BY n.organization_id, n.program_id, n.patient_id),
    named AS (SELECT p.id, p.search_name FROM patients p WHERE p.id IN (SELECT patient_id FROM came) FOR SHARE)
    INSERT INTO program_search_names AS s (organization_id, program_id, patient_id, search_name, episodes)
    SELECT came.organization_id, came.program_id, came.patient_id, named.search_name, came.n
      FROM came JOIN named ON named.id = came.patient_id
    ON CONFLICT (patient_id, program_id) DO UPDATE SET episodes = s.episodes + excluded.episodes, search_name = excluded.search_name;
  ELSE
    WITH came AS (
      SELECT organization_id, program_id, patient_id, count(*)::int AS n FROM new_rows GROUP BY organization_id, program_id, patient_id),
    named AS (SELECT p.id, p.search_name FROM patients p WHERE p.id IN (SELECT patient_id FROM came) FOR SHARE)
    INSERT INTO program_search_names AS s (organization_id, program_id, patient_id, search_name, episodes)
    SELECT came.organization_id, came.program_id, came.patient_id, named.search_name, came.n
      FROM came JOIN named ON named.id = came.patient_id
    ON CONFLICT (patient_id, program_id) DO UPDATE SET episodes = s.episodes + excluded.episodes, search_name = excluded.search_name;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER program_search_names_insert AFTER INSERT ON episodes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION program_search_names_episodes();
CREATE TRIGGER program_search_names_update AFTER UPDATE ON episodes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION program_search_names_episodes();
CREATE TRIGGER program_search_names_delete AFTER DELETE ON episodes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION program_search_names_episodes();

CREATE FUNCTION program_search_names_rename() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE program_search_names s SET search_name = n.search_name
    FROM new_rows n JOIN old_rows o ON o.id = n.id
   WHERE s.patient_id = n.id AND n.search_name IS DISTINCT FROM o.search_name;
  RETURN NULL;
END $$;

CREATE TRIGGER program_search_names_rename AFTER UPDATE ON patients
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION program_search_names_rename();
