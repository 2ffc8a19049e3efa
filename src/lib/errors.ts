/**
 * RFC 9457 problem documents. Services throw `Problem`; the HTTP layer renders it.
 * Types are relative URIs under /api/problems/ (docs/api.md lists them).
 *
 * Every problem and every field error carries a machine-readable `code` (kebab-case) with
 * its `params`: clients translate those, and the English `detail`/`message` is for API users
 * and operators only. Generic field codes are declared in http/field-codes.ts; a module
 * declares its own in `src/modules/<module>/problems.ts` (src/lib/problem-codes.test.ts holds
 * every call site to a declared code).
 */
import type { AuditEntry } from './audit/audit.ts';

export type ProblemParams = Readonly<Record<string, string | number>>;

export interface FieldError {
  path: string;
  message: string;
  code: string;
  params?: ProblemParams;
}

export type ProblemType =
  | 'validation'
  | 'not-found'
  | 'unauthenticated'
  | 'invalid-credentials'
  | 'mfa-required'
  | 'mfa-enrolment-required'
  | 'invalid-totp'
  | 'account-locked'
  | 'forbidden'
  | 'csrf'
  | 'conflict'
  | 'stale-version'
  | 'rule-violation'
  | 'possible-duplicate'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'rate-limited'
  | 'unavailable'
  | 'internal';

interface ProblemOptions {
  /** The specific code; defaults to the problem type. */
  code?: string;
  params?: ProblemParams;
  errors?: FieldError[];
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export class Problem extends Error {
  readonly status: number;
  readonly type: ProblemType;
  readonly title: string;
  readonly code: string;
  readonly params: ProblemParams | undefined;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(status: number, type: ProblemType, title: string, detail?: string, options: ProblemOptions = {}) {
    super(detail ?? title);
    this.status = status;
    this.type = type;
    this.title = title;
    this.code = options.code ?? type;
    this.params = options.params;
    this.errors = options.errors;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }

  toJSON(): Record<string, unknown> {
    return {
      type: problemTypeUri(this.type),
      title: this.title,
      status: this.status,
      detail: this.message,
      code: this.code,
      ...(this.params ? { params: this.params } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extensions,
    };
  }
}

function problemTypeUri(type: ProblemType): string {
  return `/api/problems/${type}`;
}

/** One field's problem: where, which code, in English, with the values the message names. */
export function fieldProblem(path: string, code: string, message: string, params?: ProblemParams): FieldError {
  return { path, message, code, ...(params ? { params } : {}) };
}

export const badRequest = (detail: string, errors: FieldError[]) =>
  new Problem(400, 'validation', 'The request is not valid', detail, { errors });

/** A 400 naming one field. */
export const fieldError = (path: string, code: string, message: string, params?: ProblemParams) =>
  badRequest(`${path}: ${message}`, [fieldProblem(path, code, message, params)]);

/** One wording for anything the caller may not see or that does not exist: nothing to tell apart. */
export const notFound = () => new Problem(404, 'not-found', 'Not found', 'No such record.');

export const forbidden = (code = 'forbidden', detail = 'You may not do this.') =>
  new Problem(403, 'forbidden', 'Forbidden', detail, { code });

interface RuleOptions {
  params?: ProblemParams;
  errors?: FieldError[];
  extensions?: Record<string, unknown>;
}

/** 409: an illegal state transition or a duplicate. */
export const conflict = (code: string, detail: string, options: RuleOptions = {}) =>
  new Problem(409, 'conflict', 'Conflict', detail, { code, ...options });

/** 422: well-formed but against a rule. */
export const ruleViolation = (code: string, detail: string, options: RuleOptions = {}) =>
  new Problem(422, 'rule-violation', 'This breaks a rule', detail, { code, ...options });

export const staleVersion = (currentVersion: number) =>
  new Problem(409, 'stale-version', 'The record was changed by someone else', 'Reload the record and apply your change again.', {
    extensions: { currentVersion },
  });

/**
 * A refusal whose record must outlive the refused work: the transaction wrapper rolls the work
 * back to its savepoint, writes these audit entries on the same connection, commits, and then
 * answers `problem` (src/lib/audit/audit.ts). Used for access denials and for conflicts that
 * reveal something (a duplicate check).
 */
export class AuditedRefusal extends Error {
  readonly problem: Problem;
  readonly entries: readonly AuditEntry[];

  constructor(problem: Problem, entries: readonly AuditEntry[]) {
    super(problem.message);
    this.problem = problem;
    this.entries = entries;
  }
}
