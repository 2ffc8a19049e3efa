import { Alert, Anchor, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { hasDraft } from '../../components/forms/drafts.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert, QueryStatus, useProblemText } from '../../components/problems.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { NOTE_STRUCTURES, type NoteStructure } from '../../../../src/modules/contacts/codes.ts';
import { useSession } from '../session/SessionContext.tsx';
import { Details } from '../patients/PatientOverviewPage.tsx';
import { contactKey, useContactQuery, type Contact, type Note } from './contactQueries.ts';
import { markErrorDraftForm, MarkErrorDialog } from './MarkErrorDialog.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import { FollowUpTask } from '../tasks/FollowUpTask.tsx';

/** One contact: what happened, and its note (written, signed, amended here). */
export function ContactPage() {
  const { id = '' } = useParams();
  const query = useContactQuery(id);
  if (!query.data) return <QueryStatus error={query.error} isPending={query.isPending} retry={() => void query.refetch()} />;
  return <ContactView contact={query.data} key={query.data.id} />;
}

function ContactView({ contact }: { contact: Contact }) {
  const t = useT();
  const format = useFormat();
  const session = useSession();
  const queryClient = useQueryClient();
  const canMark = contact.enteredInError === null && contact.staff.id === session.user.id;
  // Back after the session ended while giving the reason: the dialog opens again with it.
  const [marking, setMarking] = useState(() => canMark && hasDraft(session.user.id, markErrorDraftForm(contact.id)));
  const onNoteChanged = useCallback(
    (note: Note) => {
      queryClient.setQueryData(contactKey(contact.id), (current: Contact | undefined) => (current ? { ...current, note } : current));
      void queryClient.invalidateQueries({ queryKey: ['episodes'] });
    },
    [queryClient, contact.id],
  );
  const back = contact.episodeId ? `/episodes/${contact.episodeId}` : `/patients/${contact.patientId}`;

  return (
    <Page
      title={t('contacts.contactTitle', { when: format.dateTime(contact.occurredAt) })}
      actions={
        canMark ? (
          <Button variant="default" color="red" onClick={() => setMarking(true)}>
            {t('contacts.markError')}
          </Button>
        ) : undefined
      }
    >
      <Anchor component={Link} to={back}>
        {t('contacts.back')}
      </Anchor>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="sm">
          {contact.enteredInError && (
            <Group gap="xs">
              <StatusBadge color="gray">{t('contacts.enteredInError')}</StatusBadge>
              <Text size="sm">{contact.enteredInError.reason}</Text>
            </Group>
          )}
          <Details
            items={[
              [t('contacts.mode'), t(`contactMode.${contact.mode}`)],
              [t('contacts.minutes'), t('contacts.minutesCount', { minutes: contact.durationMinutes })],
              [t('contacts.activities'), contact.activities.map((activity) => t(`activity.${activity}`)).join(', ') || '—'],
              [t('contacts.location'), contact.location ?? '—'],
              [t('contacts.participants'), contact.participants ?? '—'],
              [t('contacts.by'), contact.staff.name],
              [t('contacts.credential'), contact.staffCredential ?? '—'],
            ]}
          />
        </Stack>
      </Paper>
      {contact.enteredInError === null && (
        <FollowUpTask
          patientId={contact.patientId}
          episodeId={contact.episodeId}
          source={{ recordType: 'contact', recordId: contact.id }}
        />
      )}
      {contact.note?.hidden ? (
        <Alert variant="light" color="grape">
          {t('note.hiddenSensitive')}
        </Alert>
      ) : contact.note ? (
        <NoteEditor note={contact.note} onChanged={onNoteChanged} />
      ) : contact.enteredInError === null && contact.mode !== 'attempted-not-reached' ? (
        <StartNote contactId={contact.id} />
      ) : null}
      <MarkErrorDialog contact={contact} opened={marking} onClose={() => setMarking(false)} />
    </Page>
  );
}

function StartNote({ contactId }: { contactId: string }) {
  const t = useT();
  const describe = useProblemText();
  const queryClient = useQueryClient();
  const [structure, setStructure] = useState<NoteStructure>('dap');
  const start = useMutation({
    mutationFn: () => unwrap(api.POST('/api/contacts/{id}/note', { params: { path: { id: contactId } }, body: { structure } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: contactKey(contactId) }),
  });
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="sm" align="flex-start">
        <SegmentedControl
          aria-label={t('contacts.noteStructure')}
          value={structure}
          onChange={(value) => setStructure(value)}
          data={NOTE_STRUCTURES.map((value) => ({ value, label: t(`note.structure.${value}`) }))}
        />
        <ProblemAlert message={start.error ? describe(start.error) : null} />
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          {t('note.start')}
        </Button>
      </Stack>
    </Paper>
  );
}
