// The one API client of the web app: openapi-fetch typed by schema.d.ts. It sends the
// session cookie, the CSRF token on every state-changing request (shared/API.md "Who is
// calling") and the user's language, and turns error answers into ApiError.
import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, networkProblemType, parseRetryAfter, toProblem } from './problem.ts';
import type { paths } from './schema';

let csrfToken: string | null = null;
let requestLocale = 'en';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setRequestLocale(locale: string): void {
  requestLocale = locale;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

const sessionHeaders: Middleware = {
  onRequest({ request }) {
    if (!safeMethods.has(request.method) && csrfToken !== null) {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    request.headers.set('Accept-Language', requestLocale);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(sessionHeaders);

interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}
/** The success member's data of openapi-fetch's result union. */
type DataOf<R> = R extends { data: infer D; error?: never } ? D : never;

/** Awaits an openapi-fetch call: its data when the answer is 2xx, else throws ApiError. */
export async function unwrap<R extends FetchResult>(request: Promise<R>): Promise<DataOf<R>> {
  let result: R;
  try {
    result = await request;
  } catch {
    throw new ApiError({ type: networkProblemType, title: 'Network error', status: 0 });
  }
  const { response } = result;
  if (response.ok) return result.data as DataOf<R>;
  const problem = toProblem(response.status, response.statusText, result.error);
  throw new ApiError(problem, parseRetryAfter(response.headers.get('Retry-After')) ?? problem.retryAfterSeconds ?? null);
}
