// The coded values the UI offers as options, checked against the OpenAPI enums so that the
// two can never drift: a code added on the server fails the web typecheck until it is named.
import { CASE_MANAGEMENT_MODELS, LOCALES, ROLES, USER_STATUSES } from '../../../src/codes.ts';
import type { CaseManagementModel, Locale, Role, UserStatus } from './types.ts';

type Covers<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
type Assert<T extends true> = T;

// Declared once, in src/codes.ts, beside the API schemas and the database CHECKs.
export const roles = ROLES satisfies readonly Role[];
export type RolesCovered = Assert<Covers<Role, (typeof roles)[number]>>;

export const caseManagementModels = CASE_MANAGEMENT_MODELS satisfies readonly CaseManagementModel[];
export type CaseManagementModelsCovered = Assert<Covers<CaseManagementModel, (typeof caseManagementModels)[number]>>;

export const userStatuses = USER_STATUSES satisfies readonly UserStatus[];
export type UserStatusesCovered = Assert<Covers<UserStatus, (typeof userStatuses)[number]>>;

export const locales = LOCALES satisfies readonly Locale[];
export type LocalesCovered = Assert<Covers<Locale, (typeof locales)[number]>>;

export function isLocale(value: unknown): value is Locale {
  return locales.some((locale) => locale === value);
}
