import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestApp } from '../test/support/app.ts';
import { makeOrganization } from '../test/support/factories.ts';
import { AUDIT_ACTIONS, CASE_MANAGEMENT_MODELS, LOCALES, ROLES, USER_STATUSES } from './codes.ts';
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
      roles: overrides.roles ?? ['counselor'],
      status: overrides.status ?? 'active',
      locale: overrides.locale ?? 'en',
      passwordHash: 'x',
    })
    .execute();

test('roles, user statuses, locales, case management models and audit actions match the database', async () => {
  await accepts((role) => user({ roles: [role] }), ROLES, 'users.roles');
  await accepts((status) => user({ status }), USER_STATUSES, 'users.status');
  await accepts((locale) => user({ locale }), LOCALES, 'users.locale');
  await accepts(
    (model) =>
      t.db.insertInto('programs').values({ id: newId(), organizationId: org.id, name: newId(), caseManagementModel: model }).execute(),
    CASE_MANAGEMENT_MODELS,
    'programs.case_management_model',
  );
  await accepts((action) => t.db.insertInto('auditEvents').values({ id: newId(), action }).execute(), AUDIT_ACTIONS, 'audit_events.action');
});
