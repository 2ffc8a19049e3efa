import { Button, Checkbox, Group, Select, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { RestoredDraftNotice } from '../../components/forms/RestoredDraftNotice.tsx';
import { keptAt, useKeptDraft, type Kept } from '../../components/forms/useKeptDraft.ts';
import { ProblemAlert, useServerErrors } from '../../components/problems.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { LIFE_DOMAINS, STRENGTH_KINDS } from '../../../../src/modules/needs/codes.ts';
import { useSession } from '../session/SessionContext.tsx';
import type { Strength } from './needQueries.ts';
import { strengthDraftForm } from './strengthDraft.ts';

interface StrengthValues {
  domain: Strength['domain'] | null;
  kind: Strength['kind'];
  description: string;
  quoted: boolean;
}

/** Adding or editing one of the patient's strengths (StrengthsSection loads it when first opened). */
export function StrengthDialog({ patientId, strength, onClose }: { patientId: string; strength: Strength | null; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const session = useSession();
  const draft = useKeptDraft<StrengthValues>(session.user.id, strengthDraftForm(patientId, strength), (): Kept<StrengthValues> | null => {
    const values = { domain, kind, description, quoted };
    return strength ? keptAt(values, version) : { values, base: null };
  });
  const kept = draft.restored?.values;
  // A restored edit saves against the strength as first read: a change made meanwhile is a 409.
  const version = draft.restored?.base?.version ?? strength?.version ?? 0;
  const [domain, setDomain] = useState<Strength['domain'] | null>(kept ? kept.domain : (strength?.domain ?? null));
  const [kind, setKind] = useState<Strength['kind']>(kept?.kind ?? strength?.kind ?? 'skill');
  const [description, setDescription] = useState(kept?.description ?? strength?.description ?? '');
  const [quoted, setQuoted] = useState(kept?.quoted ?? strength?.inPatientsWords ?? false);
  const save = useMutation({
    mutationFn: () => {
      const body = { domain: domain ?? 'employment', kind, description, inPatientsWords: quoted };
      return strength
        ? unwrap(api.PATCH('/api/strengths/{id}', { params: { path: { id: strength.id } }, body: { ...body, version } }))
        : unwrap(api.POST('/api/patients/{id}/strengths', { params: { path: { id: patientId } }, body }));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['patients'] });
      onClose();
    },
    onError: (error) => {
      const values = { domain, kind, description, quoted };
      draft.keepIfSignedOut(error, values, strength ? { values, version } : null);
    },
  });
  const { fieldErrors, alert } = useServerErrors(save.error, ['description']);
  return (
    <Dialog opened onClose={onClose} title={strength ? t('strengths.edit') : t('strengths.add')}>
      <Stack gap="md">
        {draft.restored !== null && <RestoredDraftNotice />}
        <Select
          label={t('needs.domain')}
          data={LIFE_DOMAINS.map((value) => ({ value, label: t(`domain.${value}`) }))}
          value={domain}
          onChange={(value) => setDomain(value)}
          required
        />
        <Select
          label={t('strengths.kind')}
          data={STRENGTH_KINDS.map((value) => ({ value, label: t(`strengths.kind.${value}`) }))}
          value={kind}
          onChange={(value) => value && setKind(value)}
          allowDeselect={false}
        />
        <Textarea
          label={t('strengths.description')}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={fieldErrors.description}
          autosize
          minRows={2}
          required
        />
        <Checkbox label={t('strengths.inPatientsWords')} checked={quoted} onChange={(event) => setQuoted(event.currentTarget.checked)} />
        <ProblemAlert message={alert} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} disabled={domain === null || description.trim() === ''} loading={save.isPending}>
            {t('needs.save')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
