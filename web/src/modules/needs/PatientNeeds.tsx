import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, useState } from 'react';
import { LazyPart } from '../../components/LoadBoundary.tsx';
import { api, unwrap } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { hasDraft } from '../../components/forms/drafts.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { LIFE_DOMAINS } from '../../../../src/modules/needs/codes.ts';
import { useSession } from '../session/SessionContext.tsx';
import { strengthDraftForm } from './strengthDraft.ts';
import { needStatusColor, urgencyColor, type NeedsOverview, type Strength } from './needQueries.ts';

// Adding or editing a strength (its form and selects) loads the first time it opens.
const StrengthDialog = lazy(() => import('./StrengthDialog.tsx').then((module) => ({ default: module.StrengthDialog })));

/** The patient overview's needs: what is open in open episodes (the episode screen has the detail) and what waits for review. */
export function NeedsSummary({ needs }: { needs: NeedsOverview }) {
  const t = useT();
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="needs-summary-heading">
      <Stack gap="xs">
        <Title order={2} fz="lg" id="needs-summary-heading">
          {t('needs.summary')}
        </Title>
        {needs.proposed > 0 && <Text size="sm">{t('needs.summary.proposed', { count: needs.proposed })}</Text>}
        {needs.open.length === 0 ? (
          <Text size="sm">{t('needs.summary.none')}</Text>
        ) : (
          <Group gap="xs">
            {needs.open.map((need, index) => (
              <Group key={index} gap={4} wrap="nowrap">
                <Text size="sm" fw={600}>
                  {t(`domain.${need.domain}`)}
                </Text>
                <StatusBadge color={urgencyColor(need.urgency)}>{t(`urgency.${need.urgency}`)}</StatusBadge>
                <StatusBadge color={needStatusColor(need.status)}>{t(`needStatus.${need.status}`)}</StatusBadge>
              </Group>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

type Editing = { strength: Strength | null } | null;

/** The strengths inventory: per patient, across the same life domains as needs. */
export function StrengthsSection({
  patientId,
  strengths,
  editable,
}: {
  patientId: string;
  strengths: readonly Strength[];
  editable: boolean;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const session = useSession();
  // Back after the session ended while typing one: the dialog opens again with what was typed.
  const [editing, setEditing] = useState<Editing>(() => {
    const kept = [null, ...strengths].find((strength) => hasDraft(session.user.id, strengthDraftForm(patientId, strength)));
    return kept === undefined ? null : { strength: kept };
  });
  const [removing, setRemoving] = useState<Strength | null>(null);
  const remove = useMutation({
    mutationFn: (strength: Strength) =>
      unwrap(
        api.DELETE('/api/strengths/{id}', { params: { path: { id: strength.id } }, headers: { 'if-match': `"${strength.version}"` } }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['patients'] });
      setRemoving(null);
    },
  });
  const byDomain = LIFE_DOMAINS.filter((domain) => strengths.some((strength) => strength.domain === domain));
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="strengths-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="lg" id="strengths-heading">
            {t('strengths.title')}
          </Title>
          {editable && (
            <Button size="xs" onClick={() => setEditing({ strength: null })}>
              {t('strengths.add')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('strengths.intro')}
        </Text>
        {strengths.length === 0 && <Text size="sm">{t('strengths.empty')}</Text>}
        {byDomain.map((domain) => (
          <Stack key={domain} gap={2}>
            <Text size="sm" fw={650}>
              {t(`domain.${domain}`)}
            </Text>
            <List spacing={2} size="sm">
              {strengths
                .filter((strength) => strength.domain === domain)
                .map((strength) => (
                  <List.Item key={strength.id}>
                    <Group gap="xs" wrap="wrap">
                      <Text size="sm">
                        <Text span fw={600} size="sm">
                          {t(`strengths.kind.${strength.kind}`)}:
                        </Text>{' '}
                        {strength.inPatientsWords ? `“${strength.description}”` : strength.description}
                        {strength.inPatientsWords && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            ({t('strengths.quoted')})
                          </Text>
                        )}
                      </Text>
                      {editable && (
                        <Group gap={4}>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            aria-label={t('strengths.editNamed', { description: strength.description })}
                            onClick={() => setEditing({ strength })}
                          >
                            {t('common.edit')}
                          </Button>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            aria-label={t('strengths.removeNamed', { description: strength.description })}
                            onClick={() => setRemoving(strength)}
                          >
                            {t('strengths.remove')}
                          </Button>
                        </Group>
                      )}
                    </Group>
                  </List.Item>
                ))}
            </List>
          </Stack>
        ))}
      </Stack>
      {editing && (
        <LazyPart floating>
          <StrengthDialog patientId={patientId} strength={editing.strength} onClose={() => setEditing(null)} />
        </LazyPart>
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t('strengths.remove')}
        confirmLabel={t('strengths.remove')}
        destructive
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => setRemoving(null)}
      >
        {removing?.description ?? ''}
      </ConfirmDialog>
    </Paper>
  );
}
