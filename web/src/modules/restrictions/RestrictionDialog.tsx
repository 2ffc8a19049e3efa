import { Button, Group, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { keptAt, useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { ProblemAlert, useProblemText } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { RESTRICTION_REASONS, type RestrictionReason } from '../../../../src/modules/restrictions/codes.ts';
import { episodesKey, patientsKey, useStaffPicker } from '../patients/patientQueries.ts';
import { useSession } from '../session/SessionContext.tsx';
import { restrictionDraftForm, type Restriction, type RestrictionValues, type Target } from './restriction.ts';

/** A supervisor restricts a record or changes its restriction (RestrictionPanel loads it when first opened). */
export function RestrictionDialog({ target, current, onClose }: { target: Target; current: Restriction | null; onClose: () => void }) {
  const t = useT();
  const describe = useProblemText();
  const session = useSession();
  const queryClient = useQueryClient();
  const staff = useStaffPicker(true);
  const draft = useKeptDraft<RestrictionValues>(session.user.id, restrictionDraftForm(target), (): Kept<RestrictionValues> | null => {
    const values = { reason, allowed, excluded };
    return version === undefined ? { values, base: null } : keptAt(values, version);
  });
  const kept = draft.restored?.values;
  // A restored change goes against the restriction as first read: one changed meanwhile is a 409.
  const version = draft.restored ? draft.restored.base?.version : current?.version;
  const [reason, setReason] = useState<RestrictionReason>(kept?.reason ?? current?.reason ?? 'staff-relative');
  const [allowed, setAllowed] = useState<string[]>(
    kept?.allowed ?? current?.allowed.map((p) => p.id).filter((id) => id !== session.user.id) ?? [],
  );
  const [excluded, setExcluded] = useState<string[]>(kept?.excluded ?? current?.excluded.map((p) => p.id) ?? []);
  const options = (staff.data ?? [])
    .filter((user) => user.id !== session.user.id)
    .map((user) => ({ value: user.id, label: user.displayName }));
  const save = useMutation({
    mutationFn: () => {
      const body = { reason, allowedUserIds: allowed, excludedUserIds: excluded, ...(version !== undefined ? { version } : {}) };
      const params = { path: { id: target.id } };
      return target.scope === 'patient'
        ? unwrap(api.PUT('/api/patients/{id}/restriction', { params, body }))
        : unwrap(api.PUT('/api/episodes/{id}/restriction', { params, body }));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: target.scope === 'patient' ? patientsKey : episodesKey });
      onClose();
    },
    onError: (error) => {
      const values = { reason, allowed, excluded };
      draft.keepIfSignedOut(error, values, version === undefined ? null : { values, version });
    },
  });
  return (
    <Dialog
      opened
      onClose={onClose}
      title={target.scope === 'patient' ? t('restriction.dialog.title') : t('restriction.dialog.episodeTitle')}
    >
      <Stack gap="md">
        {draft.restored !== null && <RestoredDraftNotice />}
        <Text size="sm">{t('restriction.explain')}</Text>
        <Select
          label={t('restriction.reason')}
          data={RESTRICTION_REASONS.map((value) => ({ value, label: t(`restrictionReason.${value}`) }))}
          value={reason}
          onChange={(value) => value && setReason(value)}
          allowDeselect={false}
          required
        />
        <MultiSelect
          label={t('restriction.allowed')}
          description={t('restriction.allowed.help')}
          data={options.filter((option) => !excluded.includes(option.value))}
          value={allowed}
          onChange={setAllowed}
          searchable
          disabled={staff.isPending}
        />
        <MultiSelect
          label={t('restriction.excluded')}
          description={t('restriction.excluded.help')}
          data={options.filter((option) => !allowed.includes(option.value))}
          value={excluded}
          onChange={setExcluded}
          searchable
          disabled={staff.isPending}
        />
        <ProblemAlert message={save.error ? describe(save.error) : null} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('restriction.dialog.save')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
