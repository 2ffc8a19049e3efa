import { Type, type Static } from 'typebox';
import type { OrganizationRow } from '../../db/schema.ts';
import { Version } from '../../lib/http/schemas.ts';
import { Locale, TimeZone } from '../setup/schemas.ts';

export const OrganizationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  timeZone: Type.String(),
  defaultLocale: Locale,
  mfaRequiredForAll: Type.Boolean({
    description: 'Every staff member must set up a second factor, not only admins, supervisors and privacy officers',
  }),
  emergencyAccessHours: Type.Integer({
    minimum: 1,
    maximum: 24,
    description: 'How long a break-the-glass emergency access lasts, in hours',
  }),
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const UpdateOrganizationBody = Type.Object(
  {
    version: Type.Optional(Version),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    timeZone: Type.Optional(TimeZone),
    defaultLocale: Type.Optional(Locale),
    mfaRequiredForAll: Type.Optional(Type.Boolean()),
    emergencyAccessHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 })),
  },
  { additionalProperties: false },
);
export type UpdateOrganizationBody = Static<typeof UpdateOrganizationBody>;

export function presentOrganization(row: OrganizationRow): Static<typeof OrganizationSchema> {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    defaultLocale: row.defaultLocale,
    mfaRequiredForAll: row.mfaRequiredForAll,
    emergencyAccessHours: row.emergencyAccessHours,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
