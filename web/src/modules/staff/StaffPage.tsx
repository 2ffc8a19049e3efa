import { Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { userStatuses } from '../../api/codes.ts';
import type { User, UserKind, UserStatus } from '../../api/types.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { draftIdsOf, hasDraft } from '../../components/forms/drafts.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/problems.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { programNames, useProgramsQuery } from '../programs/programQueries.ts';
import { hasAnyRole, useSession } from '../session/SessionContext.tsx';
import { InvitationLinkDialog, type IssuedLink } from './InvitationLinkDialog.tsx';
import { StaffFormDialog, staffDraftForm, staffEditDraftPrefix, type StaffDialog } from './StaffFormDialog.tsx';
import { StaffActionDialog, StaffRowMenu, type PendingStaffAction } from './StaffRowActions.tsx';
import { usersKey, useStaffList } from './staffQueries.ts';

const statusColors: Record<UserStatus, string> = { invited: 'yellow', active: 'green', deactivated: 'gray' };

/** Staff admin: who works here, their roles and programs; admins invite, edit and deactivate, supervisors read. */
export function StaffPage() {
  const t = useT();
  const format = useFormat();
  const session = useSession();
  const isAdmin = hasAnyRole(session, ['admin']);
  const programs = useProgramsQuery();

  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [status, setStatus] = useState<UserStatus | null>(null);
  const [kind, setKind] = useState<UserKind | null>(null);
  const list = useStaffList({ q, status, kind });
  const staff = list.data?.pages.flatMap((page) => page.items) ?? [];

  // Back after the session ended while inviting or editing: that dialog opens again with what was typed.
  const [chosen, setChosen] = useState<StaffDialog>(() => {
    if (!isAdmin) return null;
    const mode = (['create', 'create-integration'] as const).find((kept) => hasDraft(session.user.id, staffDraftForm({ mode: kept })));
    return mode === undefined ? null : { mode };
  });
  const [keptId, setKeptId] = useState(() =>
    isAdmin && chosen === null ? (draftIdsOf(session.user.id, staffEditDraftPrefix)[0] ?? null) : null,
  );
  // The person may not be on the list's first page: read them by id.
  const kept = useQuery({
    queryKey: [...usersKey, 'one', keptId],
    queryFn: () => unwrap(api.GET('/api/users/{id}', { params: { path: { id: keptId ?? '' } } })),
    enabled: keptId !== null,
  });
  const dialog: StaffDialog = chosen ?? (keptId !== null && kept.data ? { mode: 'edit', user: kept.data } : null);
  const setDialog = (next: StaffDialog) => {
    setKeptId(null);
    setChosen(next);
  };
  const [link, setLink] = useState<IssuedLink | null>(null);
  const [pending, setPending] = useState<PendingStaffAction | null>(null);

  const columns: Column<User>[] = [
    {
      id: 'name',
      header: t('staff.col.nameEmail'),
      cell: (user) => (
        <Stack gap={2}>
          <Group gap={6} wrap="nowrap">
            <Text span fw={600} size="sm">
              {user.displayName}
            </Text>
            {user.id === session.user.id && (
              <Badge size="sm" variant="outline" color="gray" tt="none" miw="max-content">
                {t('staff.you')}
              </Badge>
            )}
          </Group>
          {user.kind === 'integration' ? (
            <Badge size="sm" variant="light" color="grape" tt="none" miw="max-content">
              {t('staff.integration.badge')}
            </Badge>
          ) : (
            <Text span size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {user.email}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      id: 'roles',
      header: t('staff.col.roles'),
      cell: (user) => user.roles.map((role) => t(`role.${role}`)).join(', '),
    },
    {
      id: 'programs',
      header: t('staff.col.programs'),
      cell: (user) => {
        const names = programNames(user.programIds, programs.data);
        return names.length === 0 ? (
          <Text span c="dimmed" size="sm">
            {t('staff.noPrograms')}
          </Text>
        ) : (
          names.join(', ')
        );
      },
    },
    {
      id: 'status',
      nowrap: true,
      header: t('staff.col.status'),
      cell: (user) => <StatusBadge color={statusColors[user.status]}>{t(`userStatus.${user.status}`)}</StatusBadge>,
    },
    {
      id: 'mfa',
      nowrap: true,
      header: t('staff.col.mfa'),
      cell: (user) => (user.kind === 'integration' ? t('staff.integration.noMfa') : user.mfaEnabled ? t('common.yes') : t('common.no')),
    },
    { id: 'updated', header: t('staff.col.updated'), cell: (user) => format.dateTime(user.updatedAt) },
  ];

  return (
    <Page
      title={t('staff.title')}
      intro={isAdmin ? t('staff.intro') : t('staff.introReadOnly')}
      actions={
        isAdmin ? (
          <Group gap="sm">
            <Button variant="default" onClick={() => setDialog({ mode: 'create-integration' })}>
              {t('staff.integration.add')}
            </Button>
            <Button onClick={() => setDialog({ mode: 'create' })}>{t('staff.add')}</Button>
          </Group>
        ) : undefined
      }
    >
      <Group gap="sm" align="flex-end" role="search" aria-label={t('staff.filters')}>
        <TextInput
          label={t('staff.search')}
          description={t('staff.searchDescription')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          type="search"
          w={{ base: '100%', xs: 320 }}
        />
        <Select<UserStatus>
          label={t('staff.statusFilter')}
          description={t('staff.statusFilterDescription')}
          data={userStatuses.map((code) => ({ value: code, label: t(`userStatus.${code}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          placeholder={t('staff.allStatuses')}
          w={{ base: '100%', xs: 220 }}
        />
        <Select<UserKind>
          label={t('staff.kindFilter')}
          data={[
            { value: 'person', label: t('staff.kind.person') },
            { value: 'integration', label: t('staff.kind.integration') },
          ]}
          value={kind}
          onChange={setKind}
          clearable
          placeholder={t('staff.allKinds')}
          w={{ base: '100%', xs: 220 }}
        />
      </Group>

      {list.isPending || list.isError ? (
        <QueryStatus isPending={list.isPending} error={list.error} retry={() => void list.refetch()} />
      ) : (
        <Stack gap="sm">
          <DataTable
            label={t('staff.tableLabel')}
            columns={columns}
            rows={staff}
            rowKey={(user) => user.id}
            minWidth={900}
            empty={q !== '' || status !== null || kind !== null ? t('staff.noMatches') : t('staff.empty')}
            actions={
              isAdmin
                ? (user) => (
                    <StaffRowMenu
                      user={user}
                      isSelf={user.id === session.user.id}
                      onEdit={(editing) => setDialog({ mode: 'edit', user: editing })}
                      onAction={setPending}
                    />
                  )
                : undefined
            }
          />
          <LoadMore
            shown={staff.length}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        </Stack>
      )}

      <StaffFormDialog
        dialog={dialog}
        onClose={() => setDialog(null)}
        onCreated={(created) => {
          setDialog(null);
          setLink({
            name: created.user.displayName,
            url: created.invitationUrl,
            expiresAt: created.invitationExpiresAt,
            kind: 'invitation',
          });
        }}
      />
      <StaffActionDialog pending={pending} onClose={() => setPending(null)} onLinkIssued={setLink} />
      <InvitationLinkDialog link={link} onClose={() => setLink(null)} />
    </Page>
  );
}
