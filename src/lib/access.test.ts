import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INTEGRATION_ROLES } from '../codes.ts';
import { hasPermission, MFA_REQUIRED_ROLES, mustEnrolMfa, requirePermission, ROLES, type Permission, type Role } from './access.ts';

// Who may do what outside a chart, role by role. Admins run the place but read no charts.
const EXPECTED: Record<Permission, Role[]> = {
  'staff:read': ['admin', 'supervisor'],
  'staff:manage': ['admin'],
  'programs:manage': ['admin'],
  'organization:manage': ['admin'],
  'api-keys:manage': ['admin'],
  'audit:read': ['admin', 'privacy-officer'],
  'instruments:manage': ['admin'],
  'disclosures:review': ['privacy-officer'],
  'emergency-access:review': ['privacy-officer'],
  'restrictions:review': ['privacy-officer'],
};

test('the permission table, role by role', () => {
  for (const [permission, allowed] of Object.entries(EXPECTED) as [Permission, Role[]][]) {
    for (const role of ROLES) {
      assert.equal(hasPermission([role], permission), allowed.includes(role), `${role} → ${permission}`);
    }
  }
  assert.equal(hasPermission(['case-manager', 'supervisor'], 'staff:read'), true, 'roles add up');
  assert.equal(hasPermission([], 'audit:read'), false);
});

test('management is never done with an API key, whatever the roles', () => {
  const admin = { roles: ['admin'] as Role[], apiKeyId: null };
  const key = { roles: ['admin'] as Role[], apiKeyId: '018f0000-0000-7000-8000-000000000000' };
  for (const permission of ['staff:manage', 'programs:manage', 'organization:manage', 'api-keys:manage'] as const) {
    assert.doesNotThrow(() => requirePermission(admin, permission));
    assert.throws(() => requirePermission(key, permission), { code: 'api-key-not-allowed' }, permission);
  }
  assert.doesNotThrow(() => requirePermission({ ...key, roles: ['supervisor'] }, 'staff:read'));
});

test('who must enrol a second factor: admins, supervisors and privacy officers; everyone when the organization says so; never an integration', () => {
  const cases: [roles: Role[], kind: string, requiredForAll: boolean, enrolled: boolean, must: boolean][] = [
    [['admin'], 'person', false, false, true],
    [['supervisor'], 'person', false, false, true],
    [['privacy-officer'], 'person', false, false, true],
    [['case-manager'], 'person', false, false, false],
    [['case-manager'], 'person', true, false, true],
    [['case-manager'], 'person', true, true, false],
    [['supervisor'], 'person', false, true, false],
    [['case-manager'], 'integration', true, false, false],
  ];
  for (const [roles, kind, mfaRequiredForAll, enrolled, must] of cases) {
    const user = { kind, roles, mfaEnabledAt: enrolled ? new Date() : null };
    assert.equal(mustEnrolMfa(user, { mfaRequiredForAll }), must, `${roles.join()} ${kind} all=${mfaRequiredForAll} enrolled=${enrolled}`);
  }
  for (const role of INTEGRATION_ROLES) assert.ok(!(MFA_REQUIRED_ROLES as readonly string[]).includes(role), `${role} needs MFA`);
});
