import type { SessionEndReason, SessionStage } from './lib/auth/sessions.ts';
import { AUDIT_ACTIONS, CASE_MANAGEMENT_MODELS, LOCALES, ROLES, USER_KINDS, USER_STATUSES } from './codes.ts';

// Sessions' codes exist only as TypeScript unions (src/lib/auth/sessions.ts); until they are
// declared as lists there, these stand in, and the type check holds them equal to the unions.
const SESSION_STAGES = ['mfa-enrolment', 'active'] as const;
const SESSION_END_REASONS = ['sign-out', 'ended-by-user', 'password-changed', 'deactivated', 'rotated', 'mfa-reset'] as const;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _stagesAreTheUnion: Same<(typeof SESSION_STAGES)[number], SessionStage> = true;
const _endReasonsAreTheUnion: Same<(typeof SESSION_END_REASONS)[number], SessionEndReason> = true;

/**
 * Which declared list each coded database column holds (`table.column` → codes), for
 * src/codes.test.ts, which compares them both ways with the CHECK constraints it reads from the
 * catalogue. These are the foundation's columns; a module maps its own in `src/modules/<m>/codes.ts`
 * as `export const CHECKED_COLUMNS = { 'table.column': LIST }`, which the test finds by itself.
 */
export const CHECKED_COLUMNS: Record<string, readonly string[]> = {
  'organizations.default_locale': LOCALES,
  'programs.case_management_model': CASE_MANAGEMENT_MODELS,
  'users.roles': ROLES,
  'users.status': USER_STATUSES,
  'users.kind': USER_KINDS,
  'users.locale': LOCALES,
  'sessions.stage': SESSION_STAGES,
  'sessions.end_reason': SESSION_END_REASONS,
  'audit_events.action': AUDIT_ACTIONS,
};
