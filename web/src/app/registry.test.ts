import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../api/types.ts';
import { currentNavPath, navigationFor, pageRoutes, webModules } from './registry.ts';

const pathsFor = (roles: Role[]) => navigationFor(roles).map((item) => item.path);

test('the nav shows each role only the pages it may open, in order', () => {
  const cases: [Role[], string[]][] = [
    [['admin'], ['/', '/instruments', '/staff', '/programs', '/contact-cadence', '/organization', '/api-keys', '/audit', '/account']],
    [
      ['supervisor'],
      [
        '/',
        '/today',
        '/caseload',
        '/patients',
        '/registration-reviews',
        '/instruments',
        '/staff',
        '/contact-cadence',
        '/emergency-access',
        '/account',
      ],
    ],
    [
      ['privacy-officer'],
      [
        '/',
        '/privacy',
        '/audit',
        '/emergency-disclosures',
        '/disclosures',
        '/emergency-access/reviews',
        '/restricted-records',
        '/consents/expiring',
        '/account',
      ],
    ],
    [['case-manager'], ['/', '/today', '/caseload', '/patients', '/instruments', '/emergency-access', '/account']],
    [['community-health-worker'], ['/', '/today', '/caseload', '/patients', '/instruments', '/emergency-access', '/account']],
    [['prescriber'], ['/', '/today', '/caseload', '/patients', '/instruments', '/emergency-access', '/account']],
    [
      ['supervisor', 'privacy-officer'],
      [
        '/',
        '/today',
        '/caseload',
        '/patients',
        '/registration-reviews',
        '/instruments',
        '/staff',
        '/contact-cadence',
        '/privacy',
        '/audit',
        '/emergency-disclosures',
        '/disclosures',
        '/emergency-access/reviews',
        '/restricted-records',
        '/consents/expiring',
        '/emergency-access',
        '/account',
      ],
    ],
    [[], ['/', '/account']],
  ];
  for (const [roles, paths] of cases) assert.deepEqual(pathsFor(roles), paths, roles.join(',') || 'no roles');
});

test('the home page lists what a user can do, and tells supervisors the staff list is read-only for them', () => {
  const home = (roles: Role[]) => navigationFor(roles).filter((item) => item.onHome);
  assert.deepEqual(
    home(['supervisor']).map((item) => [item.path, item.description]),
    [
      ['/today', 'nav.today.description'],
      ['/caseload', 'nav.caseload.description'],
      ['/patients', 'nav.patients.description'],
      ['/registration-reviews', 'nav.reviews.description'],
      ['/staff', 'nav.staff.descriptionReadOnly'],
      ['/account', 'nav.account.description'],
    ],
  );
  assert.equal(home(['admin']).find((item) => item.path === '/staff')?.description, 'nav.staff.description');
});

test('the current nav entry is the longest entry path that matches', () => {
  const all = navigationFor(['admin']);
  const cases: [string, string | null][] = [
    ['/', '/'],
    ['/staff', '/staff'],
    ['/account/second-factor', '/account'],
    ['/api-keys', '/api-keys'],
    ['/staffing', null],
    ['/nowhere', null],
  ];
  for (const [pathname, expected] of cases) assert.equal(currentNavPath(pathname, all), expected, pathname);
  assert.equal(currentNavPath('/patients/0190a5b2-0000-7000-8000-000000000000', navigationFor(['case-manager'])), '/patients');
});

test('every page has one address, and module names are unique', () => {
  const paths = pageRoutes.map((route) => route.path);
  assert.deepEqual(
    paths.filter((path, index) => paths.indexOf(path) !== index),
    [],
  );
  assert.ok(paths.every((path) => path.startsWith('/')));
  const names = webModules.map((module) => module.name);
  assert.equal(new Set(names).size, names.length);
  // Pages that patient data lives on are for clinical roles only.
  for (const path of ['/patients', '/patients/:id', '/episodes/:id', '/caseload']) {
    const route = pageRoutes.find((candidate) => candidate.path === path);
    assert.ok(route?.roles !== undefined && !route.roles.includes('admin') && !route.roles.includes('privacy-officer'), path);
  }
});
