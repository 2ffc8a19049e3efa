import type { Transaction } from 'kysely';
import type { Role } from '../codes.ts';
import type { DB } from '../db/schema.ts';
import type { Audit } from '../lib/audit/audit.ts';

/**
 * What `bridgeway demo` hands each module's `demo.ts` (docs/modules.md): the demonstration
 * organization with its programs and staff, a seeded random source (every demo is the same),
 * and what earlier modules made — the patients first. A module adds its synthetic records in
 * the same transaction and says what it made in one line.
 */
export interface DemoWorld {
  tx: Transaction<DB>;
  organizationId: string;
  programs: { id: string; name: string; staffIds: string[] }[];
  staff: { id: string; name: string; roles: Role[] }[];
  /** Audit rows for what a module seeds (the demo writes through no request). */
  audit: Audit;
  random: () => number;
  pick: <T>(items: readonly T[]) => T;
  today: Date;
  /** Made by the patients module: each patient with the program and staff member who met them first. */
  patients: { id: string; programId: string; registeredBy: string }[];
}

export type SeedDemo = (world: DemoWorld) => Promise<string>;

/** A linear congruential generator: the same numbers every time, so every demo looks the same. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
