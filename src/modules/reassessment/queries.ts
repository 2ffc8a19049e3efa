import { sql } from 'kysely';
import type { Executor } from '../../lib/audit/audit.ts';

/**
 * A patient's completed scores with a total, per instrument, oldest first. Superseded ones are
 * left out: their correction is the score that stands. Served by assessments_patient.
 */
export function scoreHistoryQuery(executor: Executor, patientId: string) {
  return executor
    .selectFrom('assessments')
    .select([
      'id',
      'episodeId',
      'instrumentKey',
      'instrumentVersion',
      'completedAt',
      sql<number>`(result ->> 'total')::int`.as('total'),
      sql<string | null>`result ->> 'band'`.as('band'),
    ])
    .where('patientId', '=', patientId)
    .where('status', '=', 'completed')
    .where(sql<boolean>`result ->> 'total' IS NOT NULL`)
    .orderBy('instrumentKey')
    .orderBy('completedAt');
}
