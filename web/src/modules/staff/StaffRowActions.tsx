import { ActionIcon, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import type { User } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { IconDots } from '../../components/icons.tsx';
import { LazyMenu } from '../../components/LazyMenu.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { DeactivationWarning } from './DeactivationWarning.tsx';
import type { IssuedLink } from './InvitationLinkDialog.tsx';
import { usersKey } from './staffQueries.ts';

type StaffAction = 'deactivate' | 'reactivate' | 'newLink' | 'mfaReset';
export interface PendingStaffAction {
  user: User;
  action: StaffAction;
}

interface StaffRowMenuProps {
  user: User;
  isSelf: boolean;
  onEdit: (user: User) => void;
  onAction: (pending: PendingStaffAction) => void;
}

/** The admin's actions on one staff member; each but editing is confirmed in StaffActionDialog. */
export function StaffRowMenu({ user, isSelf, onEdit, onAction }: StaffRowMenuProps) {
  const t = useT();
  return (
    <LazyMenu
      position="bottom-end"
      withinPortal
      target={(props) => (
        <ActionIcon {...props} variant="default" size="lg" aria-label={t('staff.actionsFor', { name: user.displayName })}>
          <IconDots />
        </ActionIcon>
      )}
      items={(Menu) => (
        <>
          <Menu.Item onClick={() => onEdit(user)}>{t('staff.action.edit')}</Menu.Item>
          {/* Credentials are a person's, and never one's own to reissue (issue 13). */}
          {user.kind === 'person' && !isSelf && user.status !== 'deactivated' && (
            <Menu.Item onClick={() => onAction({ user, action: 'newLink' })}>{t('staff.action.newLink')}</Menu.Item>
          )}
          {user.mfaEnabled && !isSelf && (
            <Menu.Item onClick={() => onAction({ user, action: 'mfaReset' })}>{t('staff.action.mfaReset')}</Menu.Item>
          )}
          {!isSelf && user.status !== 'deactivated' && (
            <Menu.Item color="red" onClick={() => onAction({ user, action: 'deactivate' })}>
              {t('staff.action.deactivate')}
            </Menu.Item>
          )}
          {user.status === 'deactivated' && (
            <Menu.Item onClick={() => onAction({ user, action: 'reactivate' })}>{t('staff.action.reactivate')}</Menu.Item>
          )}
        </>
      )}
    />
  );
}

interface StaffActionDialogProps {
  pending: PendingStaffAction | null;
  onClose: () => void;
  onLinkIssued: (link: IssuedLink) => void;
}

/** Confirms and performs one staff action; a new set-password link is handed to the link dialog. */
export function StaffActionDialog({ pending, onClose, onLinkIssued }: StaffActionDialogProps) {
  const t = useT();
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: async ({ user, action }: PendingStaffAction) => {
      const params = { params: { path: { id: user.id } } };
      switch (action) {
        case 'deactivate':
          await unwrap(api.POST('/api/users/{id}/deactivation', { ...params, body: { version: user.version } }));
          return null;
        case 'reactivate':
          await unwrap(api.POST('/api/users/{id}/reactivation', { ...params, body: { version: user.version } }));
          return null;
        case 'mfaReset':
          await unwrap(api.POST('/api/users/{id}/mfa-reset', params));
          return null;
        case 'newLink':
          return unwrap(api.POST('/api/users/{id}/invitations', params));
      }
    },
    onSuccess: (result, { user, action }) => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      onClose();
      if (result !== null) {
        onLinkIssued({ name: user.displayName, url: result.invitationUrl, expiresAt: result.invitationExpiresAt, kind: 'reset' });
      } else {
        notifications.show({ color: 'green', message: t(`staff.action.${action}.done`, { name: user.displayName }) });
      }
    },
    // A stale version means the list was out of date: reload it; the dialog says what happened.
    onError: (error) => {
      if (error instanceof ApiError && error.problemType === 'stale-version') void queryClient.invalidateQueries({ queryKey: usersKey });
    },
  });

  const close = () => {
    run.reset();
    onClose();
  };

  if (pending === null) return null;
  const name = pending.user.displayName;
  return (
    <ConfirmDialog
      opened
      title={t(`staff.action.${pending.action}.title`, { name })}
      confirmLabel={t(`staff.action.${pending.action}.confirm`)}
      destructive={pending.action === 'deactivate' || pending.action === 'mfaReset'}
      busy={run.isPending}
      error={run.error}
      onConfirm={() => run.mutate(pending)}
      onClose={close}
    >
      <Stack gap="md">
        <Text>{t(`staff.action.${pending.action}.body`, { name })}</Text>
        {pending.action === 'deactivate' && <DeactivationWarning user={pending.user} />}
      </Stack>
    </ConfirmDialog>
  );
}
