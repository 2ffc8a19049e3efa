import { Button, Checkbox, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { ProblemAlert, useServerErrors } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import {
  CONTACT_ACTIVITIES,
  CONTACT_MODES,
  NOTE_STRUCTURES,
  type ContactActivity,
  type ContactMode,
} from '../../../../src/modules/contacts/codes.ts';
import { useSession } from '../session/SessionContext.tsx';
import { contactDraftForm } from './contactDraft.ts';
import { instantIn, localNow } from './contactQueries.ts';

const FIELDS = ['occurredAt', 'durationMinutes', 'mode', 'activities', 'location', 'participants'] as const;

interface Values {
  mode: ContactMode;
  when: string;
  minutes: string;
  activities: ContactActivity[];
  structure: string;
  location: string;
  participants: string;
}

/**
 * Logging a contact, quick on a phone: how, when, minutes, activities and the note's structure;
 * the rest is optional. With a note, the editor opens next.
 */
export function LogContactDialog({
  patientId,
  episodeId,
  opened,
  onClose,
}: {
  patientId: string;
  /** Undefined: the server files it under the patient's one open episode, if there is one. */
  episodeId?: string | null;
  opened: boolean;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Dialog opened={opened} onClose={onClose} title={t('contacts.log')}>
      {opened && <LogContactForm patientId={patientId} episodeId={episodeId} onClose={onClose} />}
    </Dialog>
  );
}

function LogContactForm({ patientId, episodeId, onClose }: { patientId: string; episodeId?: string | null; onClose: () => void }) {
  const t = useT();
  const session = useSession();
  const timeZone = session.organization.timeZone;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const draft = useKeptDraft<Values>(session.user.id, contactDraftForm(patientId, episodeId), (): Kept<Values> | null => ({
    values: { mode, when, minutes, activities, structure, location, participants },
    base: null,
  }));
  const kept = draft.restored?.values;
  const [mode, setMode] = useState<ContactMode>(kept?.mode ?? 'phone');
  // A restored contact keeps the time typed: it happened then, not when signing in again.
  const [when, setWhen] = useState(() => kept?.when ?? localNow(timeZone));
  const [minutes, setMinutes] = useState(kept?.minutes ?? '15');
  const [activities, setActivities] = useState<ContactActivity[]>(kept?.activities ?? ['monitoring']);
  const [structure, setStructure] = useState<string>(kept?.structure ?? 'dap');
  const [location, setLocation] = useState(kept?.location ?? '');
  const [participants, setParticipants] = useState(kept?.participants ?? '');
  const attempt = mode === 'attempted-not-reached';
  const log = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/patients/{id}/contacts', {
          params: { path: { id: patientId } },
          body: {
            ...(episodeId !== undefined ? { episodeId } : {}),
            occurredAt: instantIn(when, timeZone),
            durationMinutes: Number(minutes),
            mode,
            activities,
            ...(location.trim() ? { location: location.trim() } : {}),
            ...(participants.trim() ? { participants: participants.trim() } : {}),
            ...(structure !== 'none' && !attempt ? { note: { structure: structure as (typeof NOTE_STRUCTURES)[number] } } : {}),
          },
        }),
      ),
    onSuccess: async (contact) => {
      await queryClient.invalidateQueries({ queryKey: ['episodes'] });
      await queryClient.invalidateQueries({ queryKey: ['patients'] });
      onClose();
      if (contact.note) void navigate(`/contacts/${contact.id}`);
    },
    // A new contact has no version: it is logged afresh after sign-in.
    onError: (error) => {
      draft.keepIfSignedOut(error, { mode, when, minutes, activities, structure, location, participants });
    },
  });
  const errors = useServerErrors(log.error, FIELDS);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        log.mutate();
      }}
    >
      <Stack gap="md">
        {draft.restored !== null && <RestoredDraftNotice />}
        <Select
          label={t('contacts.mode')}
          data={CONTACT_MODES.map((value) => ({ value, label: t(`contactMode.${value}`) }))}
          value={mode}
          onChange={(value) => value && setMode(value)}
          allowDeselect={false}
          error={errors.fieldErrors.mode}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label={t('contacts.when')}
            type="datetime-local"
            value={when}
            max={localNow(timeZone)}
            onChange={(event) => setWhen(event.currentTarget.value)}
            error={errors.fieldErrors.occurredAt}
            required
          />
          <TextInput
            label={t('contacts.minutes')}
            type="number"
            inputMode="numeric"
            min={1}
            max={1440}
            value={minutes}
            onChange={(event) => setMinutes(event.currentTarget.value)}
            error={errors.fieldErrors.durationMinutes}
            required
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('contacts.activities')}
          description={t('contacts.activitiesHelp')}
          value={activities}
          onChange={(value) => setActivities(value)}
          error={errors.fieldErrors.activities}
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs" spacing="xs">
            {CONTACT_ACTIVITIES.map((value) => (
              <Checkbox key={value} value={value} label={t(`activity.${value}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {!attempt && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="note-structure-label">
              {t('contacts.noteStructure')}
            </Text>
            <SegmentedControl
              aria-labelledby="note-structure-label"
              value={structure}
              onChange={setStructure}
              data={[...NOTE_STRUCTURES, 'none' as const].map((value) => ({ value, label: t(`note.structure.${value}`) }))}
            />
          </Stack>
        )}
        <TextInput
          label={t('contacts.location')}
          value={location}
          onChange={(event) => setLocation(event.currentTarget.value)}
          error={errors.fieldErrors.location}
        />
        <TextInput
          label={t('contacts.participants')}
          value={participants}
          onChange={(event) => setParticipants(event.currentTarget.value)}
          error={errors.fieldErrors.participants}
        />
        <ProblemAlert message={errors.alert} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={log.isPending}>
            {t('contacts.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
