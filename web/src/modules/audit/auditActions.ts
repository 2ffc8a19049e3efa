// The audit actions the API records, in the order the filter offers them; checked against
// the OpenAPI enum so a new action on the server fails the web typecheck until it is named.
import type { AuditEvent } from '../../api/types.ts';

export type AuditAction = AuditEvent['action'];

type Covers<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
type Assert<T extends true> = T;

export const auditActions = [
  'read',
  'create',
  'update',
  'delete',
  'export',
  'sign-in',
  'sign-in-failure',
  'sign-out',
  'access-denied',
] as const satisfies readonly AuditAction[];
/** @public A compile-time check that the list names every code. */
export type AuditActionsCovered = Assert<Covers<AuditAction, (typeof auditActions)[number]>>;
