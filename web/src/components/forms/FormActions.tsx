import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/I18nProvider.tsx';

interface FormActionsProps {
  /** The submit button's words: what it does ("Add level of care"), not "Submit". */
  submit: string;
  busy: boolean;
  /** The submit button spins only for its own request (default: whenever busy). */
  submitting?: boolean;
  /** Without it there is no Cancel (a form on a page rather than in a dialog). */
  onCancel?: () => void;
  /** Nothing to send yet (no episode chosen). */
  disabled?: boolean;
  /** Red, for what cannot simply be undone (closing an episode, ending a membership). */
  destructive?: boolean;
  /** On the left, apart from Cancel and submit (a "Back" step). */
  start?: ReactNode;
  /** Where the buttons sit: at the form's end (dialogs), or its start (a narrow form on a page). */
  align?: 'start' | 'end';
}

/** The foot of every form: Cancel, then the submit button. */
export function FormActions(props: FormActionsProps) {
  const { submit, busy, submitting = busy, onCancel, disabled = false, destructive = false, start, align = 'end' } = props;
  const t = useT();
  const buttons = (
    <Group justify={align === 'end' ? 'flex-end' : 'flex-start'} gap="sm">
      {onCancel !== undefined && (
        <Button variant="default" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
      )}
      <Button type="submit" loading={submitting} disabled={disabled} color={destructive ? 'red' : undefined}>
        {submit}
      </Button>
    </Group>
  );
  if (start === undefined) return buttons;
  return (
    <Group justify="space-between" gap="sm">
      {start}
      {buttons}
    </Group>
  );
}
