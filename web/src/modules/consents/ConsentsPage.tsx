import {
  Alert,
  Anchor,
  Button,
  Code,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert, useProblemText } from '../../components/problems.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { displayName } from '../patients/patientHelpers.ts';
import { usePatient } from '../patients/patientQueries.ts';
import { useToday } from '../patients/useToday.ts';
import { CONSENT_PURPOSES, INFORMATION_KINDS, RECIPIENT_CLASSES } from '../../../../src/modules/consents/codes.ts';
import { consentsKey, stateColor, useConsentsQuery, type CheckResult, type ConsentSummary, type DisclosureMade } from './consentQueries.ts';
import { hasDraft } from '../../components/forms/drafts.ts';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { keptAt, useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { useSession } from '../session/SessionContext.tsx';
import { consentDraftForm, ConsentFormDialog } from './ConsentFormDialog.tsx';
import { EmergencyDisclosureDialog, emergencyDisclosureDraftForm } from './EmergencyDisclosureDialog.tsx';

/** Which kept draft (components/forms/drafts.ts) is a disclosure being recorded for this patient. */
const disclosureDraftForm = (patientId: string) => `disclosure:new:${patientId}`;

interface DisclosureValues {
  recipientName: string;
  recipientClass: (typeof RECIPIENT_CLASSES)[number];
  informationKind: (typeof INFORMATION_KINDS)[number];
  purpose: (typeof CONSENT_PURPOSES)[number];
  description: string;
}

/** Which kept draft (components/forms/drafts.ts) is this consent being ended. */
const revokeDraftForm = (consentId: string) => `consent:end:${consentId}`;

interface RevokeValues {
  reason: 'revoked' | 'expiration-event';
  endedOn: string;
  method: string;
}

/** A patient's consents, the check before anything is shared, and the way to record either. */
export function ConsentsPage() {
  const { id = '' } = useParams();
  const t = useT();
  const patient = usePatient(id);
  const consents = useConsentsQuery(id);
  if (patient.isPending || consents.isPending) return <Loader />;
  if (patient.isError || consents.isError) return <ProblemAlert message={t('common.loadFailed')} />;
  return <ConsentsView id={id} patient={patient.data} consents={consents.data} />;
}

function ConsentsView({
  id,
  patient,
  consents,
}: {
  id: string;
  patient: NonNullable<ReturnType<typeof usePatient>['data']>;
  consents: ConsentSummary[];
}) {
  const t = useT();
  const session = useSession();
  // Back after the session ended while recording one: the form opens again with what was typed.
  const [recording, setRecording] = useState<{ recipientName?: string } | null>(() =>
    hasDraft(session.user.id, consentDraftForm(id)) ? {} : null,
  );
  const [emergency, setEmergency] = useState(() => hasDraft(session.user.id, emergencyDisclosureDraftForm(id)));
  const [revokingId, setRevokingId] = useState<string | null>(
    () => consents.find((consent) => hasDraft(session.user.id, revokeDraftForm(consent.id)))?.id ?? null,
  );
  const revoking = consents.find((consent) => consent.id === revokingId) ?? null;
  const name = displayName(patient);

  return (
    <Page
      title={t('consents.titleFor', { name })}
      intro={t('consents.intro')}
      actions={
        <>
          <Button variant="default" onClick={() => setEmergency(true)}>
            {t('consents.emergency')}
          </Button>
          <Button onClick={() => setRecording({})}>{t('consents.new')}</Button>
        </>
      }
    >
      <Group gap="lg">
        <Anchor component={Link} to={`/patients/${id}`} size="sm">
          {t('consents.back')}
        </Anchor>
        <Anchor component={Link} to={`/patients/${id}/disclosures`} size="sm">
          {t('consents.accounting')}
        </Anchor>
      </Group>
      <ConsentList consents={consents} onRevoke={(consent) => setRevokingId(consent.id)} />
      <DisclosureCheck patientId={id} onCapture={(recipientName) => setRecording({ recipientName })} />
      <ConsentFormDialog
        patientId={id}
        opened={recording !== null}
        preset={recording ?? undefined}
        patientLanguage={patient.preferredLanguage}
        onClose={() => setRecording(null)}
      />
      <EmergencyDisclosureDialog patientId={id} opened={emergency} onClose={() => setEmergency(false)} />
      <Dialog
        opened={revoking !== null}
        onClose={() => setRevokingId(null)}
        title={t('consents.revoke.title', { recipient: revoking?.recipientName ?? '' })}
      >
        {revoking && <RevokeForm consent={revoking} onClose={() => setRevokingId(null)} />}
      </Dialog>
    </Page>
  );
}

function ConsentList({ consents, onRevoke }: { consents: ConsentSummary[]; onRevoke: (consent: ConsentSummary) => void }) {
  const t = useT();
  const format = useFormat();
  return (
    <Stack gap="sm" component="section" aria-labelledby="consents-heading">
      <Title order={2} fz="lg" id="consents-heading">
        {t('consents.list.title')}
      </Title>
      {consents.length === 0 ? (
        <Paper withBorder p="md">
          <Text size="sm">{t('consents.list.empty')}</Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('consents.list.recipient')}</Table.Th>
                <Table.Th>{t('consents.list.kind')}</Table.Th>
                <Table.Th>{t('consents.list.state')}</Table.Th>
                <Table.Th>{t('consents.list.signed')}</Table.Th>
                <Table.Th>{t('consents.list.until')}</Table.Th>
                <Table.Th>{t('consents.list.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {consents.map((consent) => (
                <Table.Tr key={consent.id}>
                  <Table.Td maw={320}>{consent.recipientName}</Table.Td>
                  <Table.Td>{t(`consent.kind.${consent.kind}`)}</Table.Td>
                  <Table.Td>
                    <StatusBadge color={stateColor(consent.state)}>{t(`consent.state.${consent.state}`)}</StatusBadge>
                  </Table.Td>
                  <Table.Td>{format.date(consent.signedOn)}</Table.Td>
                  <Table.Td>
                    {consent.endedOn
                      ? format.date(consent.endedOn)
                      : consent.expiresOn
                        ? format.date(consent.expiresOn)
                        : consent.expirationText}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor
                        component={Link}
                        to={`/consents/${consent.id}/print`}
                        size="sm"
                        aria-label={t('consents.list.printFor', { recipient: consent.recipientName })}
                      >
                        {t('consents.list.print')}
                      </Anchor>
                      {(consent.state === 'active' || consent.state === 'expiring') && (
                        <Button
                          variant="subtle"
                          color="red"
                          size="compact-sm"
                          onClick={() => onRevoke(consent)}
                          aria-label={t('consents.list.revokeFor', { recipient: consent.recipientName })}
                        >
                          {t('consents.list.revoke')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function RevokeForm({ consent, onClose }: { consent: ConsentSummary; onClose: () => void }) {
  const t = useT();
  const today = useToday();
  const describe = useProblemText();
  const queryClient = useQueryClient();
  const session = useSession();
  const draft = useKeptDraft<RevokeValues>(session.user.id, revokeDraftForm(consent.id), (): Kept<RevokeValues> | null =>
    keptAt({ reason, endedOn, method }, version),
  );
  const kept = draft.restored?.values;
  // A restored revocation goes against the consent as first read: one changed meanwhile is a 409.
  const version = draft.restored?.base?.version ?? consent.version;
  const [reason, setReason] = useState<'revoked' | 'expiration-event'>(kept?.reason ?? 'revoked');
  const [endedOn, setEndedOn] = useState(kept?.endedOn ?? today);
  const [method, setMethod] = useState(kept?.method ?? '');
  const end = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/consents/{id}/end', {
          params: { path: { id: consent.id } },
          body: { version, reason, endedOn, method },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: consentsKey(consent.patientId) });
      onClose();
    },
    onError: (error) => {
      const values = { reason, endedOn, method };
      draft.keepIfSignedOut(error, values, { values, version });
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        end.mutate();
      }}
    >
      <Stack gap="md">
        {draft.restored !== null && <RestoredDraftNotice />}
        <Text size="sm">{t('consents.revoke.explain')}</Text>
        <ProblemAlert message={end.error ? describe(end.error) : null} />
        {consent.expirationKind !== 'date' && (
          <Select
            label={t('consents.revoke.reason')}
            data={(['revoked', 'expiration-event'] as const).map((value) => ({ value, label: t(`consents.revoke.reason.${value}`) }))}
            value={reason}
            onChange={(value) => value && setReason(value)}
            allowDeselect={false}
          />
        )}
        <TextInput
          label={t('consents.revoke.endedOn')}
          type="date"
          max={today}
          value={endedOn}
          onChange={(event) => setEndedOn(event.currentTarget.value)}
          required
        />
        <TextInput
          label={t('consents.revoke.method')}
          value={method}
          onChange={(event) => setMethod(event.currentTarget.value)}
          required
          data-autofocus
        />
        <FormActions
          submit={t('consents.revoke.confirm')}
          busy={end.isPending}
          onCancel={onClose}
          destructive
          disabled={method.trim() === ''}
        />
      </Stack>
    </form>
  );
}

/** The one check, before anything leaves: allowed under which consent, or blocked and why. */
function DisclosureCheck({ patientId, onCapture }: { patientId: string; onCapture: (recipientName: string) => void }) {
  const t = useT();
  const format = useFormat();
  const describe = useProblemText();
  const queryClient = useQueryClient();
  const session = useSession();
  // Back after the session ended while recording one: the choices and the description are back;
  // the check runs again (a consent may have changed meanwhile) before it is recorded.
  const draft = useKeptDraft<DisclosureValues>(session.user.id, disclosureDraftForm(patientId), (): Kept<DisclosureValues> | null =>
    // Recorded (the answer shows): nothing is left to keep, and nothing to record twice.
    made === null ? { values: { recipientName, recipientClass, informationKind, purpose, description }, base: null } : null,
  );
  const kept = draft.restored?.values;
  const [recipientName, setRecipientName] = useState(kept?.recipientName ?? '');
  const [recipientClass, setRecipientClass] = useState<(typeof RECIPIENT_CLASSES)[number]>(kept?.recipientClass ?? 'treating-provider');
  const [informationKind, setInformationKind] = useState<(typeof INFORMATION_KINDS)[number]>(kept?.informationKind ?? 'attendance');
  const [purpose, setPurpose] = useState<(typeof CONSENT_PURPOSES)[number]>(kept?.purpose ?? 'treatment');
  const [description, setDescription] = useState(kept?.description ?? '');
  const [result, setResult] = useState<CheckResult | null>(null);
  const [made, setMade] = useState<DisclosureMade | null>(null);
  const body = { recipientName, recipientClass, informationKinds: [informationKind], purpose };

  const check = useMutation({
    mutationFn: () => unwrap(api.POST('/api/patients/{id}/disclosure-checks', { params: { path: { id: patientId } }, body })),
    onSuccess: (answer) => {
      setResult(answer);
      setMade(null);
    },
  });
  const record = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/patients/{id}/disclosures', {
          params: { path: { id: patientId } },
          body: { ...body, description: description.trim() === '' ? null : description },
        }),
      ),
    onSuccess: async (answer) => {
      setMade(answer);
      await queryClient.invalidateQueries({ queryKey: consentsKey(patientId) });
    },
    // A new disclosure has no version: it is checked and recorded afresh after sign-in.
    onError: (error) => {
      draft.keepIfSignedOut(error, { recipientName, recipientClass, informationKind, purpose, description });
    },
  });
  const reset = () => {
    setResult(null);
    setMade(null);
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="check-heading">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="check-heading">
          {t('consents.check.title')}
        </Title>
        {draft.restored !== null && <RestoredDraftNotice />}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            check.mutate();
          }}
        >
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('consents.check.recipientName')}
                value={recipientName}
                onChange={(event) => {
                  setRecipientName(event.currentTarget.value);
                  reset();
                }}
                required
              />
              <Select
                label={t('consents.check.recipientClass')}
                data={RECIPIENT_CLASSES.map((value) => ({ value, label: t(`consent.recipientClass.${value}`) }))}
                value={recipientClass}
                onChange={(value) => {
                  if (value) setRecipientClass(value);
                  reset();
                }}
                allowDeselect={false}
              />
              <Select
                label={t('consents.check.informationKinds')}
                data={INFORMATION_KINDS.map((value) => ({ value, label: t(`consent.info.${value}`) }))}
                value={informationKind}
                onChange={(value) => {
                  if (value) setInformationKind(value);
                  reset();
                }}
                allowDeselect={false}
              />
              <Select
                label={t('consents.check.purpose')}
                data={CONSENT_PURPOSES.map((value) => ({ value, label: t(`consent.purpose.${value}`) }))}
                value={purpose}
                onChange={(value) => {
                  if (value) setPurpose(value);
                  reset();
                }}
                allowDeselect={false}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={check.isPending} disabled={recipientName.trim() === ''}>
                {t('consents.check.run')}
              </Button>
            </Group>
          </Stack>
        </form>
        <ProblemAlert message={check.error ? describe(check.error) : record.error ? describe(record.error) : null} />
        {result && !result.allowed && result.reason && (
          <Alert color="red" title={t('consents.check.blocked')} role="status">
            <Stack gap="xs">
              <Text size="sm">{t(`consent.block.${result.reason}`)}</Text>
              <Group>
                <Button size="compact-md" variant="default" onClick={() => onCapture(recipientName)}>
                  {t('consents.check.capture')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {result?.allowed && result.consent && (
          <Alert color="green" title={t('consents.check.allowed')} role="status">
            <Stack gap="xs">
              <Text size="sm">
                {t('consents.check.allowedUnder', { recipient: result.consent.recipientName, date: format.date(result.consent.signedOn) })}
              </Text>
              {made ? (
                <>
                  <Text size="sm" fw={600}>
                    {t('consents.check.recorded')}
                  </Text>
                  <Code block>{made.notice}</Code>
                </>
              ) : (
                <>
                  <Textarea
                    label={t('consents.check.description')}
                    value={description}
                    onChange={(event) => setDescription(event.currentTarget.value)}
                    autosize
                    minRows={1}
                  />
                  <Group>
                    <Button size="compact-md" onClick={() => record.mutate()} loading={record.isPending}>
                      {t('consents.check.record')}
                    </Button>
                  </Group>
                </>
              )}
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
