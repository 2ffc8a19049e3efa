import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../api/types.ts';
import { currentRegionPath, visibleRegions } from './navigation.ts';

const pathsFor = (roles: Role[]) => visibleRegions(roles).map((region) => region.path);

test('the nav shows each role only the regions it may open', () => {
  const cases: [Role[], string[]][] = [
    [['admin'], ['/', '/staff', '/programs', '/organization', '/api-keys', '/audit', '/account']],
    [['supervisor'], ['/', '/caseload', '/patients', '/staff', '/account']],
    [['privacy-officer'], ['/', '/audit', '/account']],
    [['case-manager'], ['/', '/caseload', '/patients', '/account']],
    [['community-health-worker'], ['/', '/caseload', '/patients', '/account']],
    [['prescriber'], ['/', '/caseload', '/patients', '/account']],
    [
      ['supervisor', 'privacy-officer'],
      ['/', '/caseload', '/patients', '/staff', '/audit', '/account'],
    ],
    [[], ['/', '/account']],
  ];
  for (const [roles, paths] of cases) assert.deepEqual(pathsFor(roles), paths, roles.join(',') || 'no roles');
});

test('the current nav entry is the longest region path that matches', () => {
  const all = visibleRegions(['admin']);
  const cases: [string, string | null][] = [
    ['/', '/'],
    ['/staff', '/staff'],
    ['/account/second-factor', '/account'],
    ['/api-keys', '/api-keys'],
    ['/staffing', null],
    ['/nowhere', null],
  ];
  for (const [pathname, expected] of cases) assert.equal(currentRegionPath(pathname, all), expected, pathname);
  assert.equal(currentRegionPath('/patients/0190a5b2-0000-7000-8000-000000000000', visibleRegions(['case-manager'])), '/patients');
});
