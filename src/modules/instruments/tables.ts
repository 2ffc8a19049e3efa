import type { Selectable } from 'kysely';
import type { CreatedAt } from '../../db/schema.ts';

/** The instruments module's table (migrations/0200), typed. */
interface InstrumentDefinitionsTable {
  id: string;
  organizationId: string;
  key: string;
  version: string;
  /** Written as JSON text, read back parsed. */
  definition: unknown;
  importedBy: string | null;
  importedAt: CreatedAt;
}

export type InstrumentDefinitionRow = Selectable<InstrumentDefinitionsTable>;

declare module '../../db/schema.ts' {
  interface DB {
    instrumentDefinitions: InstrumentDefinitionsTable;
  }
}
