import { Alert, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { ProblemAlert, useProblemText } from '../../components/problems.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { NOTE_SECTIONS, type NoteSection } from '../../../../src/modules/contacts/codes.ts';
import { useSession } from '../session/SessionContext.tsx';
import type { Note } from './contactQueries.ts';
import { useDraftAutosave, type SaveState } from './useDraftAutosave.ts';

/** A contact's note: a draft that saves itself, then signed, then only amended. */
export function NoteEditor({ note, onChanged }: { note: Note; onChanged: (note: Note) => void }) {
  const t = useT();
  const format = useFormat();
  const describe = useProblemText();
  const session = useSession();
  const me = session.user.id;
  const draft = useDraftAutosave(note, me, onChanged);
  const sections = NOTE_SECTIONS[note.structure];

  // Signing waits for the text to reach the server; a text still only on this device is not signed.
  const [unsentAtSign, setUnsentAtSign] = useState(false);
  const sign = useMutation({
    mutationFn: async () => {
      const version = await draft.flush();
      if (version === null) return null;
      return unwrap(api.POST('/api/notes/{id}/signature', { params: { path: { id: note.id } }, body: { version } }));
    },
    onSuccess: (signed) => {
      setUnsentAtSign(signed === null);
      if (signed) onChanged(signed);
    },
  });
  const cosign = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/notes/{id}/cosignature', { params: { path: { id: note.id } }, body: { version: note.version } })),
    onSuccess: onChanged,
  });
  const marking = useMutation({ mutationFn: (sensitive: boolean) => draft.markSensitive(sensitive) });
  const supervisor = session.user.roles.includes('supervisor');
  const canAmend = note.status === 'signed' && (note.author.id === me || supervisor);

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {`${t('note.title')} · ${t(`note.structure.${note.structure}`)}`}
          </Title>
          <Group gap="xs">
            {note.sensitive && <StatusBadge color="grape">{t('note.sensitiveBadge')}</StatusBadge>}
            <StatusBadge color={note.status === 'signed' ? 'green' : 'blue'}>{t(`note.status.${note.status}`)}</StatusBadge>
            {draft.editable && <SaveBadge state={draft.state} />}
          </Group>
        </Group>

        {draft.state === 'conflict' && draft.theirs ? (
          <Conflict
            sections={sections}
            mine={draft.text}
            theirs={draft.theirs}
            onKeepMine={draft.keepMine}
            onTakeTheirs={draft.takeTheirs}
          />
        ) : draft.editable ? (
          sections.map((section) => (
            <Textarea
              key={section}
              label={t(`note.section.${section}`)}
              value={draft.text[section] ?? ''}
              onChange={(event) => draft.change(section, event.currentTarget.value)}
              autosize
              minRows={3}
            />
          ))
        ) : (
          <>
            {note.status === 'signed' && <Alert variant="light">{t('note.readOnly')}</Alert>}
            {sections.map((section) => (
              <Stack key={section} gap={2}>
                <Text fw={600} size="sm">
                  {t(`note.section.${section}`)}
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{note.sections[section] || '—'}</Text>
              </Stack>
            ))}
          </>
        )}

        {note.signedAt && <Text size="sm">{t('note.signedBy', { name: note.author.name, when: format.dateTime(note.signedAt) })}</Text>}
        {note.cosignedBy && note.cosignedAt && (
          <Text size="sm">{t('note.cosignedBy', { name: note.cosignedBy.name, when: format.dateTime(note.cosignedAt) })}</Text>
        )}

        {draft.editable && (
          <Checkbox
            label={t('note.sensitive')}
            description={t('note.sensitive.help')}
            checked={note.sensitive}
            disabled={marking.isPending || draft.state === 'conflict'}
            onChange={(event) => marking.mutate(event.currentTarget.checked)}
          />
        )}
        {draft.editable && (
          <Stack gap="xs" align="flex-start">
            <Text size="sm" c="dimmed">
              {t('note.signConfirm')}
            </Text>
            <Button onClick={() => sign.mutate()} loading={sign.isPending} disabled={draft.state === 'conflict'}>
              {t('note.sign')}
            </Button>
          </Stack>
        )}
        {note.status === 'signed' && supervisor && note.author.id !== me && note.cosignedBy === null && (
          <Button variant="default" onClick={() => cosign.mutate()} loading={cosign.isPending} w="fit-content">
            {t('note.cosign')}
          </Button>
        )}
        <ProblemAlert
          message={
            sign.error
              ? describe(sign.error)
              : cosign.error
                ? describe(cosign.error)
                : unsentAtSign && draft.editable
                  ? t('note.notSent')
                  : null
          }
        />

        {(note.addenda.length > 0 || canAmend) && <Addenda note={note} canAmend={canAmend} onChanged={onChanged} />}
      </Stack>
    </Paper>
  );
}

