import type { Executor } from './audit/audit.ts';

/** "Today" is the organization's date, not the server's (docs/api-conventions.md). */
export function todayIn(timeZone: string, at: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Today's date for an organization, in its own time zone. */
export async function organizationToday(executor: Executor, organizationId: string): Promise<string> {
  const organization = await executor
    .selectFrom('organizations')
    .select('timeZone')
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return todayIn(organization.timeZone);
}
