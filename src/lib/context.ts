import type { Role } from './access.ts';

/** Who is acting: a signed-in person, or an integration account through one of its API keys. */
export interface Actor {
  userId: string;
  organizationId: string;
  /** The organization's time zone: "today" and "due" are computed in it. */
  timeZone: string;
  /** Null for an integration account, which has no email. */
  email: string | null;
  displayName: string;
  roles: Role[];
  locale: string;
  sessionId: string | null;
  apiKeyId: string | null;
  /** Who created the API key in use: every audit row the key writes names them (docs/security.md). */
  apiKeyCreatedBy: string | null;
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
