import { Type, type Static } from 'typebox';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../lib/auth/passwords.ts';
import { LOCALES } from '../../codes.ts';

export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({
  minLength: MIN_PASSWORD_LENGTH,
  maxLength: MAX_PASSWORD_LENGTH,
  description: `At least ${MIN_PASSWORD_LENGTH} characters`,
});
export const PersonName = Type.String({ minLength: 1, maxLength: 200 });
export const Locale = Type.Enum(LOCALES);
export const TimeZone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. America/Chicago' });

export const SetupStatus = Type.Object({
  setupRequired: Type.Boolean(),
  setupCodeRequired: Type.Boolean({ description: 'The server is reachable from other machines: setup needs the code printed in its log' }),
});

export const SetupBody = Type.Object(
  {
    organizationName: Type.String({ minLength: 1, maxLength: 200 }),
    timeZone: TimeZone,
    adminName: PersonName,
    adminEmail: Email,
    adminPassword: Password,
    locale: Type.Optional(Locale),
    setupCode: Type.Optional(
      Type.String({ maxLength: 40, description: 'The one-time code in the server log; required when setupCodeRequired' }),
    ),
  },
  { additionalProperties: false },
);
export type SetupBody = Static<typeof SetupBody>;

export const SetupResult = Type.Object({
  organization: Type.Object({ id: Type.String(), name: Type.String() }),
  admin: Type.Object({ id: Type.String(), email: Type.String() }),
});
