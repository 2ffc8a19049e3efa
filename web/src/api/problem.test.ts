import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError, fieldNameFromPath, parseRetryAfter, problemType, splitProblem, toProblem } from './problem.ts';

test('problemType is the last segment of the problem type', () => {
  const cases: [string, string][] = [
    ['/api/problems/stale-version', 'stale-version'],
    ['/api/problems/mfa-required', 'mfa-required'],
    ['https://bridgeway.example/api/problems/account-locked', 'account-locked'],
    ['about:blank', 'about:blank'],
    ['', ''],
  ];
  for (const [type, code] of cases) assert.equal(problemType({ type }), code, type);
});

test('toProblem keeps a problem document and synthesizes one from anything else', () => {
  const body = {
    type: '/api/problems/validation',
    title: 'The request is not valid',
    status: 400,
    detail: '/email: must match format "email"',
    errors: [{ path: '/email', message: 'must match format "email"' }, { nonsense: true }],
    currentVersion: 3,
  };
  assert.deepEqual(toProblem(400, 'Bad Request', body), {
    type: '/api/problems/validation',
    title: 'The request is not valid',
    status: 400,
    detail: '/email: must match format "email"',
    errors: [{ path: '/email', message: 'must match format "email"' }],
    currentVersion: 3,
  });
  assert.deepEqual(toProblem(502, 'Bad Gateway', '<html>proxy error</html>'), { type: 'about:blank', title: 'Bad Gateway', status: 502 });
  assert.deepEqual(toProblem(500, '', undefined), { type: 'about:blank', title: 'HTTP 500', status: 500 });
  assert.equal(
    toProblem(429, '', { type: '/api/problems/account-locked', title: 'Locked', status: 429, retryAfterSeconds: 900 }).retryAfterSeconds,
    900,
  );
});

test('toProblem keeps codes and their string or number params, on the problem and on each field error', () => {
  const problem = toProblem(422, '', {
    type: '/api/problems/rule-violation',
    title: 'This breaks a rule',
    status: 422,
    code: 'placement-overlap',
    params: { date: '2026-01-05', count: 2, nested: { no: 1 }, flag: true, nan: Number.NaN },
    errors: [
      { path: '/startDate', message: 'overlaps', code: 'placement-overlap', params: { date: '2026-01-05' } },
      { path: '/note', message: 'too long', code: 'too-long', params: { max: 2000 } },
      { path: '/x', message: 'no code' },
    ],
  });
  assert.equal(problem.code, 'placement-overlap');
  assert.deepEqual(problem.params, { date: '2026-01-05', count: 2 });
  assert.deepEqual(problem.errors, [
    { path: '/startDate', message: 'overlaps', code: 'placement-overlap', params: { date: '2026-01-05' } },
    { path: '/note', message: 'too long', code: 'too-long', params: { max: 2000 } },
    { path: '/x', message: 'no code' },
  ]);
});

test('ApiError exposes status, type and code of its problem', () => {
  const error = new ApiError({ type: '/api/problems/stale-version', title: 'Changed', status: 409, currentVersion: 4 });
  assert.equal(error.status, 409);
  assert.equal(error.problemType, 'stale-version');
  assert.equal(error.code, 'stale-version', 'without a specific code, the code is the type');
  assert.equal(error.retryAfterSeconds, null);
  assert.ok(error instanceof Error);
  const coded = new ApiError({ type: '/api/problems/conflict', title: 'Conflict', status: 409, code: 'email-taken' });
  assert.equal(coded.problemType, 'conflict');
  assert.equal(coded.code, 'email-taken');
});

test('fieldNameFromPath maps JSON pointers to the form field they belong to', () => {
  const fields = ['email', 'roles', 'programIds', 'address.city'];
  const cases: [string, string | null][] = [
    ['/email', 'email'],
    ['/roles/0', 'roles'],
    ['/programIds/2', 'programIds'],
    ['/address/city', 'address.city'],
    ['/address/zip', null],
    ['/unknownField', null],
    ['', null],
    ['/', null],
  ];
  for (const [path, field] of cases) assert.equal(fieldNameFromPath(path, fields), field, path);
});

test('splitProblem puts field errors next to fields and the rest in the alert', () => {
  const split = splitProblem(
    {
      type: '/api/problems/validation',
      title: 'Invalid',
      status: 400,
      errors: [
        { path: '/email', message: 'must match format "email"' },
        { path: '/email', message: 'a second message for the same field is dropped' },
        { path: '/roles/1', message: 'must be equal to one of the allowed values' },
        { path: '/query/cursor', message: 'is not a cursor this list gave out' },
        { path: '/', message: 'must have at least 1 property' },
      ],
    },
    ['email', 'roles', 'displayName'] as const,
  );
  assert.deepEqual(split.fieldErrors, {
    email: { path: '/email', message: 'must match format "email"' },
    roles: { path: '/roles/1', message: 'must be equal to one of the allowed values' },
  });
  assert.deepEqual(
    split.formErrors.map((error) => error.path),
    ['/query/cursor', '/'],
  );
});

test('splitProblem of a problem without errors gives nothing to place', () => {
  assert.deepEqual(splitProblem({ type: '/api/problems/conflict', title: 'Conflict', status: 409 }, ['email']), {
    fieldErrors: {},
    formErrors: [],
  });
});

test('parseRetryAfter reads seconds or an HTTP date', () => {
  const now = new Date('2025-03-07T15:00:00Z');
  assert.equal(parseRetryAfter('900', now), 900);
  assert.equal(parseRetryAfter(' 60 ', now), 60);
  assert.equal(parseRetryAfter('Fri, 07 Mar 2025 15:15:00 GMT', now), 900);
  assert.equal(parseRetryAfter('Fri, 07 Mar 2025 14:00:00 GMT', now), 0);
  assert.equal(parseRetryAfter(null, now), null);
  assert.equal(parseRetryAfter('soon', now), null);
});

test('toProblem keeps the organizations a choose-organization answer lists, and only well-formed ones', () => {
  const problem = toProblem(409, '', {
    type: '/api/problems/conflict',
    title: 'Choose your organization',
    status: 409,
    code: 'choose-organization',
    organizations: [{ id: 'a', name: 'Lakeside Clinic' }, { id: 'b' }, 'c', { id: 'd', name: 'Riverbend' }],
  });
  assert.deepEqual(problem.organizations, [
    { id: 'a', name: 'Lakeside Clinic' },
    { id: 'd', name: 'Riverbend' },
  ]);
  assert.equal(toProblem(409, '', { type: '/api/problems/conflict', title: 'x', status: 409 }).organizations, undefined);
});
