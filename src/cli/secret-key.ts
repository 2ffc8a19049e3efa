import fs from 'node:fs/promises';
import path from 'node:path';
import { writeAudit } from '../lib/audit/audit.ts';
import { loadSecretKey, newSecretKeyText, NEXT_KEY_FILE, parseSecretKey, SECRET_KEY_FILE, SecretBox } from '../lib/auth/secret-key.ts';
import type { Config } from '../lib/config.ts';
import type { Database } from '../lib/db/database.ts';
import { newId } from '../lib/ids.ts';
import { forgetUnreadableSecrets, rotateMfaSecrets } from '../modules/session/mfa-secrets.ts';

const USAGE = `usage: bridgeway secret-key rotate | forget-unreadable`;

/**
 * `bridgeway secret-key rotate`: a new secret key, and every second-factor secret re-encrypted
 * with it in one transaction. With the key file, the new key is written beside it first
 * (secret.key.next) and renamed over it once the transaction commits; a crash in between is
 * finished by the next start. With BRIDGEWAY_SECRET_KEY, the new key comes from
 * BRIDGEWAY_NEW_SECRET_KEY (or is made and printed once) and the operator swaps the variables.
 * Stop the server first: a running one keeps the old key until it restarts.
 *
 * `bridgeway secret-key forget-unreadable`: when the key is lost for good, clears the second
 * factors no key here can open; those people enrol again at their next sign-in.
 */
export async function secretKeyCommand(db: Database, config: Config, argv: string[]): Promise<number> {
  const [action] = argv;
  if (action !== 'rotate' && action !== 'forget-unreadable') {
    console.error(USAGE);
    return 64;
  }
  const current = await loadSecretKey(config);
  const meta = { requestId: `cli-${newId()}`, ip: null, userAgent: `bridgeway secret-key ${action}`, organizationId: null };
  if (action === 'forget-unreadable') {
    const cleared = await db.transaction().execute(async (tx) => {
      const ids = await forgetUnreadableSecrets(tx, current.box);
      for (const id of ids) {
        const user = await tx.selectFrom('users').select('organizationId').where('id', '=', id).executeTakeFirstOrThrow();
        await writeAudit(
          tx,
          { ...meta, organizationId: user.organizationId },
          { action: 'update', recordType: 'user', recordId: id, details: { change: 'mfa-reset', via: 'secret-key forget-unreadable' } },
        );
      }
      return ids.length;
    });
    console.log(
      `Cleared the second factor of ${cleared} account(s) whose secret no key here can open; they set up their authenticator again at their next sign-in.`,
    );
    return 0;
  }

  const fromEnv = current.file === null;
  const nextText = fromEnv ? process.env.BRIDGEWAY_NEW_SECRET_KEY || newSecretKeyText() : newSecretKeyText();
  const next = new SecretBox(parseSecretKey(nextText, 'BRIDGEWAY_NEW_SECRET_KEY'));
  const nextFile = path.join(config.dataDir, NEXT_KEY_FILE);
  if (!fromEnv) await fs.writeFile(nextFile, `${nextText}\n`, { mode: 0o600 });
  const count = await db.transaction().execute(async (tx) => {
    const rotated = await rotateMfaSecrets(tx, current.box, next);
    await writeAudit(tx, meta, {
      action: 'update',
      recordType: 'secret-key',
      details: { change: 'secret-key-rotated', secretsReEncrypted: rotated },
    });
    return rotated;
  });
  if (!fromEnv) {
    await fs.rename(nextFile, path.join(config.dataDir, SECRET_KEY_FILE));
    console.log(
      `Rotated the secret key in ${path.join(config.dataDir, SECRET_KEY_FILE)}: ${count} account(s) re-encrypted. Back up the new key file now.`,
    );
  } else {
    console.log(`Re-encrypted ${count} account(s) with the new key. Set BRIDGEWAY_SECRET_KEY to it before the next start, and back it up:`);
    if (!process.env.BRIDGEWAY_NEW_SECRET_KEY) console.log(nextText);
  }
  return 0;
}
