// RFC 9457 problem documents as the API sends them (docs/api.md "Problem types"), and how a
// form splits one into messages next to its fields and a message for the whole form.
// Pure: no DOM, no React, so node:test covers it.

/** What a code says about the problem (a date, a limit): strings and numbers only. */
type ProblemParams = Readonly<Record<string, string | number>>;

export interface FieldProblem {
  path: string;
  /** English, for API users and logs: the screen shows words for `code` instead. */
  message: string;
  /** A generic validation code (src/lib/http/field-codes.ts) or one a module declares. */
  code?: string;
  params?: ProblemParams;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  /** English, for API users and logs: the screen shows words for `code` instead. */
  detail?: string;
  /** The specific code (`placement-overlap`), or the type's last segment. */
  code?: string;
  params?: ProblemParams;
  errors?: FieldProblem[];
  currentVersion?: number;
  /** Sent with 429 account-locked, as is the Retry-After header. */
  retryAfterSeconds?: number;
  /** Sent with 409 choose-organization: the organizations whose account the password opened. */
  organizations?: { id: string; name: string }[];
}

/** A failed API call: the server's problem document, or a synthesized one (status 0 = no answer). */
export class ApiError extends Error {
  readonly problem: Problem;
  /** Seconds from the Retry-After header, when the server sent one. */
  readonly retryAfterSeconds: number | null;

  constructor(problem: Problem, retryAfterSeconds: number | null = null) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get status(): number {
    return this.problem.status;
  }

  /** The last segment of the problem type (`stale-version`, `account-locked`): what kind of failure, to act on. */
  get problemType(): string {
    return problemType(this.problem);
  }

  /** The specific code the server sent (`placement-overlap`), else the type's last segment. */
  get code(): string {
    return this.problem.code ?? this.problemType;
  }
}

export const networkProblemType = '/api/problems/network';

/** The last segment of the problem type: `/api/problems/stale-version` → `stale-version`. */
export function problemType(problem: Pick<Problem, 'type'>): string {
  const segments = problem.type.split('/').filter((segment) => segment !== '');
  return segments.at(-1) ?? '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Only string and number params: anything else a server might send is not interpolated. */
function params(value: unknown): ProblemParams | undefined {
  if (!isRecord(value)) return undefined;
  const kept: Record<string, string | number> = {};
  for (const [name, param] of Object.entries(value)) {
    if (typeof param === 'string' || (typeof param === 'number' && Number.isFinite(param))) kept[name] = param;
  }
  return kept;
}

function fieldProblems(value: unknown): FieldProblem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const problems: FieldProblem[] = [];
  for (const item of value) {
    if (isRecord(item) && typeof item.path === 'string' && typeof item.message === 'string') {
      const problem: FieldProblem = { path: item.path, message: item.message };
      if (typeof item.code === 'string') problem.code = item.code;
      const itemParams = params(item.params);
      if (itemParams !== undefined) problem.params = itemParams;
      problems.push(problem);
    }
  }
  return problems;
}

function organizationChoices(value: unknown): { id: string; name: string }[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((item) =>
    isRecord(item) && typeof item.id === 'string' && typeof item.name === 'string' ? [{ id: item.id, name: item.name }] : [],
  );
}

/** Reads whatever body an error answer carried; anything that is not a problem document becomes one. */
export function toProblem(status: number, statusText: string, body: unknown): Problem {
  if (isRecord(body) && typeof body.type === 'string' && typeof body.title === 'string') {
    const problem: Problem = {
      type: body.type,
      title: body.title,
      status: typeof body.status === 'number' ? body.status : status,
    };
    if (typeof body.detail === 'string') problem.detail = body.detail;
    if (typeof body.code === 'string') problem.code = body.code;
    const bodyParams = params(body.params);
    if (bodyParams !== undefined) problem.params = bodyParams;
    const errors = fieldProblems(body.errors);
    if (errors !== undefined) problem.errors = errors;
    if (typeof body.currentVersion === 'number') problem.currentVersion = body.currentVersion;
    if (typeof body.retryAfterSeconds === 'number') problem.retryAfterSeconds = body.retryAfterSeconds;
    const organizations = organizationChoices(body.organizations);
    if (organizations !== undefined) problem.organizations = organizations;
    return problem;
  }
  return { type: 'about:blank', title: statusText || `HTTP ${status}`, status };
}

/** `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now: Date = new Date()): number | null {
  if (header === null || header.trim() === '') return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.round((date - now.getTime()) / 1000));
}

/** JSON pointer `/email` → `email`; `/roles/0` → `roles`; `/address/city` → `address.city` unless `address` is a field. */
export function fieldNameFromPath(path: string, fields: readonly string[]): string | null {
  const segments = path
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
  const named = segments.filter((segment) => !/^\d+$/.test(segment));
  for (let length = named.length; length > 0; length -= 1) {
    const candidate = named.slice(0, length).join('.');
    if (fields.includes(candidate)) return candidate;
  }
  return null;
}

export interface SplitProblem<F extends string> {
  /** The first error for each field of the form the server named. */
  fieldErrors: Partial<Record<F, FieldProblem>>;
  /** Errors that belong to no field of this form, to explain in an alert. */
  formErrors: FieldProblem[];
}

/** Splits a problem's `errors` into those next to the form's fields and the rest. */
export function splitProblem<F extends string>(problem: Problem, fields: readonly F[]): SplitProblem<F> {
  const fieldErrors: Partial<Record<F, FieldProblem>> = {};
  const formErrors: FieldProblem[] = [];
  for (const error of problem.errors ?? []) {
    const name = fieldNameFromPath(error.path, fields);
    const field = fields.find((candidate) => candidate === name);
    if (field === undefined) formErrors.push(error);
    else fieldErrors[field] ??= error;
  }
  return { fieldErrors, formErrors };
}