function SaveBadge({ state }: { state: SaveState }) {
  const t = useT();
  // Plain words, never cut off: on a phone this is what says the text is not on the server yet.
  if (state === 'unsent')
    return (
      <Text size="sm" c="orange.9" fw={600} role="status">
        {t('note.notSent')}
      </Text>
    );
  return (
    <Text size="sm" c="dimmed" role="status">
      {state === 'saving' ? t('note.saving') : state === 'saved' ? t('note.saved') : ''}
    </Text>
  );
}

function Conflict({
  sections,
  mine,
  theirs,
  onKeepMine,
  onTakeTheirs,
}: {
  sections: readonly NoteSection[];
  mine: Record<string, string>;
  theirs: Note;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const t = useT();
  const asText = (text: Record<string, string>) =>
    sections.map((section) => `${t(`note.section.${section}`)}:\n${text[section] ?? ''}`).join('\n\n');
  return (
    <Alert color="orange" variant="light" title={t('note.conflict.title')} role="alert">
      <Stack gap="sm">
        <Text size="sm">{t('note.conflict.explain')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={4}>
            <Text fw={600}>{t('note.conflict.yours')}</Text>
            <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="conflict-mine">
              {asText(mine)}
            </Text>
          </Stack>
          <Stack gap={4}>
            <Text fw={600}>{t('note.conflict.theirs')}</Text>
            <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="conflict-theirs">
              {asText(theirs.sections)}
            </Text>
          </Stack>
        </SimpleGrid>
        <Group gap="sm">
          <Button onClick={onKeepMine}>{t('note.conflict.keepMine')}</Button>
          <Button variant="default" onClick={onTakeTheirs}>
            {t('note.conflict.takeTheirs')}
          </Button>
          <Button variant="subtle" onClick={() => void navigator.clipboard?.writeText(asText(theirs.sections))}>
            {t('note.conflict.copy')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Which kept draft (components/forms/drafts.ts) is an addendum being written to this note. */
const addendumDraftForm = (noteId: string) => `note:${noteId}:addendum`;

function Addenda({ note, canAmend, onChanged }: { note: Note; canAmend: boolean; onChanged: (note: Note) => void }) {
  const t = useT();
  const format = useFormat();
  const describe = useProblemText();
  const draft = useKeptDraft<{ body: string }>(useSession().user.id, addendumDraftForm(note.id), (): Kept<{ body: string }> | null => ({
    values: { body },
    base: null,
  }));
  const [body, setBody] = useState(draft.restored?.values.body ?? '');
  // The mark goes once what was restored is saved (the form stays for the next addendum).
  const [restoredShown, setRestoredShown] = useState(draft.restored !== null);
  const add = useMutation({
    mutationFn: () => unwrap(api.POST('/api/notes/{id}/addenda', { params: { path: { id: note.id } }, body: { body } })),
    onSuccess: (updated) => {
      setBody('');
      setRestoredShown(false);
      draft.settled();
      onChanged(updated);
    },
    // An addendum only adds to the signed note: no version to hold it to.
    onError: (error) => {
      draft.keepIfSignedOut(error, { body });
    },
  });
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('note.addenda')}
      </Title>
      {note.addenda.map((addendum) => (
        <Paper key={addendum.id} withBorder p="sm">
          <Text size="sm" c="dimmed">
            {t('note.addendumBy', { name: addendum.author.name, when: format.dateTime(addendum.createdAt) })}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{addendum.body}</Text>
        </Paper>
      ))}
      {canAmend && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate();
          }}
        >
          <Stack gap="xs">
            {restoredShown && <RestoredDraftNotice />}
            <Textarea
              label={t('note.addendumText')}
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              autosize
              minRows={2}
            />
            <ProblemAlert message={add.error ? describe(add.error) : null} />
            <Button type="submit" variant="default" loading={add.isPending} disabled={body.trim() === ''} w="fit-content">
              {t('note.addendumSave')}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
