import { existsSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { modules } from '../src/modules/index.ts';
import { idSql, idOf, ORG, type BenchWorld, type ModuleBench } from './world.ts';

/**
 * Synthetic data for the benchmark, generated set-based inside PostgreSQL (INSERT … SELECT over
 * generate_series): one statement per table, no row-by-row round trips. Invented names only.
 * This file makes the organization, its 5 programs, a case manager for every 150 patients
 * (their caseload), a supervisor per program and a privacy officer; each module's `bench.ts` adds its own rows,
 * in the registry's order (docs/modules.md).
 */
export async function moduleBenches(only?: readonly string[]): Promise<ModuleBench[]> {
  const benches: ModuleBench[] = [];
  for (const module of modules) {
    if (only && !only.includes(module.name)) continue;
    const file = path.join(import.meta.dirname, '../src/modules', module.name, 'bench.ts');
    if (existsSync(file)) benches.push(((await import(file)) as { bench: ModuleBench }).bench);
  }
  return benches;
}

/** The world `generate` makes for `patients` (its ids follow fixed patterns, so a kept database has the same). */
export function reusedWorld(patients: number): BenchWorld {
  const caseManagers = Math.max(1, Math.ceil(patients / 150));
  return {
    organizationId: ORG,
    patients,
    programIds: [1, 2, 3, 4, 5].map((n) => idOf('8001', n)),
    caseManagerIds: Array.from({ length: caseManagers }, (_, i) => idOf('8002', i + 1)),
    supervisorIds: [1, 2, 3, 4, 5].map((n) => idOf('8003', n)),
    privacyOfficerId: idOf('8004', 1),
  };
}

export async function generate(client: pg.Client, patients: number, passwordHash: string, benches: ModuleBench[]): Promise<BenchWorld> {
  const caseManagers = Math.max(1, Math.ceil(patients / 150));
  await client.query('BEGIN');
  await client.query(`INSERT INTO organizations (id, name, time_zone) VALUES ('${ORG}'::uuid, 'Bench Org', 'America/Chicago')`);
  await client.query(`INSERT INTO programs (id, organization_id, name, case_management_model)
    SELECT ${idSql('8001', 'g')}, '${ORG}'::uuid, 'Program ' || g, 'broker-generalist' FROM generate_series(1, 5) g`);
  // Case managers 1..N, then one supervisor per program, then the privacy officer.
  await client.query(
    `INSERT INTO users (id, organization_id, email, display_name, roles, status, password_hash)
     SELECT ${idSql('8002', 'g')}, '${ORG}'::uuid, 'cm' || g || '@bench.invalid', 'Case Manager ' || g, ARRAY['case-manager'], 'active', $1
       FROM generate_series(1, $2::int) g
     UNION ALL
     SELECT ${idSql('8003', 'g')}, '${ORG}'::uuid, 'sup' || g || '@bench.invalid', 'Supervisor ' || g, ARRAY['supervisor'], 'active', $1
       FROM generate_series(1, 5) g
     UNION ALL
     SELECT ${idSql('8004', '1')}, '${ORG}'::uuid, 'po1@bench.invalid', 'Privacy Officer 1', ARRAY['privacy-officer'], 'active', $1`,
    [passwordHash, caseManagers],
  );
  // Case manager g works in program 1 + g % 5; supervisor g in program g.
  await client.query(`INSERT INTO program_memberships (organization_id, program_id, user_id)
    SELECT '${ORG}'::uuid, ${idSql('8001', '1 + g % 5')}, ${idSql('8002', 'g')} FROM generate_series(1, ${caseManagers}) g
    UNION ALL
    SELECT '${ORG}'::uuid, ${idSql('8001', 'g')}, ${idSql('8003', 'g')} FROM generate_series(1, 5) g`);
  const world = reusedWorld(patients);
  // The GIN and GiST indexes (trigrams, above all) are dropped for the load and built again
  // after it: one build each instead of a million row-by-row insertions (grown row by row, the
  // patients table alone took over 15 minutes at a million on a busy machine). B-trees stay:
  // cheap to grow, and triggers of the load look rows up by them. So do constraints' own.
  const indexes = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_am am ON am.oid = x.relam
      WHERE t.relnamespace = 'public'::regnamespace AND am.amname <> 'btree' AND NOT i.indisunique
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
  );
  for (const { name } of indexes.rows) await client.query(`DROP INDEX ${name}`);
  for (const bench of benches) await bench.generate?.(client, world);
  await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
  for (const { definition } of indexes.rows) await client.query(definition);
  await client.query('COMMIT');
  await client.query('ANALYZE');
  return world;
}
