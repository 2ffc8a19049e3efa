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

export const AuditQuery = Type.Object({
  action: Type.Optional(Type.Enum(AUDIT_ACTIONS)),
  actorUserId: Type.Optional(Uuid),
  recordType: Type.Optional(Type.String({ maxLength: 50 })),
  recordId: Type.Optional(Uuid),
  patientId: Type.Optional(Uuid),
  from: Type.Optional(Instant),
  to: Type.Optional(Instant),
  ...ListQuery,
});
export type AuditQuery = Static<typeof AuditQuery>;
