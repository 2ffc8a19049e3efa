import { fieldError } from './errors.ts';

export function assertTimeZone(timeZone: string, path: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw fieldError(path, 'unknown-time-zone', 'is not a known time zone (use an IANA name such as America/Chicago)');
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
