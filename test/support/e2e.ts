// What the browser tests share: the JSON API over HTTP (to arrange data), a named step that
// leaves a screenshot and the page's console when it fails, and signing in through the page.
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { recordDiagnostics } from './browser.ts';

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
  /** The session cookie a sign-in sets (`name=value`), else empty. */
  cookie: string;
}

/** The server at `origin`: a JSON call, and signing in through its sign-in page. */
export function e2eServer(origin: string) {
  async function call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
    const response = await fetch(`${origin}${url}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    };
  }

  /** Signs in through the page, in either language, and waits for the page it lands on. */
  async function signIn(page: Page, person: { email: string; password: string }, submit: string, startHeading: string) {
    await page.goto(`${origin}/sign-in`);
    await page.getByLabel(/^(Email|Correo electrónico)$/).fill(person.email);
    await page.getByLabel(/^(Password|Contraseña)$/).fill(person.password);
    await page.getByRole('button', { name: submit }).click();
    await page.getByRole('heading', { level: 1, name: startHeading }).waitFor();
  }

  return { call, signIn };
}

/** One named step of a browser test: on failure, a full-page screenshot and the page's console. */
export async function step<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  const diagnostics = recordDiagnostics(page);
  try {
    return await work();
  } catch (error) {
    const file = path.join(os.tmpdir(), `bridgeway-e2e-${name.replace(/\W+/g, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    throw new Error(`${name} failed (screenshot: ${file}): ${(error as Error).message}\n${diagnostics.join('\n')}`);
  }
}
