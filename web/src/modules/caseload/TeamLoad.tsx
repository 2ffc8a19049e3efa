import { Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { episodePhases } from '../../api/codes.ts';
import { peekDraft } from '../../components/forms/drafts.ts';
import { QueryStatus } from '../../components/problems.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { caseloadKey } from '../patients/patientQueries.ts';
import { useSession } from '../session/SessionContext.tsx';
import { LazyReassignCaseloadDialog } from './LazyReassignCaseloadDialog.tsx';
import { reassignDraftForm } from './reassignDraft.ts';

const openPhases = episodePhases.filter((phase) => phase !== 'closed');

/** A supervisor's program-wide view: each case manager's open episodes as primary, by phase. */
export function TeamLoad() {
  const t = useT();
  const format = useFormat();
  const loads = useQuery({
    queryKey: [...caseloadKey, 'loads'],
    queryFn: () => unwrap(api.GET('/api/caseload-loads')),
  });
  const session = useSession();
  // Back after the session ended while reassigning a colleague's caseload: the dialog opens again.
  const [reassigning, setReassigning] = useState<string | null>(
    () => peekDraft<{ fromUserId: string | null }>(session.user.id, reassignDraftForm(true))?.values.fromUserId ?? null,
  );
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="team-load">
      <Stack gap="xs">
        <Title order={2} size="h4" id="team-load">
          {t('teamLoad.title')}
        </Title>
        {loads.isPending || loads.isError ? (
          <QueryStatus isPending={loads.isPending} error={loads.error} retry={() => void loads.refetch()} />
        ) : loads.data.items.length === 0 ? (
          <Text size="sm" c="dark.6">
            {t('teamLoad.empty')}
          </Text>
        ) : narrow ? (
          // A phone: one line per case manager, no table wider than the screen.
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('teamLoad.title')}>
            {loads.data.items.map((load) => (
              <li key={load.userId}>
                <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <Stack gap={0}>
                    <Text size="sm" fw={600}>
                      {load.name}
                    </Text>
                    <Text size="sm">
                      {[
                        t('teamLoad.openCount', { count: load.primary }),
                        ...openPhases.flatMap((phase) =>
                          load.byPhase[phase] === undefined ? [] : [`${t(`phase.${phase}`)} ${format.number(load.byPhase[phase] ?? 0)}`],
                        ),
                      ].join(' · ')}
                    </Text>
                    {load.endingSoon > 0 && <Text size="sm">{t('teamLoad.endingSoonCount', { count: load.endingSoon })}</Text>}
                  </Stack>
                  <Button
                    size="compact-xs"
                    variant="default"
                    onClick={() => setReassigning(load.userId)}
                    aria-label={t('teamLoad.reassignNamed', { name: load.name })}
                  >
                    {t('teamLoad.reassign')}
                  </Button>
                </Group>
              </li>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={640} type="native" tabIndex={0} role="region" aria-label={t('teamLoad.title')}>
            <Table striped verticalSpacing={4} horizontalSpacing="sm" fz="sm" aria-label={t('teamLoad.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('teamLoad.col.caseManager')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('teamLoad.col.primary')}
                  </Table.Th>
                  {openPhases.map((phase) => (
                    <Table.Th scope="col" ta="end" key={phase}>
                      {t(`phase.${phase}`)}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col" ta="end">
                    {t('teamLoad.col.endingSoon')}
                  </Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('teamLoad.col.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {loads.data.items.map((load) => (
                  <Table.Tr key={load.userId}>
                    <Table.Th scope="row" fw={600}>
                      {load.name}
                    </Table.Th>
                    <Table.Td ta="end">{format.number(load.primary)}</Table.Td>
                    {openPhases.map((phase) => (
                      <Table.Td ta="end" key={phase}>
                        {format.number(load.byPhase[phase] ?? 0)}
                      </Table.Td>
                    ))}
                    <Table.Td ta="end">{format.number(load.endingSoon)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="default"
                        onClick={() => setReassigning(load.userId)}
                        aria-label={t('teamLoad.reassignNamed', { name: load.name })}
                      >
                        {t('teamLoad.reassign')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <LazyReassignCaseloadDialog
        opened={reassigning !== null}
        fromUserId={reassigning}
        onClose={() => {
          setReassigning(null);
          void loads.refetch();
        }}
      />
    </Paper>
  );
}
