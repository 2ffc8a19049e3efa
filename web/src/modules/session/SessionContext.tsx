import { createContext, use } from 'react';
import type { Role, Session } from '../../api/types.ts';

export const SessionContext = createContext<Session | null>(null);

/** The signed-in session; only for components under the auth guard. */
export function useSession(): Session {
  const session = use(SessionContext);
  if (session === null) throw new Error('useSession is only for pages behind the auth guard');
  return session;
}

export function hasAnyRole(session: Session, allowed: readonly Role[]): boolean {
  return session.user.roles.some((role) => allowed.includes(role));
}
