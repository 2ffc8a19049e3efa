import type { WebModule } from '../../app/webModule.ts';
import { invitationMessages } from './messages.ts';

/** The link in an invitation or a password reset: choose a password. */
export const invitationsModule: WebModule<typeof invitationMessages> = {
  name: 'invitations',
  messages: [invitationMessages],
  routes: [{ path: '/invitations/:token', access: 'public', load: () => import('./InvitationPage.tsx').then((m) => m.InvitationPage) }],
};
