import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { App } from '../../src/app.ts';
import { SESSION_COOKIE } from '../../src/lib/auth/sessions.ts';
import { hotp, base32Decode, timeStep } from '../../src/lib/auth/totp.ts';

/** The server refuses a code's time step once used; tests that sign in twice use the next step. */
const usedSteps = new Map<string, number>();
export function nextTotp(secret: string): string {
  const step = Math.max(timeStep(Date.now()), (usedSteps.get(secret) ?? -1) + 1);
  usedSteps.set(secret, step);
  return hotp(base32Decode(secret), step);
}

export interface Response<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
  raw: LightMyRequestResponse;
}

/**
 * A browser-like caller for `app.inject`: keeps the session cookie and sends the CSRF token
 * it was given, as the web app does. `withoutCsrf` and `bearer` let tests break the rules.
 */
export class TestClient {
  cookie: string | null = null;
  csrfToken: string | null = null;
  bearer: string | null = null;
  ip = '203.0.113.10';

  private readonly app: App;

  constructor(app: App) {
    this.app = app;
  }

  async request<T = Record<string, unknown>>(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    options: { headers?: Record<string, string>; withoutCsrf?: boolean } = {},
  ): Promise<Response<T>> {
    const headers: Record<string, string> = { 'user-agent': 'bridgeway-tests', ...options.headers };
    if (this.cookie) headers.cookie = `${SESSION_COOKIE}=${this.cookie}`;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    if (this.csrfToken && !options.withoutCsrf && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    const raw = await this.app.inject({
      method,
      url,
      headers,
      remoteAddress: this.ip,
      ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}),
    });
    const setCookie = raw.cookies.find((cookie) => cookie.name === SESSION_COOKIE);
    if (setCookie) this.cookie = setCookie.value || null;
    let parsed: unknown = null;
    if (raw.body && /json/.test(String(raw.headers['content-type']))) parsed = JSON.parse(raw.body);
    const result = parsed as { csrfToken?: string } | null;
    if (result && typeof result.csrfToken === 'string') this.csrfToken = result.csrfToken;
    return { status: raw.statusCode, body: parsed as T, headers: raw.headers, raw };
  }

  get<T = Record<string, unknown>>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = Record<string, unknown>>(url: string, body?: unknown, options?: { headers?: Record<string, string>; withoutCsrf?: boolean }) {
    return this.request<T>('POST', url, body ?? {}, options);
  }
  patch<T = Record<string, unknown>>(url: string, body: unknown, options?: { headers?: Record<string, string>; withoutCsrf?: boolean }) {
    return this.request<T>('PATCH', url, body, options);
  }
  delete<T = Record<string, unknown>>(url: string, options?: { headers?: Record<string, string>; withoutCsrf?: boolean }) {
    return this.request<T>('DELETE', url, undefined, options);
  }

  /** Signs in; with an MFA secret it sends the current code. Throws unless the answer is 200. */
  async signIn(email: string, password: string, mfaSecret?: string | null): Promise<Response> {
    const response = await this.post('/api/session', { email, password, ...(mfaSecret ? { totp: nextTotp(mfaSecret) } : {}) });
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  }
}

/** Signs a made user in and returns the client. */
export async function signedIn(
  app: App,
  made: { user: { email: string }; password: string; mfaSecret: string | null },
): Promise<TestClient> {
  const client = new TestClient(app);
  await client.signIn(made.user.email, made.password, made.mfaSecret);
  return client;
}
