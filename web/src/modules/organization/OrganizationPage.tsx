import { Checkbox, NumberInput, Paper, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { Locale, Organization, Session } from '../../api/types.ts';
import { changedFields } from '../../components/forms/changes.ts';
import { FormActions } from '../../components/forms/FormActions.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { StaleNotice } from '../../components/forms/StaleNotice.tsx';
import { useFormProblem } from '../../components/forms/useFormProblem.ts';
import { useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { useStaleRecord } from '../../components/forms/useStaleRecord.ts';
import { LocaleSelect, TimeZoneSelect } from '../../components/inputs.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert, QueryStatus } from '../../components/problems.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { languageNames } from '../../i18n/messages.ts';
import { useSession } from '../session/SessionContext.tsx';
import { sessionKey } from '../session/sessionQueries.ts';

const organizationKey = ['organization'] as const;
/** Which kept draft (components/forms/drafts.ts) is this form. */
const organizationDraftForm = 'organization';

/** The organization's name, time zone ("today" and "due" are computed in it), default language and whether all staff need two-step verification. */
export function OrganizationPage() {
  const t = useT();
  const organization = useQuery({ queryKey: organizationKey, queryFn: () => unwrap(api.GET('/api/organization')) });
  return (
    <Page title={t('organization.title')} intro={t('organization.intro')}>
      {organization.data === undefined ? (
        <QueryStatus isPending={organization.isPending} error={organization.error} retry={() => void organization.refetch()} />
      ) : (
        // Mounted once: a newer version saved by someone else is met as a conflict, never by replacing what is typed.
        <OrganizationForm key={organization.data.id} organization={organization.data} />
      )}
    </Page>
  );
}

interface OrganizationValues {
  name: string;
  timeZone: string;
  defaultLocale: Locale;
  mfaRequiredForAll: boolean;
  emergencyAccessHours: number;
}

function valuesOf(organization: Organization): OrganizationValues {
  return {
    name: organization.name,
    timeZone: organization.timeZone,
    defaultLocale: organization.defaultLocale,
    mfaRequiredForAll: organization.mfaRequiredForAll,
    emergencyAccessHours: organization.emergencyAccessHours,
  };
}

const bodyOf = (v: OrganizationValues) => ({
  name: v.name.trim(),
  timeZone: v.timeZone,
  defaultLocale: v.defaultLocale,
  mfaRequiredForAll: v.mfaRequiredForAll,
  emergencyAccessHours: v.emergencyAccessHours,
});

function OrganizationForm({ organization }: { organization: Organization }) {
  const t = useT();
  const format = useFormat();
  const queryClient = useQueryClient();
  const draft = useKeptDraft<OrganizationValues>(useSession().user.id, organizationDraftForm, (): Kept<OrganizationValues> | null => ({
    values: form.getValues(),
    base: stale.base,
  }));
  const form = useForm<OrganizationValues>({
    mode: 'controlled',
    initialValues: draft.restored?.values ?? valuesOf(organization),
    validate: (v) => ({
      name: v.name.trim() === '' ? t('organization.nameRequired') : null,
      emergencyAccessHours:
        Number.isInteger(v.emergencyAccessHours) && v.emergencyAccessHours >= 1 && v.emergencyAccessHours <= 24
          ? null
          : t('organization.emergencyAccessHoursRange'),
    }),
  });
  // A restored draft saves against the settings as first read: a change made meanwhile is then
  // the ordinary conflict, not overwritten.
  const stale = useStaleRecord(form, draft.restored?.base ?? { values: valuesOf(organization), version: organization.version });
  const problem = useFormProblem(form);
  // The form stays open after a save: what was restored is then saved, and the mark goes.
  const [restoredShown, setRestoredShown] = useState(draft.restored !== null);

  const save = useMutation({
    mutationFn: async (): Promise<Organization> => {
      const changes = changedFields(bodyOf(form.getValues()), bodyOf(stale.base.values));
      if (Object.keys(changes).length === 0) return { ...organization, ...bodyOf(stale.base.values), version: stale.base.version };
      return unwrap(api.PATCH('/api/organization', { body: { ...changes, version: stale.base.version } }));
    },
    onSuccess: (saved) => {
      // The form stays open: it now shows what was saved (trimmed) and edits on from its version.
      form.setValues(valuesOf(saved));
      setRestoredShown(false);
      draft.settled();
      stale.accept({ values: valuesOf(saved), version: saved.version });
      queryClient.setQueryData(organizationKey, saved);
      queryClient.setQueryData<Session | null>(sessionKey, (session) => (session ? { ...session, organization: saved } : session));
      notifications.show({ color: 'green', message: t('organization.saved') });
    },
    onError: async (error) => {
      if (draft.keepIfSignedOut(error, form.getValues(), stale.base)) return;
      try {
        const load = async () => {
          const latest = await unwrap(api.GET('/api/organization'));
          return { values: valuesOf(latest), version: latest.version };
        };
        if (await stale.recover(error, load)) {
          void queryClient.invalidateQueries({ queryKey: sessionKey });
          return;
        }
        problem.show(error);
      } catch (loadError) {
        problem.show(loadError);
      }
    },
  });

  const submit = form.onSubmit(() => {
    problem.clear();
    stale.dismiss();
    save.mutate();
  });

  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw={640} component="form" onSubmit={submit} noValidate>
      <Stack gap="md">
        {restoredShown && <RestoredDraftNotice />}
        <ProblemAlert message={problem.alert} />
        <TextInput label={t('organization.name')} {...form.getInputProps('name')} required />
        <TimeZoneSelect
          label={t('organization.timeZone')}
          description={t('organization.timeZoneDescription', { now: format.time(new Date()) })}
          value={form.values.timeZone}
          onChange={(zone) => form.setFieldValue('timeZone', zone)}
          error={form.errors.timeZone}
          required
        />
        <LocaleSelect
          label={t('organization.defaultLocale')}
          description={t('organization.defaultLocaleDescription')}
          value={form.values.defaultLocale}
          onChange={(next) => form.setFieldValue('defaultLocale', next)}
          error={form.errors.defaultLocale}
        />
        <Checkbox
          label={t('organization.mfaRequiredForAll')}
          description={t('organization.mfaRequiredForAllDescription')}
          {...form.getInputProps('mfaRequiredForAll', { type: 'checkbox' })}
        />
        <NumberInput
          label={t('organization.emergencyAccessHours')}
          description={t('organization.emergencyAccessHoursDescription')}
          min={1}
          max={24}
          step={1}
          allowDecimal={false}
          {...form.getInputProps('emergencyAccessHours')}
          required
        />
        <StaleNotice
          stale={stale}
          labels={{
            name: t('organization.name'),
            timeZone: t('organization.timeZone'),
            defaultLocale: t('organization.defaultLocale'),
            mfaRequiredForAll: t('organization.mfaRequiredForAll'),
            emergencyAccessHours: t('organization.emergencyAccessHours'),
          }}
          display={{
            defaultLocale: (locale) => languageNames[locale],
            mfaRequiredForAll: (required) => (required ? t('common.yes') : t('common.no')),
          }}
        />
        <FormActions submit={t('common.saveChanges')} busy={save.isPending} />
      </Stack>
    </Paper>
  );
}
