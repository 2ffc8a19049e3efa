import type pg from 'pg';

/**
 * Synthetic data for the benchmark, generated set-based inside PostgreSQL (INSERT … SELECT over
 * generate_series): one statement per table, no row-by-row round trips. Invented names only.
 * Shape: 5 programs; a case manager for every 150 patients (their caseload), a supervisor per
 * program; every patient has a phone, an MRN, one episode (most open) with a primary case
 * manager, and most a current placement.
 */
const FIRST = `ARRAY['Ana','Marcus','Dolores','Tyrone','Jessica','Ruben','Kayla','Darnell','Guadalupe','Cody','Brianna','Esteban','Tasha','Wyatt','Mei','Joaquin','Shelby','Andre','Rosalind','Travis','Lupita','Dakota','Imani','Hector','Amber','Nathaniel','Yesenia','Cole','Fatima','Brandon','William','Elizabeth','Roberto','Francisca','Jamal','Heather','Luis','Priya','Owen','Carmen','Deshawn','Beatriz','Logan','Aaliyah','Ezequiel','Harper','Rosa','Kenji','Tamika','Santiago']`;
const LAST = `ARRAY['Whitaker','Morales','Jefferson','Castillo','Hensley','Nguyen','Redbird','Okafor','Delacruz','Mullins','Harjo','Pruitt','Villanueva','Stroud','Begay','Salazar','Combs','Ibarra','Tolliver','Quintana','Gentry','Yazzie','Caudill','Ochoa','Riddle','Martinez','Johnson','Sandoval','Fairbanks','Holloway','Arceneaux','Blackwell','Trujillo','Lindqvist','Oyelaran','Kowalczyk','Farouk','Achterberg','Brandt','Delgado','Haddad','Raman','Jessup','Redcloud','Tennyson','Whitfield','Montoya','Escobedo','Pinkerton','Saldana']`;

export interface BenchWorld {
  organizationId: string;
  programIds: string[];
  caseManagerIds: string[];
  supervisorIds: string[];
}

