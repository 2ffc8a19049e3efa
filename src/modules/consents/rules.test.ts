import assert from 'node:assert/strict';
import { test } from 'node:test';
import { consentState, EXPIRING_WITHIN_DAYS, sameName } from './rules.ts';

const base = { signatureMethod: 'drawn', endReason: null, endedOn: null, expirationKind: 'date', expiresOn: '2026-06-30' } as const;

test('a consent is good through its expiration date, expiring within 30 days of it, expired the day after', () => {
  assert.equal(EXPIRING_WITHIN_DAYS, 30);
  assert.equal(consentState(base, '2026-05-30'), 'active');
  assert.equal(consentState(base, '2026-05-31'), 'expiring');
  assert.equal(consentState(base, '2026-06-30'), 'expiring');
  assert.equal(consentState(base, '2026-07-01'), 'expired');
});

test('revocation takes effect on its date; an event ends it; a refusal is never in effect', () => {
  const revoked = { ...base, endReason: 'revoked', endedOn: '2026-05-10' } as const;
  assert.equal(consentState(revoked, '2026-05-09'), 'active');
  assert.equal(consentState(revoked, '2026-05-10'), 'revoked');
  const event = { ...base, expirationKind: 'event', expiresOn: null, endReason: 'expiration-event', endedOn: '2026-05-10' } as const;
  assert.equal(consentState({ ...event, endReason: null, endedOn: null }, '2030-01-01'), 'active');
  assert.equal(consentState(event, '2026-05-10'), 'ended');
  assert.equal(consentState({ ...base, signatureMethod: 'refused' }, '2026-05-01'), 'refused');
});

test('recipient names compare without case, accents or punctuation', () => {
  assert.ok(sameName('St. Luke’s  Clinic', 'st lukes clinic'));
  assert.ok(sameName("St. Luke's Clinic", 'ST LUKES CLINIC.'));
  assert.ok(sameName('Clínica del Este', 'CLINICA DEL ESTE'));
  assert.ok(!sameName('Eastside Clinic', 'Westside Clinic'));
});
