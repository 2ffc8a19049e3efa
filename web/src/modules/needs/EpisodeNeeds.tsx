import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { hasDraft } from '../../components/forms/drafts.ts';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { ProblemAlert, useServerErrors } from '../../components/problems.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { dateInZone } from '../../i18n/format.ts';
import { useFormat, useLocale, useT, useTranslator } from '../../i18n/I18nProvider.tsx';
import { LIFE_DOMAINS, NEED_URGENCIES } from '../../../../src/modules/needs/codes.ts';
import { NEED_TRANSITIONS } from '../../../../src/modules/needs/transitions.ts';
import { useSession } from '../session/SessionContext.tsx';
import { needStatusColor, urgencyColor, type Need } from './needQueries.ts';

type Action = { kind: 'dismiss' | 'update'; need: Need } | { kind: 'add' } | null;

/** Which kept draft (components/forms/drafts.ts) belongs to a needs dialog. */
const addDraftForm = (episodeId: string) => `needs:${episodeId}:add`;
const needDraftForm = (kind: 'dismiss' | 'update', need: Need) => `need:${need.id}:${kind}`;

/** The needs dialog the user was typing in when their session ended, to open again after sign-in. */
function restoredAction(userId: string, episodeId: string, needs: readonly Need[]): Action {
  if (hasDraft(userId, addDraftForm(episodeId))) return { kind: 'add' };
  for (const need of needs) {
    for (const kind of ['dismiss', 'update'] as const) if (hasDraft(userId, needDraftForm(kind, need))) return { kind, need };
  }
  return null;
}

function useNeedDraft<V>(form: string, current?: () => Kept<V> | null) {
  const session = useSession();
  return useKeptDraft<V>(session.user.id, form, current);
}

/** An episode's needs (read with the episode): proposals from positive screens on top, then open needs by urgency. */
export function EpisodeNeeds({ episodeId, open, needs }: { episodeId: string; open: boolean; needs: readonly Need[] }) {
  const t = useT();
  const session = useSession();
  const [action, setAction] = useState<Action>(() => restoredAction(session.user.id, episodeId, needs));
  const proposals = needs.filter((need) => need.status === 'proposed');
  const working = needs.filter((need) => need.status === 'identified' || need.status === 'being-addressed');
  const closed = needs.filter((need) => !proposals.includes(need) && !working.includes(need));

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="needs-heading">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3" id="needs-heading">
            {t('needs.title')}
          </Title>
          {open && <Button onClick={() => setAction({ kind: 'add' })}>{t('needs.add')}</Button>}
        </Group>
        {proposals.length > 0 && <Proposals proposals={proposals} onDismiss={(need) => setAction({ kind: 'dismiss', need })} />}
        {needs.length === 0 && <Text c="dimmed">{t('needs.empty')}</Text>}
        {working.length > 0 && <NeedTable needs={working} onUpdate={(need) => setAction({ kind: 'update', need })} />}
        {closed.length > 0 && (
          <Stack gap={4}>
            <Title order={3} size="h5">
              {t('needs.closed')}
            </Title>
            <NeedTable needs={closed} onUpdate={(need) => setAction({ kind: 'update', need })} />
          </Stack>
        )}
      </Stack>
      <AddNeedDialog episodeId={episodeId} opened={action?.kind === 'add'} onClose={() => setAction(null)} />
      {action?.kind === 'dismiss' && <DismissDialog need={action.need} onClose={() => setAction(null)} />}
      {action?.kind === 'update' && <UpdateDialog need={action.need} onClose={() => setAction(null)} />}
    </Paper>
  );
}

function useTransition(onDone?: () => void, onError?: (error: Error) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ need, to, note }: { need: Need; to: Need['status']; note?: string }) =>
      unwrap(
        api.POST('/api/needs/{id}/transitions', {
          params: { path: { id: need.id } },
          body: { version: need.version, to, ...(note ? { note } : {}) },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['episodes'] });
      await queryClient.invalidateQueries({ queryKey: ['patients'] });
      onDone?.();
    },
    onError,
  });
}

