import { api, unwrap } from '../../api/client.ts';
import type { OkBody } from '../../api/types.ts';

export type CaseloadItem = OkBody<'/api/caseload', 'get'>['items'][number];

/** Every open episode whose care team I am on (a case manager carries up to ~150), all at once. */
export async function fetchCaseload(): Promise<CaseloadItem[]> {
  const items: CaseloadItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(api.GET('/api/caseload', { params: { query: { limit: 200, cursor } } }));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}

/** The key of the read of My caseload started with the app (api/earlyRead.ts). */
export const caseloadEarlyRead = 'caseload';
