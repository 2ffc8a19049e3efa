import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { ApiKey, CreatedApiKey } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/problems.tsx';
import { dateInZone } from '../../i18n/format.ts';
import { useFormat, useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { useActiveIntegrationAccounts } from '../staff/staffQueries.ts';
import { CreateApiKeyDialog, SecretDialog } from './ApiKeyDialogs.tsx';

const apiKeysKey = ['api-keys'] as const;
const statusColors: Record<ApiKey['status'], string> = { active: 'green', expired: 'gray', revoked: 'red' };

/** Keys that act as integration accounts (never as a person); created by admins, shown once, revocable, with who created them. */
export function ApiKeysPage() {
  const t = useT();
  const format = useFormat();
  const { timeZone } = useLocale();
  const queryClient = useQueryClient();
  const accounts = useActiveIntegrationAccounts();
  const keys = useInfiniteQuery({
    queryKey: apiKeysKey,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/api-keys', { params: { query: { limit: 50, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = keys.data?.pages.flatMap((page) => page.items) ?? [];
  const today = dateInZone(new Date(), timeZone);

  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  const revoke = useMutation({
    mutationFn: (key: ApiKey) => unwrap(api.DELETE('/api/api-keys/{id}', { params: { path: { id: key.id } } })),
    onSuccess: (_, key) => {
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: apiKeysKey });
      notifications.show({ color: 'green', message: t('apiKeys.revoked', { name: key.name }) });
    },
  });

  const columns: Column<ApiKey>[] = [
    { id: 'name', header: t('apiKeys.col.name'), cell: (key) => key.name },
    { id: 'actsAs', header: t('apiKeys.col.actsAs'), cell: (key) => key.userDisplayName },
    {
      id: 'created',
      header: t('apiKeys.col.created'),
      // Who created the key is named on every audit row it writes: show it beside when.
      cell: (key) => (
        <Stack gap={0}>
          <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
            {format.dateTime(key.createdAt)}
          </Text>
          <Text span size="sm" c="dimmed">
            {t('apiKeys.createdBy', { name: key.createdByDisplayName })}
          </Text>
        </Stack>
      ),
    },
    { id: 'expires', nowrap: true, header: t('apiKeys.col.expires'), cell: (key) => format.dateTimeWithZone(key.expiresAt) },
    {
      id: 'lastUsed',
      nowrap: true,
      header: t('apiKeys.col.lastUsed'),
      cell: (key) => (key.lastUsedAt === null ? t('apiKeys.neverUsed') : format.dateTime(key.lastUsedAt)),
    },
    {
      id: 'status',
      nowrap: true,
      header: t('apiKeys.col.status'),
      cell: (key) => <StatusBadge color={statusColors[key.status]}>{t(`apiKeys.status.${key.status}`)}</StatusBadge>,
    },
  ];

  return (
    <Page
      title={t('apiKeys.title')}
      intro={t('apiKeys.intro')}
      actions={<Button onClick={() => setCreating(true)}>{t('apiKeys.add')}</Button>}
    >
      {keys.isPending || keys.isError ? (
        <QueryStatus isPending={keys.isPending} error={keys.error} retry={() => void keys.refetch()} />
      ) : (
        <Stack gap="sm">
          <DataTable
            label={t('apiKeys.tableLabel')}
            columns={columns}
            rows={rows}
            rowKey={(key) => key.id}
            minWidth={960}
            empty={t('apiKeys.empty')}
            actions={(key) =>
              key.status === 'active' ? (
                <Button
                  variant="default"
                  color="red"
                  size="xs"
                  onClick={() => {
                    revoke.reset();
                    setRevoking(key);
                  }}
                  aria-label={t('apiKeys.revokeNamed', { name: key.name })}
                >
                  {t('apiKeys.revoke')}
                </Button>
              ) : (
                <Text span size="sm" c="dimmed">
                  {t('apiKeys.noActions')}
                </Text>
              )
            }
          />
          <LoadMore
            shown={rows.length}
            hasMore={keys.hasNextPage}
            loading={keys.isFetchingNextPage}
            onLoadMore={() => void keys.fetchNextPage()}
          />
        </Stack>
      )}

      <CreateApiKeyDialog
        opened={creating}
        today={today}
        accounts={accounts}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setCreated(result);
          void queryClient.invalidateQueries({ queryKey: apiKeysKey });
        }}
      />
      <SecretDialog created={created} onClose={() => setCreated(null)} />
      <ConfirmDialog
        opened={revoking !== null}
        title={t('apiKeys.revokeTitle', { name: revoking?.name ?? '' })}
        confirmLabel={t('apiKeys.revoke')}
        destructive
        busy={revoke.isPending}
        error={revoke.error}
        onConfirm={() => {
          if (revoking !== null) revoke.mutate(revoking);
        }}
        onClose={() => setRevoking(null)}
      >
        {t('apiKeys.revokeBody', { name: revoking?.name ?? '' })}
      </ConfirmDialog>
    </Page>
  );
}
