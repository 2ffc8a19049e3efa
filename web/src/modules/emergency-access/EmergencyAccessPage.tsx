import { Alert, Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { OkBody } from '../../api/types.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { peekDraft } from '../../components/forms/drafts.ts';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { Page } from '../../components/Page.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { ProblemAlert } from '../../components/problems.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../session/SessionContext.tsx';
import { myGrantsKey } from './emergencyQueries.ts';

type Found = OkBody<'/api/emergency-access/lookups', 'post'>['items'][number];

/**
 * Which kept draft (components/forms/drafts.ts) is the reason being given for emergency access:
 * the reason and whose chart it was for, never the password (typed again after sign-in).
 */
const breakGlassDraftForm = 'emergency-access:reason';

interface KeptReason {
  patient: Found;
  reason: string;
}

/**
 * Emergency access for a clinician: find the person (search shows only the charts one may
 * already open), then state why and enter one's password; the chart opens for a few hours.
 */
export function EmergencyAccessPage() {
  const t = useT();
  const session = useSession();
  const [found, setFound] = useState<Found[] | null>(null);
  // Back after the session ended while giving the reason: the dialog opens again for that person.
  const [chosen, setChosen] = useState<Found | null>(
    () => peekDraft<KeptReason>(session.user.id, breakGlassDraftForm)?.values.patient ?? null,
  );
  return (
    <Page title={t('emergencyAccess.title')} intro={t('emergencyAccess.intro')}>
      <MyGrants />
      <Lookup onFound={setFound} />
      {found !== null && <Results found={found} onChoose={setChosen} />}
      <BreakGlassDialog patient={chosen} onClose={() => setChosen(null)} />
    </Page>
  );
}

function MyGrants() {
  const t = useT();
  const format = useFormat();
  const mine = useQuery({
    queryKey: myGrantsKey,
    queryFn: async () => (await unwrap(api.GET('/api/emergency-access/mine'))).items,
  });
  if (!mine.data || mine.data.length === 0) return null;
  return (
    <Alert color="red" variant="light" title={t('emergencyAccess.mine.title')}>
      <Stack gap={4}>
        {mine.data.map((grant) => (
          <Group key={grant.id} gap="xs">
            <Anchor component={Link} to={`/patients/${grant.patientId}`} fw={600}>
              {grant.patientName}
            </Anchor>
            <Text span size="sm">
              {t('emergencyAccess.mine.until', { time: format.dateTimeWithZone(grant.expiresAt) })}
            </Text>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}

function Lookup({ onFound }: { onFound: (found: Found[]) => void }) {
  const t = useT();
  const form = useForm({
    mode: 'controlled',
    initialValues: { lastName: '', birthDate: '' },
    validate: {
      lastName: (value) => (value.trim() === '' ? t('emergencyAccess.find.required') : null),
      birthDate: (value) => (value === '' ? t('emergencyAccess.find.required') : null),
    },
  });
  const problem = useFormProblem(form);
  const lookup = useMutation({
    mutationFn: (values: { lastName: string; birthDate: string }) =>
      unwrap(api.POST('/api/emergency-access/lookups', { body: { lastName: values.lastName.trim(), birthDate: values.birthDate } })),
    onSuccess: (result) => onFound(result.items),
    onError: problem.show,
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="find-heading">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          problem.clear();
          lookup.mutate(values);
        })}
      >
        <Stack gap="sm">
          <Title order={2} fz="lg" id="find-heading">
            {t('emergencyAccess.find.title')}
          </Title>
          <Text size="sm">{t('emergencyAccess.find.explain')}</Text>
          <ProblemAlert message={problem.alert} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" maw={560}>
            <TextInput label={t('emergencyAccess.find.lastName')} autoComplete="off" required {...form.getInputProps('lastName')} />
            <TextInput label={t('emergencyAccess.find.birthDate')} type="date" required {...form.getInputProps('birthDate')} />
          </SimpleGrid>
          <FormActions submit={t('emergencyAccess.find.submit')} busy={lookup.isPending} align="start" />
        </Stack>
      </form>
    </Paper>
  );
}

function Results({ found, onChoose }: { found: Found[]; onChoose: (patient: Found) => void }) {
  const t = useT();
  const format = useFormat();
  return (
    <Stack gap="sm" component="section" aria-labelledby="results-heading">
      <Title order={2} fz="lg" id="results-heading">
        {t('emergencyAccess.find.results')}
      </Title>
      {found.length === 0 ? (
        <Paper withBorder p="md">
          <Text size="sm" role="status">
            {t('emergencyAccess.find.none')}
          </Text>
        </Paper>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {found.map((patient) => (
            <Paper withBorder p="md" component="li" key={patient.id}>
              <Group justify="space-between" gap="sm">
                <Stack gap={0}>
                  <Text fw={600}>{patient.name}</Text>
                  <Text size="sm" c="dark.4">
                    {t('emergencyAccess.find.born', { date: format.dateInSentence(patient.dateOfBirth) })}
                    {patient.visible ? ` · ${t('emergencyAccess.find.visible')}` : ''}
                  </Text>
                </Stack>
                {patient.visible ? (
                  <Button component={Link} to={`/patients/${patient.id}`} variant="default">
                    {t('emergencyAccess.openChart')}
                  </Button>
                ) : (
                  <Button
                    color="red"
                    variant="light"
                    onClick={() => onChoose(patient)}
                    aria-label={t('emergencyAccess.breakFor', { name: patient.name })}
                  >
                    {t('emergencyAccess.break')}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function BreakGlassDialog({ patient, onClose }: { patient: Found | null; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog
      opened={patient !== null}
      onClose={onClose}
      title={t('emergencyAccess.dialog.title', { name: patient?.name ?? '' })}
      size="lg"
      closeOnClickOutside={false}
    >
      {patient !== null && <BreakGlassForm key={patient.id} patient={patient} onClose={onClose} />}
    </Dialog>
  );
}

function BreakGlassForm({ patient, onClose }: { patient: Found; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // The organization's setting: the same query the organization page reads.
  const organization = useQuery({ queryKey: ['organization'], queryFn: () => unwrap(api.GET('/api/organization')) });
  const hours = organization.data?.emergencyAccessHours ?? 4;
  const session = useSession();
  const draft = useKeptDraft<KeptReason>(session.user.id, breakGlassDraftForm, (): Kept<KeptReason> | null => ({
    // The reason is kept; the password never is.
    values: { patient, reason: form.getValues().reason },
    base: null,
  }));
  const restored = draft.restored?.values.patient.id === patient.id ? draft.restored : null;
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: restored?.values.reason ?? '', currentPassword: '' },
    validate: {
      reason: (value) => (value.trim().length < 10 ? t('emergencyAccess.dialog.reasonShort') : null),
      currentPassword: (value) => (value === '' ? t('emergencyAccess.dialog.passwordRequired') : null),
    },
  });
  const problem = useFormProblem(form);
  const open = useMutation({
    mutationFn: (values: { reason: string; currentPassword: string }) =>
      unwrap(
        api.POST('/api/patients/{id}/emergency-access', {
          params: { path: { id: patient.id } },
          body: { reason: values.reason.trim(), currentPassword: values.currentPassword },
        }),
      ),
    onSuccess: async (grant) => {
      await queryClient.invalidateQueries({ queryKey: myGrantsKey });
      queryClient.removeQueries({ queryKey: ['patients'] });
      onClose();
      await navigate(`/patients/${grant.patientId}`);
    },
    onError: (error) => {
      form.setFieldValue('currentPassword', '');
      // The reason is kept; the password never is.
      if (!draft.keepIfSignedOut(error, { patient, reason: form.getValues().reason })) problem.show(error);
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        problem.clear();
        open.mutate(values);
      })}
    >
      <Stack gap="md">
        <div>
          <Text size="sm">{t('emergencyAccess.dialog.what')}</Text>
          <List size="sm" mt={4} spacing={2}>
            <List.Item>{t('emergencyAccess.dialog.time', { hours })}</List.Item>
            <List.Item>{t('emergencyAccess.dialog.recorded')}</List.Item>
            <List.Item>{t('emergencyAccess.dialog.reviewed')}</List.Item>
          </List>
        </div>
        {restored !== null && <RestoredDraftNotice />}
        <ProblemAlert message={problem.alert} />
        <Textarea
          label={t('emergencyAccess.dialog.reason')}
          description={t('emergencyAccess.dialog.reasonHelp')}
          autosize
          minRows={3}
          maxLength={1000}
          required
          data-autofocus
          {...form.getInputProps('reason')}
        />
        <PasswordField
          label={t('emergencyAccess.dialog.password')}
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <FormActions submit={t('emergencyAccess.dialog.submit')} busy={open.isPending} onCancel={onClose} destructive />
      </Stack>
    </form>
  );
}
