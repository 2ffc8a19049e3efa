/**
 * RFC 9457 problem documents. Services throw `Problem`; the HTTP layer renders it.
 * Types are relative URIs under /api/problems/ (docs/api.md lists them).
 */
export interface FieldError {
  path: string;
  message: string;
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

export class Problem extends Error {
  readonly status: number;
  readonly type: ProblemType;
  readonly title: string;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    type: ProblemType,
    title: string,
    detail?: string,
    options: { errors?: FieldError[]; extensions?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? title);
    this.status = status;
    this.type = type;
    this.title = title;
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
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extensions,
    };
  }
}

export function problemTypeUri(type: ProblemType): string {
  return `/api/problems/${type}`;
}

export const badRequest = (detail: string, errors: FieldError[]) =>
  new Problem(400, 'validation', 'The request is not valid', detail, { errors });

export const fieldError = (path: string, message: string) => badRequest(message, [{ path, message }]);

export const notFound = (what = 'record') => new Problem(404, 'not-found', 'Not found', `No such ${what}.`);

export const forbidden = (detail = 'You may not do this.') => new Problem(403, 'forbidden', 'Forbidden', detail);

export const conflict = (detail: string, errors?: FieldError[]) =>
  new Problem(409, 'conflict', 'Conflict', detail, errors ? { errors } : {});

export const ruleViolation = (detail: string, errors?: FieldError[]) =>
  new Problem(422, 'rule-violation', 'This breaks a rule', detail, errors ? { errors } : {});

export const staleVersion = (currentVersion: number) =>
  new Problem(409, 'stale-version', 'The record was changed by someone else', 'Reload the record and apply your change again.', {
    extensions: { currentVersion },
  });
