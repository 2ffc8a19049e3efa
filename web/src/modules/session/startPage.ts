// Where signing in lands when the user was not on their way somewhere: a case manager (or
// other staff who carry a caseload) starts from Today — tasks due, people to contact, notes to
// sign — everyone else from Home.
import type { Role } from '../../api/types.ts';

const CARRY_A_CASELOAD: readonly Role[] = [
  'case-manager',
  'nurse-care-manager',
  'community-health-worker',
  'peer-recovery-specialist',
  'counselor',
];

export function startPage(roles: readonly Role[]): string {
  return roles.includes('admin') || !roles.some((role) => CARRY_A_CASELOAD.includes(role)) ? '/' : '/today';
}
