import { Type, type Static } from 'typebox';
import { ListQuery, Nullable, Text, Uuid, Version } from '../../lib/http/schemas.ts';
import { Email, Locale, Password, PersonName } from '../setup/schemas.ts';
import { INTEGRATION_ROLES, USER_KINDS } from '../../codes.ts';
import { RoleSchema, USER_STATUSES, UserSchema } from './presenter.ts';

const Roles = Type.Array(RoleSchema, { minItems: 1, uniqueItems: true });
const ProgramIds = Type.Array(Uuid, { uniqueItems: true, maxItems: 100 });
/** A licence or certification ("LCSW", "CADC-II"): each contact copies it, for billing (docs/contacts.md). */
const Credential = Nullable(Text(40, { description: 'A licence or certification, e.g. LCSW; copied onto each contact for billing' }));

export const UserListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Part of a name or email' })),
  status: Type.Optional(Type.Enum(USER_STATUSES)),
  role: Type.Optional(RoleSchema),
  kind: Type.Optional(Type.Enum(USER_KINDS)),
  ...ListQuery,
});
export type UserListQuery = Static<typeof UserListQuery>;

export const CreateUserBody = Type.Object(
  {
    email: Email,
    displayName: PersonName,
    roles: Roles,
    programIds: Type.Optional(ProgramIds),
    locale: Type.Optional(Locale),
    credential: Type.Optional(Credential),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

/** An integration account: what API keys act as. Clinical roles that never need a second factor only. */
export const CreateIntegrationBody = Type.Object(
  {
    displayName: PersonName,
    roles: Type.Array(Type.Enum(INTEGRATION_ROLES), { minItems: 1, uniqueItems: true }),
    programIds: Type.Optional(ProgramIds),
  },
  { additionalProperties: false },
);
export type CreateIntegrationBody = Static<typeof CreateIntegrationBody>;

export const UpdateUserBody = Type.Object(
  {
    version: Type.Optional(Version),
    displayName: Type.Optional(PersonName),
    roles: Type.Optional(Roles),
    programIds: Type.Optional(ProgramIds),
    credential: Type.Optional(Credential),
  },
  { additionalProperties: false },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const VersionBody = Type.Object({ version: Type.Optional(Version) }, { additionalProperties: false });

export const Invitation = Type.Object({ invitationUrl: Type.String(), invitationExpiresAt: Type.String({ format: 'date-time' }) });
export const CreatedUser = Type.Object({ user: UserSchema, ...Invitation.properties });

// Any text: a link cut short in a text message is answered like an expired one (404), not a 400.
export const InvitationParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) });
export const InvitationView = Type.Object({
  email: Type.String(),
  displayName: Type.String(),
  organizationName: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  purpose: Type.Enum(['invitation', 'reset'] as const, { description: 'A first invitation, or a new password for an existing account' }),
});
export const AcceptInvitationBody = Type.Object({ password: Password }, { additionalProperties: false });