function Proposals({ proposals, onDismiss }: { proposals: readonly Need[]; onDismiss: (need: Need) => void }) {
  const t = useT();
  const { tMaybe } = useTranslator();
  const format = useFormat();
  const confirm = useTransition();
  const { alert } = useServerErrors(confirm.error, []);
  return (
    <Stack gap="xs" component="section" aria-labelledby="proposals-heading">
      <Title order={3} size="h5" id="proposals-heading">
        {t('needs.proposals')}
      </Title>
      {proposals.map((need) => {
        const domain = t(`domain.${need.domain}`);
        return (
          <Paper key={need.id} withBorder p="sm" style={{ borderInlineStart: '4px solid var(--mantine-color-violet-6)' }}>
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Stack gap={2}>
                <Group gap="xs">
                  <Text fw={650}>{domain}</Text>
                  <StatusBadge color={urgencyColor(need.urgency)}>{t(`urgency.${need.urgency}`)}</StatusBadge>
                </Group>
                <Text size="sm">
                  {t('needs.proposedBy', {
                    instrument: (need.instrumentKey ?? '').toUpperCase(),
                    findings: need.screenFindings.map((code) => tMaybe(`finding.${code}`) ?? code).join(', '),
                    when: format.dateTime(need.createdAt),
                  })}{' '}
                  {need.assessmentId && (
                    <Anchor component={Link} to={`/assessments/${need.assessmentId}`} size="sm">
                      {t('needs.openScreen')}
                    </Anchor>
                  )}
                </Text>
              </Stack>
              <Group gap="xs">
                <Button
                  size="sm"
                  aria-label={t('needs.confirmNamed', { domain })}
                  loading={confirm.isPending && confirm.variables.need.id === need.id}
                  onClick={() => confirm.mutate({ need, to: 'identified' })}
                >
                  {t('needs.confirm')}
                </Button>
                <Button size="sm" variant="default" aria-label={t('needs.dismissNamed', { domain })} onClick={() => onDismiss(need)}>
                  {t('needs.dismiss')}
                </Button>
              </Group>
            </Group>
          </Paper>
        );
      })}
      <ProblemAlert message={alert} />
    </Stack>
  );
}

