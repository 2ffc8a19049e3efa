import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { loadSecretKey, parseSecretKey, SecretBox } from '../lib/auth/secret-key.ts';
import { totpAt } from '../lib/auth/totp.ts';
import { openMfaSecret, resealMfaSecrets, sealMfaSecret, UnreadableSecretsError } from '../modules/session/mfa-secrets.ts';
import { startTestApp } from '../../test/support/app.ts';
import { TestClient } from '../../test/support/client.ts';
import { makeOrganization, makeUser, TEST_SECRET_KEY, testSecrets } from '../../test/support/factories.ts';

const t = await startTestApp();
const org = await makeOrganization(t.db);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bw-secret-key-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('sealed secrets open only with their key and in their place; keys are 32 bytes in hex or base64', () => {
  const box = new SecretBox(TEST_SECRET_KEY);
  const sealed = box.seal('JBSWY3DPEHPK3PXP', 'users.mfa_secret:a');
  assert.match(sealed, /^v1\.[0-9a-f]{12}\./);
  assert.notEqual(box.seal('JBSWY3DPEHPK3PXP', 'users.mfa_secret:a'), sealed, 'a fresh IV each time');
  assert.equal(box.open(sealed, 'users.mfa_secret:a'), 'JBSWY3DPEHPK3PXP');
  assert.throws(() => box.open(sealed, 'users.mfa_secret:b'), 'another row’s ciphertext does not open here');
  const [v, id, iv, body] = sealed.split('.');
  const tampered = [v, id, iv, `${body?.slice(0, -2)}AA`].join('.');
  assert.throws(() => box.open(tampered, 'users.mfa_secret:a'));
  const other = new SecretBox(Buffer.alloc(32, 9));
  assert.throws(() => other.open(sealed, 'users.mfa_secret:a'));
  assert.equal(other.classify(sealed), 'unknown');
  assert.equal(new SecretBox(Buffer.alloc(32, 9), [TEST_SECRET_KEY]).classify(sealed), 'known');
  assert.equal(box.classify(sealed), 'current');
  assert.equal(box.classify('JBSWY3DPEHPK3PXP'), 'plaintext');
  assert.deepEqual(parseSecretKey('07'.repeat(32), 'k'), TEST_SECRET_KEY);
  assert.deepEqual(parseSecretKey(TEST_SECRET_KEY.toString('base64'), 'k'), TEST_SECRET_KEY);
  for (const bad of ['', 'short', '07'.repeat(31), Buffer.alloc(16).toString('base64')]) assert.throws(() => parseSecretKey(bad, 'k'), bad);
});

test('the key file is created once beside the database folder, readable by its owner only; the variable wins', async () => {
  const first = await loadSecretKey({ secretKey: undefined, dataDir });
  assert.equal(first.file, path.join(dataDir, 'secret.key'));
  assert.equal(statSync(first.file).mode & 0o777, 0o600);
  assert.ok(!first.file.includes(`${path.sep}pg${path.sep}`), 'not inside the cluster folder');
  const again = await loadSecretKey({ secretKey: undefined, dataDir });
  assert.equal(again.box.primaryId, first.box.primaryId);
  const fromEnv = await loadSecretKey({ secretKey: TEST_SECRET_KEY.toString('hex'), dataDir });
  assert.equal(fromEnv.file, null);
  assert.equal(fromEnv.box.primaryId, testSecrets.primaryId);
});

test('at start, plaintext secrets from before encryption are sealed, and sign-in still works; an unknown key refuses the start', async () => {
  const made = await makeUser(t.db, org.id, { roles: ['case-manager'] });
  const plain = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  await t.db.updateTable('users').set({ mfaSecret: plain, mfaEnabledAt: new Date() }).where('id', '=', made.user.id).execute();
  assert.ok((await resealMfaSecrets(t.db, testSecrets)) >= 1);
  const row = await t.db.selectFrom('users').select('mfaSecret').where('id', '=', made.user.id).executeTakeFirstOrThrow();
  assert.ok(!row.mfaSecret?.includes(plain));
  assert.equal(openMfaSecret(testSecrets, 'mfaSecret', made.user.id, row.mfaSecret ?? ''), plain);
  await new TestClient(t.app).post('/api/session', { email: made.user.email, password: made.password, totp: totpAt(plain, Date.now()) });
  assert.equal(await resealMfaSecrets(t.db, testSecrets), 0, 'nothing left to do');
  await assert.rejects(resealMfaSecrets(t.db, new SecretBox(Buffer.alloc(32, 1))), UnreadableSecretsError);
});

const main = path.join(import.meta.dirname, 'main.ts');
function bridgeway(args: string[], env: Record<string, string> = {}) {
  const url = new URL(process.env.BRIDGEWAY_TEST_ADMIN_URL ?? '');
  url.pathname = `/${t.databaseName}`;
  const result = spawnSync(process.execPath, [main, ...args], {
    env: { ...process.env, DATABASE_URL: url.toString(), BRIDGEWAY_DATA_DIR: dataDir, BRIDGEWAY_SECRET_KEY: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

test('`bridgeway secret-key rotate` re-encrypts every secret with a new key file in one go; `forget-unreadable` clears what no key opens', async () => {
  const rotateDir = path.join(dataDir, 'rotate');
  const made = await makeUser(t.db, org.id, { roles: ['case-manager'] });
  await t.db.updateTable('users').set({ mfaSecret: null, mfaEnabledAt: null }).where('mfaSecret', 'is not', null).execute();
  const env = { BRIDGEWAY_DATA_DIR: rotateDir };
  const before = await loadSecretKey({ secretKey: undefined, dataDir: rotateDir });
  await t.db
    .updateTable('users')
    .set({ mfaSecret: sealMfaSecret(before.box, 'mfaSecret', made.user.id, 'JBSWY3DPEHPK3PXP'), mfaEnabledAt: new Date() })
    .where('id', '=', made.user.id)
    .execute();
  const rotated = bridgeway(['secret-key', 'rotate'], env);
  assert.equal(rotated.code, 0, rotated.err);
  assert.match(rotated.out, /1 account\(s\) re-encrypted/);
  assert.ok(!existsSync(path.join(rotateDir, 'secret.key.next')));
  const afterKey = await loadSecretKey({ secretKey: undefined, dataDir: rotateDir });
  assert.notEqual(afterKey.box.primaryId, before.box.primaryId);
  assert.equal(statSync(path.join(rotateDir, 'secret.key')).mode & 0o777, 0o600);
  const row = await t.db.selectFrom('users').select('mfaSecret').where('id', '=', made.user.id).executeTakeFirstOrThrow();
  assert.equal(openMfaSecret(afterKey.box, 'mfaSecret', made.user.id, row.mfaSecret ?? ''), 'JBSWY3DPEHPK3PXP');
  assert.throws(() => openMfaSecret(before.box, 'mfaSecret', made.user.id, row.mfaSecret ?? ''));

  // The key is lost: a new one cannot open it; forget-unreadable clears it (the person enrols again).
  rmSync(path.join(rotateDir, 'secret.key'));
  const forgot = bridgeway(['secret-key', 'forget-unreadable'], env);
  assert.equal(forgot.code, 0, forgot.err);
  const cleared = await t.db
    .selectFrom('users')
    .select(['mfaSecret', 'mfaEnabledAt'])
    .where('id', '=', made.user.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(cleared, { mfaSecret: null, mfaEnabledAt: null });
  assert.ok(readFileSync(path.join(rotateDir, 'secret.key'), 'utf8').trim().length >= 43);
});
