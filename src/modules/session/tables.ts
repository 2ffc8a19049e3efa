import type { Insertable } from 'kysely';
import type { CreatedAt } from '../../db/schema.ts';

/** The session module's own tables (modules/session/migrations), typed. */
interface MfaRecoveryCodesTable {
  id: string;
  organizationId: string;
  userId: string;
  codeHash: Buffer;
  createdAt: CreatedAt;
  usedAt: Date | null;
}

declare module '../../db/schema.ts' {
  interface DB {
    mfaRecoveryCodes: MfaRecoveryCodesTable;
  }
}

export type NewRecoveryCode = Insertable<MfaRecoveryCodesTable>;
