import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasPermission, ROLES, type Permission, type Role } from './access.ts';

// Who may do what outside a chart, role by role. Admins run the place but read no charts.
const EXPECTED: Record<Permission, Role[]> = {
  'staff:read': ['admin', 'supervisor'],
  'staff:manage': ['admin'],
  'programs:manage': ['admin'],
  'organization:manage': ['admin'],
  'api-keys:manage': ['admin'],
  'audit:read': ['admin', 'privacy-officer'],
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
