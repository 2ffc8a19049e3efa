import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchRoutes } from 'react-router';
import type { Role, Session } from '../api/types.ts';
import type { MessageKey } from './catalogue.ts';
import { prefetchOpenedPage, routeAt } from './prefetch.ts';
import { pageRoutes } from './registry.ts';
import type { PageRoute } from './webModule.ts';

test('the opened address is matched to one page, as the router ranks them', () => {
  assert.equal(routeAt('/caseload')?.route.path, '/caseload');
  assert.equal(routeAt('/')?.route.path, '/');
  const patient = routeAt('/patients/0b6c7a52-3f7e-4a43-9d2f-0f4d2c1e5a10');
  assert.equal(patient?.route.path, '/patients/:id');
  assert.equal(patient?.params.id, '0b6c7a52-3f7e-4a43-9d2f-0f4d2c1e5a10');
  assert.equal(routeAt('/patients/0b6c7a52/consents')?.route.path, '/patients/:id/consents');
  assert.equal(routeAt('/patients')?.route.path, '/patients');
  assert.equal(routeAt('/no-such-page'), null);
});

test('every page address is matched as React Router matches it', () => {
  const routes = pageRoutes.map((route) => ({ path: route.path, route }));
  for (const route of pageRoutes) {
    // The page's own address with each parameter filled in, and with a parameter named like a
    // static segment of another page (`/patients/new` if there were such a page).
    const addresses = [
      route.path.replace(/:\w+/g, 'x-1'),
      ...pageRoutes.map((other) => route.path.replace(/:\w+/, other.path.split('/')[2] ?? 'y')),
    ];
    for (const address of addresses) {
      const expected = matchRoutes(routes, address)?.at(-1);
      const actual = routeAt(address);
      assert.equal(actual?.route.path, expected?.route.path, address);
      assert.deepEqual({ ...actual?.params }, { ...expected?.params }, address);
    }
  }
  assert.equal(routeAt('/patients/a%20b')?.params.id, 'a b');
});

test('only signed-in pages start a first read, and each names the roles that may open it', () => {
  const reading = pageRoutes.filter((route) => route.prefetch?.data !== undefined);
  assert.deepEqual(reading.map((route) => route.path).sort(), ['/caseload', '/patients/:id']);
  for (const route of reading) {
    assert.equal(route.access ?? 'signed-in', 'signed-in', route.path);
    assert.ok(route.roles !== undefined && route.roles.length > 0, `${route.path} names its roles`);
  }
});

/** The registry's own route at `path`, with what it would start recorded instead of done. */
function recorded(path: string) {
  const route = pageRoutes.find((candidate) => candidate.path === path);
  assert.ok(route !== undefined, path);
  const started: string[] = [];
  const stand: PageRoute<MessageKey> = {
    ...route,
    load: () => {
      started.push('code');
      return Promise.resolve(() => null);
    },
    prefetch: {
      ...(route.prefetch?.code === undefined ? {} : { code: () => started.push('more code') }),
      ...(route.prefetch?.data === undefined ? {} : { data: (params) => started.push(`data ${JSON.stringify(params)}`) }),
    },
  };
  return { started, routes: pageRoutes.map((candidate) => (candidate === route ? stand : candidate)) };
}

function sessionOf(roles: Role[], stage: Session['stage'] = 'active'): Session {
  return { stage, user: { roles } } as unknown as Session;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('a patient page opened by a case manager: the code at once, the patient once the session allows it', async () => {
  const { started, routes } = recorded('/patients/:id');
  let answer: (session: Session | null) => void = () => undefined;
  prefetchOpenedPage(
    '/patients/p-1',
    new Promise((resolve) => {
      answer = resolve;
    }),
    routes,
  );
  assert.deepEqual(started, ['code', 'more code'], 'before the session answers, only code');
  answer(sessionOf(['case-manager']));
  await settle();
  assert.deepEqual(started, ['code', 'more code', 'data {"id":"p-1"}']);
});

test('a patient page opened by an admin: its code, never the read the page would not make (an audited denial)', async () => {
  const { started, routes } = recorded('/patients/:id');
  prefetchOpenedPage('/patients/p-1', Promise.resolve(sessionOf(['admin'])), routes);
  await settle();
  assert.deepEqual(started, ['code', 'more code']);
});

test('My caseload: read for a clinical role; not when signed out, still enrolling a second factor, or the session check failed', async () => {
  const cases: [string, () => Promise<Session | null>, string[]][] = [
    ['a supervisor', () => Promise.resolve(sessionOf(['supervisor'])), ['code', 'data {}']],
    ['a privacy officer', () => Promise.resolve(sessionOf(['privacy-officer'])), ['code']],
    ['signed out', () => Promise.resolve(null), ['code']],
    ['enrolling a second factor', () => Promise.resolve(sessionOf(['case-manager'], 'mfa-enrolment')), ['code']],
    ['the session check failed', () => Promise.reject(new Error('network')), ['code']],
  ];
  for (const [who, session, expected] of cases) {
    const { started, routes } = recorded('/caseload');
    prefetchOpenedPage('/caseload', session(), routes);
    await settle();
    assert.deepEqual(started, expected, who);
  }
});

test('an address no page has starts nothing', async () => {
  const { started, routes } = recorded('/caseload');
  prefetchOpenedPage('/caseloads', Promise.resolve(sessionOf(['case-manager'])), routes);
  await settle();
  assert.deepEqual(started, []);
});
