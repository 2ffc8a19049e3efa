import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { fieldError, notFound, staleVersion } from '../errors.ts';

/**
 * Optimistic concurrency. The version a client read comes as `If-Match: "<n>"` or as
 * `version` in the body; the service compares it with the row it locked FOR UPDATE.
 */
export function versionFrom(request: FastifyRequest, bodyVersion: number | undefined): number {
  const header = request.headers['if-match'];
  if (typeof header === 'string' && header.trim() !== '') {
    const match = /^"?(\d+)"?$/.exec(header.trim());
    if (!match?.[1]) throw fieldError('/headers/if-match', 'invalid', 'must be the record version in quotes, e.g. "3"');
    return Number(match[1]);
  }
  if (bodyVersion === undefined) throw fieldError('/version', 'required', 'is required: send the version you read (or If-Match)');
  return bodyVersion;
}

export function checkVersion<T extends { version: number }>(current: T | undefined, expected: number): T {
  if (!current) throw notFound();
  if (current.version !== expected) throw staleVersion(current.version);
  return current;
}

/** The columns every edit of a versioned record also sets. */
export function nextVersion() {
  return { version: sql<number>`version + 1`, updatedAt: sql<Date>`now()` };
}
