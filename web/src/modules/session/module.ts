import type { WebModule } from '../../app/webModule.ts';
import { sessionMessages } from './messages.ts';

/** Signing in, and enrolling a second factor (required for some roles, optional for the rest). */
export const sessionModule: WebModule<typeof sessionMessages> = {
  name: 'session',
  messages: [sessionMessages],
  routes: [
    { path: '/sign-in', access: 'public', preload: true, load: () => import('./SignInPage.tsx').then((m) => m.SignInPage) },
    {
      path: '/mfa-enrolment',
      access: 'mfa-enrolment',
      load: () => import('./MfaEnrolmentPage.tsx').then((m) => m.RequiredMfaEnrolmentPage),
    },
    { path: '/account/second-factor', load: () => import('./MfaEnrolmentPage.tsx').then((m) => m.MfaEnrolmentPage) },
  ],
};
