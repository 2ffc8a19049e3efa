import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp } from '../test/support/app.ts';
import { makeOrganization } from '../test/support/factories.ts';
import {
  AUDIT_ACTIONS,
  CARE_TEAM_ROLES,
  CASE_MANAGEMENT_MODELS,
  CLOSURE_REASONS,
  COVERAGE_KINDS,
  EPISODE_PHASES,
  GENDER_IDENTITIES,
  IDENTIFIER_SYSTEMS,
  LEVEL_EDITIONS,
  LOCALES,
  PHONE_KINDS,
  RACE_ETHNICITY,
  REFERRAL_SOURCES,
  ROLES,
  SEXES_AT_BIRTH,
  USER_STATUSES,
} from './codes.ts';
import { newId } from './lib/ids.ts';

/** The database's CHECK constraints accept exactly the codes declared in codes.ts. */
const t = await startTestApp();
const org = await makeOrganization(t.db);

async function accepts(insert: (value: string) => Promise<unknown>, values: readonly string[], what: string): Promise<void> {
  for (const value of values) await insert(value);
  await assert.rejects(insert('not-a-code'), /check constraint/, `${what} refuses an unknown code`);
}

const user = (overrides: { roles?: string[]; status?: string; locale?: string }) =>
  t.db
    .insertInto('users')
    .values({
      id: newId(),
      organizationId: org.id,
      email: `${newId()}@example.org`,
      displayName: 'Code Check',
      roles: (overrides.roles ?? ['counselor']) as never,
      status: (overrides.status ?? 'active') as never,
      locale: (overrides.locale ?? 'en') as never,
      passwordHash: 'x',
    })
    .execute();

test('roles, user statuses, locales, case management models and audit actions match the database', async () => {
  await accepts((role) => user({ roles: [role] }), ROLES, 'users.roles');
  await accepts((status) => user({ status }), USER_STATUSES, 'users.status');
  await accepts((locale) => user({ locale }), LOCALES, 'users.locale');
  await accepts(
    (model) =>
      t.db
        .insertInto('programs')
        .values({ id: newId(), organizationId: org.id, name: newId(), caseManagementModel: model as never })
        .execute(),
    CASE_MANAGEMENT_MODELS,
    'programs.case_management_model',
  );
  await accepts(
    (action) =>
      t.db
        .insertInto('auditEvents')
        .values({ id: newId(), action: action as never })
        .execute(),
    AUDIT_ACTIONS,
    'audit_events.action',
  );
});

test('patient, episode, placement and care team codes match the database', async () => {
  const { user: staff } = await (await import('../test/support/factories.ts')).makeUser(t.db, org.id);
  const program = await t.db
    .insertInto('programs')
    .values({ id: newId(), organizationId: org.id, name: newId(), caseManagementModel: 'broker-generalist' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const patient = (overrides: Record<string, unknown>) =>
    t.db
      .insertInto('patients')
      .values({
        id: newId(),
        organizationId: org.id,
        legalFirstName: 'Code',
        legalLastName: 'Check',
        dateOfBirth: '1980-01-01',
        createdBy: staff.id,
        ...overrides,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  await accepts((sexAtBirth) => patient({ sexAtBirth }), SEXES_AT_BIRTH, 'patients.sex_at_birth');
  await accepts((genderIdentity) => patient({ genderIdentity }), GENDER_IDENTITIES, 'patients.gender_identity');
  await accepts((code) => patient({ raceEthnicity: [code] }), RACE_ETHNICITY, 'patients.race_ethnicity');
  const { id: patientId } = await patient({});
  const child = { organizationId: org.id, patientId };
  await accepts(
    (kind) =>
      t.db
        .insertInto('patientPhones')
        .values({
          id: newId(),
          ...child,
          position: PHONE_KINDS.indexOf(kind as never) + 1,
          number: '555-0100',
          kind: kind as never,
          consentToText: false,
          voicemailSafe: false,
        })
        .execute(),
    PHONE_KINDS,
    'patient_phones.kind',
  );
  await accepts(
    (system) =>
      t.db
        .insertInto('patientIdentifiers')
        .values({ id: newId(), ...child, system: system as never, value: newId() })
        .execute(),
    IDENTIFIER_SYSTEMS,
    'patient_identifiers.system',
  );
  await accepts(
    (kind) =>
      t.db
        .insertInto('patientCoverages')
        .values({ id: newId(), ...child, kind: kind as never })
        .execute(),
    COVERAGE_KINDS,
    'patient_coverages.kind',
  );
  const episode = (overrides: Record<string, unknown>) =>
    t.db
      .insertInto('episodes')
      .values({
        id: newId(),
        organizationId: org.id,
        patientId,
        programId: program.id,
        referralSource: 'self',
        openedOn: '2026-01-05',
        phase: 'intake',
        ...overrides,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  await accepts((referralSource) => episode({ referralSource }), REFERRAL_SOURCES, 'episodes.referral_source');
  await accepts(
    (closureReason) => episode({ phase: 'closed', closedOn: '2026-02-01', closureReason }),
    CLOSURE_REASONS,
    'episodes.closure_reason',
  );
  await accepts(
    (phase) => episode(phase === 'closed' ? { phase, closedOn: '2026-02-01', closureReason: 'other' } : { phase }),
    EPISODE_PHASES,
    'episodes.phase',
  );
  const { id: episodeId } = await episode({});
  await accepts(
    (levelEdition) =>
      t.db
        .insertInto('placements')
        .values({
          id: newId(),
          organizationId: org.id,
          patientId: patientId,
          episodeId,
          levelEdition: levelEdition as never,
          levelCode: '1',
          startDate: '2026-01-05',
          concurrent: true,
        })
        .execute(),
    LEVEL_EDITIONS,
    'placements.level_edition',
  );
  await accepts(
    (role) =>
      t.db
        .insertInto('careTeamMembers')
        .values({
          id: newId(),
          organizationId: org.id,
          patientId: patientId,
          episodeId,
          userId: staff.id,
          role: role as never,
          startedOn: '2026-01-05',
          endedOn: role === 'primary-case-manager' ? null : '2026-01-06',
          recordedBy: staff.id,
        })
        .execute(),
    CARE_TEAM_ROLES,
    'care_team_members.role',
  );
});
