import type { useT } from '../../i18n/I18nProvider.tsx';
import type { Patient } from '../patients/patientQueries.ts';

/** Who a task of this person can go to: me, colleagues on their care teams today, or the person. */
export function assigneeChoices(patient: Patient, me: string, t: ReturnType<typeof useT>): { value: string; label: string }[] {
  const colleagues = new Map<string, string>();
  for (const episode of patient.episodes.filter((e) => e.closedOn === null))
    for (const member of episode.careTeam) if (member.userId && member.userId !== me) colleagues.set(member.userId, member.name);
  return [
    { value: me, label: t('tasks.assignee.me') },
    ...[...colleagues].map(([value, label]) => ({ value, label })),
    { value: 'patient', label: t('tasks.assignee.patient') },
  ];
}
