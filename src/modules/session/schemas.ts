import { Type, type Static } from 'typebox';
import { MAX_PASSWORD_LENGTH } from '../../lib/auth/passwords.ts';
import { Email, Locale, Password, PersonName } from '../setup/schemas.ts';
import { UserSchema } from '../staff/presenter.ts';

const Totp = Type.String({ pattern: '^[0-9]{6}$', description: 'The 6-digit code from the authenticator app' });

const RecoveryCode = Type.String({
  minLength: 16,
  maxLength: 40,
  pattern: '^[A-Za-z2-7 -]+$',
  description: 'One of the recovery codes given at enrolment (xxxx-xxxx-xxxx-xxxx), instead of a TOTP code; each works once',
});

export const SignInBody = Type.Object(
  {
    email: Email,
    password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
    totp: Type.Optional(Totp),
    recoveryCode: Type.Optional(RecoveryCode),
    organizationId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'Only when the answer was 409 choose-organization: one of the organizations it listed',
      }),
    ),
  },
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
  security: Type.Object({
    previousSignInAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    eventsSincePreviousSignIn: Type.Integer({
      description:
        'Security events on this account since the sign-in before this one (GET /api/me/security-events): show a notice when above 0',
    }),
    recoveryCodesLeft: Type.Integer({ description: 'Unused MFA recovery codes (0 without a second factor)' }),
    mfaRequired: Type.Boolean({ description: 'This account must have a second factor (its roles, or the organization requires it)' }),
  }),
});
export type SessionView = Static<typeof SessionView>;

export const MfaEnrolment = Type.Object({ secret: Type.String(), otpauthUri: Type.String() });
/** Only when replacing a second factor: the current password and a code from the current authenticator. */
export const MfaStartBody = Type.Object(
  {
    currentPassword: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH })),
    totp: Type.Optional(Totp),
  },
  { additionalProperties: false },
);
export type MfaStartBody = Static<typeof MfaStartBody>;
export const MfaConfirmBody = Type.Object({ totp: Totp }, { additionalProperties: false });
const RecoveryCodes = Type.Array(Type.String(), {
  description: 'Ten one-time codes, shown only now: the person keeps them somewhere safe',
});
export const MfaConfirmed = Type.Object({ ...SessionView.properties, recoveryCodes: RecoveryCodes });
export const RecoveryCodesBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }) },
  { additionalProperties: false },
);
export const NewRecoveryCodes = Type.Object({ recoveryCodes: RecoveryCodes });

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
