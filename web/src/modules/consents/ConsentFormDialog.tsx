import { Checkbox, List, Paper, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { messagesIn } from '../../app/catalogue.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { ProblemAlert } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useToday } from '../patients/useToday.ts';
import { useSession } from '../session/SessionContext.tsx';
import {
  CONSENT_KINDS,
  CONSENT_PURPOSES,
  EXPIRATION_KINDS,
  INFORMATION_KINDS,
  TPO_PURPOSES,
  type ConsentKind,
} from '../../../../src/modules/consents/codes.ts';
import { consentsKey, type NewConsent } from './consentQueries.ts';
import { SignaturePad } from './SignaturePad.tsx';
import { patientsKey } from '../patients/patientQueries.ts';

type Values = {
  kind: ConsentKind;
  disclosingParty: string;
  recipientKind: NewConsent['recipientKind'];
  recipientName: string;
  informationKinds: string[];
  informationDescription: string;
  purposes: string[];
  purposeDescription: string;
  expirationKind: NewConsent['expirationKind'];
  expiresOn: string;
  expirationText: string;
  language: NewConsent['language'];
  signatureMethod: NewConsent['signatureMethod'];
  signer: NewConsent['signer'];
  representativeName: string;
  representativeAuthority: string;
  witnessName: string;
  signedOn: string;
};

/** Which kept draft (components/forms/drafts.ts) is a new consent for this patient. */
export const consentDraftForm = (patientId: string) => `consent:new:${patientId}`;

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * Recording a Part 2 consent: every element the rule asks for, the statements read to the
 * person, and the signature drawn on screen, given verbally with a witness, or refused.
 */
export function ConsentFormDialog({
  patientId,
  opened,
  onClose,
  preset,
  patientLanguage,
}: {
  patientId: string;
  opened: boolean;
  onClose: () => void;
  preset?: { recipientName?: string };
  /** The patient's preferred language (BCP 47): the consent is printed in Spanish for a Spanish speaker. */
  patientLanguage: string;
}) {
  const t = useT();
  return (
    <Dialog opened={opened} onClose={onClose} title={t('consents.new')} size="xl" closeOnClickOutside={false}>
      {opened && <ConsentForm patientId={patientId} onClose={onClose} preset={preset} patientLanguage={patientLanguage} />}
    </Dialog>
  );
}

function ConsentForm({
  patientId,
  onClose,
  preset,
  patientLanguage,
}: {
  patientId: string;
  onClose: () => void;
  preset?: { recipientName?: string };
  patientLanguage: string;
}) {
  const t = useT();
  const language = patientLanguage.toLowerCase().startsWith('es') ? 'es' : 'en';
  // The TPO designation is printed on the consent: in the consent's language, not the user's.
  const designation = (lang: 'en' | 'es') => messagesIn(lang)['consents.form.tpoDesignation'];
  const today = useToday();
  const session = useSession();
  const queryClient = useQueryClient();
  const draft = useKeptDraft<Values>(session.user.id, consentDraftForm(patientId), (): Kept<Values> | null => ({
    values: form.getValues(),
    base: null,
  }));
  const [signature, setSignature] = useState<string | null>(null);
  const [signatureError, setSignatureError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    // A drawn signature is not kept with the draft: the person signs what is on screen now.
    initialValues: draft.restored?.values ?? {
      kind: preset?.recipientName ? 'specific' : 'tpo',
      disclosingParty: session.organization.name,
      recipientKind: preset?.recipientName ? 'named' : 'general-designation',
      recipientName: preset?.recipientName ?? designation(language),
      informationKinds: [],
      informationDescription: '',
      purposes: preset?.recipientName ? [] : [...TPO_PURPOSES],
      purposeDescription: '',
      expirationKind: 'date',
      expiresOn: '',
      expirationText: '',
      language,
      signatureMethod: 'drawn',
      signer: 'patient',
      representativeName: '',
      representativeAuthority: '',
      witnessName: '',
      signedOn: today,
    },
  });
  const problem = useFormProblem(form, { outside: ['signatureImage'] });
  const values = form.getValues();

  const save = useMutation({
    mutationFn: () => {
      const body: NewConsent = {
        kind: values.kind,
        disclosingParty: values.disclosingParty,
        recipientKind: values.recipientKind,
        recipientName: values.recipientName,
        informationKinds: values.informationKinds as NewConsent['informationKinds'],
        informationDescription: values.informationDescription,
        purposes: values.purposes as NewConsent['purposes'],
        purposeDescription: orNull(values.purposeDescription),
        expirationKind: values.expirationKind,
        expiresOn: values.expirationKind === 'date' ? orNull(values.expiresOn) : null,
        expirationText: values.expirationKind === 'date' ? null : orNull(values.expirationText),
        language: values.language,
        signatureMethod: values.signatureMethod,
        signatureImage: values.signatureMethod === 'drawn' ? signature : null,
        signer: values.signer,
        representativeName: values.signer === 'representative' ? orNull(values.representativeName) : null,
        representativeAuthority: values.signer === 'representative' ? orNull(values.representativeAuthority) : null,
        witnessName: values.signatureMethod === 'verbal' ? orNull(values.witnessName) : null,
        signedOn: values.signedOn,
      };
      return unwrap(api.POST('/api/patients/{id}/consents', { params: { path: { id: patientId } }, body }));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: consentsKey(patientId) });
      await queryClient.invalidateQueries({ queryKey: [...patientsKey, 'one', patientId] });
      onClose();
    },
    onError: (error) => {
      // A new consent has no version to keep: it is created afresh after sign-in.
      if (draft.keepIfSignedOut(error, form.getValues())) return;
      problem.show(error);
      const text = (error as { problem?: { errors?: { path: string }[] } }).problem?.errors?.some((e) => e.path === '/signatureImage');
      setSignatureError(text ? t('signature.required') : null);
    },
  });

  const changeKind = (kind: ConsentKind) => {
    form.setFieldValue('kind', kind);
    if (kind === 'tpo') {
      form.setFieldValue('recipientKind', 'general-designation');
      form.setFieldValue('recipientName', designation(values.language));
      form.setFieldValue('purposes', [...TPO_PURPOSES]);
      form.setFieldValue(
        'informationKinds',
        values.informationKinds.filter((kind) => kind !== 'counseling-notes'),
      );
    } else {
      if (values.kind === 'tpo') {
        form.setFieldValue('recipientKind', 'named');
        form.setFieldValue('recipientName', '');
        form.setFieldValue('purposes', []);
      }
      form.setFieldValue(
        'informationKinds',
        kind === 'counseling-notes' ? ['counseling-notes'] : values.informationKinds.filter((k) => k !== 'counseling-notes'),
      );
    }
  };

  const infoChoices = INFORMATION_KINDS.filter((kind) => (values.kind === 'counseling-notes') === (kind === 'counseling-notes'));
  const purposeChoices = values.kind === 'tpo' ? TPO_PURPOSES : CONSENT_PURPOSES;

  const submit = form.onSubmit(() => {
    problem.clear();
    setSignatureError(null);
    save.mutate();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {draft.restored !== null && <RestoredDraftNotice />}
        <ProblemAlert message={problem.alert} />
        <Radio.Group label={t('consents.form.kind')} value={values.kind} onChange={(kind) => changeKind(kind)} required>
          <Stack gap={6} mt={4}>
            {CONSENT_KINDS.map((kind) => (
              <Radio key={kind} value={kind} label={t(`consent.kind.${kind}`)} description={t(`consents.form.kindHelp.${kind}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput label={t('consents.form.disclosingParty')} {...form.getInputProps('disclosingParty')} required />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('consents.form.recipientKind')}
            data={(['named', 'general-designation'] as const).map((kind) => ({
              value: kind,
              label: t(`consents.form.recipientKind.${kind}`),
            }))}
            {...form.getInputProps('recipientKind')}
            allowDeselect={false}
          />
          <TextInput label={t('consents.form.recipientName')} {...form.getInputProps('recipientName')} required />
        </SimpleGrid>
        <Checkbox.Group label={t('consents.form.informationKinds')} {...form.getInputProps('informationKinds')} required>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={4}>
            {infoChoices.map((kind) => (
              <Checkbox key={kind} value={kind} label={t(`consent.info.${kind}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea
          label={t('consents.form.informationDescription')}
          {...form.getInputProps('informationDescription')}
          autosize
          minRows={2}
          required
        />
        <Checkbox.Group label={t('consents.form.purposes')} {...form.getInputProps('purposes')} required>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={4}>
            {purposeChoices.map((purpose) => (
              <Checkbox key={purpose} value={purpose} label={t(`consent.purpose.${purpose}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {values.purposes.includes('other') && (
          <TextInput label={t('consents.form.purposeDescription')} {...form.getInputProps('purposeDescription')} required />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('consents.form.expirationKind')}
            data={EXPIRATION_KINDS.map((kind) => ({ value: kind, label: t(`consents.form.expirationKind.${kind}`) }))}
            {...form.getInputProps('expirationKind')}
            allowDeselect={false}
          />
          {values.expirationKind === 'date' ? (
            <TextInput
              label={t('consents.form.expiresOn')}
              type="date"
              min={values.signedOn}
              {...form.getInputProps('expiresOn')}
              required
            />
          ) : (
            <TextInput label={t('consents.form.expirationText')} {...form.getInputProps('expirationText')} required />
          )}
        </SimpleGrid>
        <Paper withBorder p="sm" bg="gray.0">
          <Text size="sm" fw={600}>
            {t('consents.form.statements')}
          </Text>
          <List size="sm" spacing={2} mt={4}>
            <List.Item>{t('consents.form.statement.revocation')}</List.Item>
            <List.Item>{t('consents.form.statement.not-conditioned')}</List.Item>
            <List.Item>{t('consents.form.statement.redisclosure')}</List.Item>
          </List>
        </Paper>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('consents.form.language')}
            data={[
              { value: 'en', label: 'English' },
              { value: 'es', label: 'Español' },
            ]}
            {...form.getInputProps('language')}
            onChange={(value: string | null) => {
              const next = value === 'es' ? 'es' : value === 'en' ? 'en' : null;
              if (next === null) return;
              if (values.recipientName === designation(values.language)) form.setFieldValue('recipientName', designation(next));
              form.setFieldValue('language', next);
            }}
            allowDeselect={false}
          />
          <Select
            label={t('consents.form.signer')}
            data={(['patient', 'representative'] as const).map((signer) => ({ value: signer, label: t(`consents.form.signer.${signer}`) }))}
            {...form.getInputProps('signer')}
            allowDeselect={false}
          />
          <TextInput label={t('consents.form.signedOn')} type="date" max={today} {...form.getInputProps('signedOn')} required />
        </SimpleGrid>
        {values.signer === 'representative' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('consents.form.representativeName')} {...form.getInputProps('representativeName')} required />
            <TextInput label={t('consents.form.representativeAuthority')} {...form.getInputProps('representativeAuthority')} required />
          </SimpleGrid>
        )}
        <Radio.Group label={t('consents.form.signatureMethod')} {...form.getInputProps('signatureMethod')} required>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing={6} mt={4}>
            {(['drawn', 'verbal', 'refused'] as const).map((method) => (
              <Radio key={method} value={method} label={t(`consents.form.signatureMethod.${method}`)} />
            ))}
          </SimpleGrid>
        </Radio.Group>
        {values.signatureMethod === 'drawn' && (
          <SignaturePad
            onChange={(image) => {
              setSignature(image);
              if (image) setSignatureError(null);
            }}
            error={signatureError}
          />
        )}
        {values.signatureMethod === 'verbal' && (
          <TextInput label={t('consents.form.witnessName')} {...form.getInputProps('witnessName')} required />
        )}
        <FormActions
          submit={values.signatureMethod === 'refused' ? t('consents.form.saveRefusal') : t('consents.form.save')}
          busy={save.isPending}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}
