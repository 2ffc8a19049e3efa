import { Type, type Static } from 'typebox';
import { AUDIT_ACTIONS } from '../../lib/audit/audit.ts';
import { Instant, ListQuery, Nullable, Uuid } from '../../lib/http/schemas.ts';

export const AuditEventSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  occurredAt: Type.String({ format: 'date-time' }),
  action: Type.Enum(AUDIT_ACTIONS),
  actorUserId: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  actorApiKeyId: Nullable(Type.String()),
  recordType: Nullable(Type.String()),
  recordId: Nullable(Type.String()),
  recordName: Nullable(Type.String({ description: 'The staff member or program the row is about, by name' })),
  patientId: Nullable(Type.String()),
  patientName: Nullable(Type.String({ description: 'The patient the row is about, as staff call them' })),
  requestId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
  sealed: Type.Boolean({ description: 'Whether the row is already in the hash chain' }),
});

/** The filters of the trail (the list and its export); from/to are instants: the web app sends the organization's day boundaries. */
export const AuditFilters = Type.Object({
  action: Type.Optional(Type.Enum(AUDIT_ACTIONS)),
  actorUserId: Type.Optional(Uuid),
  recordType: Type.Optional(Type.String({ maxLength: 50 })),
  recordId: Type.Optional(Uuid),
  patientId: Type.Optional(Uuid),
  from: Type.Optional(Instant),
  to: Type.Optional(Instant),
});
export type AuditFilters = Static<typeof AuditFilters>;

export const AuditQuery = Type.Object({ ...AuditFilters.properties, ...ListQuery });
export type AuditQuery = Static<typeof AuditQuery>;

export const StaffNameSchema = Type.Object({ id: Uuid, name: Type.String(), active: Type.Boolean() });

export const PatientLookupQuery = Type.Object(
  { name: Type.String({ minLength: 2, maxLength: 100, pattern: '\\S', description: 'Part of the name' }) },
  { additionalProperties: false },
);
export type PatientLookupQuery = Static<typeof PatientLookupQuery>;

export const PatientLookupItem = Type.Object({
  id: Uuid,
  name: Type.String({ description: 'As staff call them (preferred first name)' }),
  legalName: Type.String(),
});
