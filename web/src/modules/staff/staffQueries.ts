import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { User, UserKind, UserStatus } from '../../api/types.ts';

export const usersKey = ['users'] as const;

export interface StaffFilters {
  q: string;
  status: UserStatus | null;
  kind: UserKind | null;
}

/** One page of 50 staff at a time, "Load more" follows the cursor (shared/API.md "Lists"). */
export function useStaffList(filters: StaffFilters) {
  return useInfiniteQuery({
    queryKey: [...usersKey, 'list', filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/users', {
          params: {
            query: {
              q: filters.q === '' ? undefined : filters.q,
              status: filters.status ?? undefined,
              kind: filters.kind ?? undefined,
              limit: 50,
              cursor: pageParam,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Every active integration account, for choosing the one an API key acts as (no key ever acts as a person). */
export function useActiveIntegrationAccounts() {
  return useQuery({
    queryKey: [...usersKey, 'all-active-integrations'],
    queryFn: async () => {
      const users: User[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(
          api.GET('/api/users', { params: { query: { status: 'active', kind: 'integration', limit: 200, cursor } } }),
        );
        users.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return users;
    },
  });
}
