import { Type, type Static } from 'typebox';
import { MAX_PASSWORD_LENGTH } from '../../lib/auth/passwords.ts';
import { Email, Locale, Password, PersonName } from '../setup/schemas.ts';
import { UserSchema } from '../staff/presenter.ts';

const Totp = Type.String({ pattern: '^[0-9]{6}$', description: 'The 6-digit code from the authenticator app' });

export const SignInBody = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }), totp: Type.Optional(Totp) },
  { additionalProperties: false },
);
export type SignInBody = Static<typeof SignInBody>;

export const SessionView = Type.Object({
  user: UserSchema,
  organization: Type.Object({ id: Type.String(), name: Type.String(), timeZone: Type.String(), defaultLocale: Locale }),
  csrfToken: Type.Union([Type.String(), Type.Null()], {
    description: 'Send as X-CSRF-Token on every state-changing request; null for API keys',
  }),
  stage: Type.Union([Type.Literal('active'), Type.Literal('mfa-enrolment')]),
  idleTimeoutMinutes: Type.Integer(),
});
export type SessionView = Static<typeof SessionView>;

export const MfaEnrolment = Type.Object({ secret: Type.String(), otpauthUri: Type.String() });
export const MfaConfirmBody = Type.Object({ totp: Totp }, { additionalProperties: false });

export const OpenSession = Type.Object({
  id: Type.String({ format: 'uuid' }),
  current: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
});

export const MeBody = Type.Object(
  { locale: Type.Optional(Locale), displayName: Type.Optional(PersonName) },
  { additionalProperties: false, minProperties: 1 },
);
export type MeBody = Static<typeof MeBody>;

export const PasswordChangeBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }), newPassword: Password },
  { additionalProperties: false },
);
export type PasswordChangeBody = Static<typeof PasswordChangeBody>;
