import { Checkbox, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { ProblemAlert } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { INFORMATION_KINDS } from '../../../../src/modules/consents/codes.ts';
import { useSession } from '../session/SessionContext.tsx';
import { consentsKey, type Disclosure } from './consentQueries.ts';

/** Which kept draft (components/forms/drafts.ts) is an emergency disclosure being documented for this patient. */
export const emergencyDisclosureDraftForm = (patientId: string) => `disclosure:emergency:${patientId}`;

interface Values {
  recipientName: string;
  recipientAffiliation: string;
  informationKinds: string[];
  emergencyNature: string;
  disclosedAt: string;
}

/** A local date-time for the input, now, to the minute. */
function nowLocal(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** § 2.51: documenting, at once, a disclosure without consent to medical personnel in an emergency. */
export function EmergencyDisclosureDialog({ patientId, opened, onClose }: { patientId: string; opened: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog opened={opened} onClose={onClose} title={t('consents.emergency.title')} size="lg">
      {opened && <EmergencyForm patientId={patientId} onClose={onClose} />}
    </Dialog>
  );
}

function EmergencyForm({ patientId, onClose }: { patientId: string; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const session = useSession();
  const draft = useKeptDraft<Values>(session.user.id, emergencyDisclosureDraftForm(patientId), (): Kept<Values> | null => ({
    values: form.getValues(),
    base: null,
  }));
  const form = useForm<Values>({
    mode: 'controlled',
    // A restored one keeps the time typed: the disclosure was made then, not at sign-in.
    initialValues: draft.restored?.values ?? {
      recipientName: '',
      recipientAffiliation: '',
      informationKinds: [],
      emergencyNature: '',
      disclosedAt: nowLocal(),
    },
  });
  const problem = useFormProblem(form);
  const save = useMutation({
    mutationFn: () => {
      const values = form.getValues();
      return unwrap(
        api.POST('/api/patients/{id}/emergency-disclosures', {
          params: { path: { id: patientId } },
          body: {
            recipientName: values.recipientName,
            recipientAffiliation: values.recipientAffiliation,
            informationKinds: values.informationKinds as Disclosure['informationKinds'],
            emergencyNature: values.emergencyNature,
            disclosedAt: new Date(values.disclosedAt).toISOString(),
          },
        }),
      );
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: consentsKey(patientId) });
      onClose();
    },
    // A new disclosure has no version: it is documented afresh after sign-in.
    onError: (error) => {
      if (!draft.keepIfSignedOut(error, form.getValues())) problem.show(error);
    },
  });
  return (
    <form
      onSubmit={form.onSubmit(() => {
        problem.clear();
        save.mutate();
      })}
      noValidate
    >
      <Stack gap="md">
        {draft.restored !== null && <RestoredDraftNotice />}
        <Text size="sm">{t('consents.emergency.explain')}</Text>
        <ProblemAlert message={problem.alert} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('consents.emergency.recipientName')} {...form.getInputProps('recipientName')} required data-autofocus />
          <TextInput label={t('consents.emergency.recipientAffiliation')} {...form.getInputProps('recipientAffiliation')} required />
        </SimpleGrid>
        <TextInput label={t('consents.emergency.disclosedAt')} type="datetime-local" {...form.getInputProps('disclosedAt')} required />
        <Checkbox.Group label={t('consents.check.informationKinds')} {...form.getInputProps('informationKinds')} required>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={4}>
            {INFORMATION_KINDS.filter((kind) => kind !== 'counseling-notes').map((kind) => (
              <Checkbox key={kind} value={kind} label={t(`consent.info.${kind}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea label={t('consents.emergency.nature')} {...form.getInputProps('emergencyNature')} autosize minRows={2} required />
        <FormActions submit={t('consents.emergency.save')} busy={save.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}