export async function generate(client: pg.Client, patients: number, passwordHash: string): Promise<BenchWorld> {
  const caseManagers = Math.max(1, Math.ceil(patients / 150));
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO organizations (id, name, time_zone) VALUES ('00000000-0000-7000-8000-000000000001'::uuid, 'Bench Org', 'America/Chicago')`,
  );
  await client.query(`INSERT INTO programs (id, organization_id, name, case_management_model)
    SELECT ('00000000-0000-7000-8001-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-7000-8000-000000000001'::uuid, 'Program ' || g, 'broker-generalist'
      FROM generate_series(1, 5) g`);
  // Case managers 1..N, then one supervisor per program.
  await client.query(
    `INSERT INTO users (id, organization_id, email, display_name, roles, status, password_hash)
     SELECT ('00000000-0000-7000-8002-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-7000-8000-000000000001'::uuid,
            'cm' || g || '@bench.invalid', 'Case Manager ' || g, ARRAY['case-manager'], 'active', $1
       FROM generate_series(1, $2::int) g
     UNION ALL
     SELECT ('00000000-0000-7000-8003-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-7000-8000-000000000001'::uuid,
            'sup' || g || '@bench.invalid', 'Supervisor ' || g, ARRAY['supervisor'], 'active', $1
       FROM generate_series(1, 5) g`,
    [passwordHash, caseManagers],
  );
  await client.query(`INSERT INTO program_memberships (organization_id, program_id, user_id)
    SELECT '00000000-0000-7000-8000-000000000001'::uuid, ('00000000-0000-7000-8001-' || lpad((1 + g % 5)::text, 12, '0'))::uuid,
           ('00000000-0000-7000-8002-' || lpad(g::text, 12, '0'))::uuid
      FROM generate_series(1, ${caseManagers}) g
    UNION ALL
    SELECT '00000000-0000-7000-8000-000000000001'::uuid, ('00000000-0000-7000-8001-' || lpad(g::text, 12, '0'))::uuid,
           ('00000000-0000-7000-8003-' || lpad(g::text, 12, '0'))::uuid
      FROM generate_series(1, 5) g`);
  // Patient g belongs to case manager 1 + (g - 1) / 150, whose program is 1 + cm % 5.
  await client.query(`INSERT INTO patients (id, organization_id, legal_first_name, legal_last_name, date_of_birth, created_by)
    SELECT ('00000000-0000-7000-9000-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-7000-8000-000000000001'::uuid,
           (${FIRST})[1 + (hashint4(g) & 2147483647) % 50], (${LAST})[1 + (hashint4(g * 7) & 2147483647) % 50],
           DATE '1950-01-01' + ((hashint4(g * 13) & 2147483647) % 20000),
           ('00000000-0000-7000-8002-' || lpad((1 + (g - 1) / 150)::text, 12, '0'))::uuid
      FROM generate_series(1, ${patients}) g`);
  await client.query(`INSERT INTO patient_phones (id, organization_id, patient_id, position, number, kind, consent_to_text, voicemail_safe)
    SELECT gen_random_uuid(), '00000000-0000-7000-8000-000000000001'::uuid, ('00000000-0000-7000-9000-' || lpad(g::text, 12, '0'))::uuid, 0,
           '555-' || lpad((g % 10000)::text, 4, '0'), 'mobile', g % 3 = 0, g % 2 = 0
      FROM generate_series(1, ${patients}) g`);
  await client.query(`INSERT INTO patient_identifiers (id, organization_id, patient_id, system, value)
    SELECT gen_random_uuid(), '00000000-0000-7000-8000-000000000001'::uuid, ('00000000-0000-7000-9000-' || lpad(g::text, 12, '0'))::uuid, 'mrn', 'MRN-' || g
      FROM generate_series(1, ${patients}) g`);
  await client.query(`INSERT INTO episodes (id, organization_id, patient_id, program_id, referral_source, opened_on, phase, closed_on, closure_reason)
    SELECT ('00000000-0000-7000-a000-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-7000-8000-000000000001'::uuid,
           ('00000000-0000-7000-9000-' || lpad(g::text, 12, '0'))::uuid,
           ('00000000-0000-7000-8001-' || lpad((1 + (1 + (g - 1) / 150) % 5)::text, 12, '0'))::uuid,
           'self', DATE '2025-06-01', phase, CASE WHEN phase = 'closed' THEN DATE '2026-01-01' END, CASE WHEN phase = 'closed' THEN 'goals-met' END
      FROM generate_series(1, ${patients}) g,
           LATERAL (SELECT (ARRAY['intake','primary-treatment','primary-treatment','continuing-care','continuing-care','closed'])[1 + g % 6] AS phase) p`);
  await client.query(`INSERT INTO care_team_members (id, organization_id, episode_id, user_id, role, started_on, recorded_by)
    SELECT gen_random_uuid(), '00000000-0000-7000-8000-000000000001'::uuid, ('00000000-0000-7000-a000-' || lpad(g::text, 12, '0'))::uuid,
           ('00000000-0000-7000-8002-' || lpad((1 + (g - 1) / 150)::text, 12, '0'))::uuid, 'primary-case-manager', DATE '2025-06-01',
           ('00000000-0000-7000-8002-' || lpad((1 + (g - 1) / 150)::text, 12, '0'))::uuid
      FROM generate_series(1, ${patients}) g`);
  await client.query(`INSERT INTO placements (id, organization_id, episode_id, level_edition, level_code, start_date, planned_end_date)
    SELECT gen_random_uuid(), '00000000-0000-7000-8000-000000000001'::uuid, ('00000000-0000-7000-a000-' || lpad(g::text, 12, '0'))::uuid,
           'asam-3', (ARRAY['1','2.1','2.5','3.5','obot'])[1 + g % 5], DATE '2025-06-01', DATE '2027-01-01'
      FROM generate_series(1, ${patients}) g WHERE g % 6 <> 0 AND g % 5 <> 0`);
  await client.query('COMMIT');
  await client.query('ANALYZE');
  const pad = (prefix: string, n: number) => `${prefix}${String(n).padStart(12, '0')}`;
  return {
    organizationId: '00000000-0000-7000-8000-000000000001',
    programIds: [1, 2, 3, 4, 5].map((n) => pad('00000000-0000-7000-8001-', n)),
    caseManagerIds: Array.from({ length: caseManagers }, (_, i) => pad('00000000-0000-7000-8002-', i + 1)),
    supervisorIds: [1, 2, 3, 4, 5].map((n) => pad('00000000-0000-7000-8003-', n)),
  };
}