function NeedTable({ needs, onUpdate }: { needs: readonly Need[]; onUpdate: (need: Need) => void }) {
  const t = useT();
  const format = useFormat();
  // The day the status changed in the organization's time zone, not UTC's.
  const { timeZone } = useLocale();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('needs.domain')}</Table.Th>
            <Table.Th>{t('needs.urgency')}</Table.Th>
            <Table.Th>{t('needs.status')}</Table.Th>
            <Table.Th>{t('needs.source')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('needs.change')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {needs.map((need) => (
            <Table.Tr key={need.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {t(`domain.${need.domain}`)}
                </Text>
                {need.description && <Text size="sm">{need.description}</Text>}
                {need.dismissedReason && <Text size="sm">{t('needs.dismissedBecause', { reason: need.dismissedReason })}</Text>}
              </Table.Td>
              <Table.Td>
                <StatusBadge color={urgencyColor(need.urgency)}>{t(`urgency.${need.urgency}`)}</StatusBadge>
              </Table.Td>
              <Table.Td>
                <StatusBadge color={needStatusColor(need.status)}>{t(`needStatus.${need.status}`)}</StatusBadge>
                <Text size="xs" c="dimmed">
                  {t('needs.since')} {format.date(dateInZone(new Date(need.statusChangedAt), timeZone))}
                </Text>
              </Table.Td>
              <Table.Td>
                {need.assessmentId ? (
                  <Anchor component={Link} to={`/assessments/${need.assessmentId}`} size="sm">
                    {(need.instrumentKey ?? '').toUpperCase()}
                  </Anchor>
                ) : (
                  <Text size="sm">{t('needs.source.staff-judgement')}</Text>
                )}
              </Table.Td>
              <Table.Td>
                {NEED_TRANSITIONS[need.status].length > 0 && (
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('needs.changeNamed', { domain: t(`domain.${need.domain}`) })}
                    onClick={() => onUpdate(need)}
                  >
                    {t('needs.change')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DismissDialog({ need: shown, onClose }: { need: Need; onClose: () => void }) {
  const t = useT();
  const draft = useNeedDraft<{ reason: string }>(needDraftForm('dismiss', shown), (): Kept<{ reason: string }> | null => ({
    values: { reason },
    base: { values: { reason: '' }, version: need.version },
  }));
  // A restored draft dismisses the need as first read: a change made meanwhile is a 409.
  const need = { ...shown, version: draft.restored?.base?.version ?? shown.version };
  const [reason, setReason] = useState(draft.restored?.values.reason ?? '');
  const dismiss = useTransition(onClose, (error) => {
    draft.keepIfSignedOut(error, { reason }, { values: { reason: '' }, version: need.version });
  });
  const { fieldErrors, alert } = useServerErrors(dismiss.error, ['note']);
  const domain = t(`domain.${need.domain}`);
  return (
    <Dialog opened onClose={onClose} title={t('needs.dismiss.title')}>
      <Stack gap="md">
        {draft.restored !== null && <RestoredDraftNotice />}
        <Text size="sm">{t('needs.dismiss.explain', { domain })}</Text>
        <Textarea
          label={t('needs.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={fieldErrors.note}
          autosize
          minRows={2}
          required
        />
        <ProblemAlert message={alert} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => dismiss.mutate({ need, to: 'dismissed', note: reason })} loading={dismiss.isPending}>
            {t('needs.dismissNamed', { domain })}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

interface UpdateValues {
  to: Need['status'];
  urgency: Need['urgency'];
  note: string;
}

function UpdateDialog({ need: shown, onClose }: { need: Need; onClose: () => void }) {
  const t = useT();
  const format = useFormat();
  const queryClient = useQueryClient();
  const draft = useNeedDraft<UpdateValues>(needDraftForm('update', shown), (): Kept<UpdateValues> | null => ({
    values: { to, urgency, note },
    base: { values: { to: need.status, urgency: need.urgency, note: '' }, version: need.version },
  }));
  // A restored draft changes the need as first read (status, urgency, version), so a change made
  // meanwhile is a 409 rather than overwritten.
  const first = draft.restored?.base;
  const need = first ? { ...shown, status: first.values.to, urgency: first.values.urgency, version: first.version } : shown;
  // The current status first: changing only the urgency is a plain edit, not a status change.
  const choices = [need.status, ...NEED_TRANSITIONS[need.status]];
  const [to, setTo] = useState<Need['status']>(draft.restored?.values.to ?? need.status);
  const [urgency, setUrgency] = useState<Need['urgency']>(draft.restored?.values.urgency ?? need.urgency);
  const [note, setNote] = useState(draft.restored?.values.note ?? '');
  const save = useMutation({
    mutationFn: async () => {
      let version = need.version;
      if (urgency !== need.urgency) {
        version = (await unwrap(api.PATCH('/api/needs/{id}', { params: { path: { id: need.id } }, body: { version, urgency } }))).version;
      }
      if (to !== need.status) {
        await unwrap(
          api.POST('/api/needs/{id}/transitions', {
            params: { path: { id: need.id } },
            body: { version, to, ...(note.trim() ? { note: note.trim() } : {}) },
          }),
        );
      }
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['episodes'] });
      await queryClient.invalidateQueries({ queryKey: ['patients'] });
      onClose();
    },
    onError: (error) => {
      const base = { values: { to: need.status, urgency: need.urgency, note: '' }, version: need.version };
      draft.keepIfSignedOut(error, { to, urgency, note }, base);
    },
  });
  const { alert } = useServerErrors(save.error, []);
  return (
    <Dialog opened onClose={onClose} title={`${t('needs.change.title')}: ${t(`domain.${need.domain}`)}`}>
      <Stack gap="md">
        {draft.restored !== null && <RestoredDraftNotice />}
        <Select
          label={t('needs.status')}
          data={choices.map((status) => ({ value: status, label: t(`needStatus.${status}`) }))}
          value={to}
          onChange={(value) => value && setTo(value)}
          allowDeselect={false}
        />
        <Textarea label={t('needs.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={2} />
        <Select
          label={t('needs.urgency')}
          data={NEED_URGENCIES.map((value) => ({ value, label: t(`urgency.${value}`) }))}
          value={urgency}
          onChange={(value) => value && setUrgency(value)}
          allowDeselect={false}
        />
        <ProblemAlert message={alert} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} disabled={to === need.status && urgency === need.urgency} loading={save.isPending}>
            {t('needs.save')}
          </Button>
        </Group>
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('needs.history')}
          </Text>
          {need.history.map((change) => (
            <Text key={change.changedAt + change.toStatus} size="sm">
              {t('needs.historyEntry', {
                when: format.dateTime(change.changedAt),
                status: t(`needStatus.${change.toStatus}`),
                who: change.changedByName ?? '—',
              })}
              {change.note ? ` — ${change.note}` : ''}
            </Text>
          ))}
        </Stack>
      </Stack>
    </Dialog>
  );
}

interface AddValues {
  domain: (typeof LIFE_DOMAINS)[number] | null;
  urgency: (typeof NEED_URGENCIES)[number];
  description: string;
}

function AddNeedDialog({ episodeId, opened, onClose }: { episodeId: string; opened: boolean; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const draft = useNeedDraft<AddValues>(addDraftForm(episodeId), (): Kept<AddValues> | null =>
    opened ? { values: { domain, urgency, description }, base: null } : null,
  );
  const [domain, setDomain] = useState<AddValues['domain']>(draft.restored?.values.domain ?? null);
  const [urgency, setUrgency] = useState<AddValues['urgency']>(draft.restored?.values.urgency ?? 'soon');
  const [description, setDescription] = useState(draft.restored?.values.description ?? '');
  // Shown until this dialog is closed once: it is not opened with a draft again.
  const [restored, setRestored] = useState(draft.restored !== null);
  const close = () => {
    setRestored(false);
    onClose();
  };
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/episodes/{id}/needs', {
          params: { path: { id: episodeId } },
          body: { domain: domain ?? 'housing', urgency, ...(description.trim() ? { description: description.trim() } : {}) },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['episodes'] });
      setDomain(null);
      setDescription('');
      draft.settled();
      close();
    },
    // A new need has no version: it is added afresh after sign-in.
    onError: (error) => draft.keepIfSignedOut(error, { domain, urgency, description }),
  });
  const { alert } = useServerErrors(add.error, []);
  return (
    <Dialog opened={opened} onClose={close} title={t('needs.add')}>
      <Stack gap="md">
        {restored && <RestoredDraftNotice />}
        <Select
          label={t('needs.domain')}
          data={LIFE_DOMAINS.map((value) => ({ value, label: t(`domain.${value}`) }))}
          value={domain}
          onChange={(value) => setDomain(value)}
          required
        />
        <Select
          label={t('needs.urgency')}
          data={NEED_URGENCIES.map((value) => ({ value, label: t(`urgency.${value}`) }))}
          value={urgency}
          onChange={(value) => value && setUrgency(value)}
          allowDeselect={false}
        />
        <Textarea
          label={t('needs.description')}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          autosize
          minRows={2}
        />
        <ProblemAlert message={alert} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => add.mutate()} disabled={domain === null} loading={add.isPending}>
            {t('needs.add')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
