import { Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { keptAt, useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { ProblemAlert, useProblemText } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../session/SessionContext.tsx';
import { contactKey, type Contact } from './contactQueries.ts';

/** Which kept draft (components/forms/drafts.ts) is the reason a contact was entered in error. */
export const markErrorDraftForm = (contactId: string) => `contact:${contactId}:entered-in-error`;

/** Marking one's own contact entered in error, with the reason (kept if the session ends meanwhile). */
export function MarkErrorDialog({ contact, opened, onClose }: { contact: Contact; opened: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog opened={opened} onClose={onClose} title={t('contacts.markError')}>
      {opened && <MarkErrorForm contact={contact} onClose={onClose} />}
    </Dialog>
  );
}

function MarkErrorForm({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const t = useT();
  const describe = useProblemText();
  const queryClient = useQueryClient();
  const draft = useKeptDraft<{ reason: string }>(
    useSession().user.id,
    markErrorDraftForm(contact.id),
    (): Kept<{ reason: string }> | null => keptAt({ reason }, version),
  );
  // A restored reason goes against the contact as first read: one changed meanwhile is a 409.
  const version = draft.restored?.base?.version ?? contact.version;
  const [reason, setReason] = useState(draft.restored?.values.reason ?? '');
  const mark = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/contacts/{id}/entered-in-error', { params: { path: { id: contact.id } }, body: { version, reason } })),
    onSuccess: (updated) => {
      queryClient.setQueryData(contactKey(contact.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['episodes'] });
      onClose();
    },
    onError: (error) => {
      draft.keepIfSignedOut(error, { reason }, { values: { reason }, version });
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        mark.mutate();
      }}
    >
      <Stack gap="md">
        {draft.restored !== null && <RestoredDraftNotice />}
        <Textarea
          label={t('contacts.markError.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          required
          data-autofocus
        />
        <ProblemAlert message={mark.error ? describe(mark.error) : null} />
        <FormActions submit={t('contacts.markError.confirm')} busy={mark.isPending} onCancel={onClose} destructive />
      </Stack>
    </form>
  );
}
