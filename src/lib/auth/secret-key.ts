import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The server's secret key: encrypts second-factor secrets (AES-256-GCM) and keys the hashes
 * kept of typed emails and the setup code. It lives outside the database (docs/security.md):
 * `BRIDGEWAY_SECRET_KEY`, or a key file beside the database folder, so a stolen database or
 * backup of it alone does not give away anyone's authenticator.
 */
const KEY_BYTES = 32;
const FORMAT = 'v1';

/** A key as an operator writes it: 32 bytes in hex (64 characters) or base64 / base64url. */
export function parseSecretKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== KEY_BYTES || (!/^[0-9a-fA-F]{64}$/.test(trimmed) && !/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed))) {
    throw new Error(`${source} must be 32 random bytes in hex (64 characters) or base64 (43-44 characters)`);
  }
  return key;
}

export const newSecretKeyText = (): string => randomBytes(KEY_BYTES).toString('base64');

/** A short public name of a key, stored with each ciphertext so the right key (or its absence) is known. */
const keyIdOf = (key: Buffer): string => createHash('sha256').update('bridgeway-key-id').update(key).digest('hex').slice(0, 12);

/**
 * Seals and opens secrets with the primary key; opens with any extra key too (the one being
 * rotated away from). `context` binds a ciphertext to its place (column and row), so one
 * person's sealed secret copied onto another's row does not open.
 */
export class SecretBox {
  readonly primaryId: string;
  private readonly keys: Map<string, Buffer>;
  private readonly primary: Buffer;

  constructor(primary: Buffer, extra: readonly Buffer[] = []) {
    this.primary = primary;
    this.primaryId = keyIdOf(primary);
    this.keys = new Map([...extra, primary].map((key) => [keyIdOf(key), key]));
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.primary, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [FORMAT, this.primaryId, iv.toString('base64url'), body.toString('base64url')].join('.');
  }

  /** The plaintext, or throws (wrong key, unknown key, tampered or misplaced ciphertext). */
  open(sealed: string, context: string): string {
    const [format, keyId, iv, body] = sealed.split('.');
    const key = keyId ? this.keys.get(keyId) : undefined;
    if (format !== FORMAT || !key || !iv || !body) throw new Error('sealed with an unknown key or not sealed');
    const bytes = Buffer.from(body, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8');
  }

  /** What a stored value is: plaintext from before encryption, sealed with the primary key, with a known extra key, or with a key we do not have. */
  classify(stored: string): 'plaintext' | 'current' | 'known' | 'unknown' {
    const [format, keyId] = stored.split('.');
    if (format !== FORMAT || keyId === undefined) return 'plaintext';
    if (keyId === this.primaryId) return 'current';
    return this.keys.has(keyId) ? 'known' : 'unknown';
  }

  /** A keyed hash (HMAC-SHA-256, hex): the same input gives the same value, which says nothing without the key. */
  keyedHash(label: string, value: string): string {
    return createHmac('sha256', this.primary).update(label).update('\0').update(value).digest('hex');
  }
}

export const SECRET_KEY_FILE = 'secret.key';
/** Written by `bridgeway secret-key rotate` before its transaction commits, renamed over the key after. */
export const NEXT_KEY_FILE = 'secret.key.next';

export interface LoadedSecretKey {
  box: SecretBox;
  /** Where the primary key came from; a file path, or null for BRIDGEWAY_SECRET_KEY. */
  file: string | null;
  /** A rotation that committed but did not finish renaming its key file (the next start completes it). */
  pendingNext: string | null;
}

/**
 * The key from `BRIDGEWAY_SECRET_KEY`, else from `<dataDir>/secret.key`, created (0600) on
 * first start. The embedded cluster lives in `<dataDir>/pg`, so the key sits beside the
 * database folder, never inside it: a copy of the cluster does not carry its key.
 */
export async function loadSecretKey(options: { secretKey: string | undefined; dataDir: string }): Promise<LoadedSecretKey> {
  const next = path.join(options.dataDir, NEXT_KEY_FILE);
  const nextKey = await readKeyFile(next);
  if (options.secretKey) {
    return {
      box: new SecretBox(parseSecretKey(options.secretKey, 'BRIDGEWAY_SECRET_KEY'), nextKey ? [nextKey] : []),
      file: null,
      pendingNext: null,
    };
  }
  const file = path.join(options.dataDir, SECRET_KEY_FILE);
  let key = await readKeyFile(file);
  if (!key) {
    await fs.mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    const text = newSecretKeyText();
    try {
      await fs.writeFile(file, `${text}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
    key = await readKeyFile(file);
    if (!key) throw new Error(`could not create ${file}`);
  }
  return { box: new SecretBox(key, nextKey ? [nextKey] : []), file, pendingNext: nextKey ? next : null };
}

async function readKeyFile(file: string): Promise<Buffer | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
  return parseSecretKey(text, file);
}
