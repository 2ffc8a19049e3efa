import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { SecretBox } from '../../lib/auth/secret-key.ts';
import type { Database } from '../../lib/db/database.ts';

/**
 * TOTP secrets are stored sealed (AES-256-GCM, src/lib/auth/secret-key.ts), each bound to its
 * column and row. Only this file turns them into plaintext and back.
 */
type SecretColumn = 'mfaSecret' | 'mfaPendingSecret';
const COLUMNS: readonly SecretColumn[] = ['mfaSecret', 'mfaPendingSecret'];
const context = (column: SecretColumn, userId: string) => `users.${column === 'mfaSecret' ? 'mfa_secret' : 'mfa_pending_secret'}:${userId}`;

export const sealMfaSecret = (box: SecretBox, column: SecretColumn, userId: string, secret: string): string =>
  box.seal(secret, context(column, userId));

export const openMfaSecret = (box: SecretBox, column: SecretColumn, userId: string, sealed: string): string =>
  box.open(sealed, context(column, userId));

/**
 * At start: seals what is still plaintext (rows from before encryption) and re-seals what a
 * known older key sealed (an interrupted rotation), all in one transaction. A secret sealed
 * with a key we do not have refuses the start: carrying on would lock those people out
 * without saying why (docs/security.md says how to get the key back, or clear those factors).
 */
export async function resealMfaSecrets(db: Database, box: SecretBox): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const rows = await usersWithSecrets(tx);
    let changed = 0;
    const unreadable: string[] = [];
    for (const row of rows) {
      const set: Partial<Record<SecretColumn, string>> = {};
      for (const column of COLUMNS) {
        const stored = row[column];
        if (stored === null) continue;
        const kind = box.classify(stored);
        if (kind === 'plaintext') set[column] = sealMfaSecret(box, column, row.id, stored);
        else if (kind === 'known') set[column] = sealMfaSecret(box, column, row.id, openMfaSecret(box, column, row.id, stored));
        else if (kind === 'unknown') unreadable.push(row.id);
      }
      if (Object.keys(set).length === 0) continue;
      await tx.updateTable('users').set(set).where('id', '=', row.id).execute();
      changed += 1;
    }
    if (unreadable.length > 0) throw new UnreadableSecretsError(unreadable.length);
    return changed;
  });
}

/** Re-seals every secret from `from` to `to` in the caller's transaction (`bridgeway secret-key rotate`). */
export async function rotateMfaSecrets(tx: Transaction<DB>, from: SecretBox, to: SecretBox): Promise<number> {
  const rows = await usersWithSecrets(tx);
  for (const row of rows) {
    const set: Partial<Record<SecretColumn, string>> = {};
    for (const column of COLUMNS) {
      const stored = row[column];
      if (stored === null) continue;
      const plain = from.classify(stored) === 'plaintext' ? stored : openMfaSecret(from, column, row.id, stored);
      set[column] = sealMfaSecret(to, column, row.id, plain);
    }
    await tx.updateTable('users').set(set).where('id', '=', row.id).execute();
  }
  return rows.length;
}

/** Users whose second factor no key here can open: `bridgeway secret-key forget-unreadable` clears them. */
export async function forgetUnreadableSecrets(tx: Transaction<DB>, box: SecretBox): Promise<string[]> {
  const rows = await usersWithSecrets(tx);
  const cleared: string[] = [];
  for (const row of rows) {
    if (!COLUMNS.some((column) => row[column] !== null && box.classify(row[column] ?? '') === 'unknown')) continue;
    await tx
      .updateTable('users')
      .set({ mfaSecret: null, mfaPendingSecret: null, mfaEnabledAt: null, mfaLastStep: null })
      .where('id', '=', row.id)
      .execute();
    await tx.deleteFrom('mfaRecoveryCodes').where('userId', '=', row.id).execute();
    cleared.push(row.id);
  }
  return cleared;
}

async function usersWithSecrets(tx: Transaction<DB>) {
  return tx
    .selectFrom('users')
    .select(['id', 'mfaSecret', 'mfaPendingSecret'])
    .where((eb) => eb.or([eb('mfaSecret', 'is not', null), eb('mfaPendingSecret', 'is not', null)]))
    .orderBy('id')
    .forUpdate()
    .execute();
}

export class UnreadableSecretsError extends Error {
  constructor(count: number) {
    super(
      `${count} second-factor secret(s) were encrypted with a secret key this server does not have. ` +
        'Restore the key (BRIDGEWAY_SECRET_KEY or the secret.key file from your backup) and start again; ' +
        'or, if it is lost for good, run `npx bridgeway secret-key forget-unreadable` (those people set up their authenticator again).',
    );
  }
}
