import type { Role } from './access.ts';

/** Who is acting: a signed-in person, or an integration using that person's API key. */
export interface Actor {
  userId: string;
  organizationId: string;
  /** The organization's time zone: "today" and "due" are computed in it. */
  timeZone: string;
  email: string;
  displayName: string;
  roles: Role[];
  locale: string;
  sessionId: string | null;
  apiKeyId: string | null;
}

/** What every service call receives: the actor and where the request came from (for audit). */
export interface RequestContext {
  actor: Actor;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

/** Request metadata without an actor yet (sign-in, setup, invitations). */
export type RequestMeta = Omit<RequestContext, 'actor'>;
