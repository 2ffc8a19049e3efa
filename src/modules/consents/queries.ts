import { sql } from 'kysely';
import type { Executor } from '../../lib/audit/audit.ts';

/** A patient's consents with the patient's and the recorder's names, newest signature first. */
export function patientConsentsQuery(executor: Executor, patientId: string) {
  return executor
    .selectFrom('consents as c')
    .innerJoin('patients as p', 'p.id', 'c.patientId')
    .innerJoin('users as u', 'u.id', 'c.recordedBy')
    .selectAll('c')
    .select([sql<string>`p.legal_first_name || ' ' || p.legal_last_name`.as('patientName'), 'u.displayName as recordedByName'])
    .where('c.patientId', '=', patientId)
    .orderBy('c.signedOn', 'desc')
    .orderBy('c.createdAt', 'desc');
}

/** A patient's disclosures since a day, newest first, with who made each. */
export function patientDisclosuresQuery(executor: Executor, patientId: string, since: Date) {
  return executor
    .selectFrom('disclosures as d')
    .innerJoin('users as u', 'u.id', 'd.disclosedBy')
    .selectAll('d')
    .select('u.displayName as disclosedByName')
    .where('d.patientId', '=', patientId)
    .where('d.disclosedAt', '>=', since)
    .orderBy('d.disclosedAt', 'desc')
    .orderBy('d.id');
}
