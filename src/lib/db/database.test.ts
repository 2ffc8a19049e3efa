import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CamelCasePlugin,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type CompiledQuery,
  type KyselyPlugin,
  type QueryCompiler,
} from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../context.ts';
import { writeAudit } from '../audit/audit.ts';
import { caseloadQuery } from '../../modules/episodes/caseload.ts';
import { presentPatient, readPresentedPatient } from '../../modules/patients/presenter.ts';
import { searchPatientsCounted, searchPatientsQuery } from '../../modules/patients/queries.ts';
import type { PatientRow } from '../../modules/patients/tables.ts';
import { camelCase, connectDatabase, SnakeCaseCompiler } from './database.ts';

/**
 * The database's names are written in snake_case by our compiler as it writes each identifier,
 * instead of by Kysely's CamelCasePlugin copying every query's tree before compiling it (a cost
 * paid on every request). The text must be the one the plugin gave: the same statements, the
 * same parameters, for queries of every shape the modules build.
 */
function recorder(compiler: () => QueryCompiler, plugin: KyselyPlugin) {
  const sent: CompiledQuery[] = [];
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (kysely) => new PostgresIntrospector(kysely),
      createQueryCompiler: compiler,
    },
    plugins: [plugin],
    log: (event) => void sent.push(event.query),
  });
  return { db, sent };
}

const actorOf = (roles: Actor['roles']): Actor => ({
  userId: '0190a0a0-0000-7000-8000-000000000001',
  organizationId: '0190a0a0-0000-7000-8000-000000000002',
  timeZone: 'America/Chicago',
  email: null,
  displayName: 'Rosa Delgado',
  roles,
  locale: 'en',
  sessionId: null,
  apiKeyId: null,
  apiKeyCreatedBy: null,
});

async function statementsOf(db: Kysely<DB>, sent: CompiledQuery[]) {
  const caseManager = actorOf(['case-manager']);
  const supervisor = actorOf(['supervisor', 'case-manager']);
  const compiled = [
    caseloadQuery(db, caseManager, { limit: 50, phase: 'intake' }, '2026-12-01', 50).compile(),
    caseloadQuery(db, caseManager, { limit: 50 }, '2026-12-01', 50, supervisor).compile(),
    ...(['name-index', 'visible-first', 'program-names'] as const).map((plan) =>
      searchPatientsQuery(db, supervisor, { q: 'mar', dateOfBirth: '1979-11-02', phone: '555' }, 20, plan).compile(),
    ),
    searchPatientsCounted(db, caseManager, { identifier: 'A-1' }, 20).compile(),
    db
      .updateTable('patients')
      .set({ preferredName: 'Rosie', updatedAt: sql<Date>`now()` })
      .where('id', '=', caseManager.userId)
      .where(sql<boolean>`${sql.ref('patients.mergedIntoId')} IS NULL`)
      .returningAll()
      .compile(),
    db
      .with('recentReads', (cte) =>
        cte.selectFrom('auditEvents').select(['patientId', 'occurredAt']).where('actorUserId', '=', caseManager.userId),
      )
      .selectFrom('recentReads')
      .select('recentReads.patientId')
      .orderBy('recentReads.occurredAt', 'desc')
      .compile(),
    db
      .insertInto('programMemberships')
      .values({ organizationId: caseManager.organizationId, programId: caseManager.organizationId, userId: caseManager.userId })
      .onConflict((conflict) => conflict.columns(['programId', 'userId']).doUpdateSet({ organizationId: caseManager.organizationId }))
      .returning(['programId', 'createdAt'])
      .compile(),
    db.deleteFrom('careTeamMembers').where('episodeId', '=', caseManager.userId).returning('userId as removedUserId').compile(),
    sql`SELECT ${sql.ref('r.patientId')} FROM ${sql.table('careTeamMembers')} AS r WHERE ${sql.ref('r.endedOn')} IS NULL`.compile(db),
    db
      .selectFrom('careTeamMembers as m')
      .innerJoin('episodes as e', 'e.id', 'm.episodeId')
      .select(({ fn }) => [fn.count<number>('m.userId').as('memberCount'), 'e.programId'])
      .groupBy('e.programId')
      .orderBy('memberCount', 'desc')
      .compile(),
  ];
  await readPresentedPatient(db, caseManager.userId);
  await presentPatient(db, { id: caseManager.userId } as PatientRow).catch(() => undefined);
  await writeAudit(db, { requestId: 'r', ip: null, userAgent: null, organizationId: caseManager.organizationId }, { action: 'read' });
  // The audit row's id is new each time: every other parameter is the same.
  return [...compiled, ...sent].map(({ sql: text, parameters }) => ({
    text,
    parameters: text.startsWith('insert into "audit_events"') ? parameters.slice(1) : parameters,
  }));
}

test('identifiers written in snake_case by the compiler give the text the CamelCasePlugin gave', async () => {
  const ours = recorder(() => new SnakeCaseCompiler(), camelCase);
  const plugin = recorder(() => new PostgresQueryCompiler(), new CamelCasePlugin());
  const expected = await statementsOf(plugin.db, plugin.sent);
  const actual = await statementsOf(ours.db, ours.sent);
  assert.equal(actual.length, 15);
  assert.equal(expected.length, 15);
  actual.forEach((statement, index) => assert.deepEqual(statement, expected[index], `statement ${index}`));
  // Not vacuous: the names were rewritten.
  assert.match(actual[0]?.text ?? '', /"legal_last_name"/);
  assert.doesNotMatch(actual.map((each) => each.text).join('\n'), /"legalLastName"|"mergedIntoId"|"memberCount"|"recentReads"/);
});

test('every connection compiles with it', async () => {
  // No connection is opened to compile.
  const handle = connectDatabase('postgres://nobody@127.0.0.1:9/none');
  try {
    const text = handle.db.selectFrom('patients').select('legalLastName as familyName').where('mergedIntoId', 'is', null).compile().sql;
    assert.equal(text, 'select "legal_last_name" as "family_name" from "patients" where "merged_into_id" is null');
  } finally {
    await handle.close();
  }
});

test('rows come back with camelCase keys, nested JSON objects included', async () => {
  const row = camelCase.transformResult({
    queryId: { queryId: 'q' },
    result: { rows: [{ legal_last_name: 'Vega', presented_phones: [{ consent_to_text: true }] }] },
  });
  assert.deepEqual((await row).rows, [{ legalLastName: 'Vega', presentedPhones: [{ consentToText: true }] }]);
});
