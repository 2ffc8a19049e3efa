import type { TestClient } from './client.ts';

/**
 * The world the generated access matrix (test/api/route-matrix.test.ts) builds: one patient
 * whom `owner` may see, and one record of every registered kind of patient data. Each module
 * that registers kinds with an API path brings `src/modules/<module>/access-fixtures.ts`
 * exporting `makeAccessRecords`, which creates its records through the API as `owner` and
 * puts their ids in `ids` by record type. Fixtures run in the module registry's order.
 */
export interface AccessWorld {
  owner: TestClient;
  ownerId: string;
  programId: string;
  today: string;
  /** Record type (`patient`, `episode`, `placement`…) → the id of one record of that kind. */
  ids: Map<string, string>;
}

export type MakeAccessRecords = (world: AccessWorld) => Promise<void>;

/** A fixture's request must work; say which one did not. */
export function expectCreated<T extends { id: string }>(label: string, response: { status: number; body: T }): T {
  if (response.status !== 201) throw new Error(`access fixture: ${label} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}
