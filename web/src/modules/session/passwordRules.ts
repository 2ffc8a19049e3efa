// The password rules the server enforces, checked before sending so the message appears
// next to the field at once. Pure, so node:test covers it.

/** The server's minimum (docs: 12 characters); length beats complexity rules (NIST SP 800-63B). */
export const minimumPasswordLength = 12;

export type PasswordProblem = 'required' | 'tooShort' | 'mismatch';

export function newPasswordProblems(
  password: string,
  confirmation: string,
): { password?: PasswordProblem; confirmation?: PasswordProblem } {
  const problems: { password?: PasswordProblem; confirmation?: PasswordProblem } = {};
  if (password === '') problems.password = 'required';
  else if ([...password].length < minimumPasswordLength) problems.password = 'tooShort';
  if (confirmation === '') problems.confirmation = 'required';
  else if (confirmation !== password) problems.confirmation = 'mismatch';
  return problems;
}

/** Authenticator codes are 6 digits (RFC 6238 as the server uses it); people type spaces. */
export function normalizeTotp(code: string): string {
  return code.replace(/[\s-]/g, '');
}

export function isTotpShaped(code: string): boolean {
  return /^\d{6}$/.test(normalizeTotp(code));
}
