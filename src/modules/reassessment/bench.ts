import type { ModuleBench } from '../../../bench/world.ts';
import { scoreHistoryQuery } from './queries.ts';

/**
 * A schedule for every bench program (the assessments module's bench gives each patient ten
 * completed screens, PHQ-9 and GAD-7 alternating). Timed: a patient's score history, the read
 * behind the trend chart (ten points over two instruments, with their bands).
 */
export const bench: ModuleBench = {
  async generate(client, { organizationId, programIds, supervisorIds }) {
    const rules = JSON.stringify([
      { instrumentKey: 'phq-9', when: 'intake' },
      { instrumentKey: 'phq-9', when: 'every', phase: 'primary-treatment', everyDays: 30 },
      { instrumentKey: 'barc-10', when: 'discharge' },
    ]);
    for (const [index, programId] of programIds.entries()) {
      await client.query('INSERT INTO reassessment_schedules (program_id, organization_id, rules, updated_by) VALUES ($1, $2, $3, $4)', [
        programId,
        organizationId,
        rules,
        supervisorIds[index] ?? supervisorIds[0],
      ]);
    }
  },
  scenarios: ({ db, caseManager, myPatients, raw, expect200 }) => {
    const patientOf = (i: number) => myPatients[i % myPatients.length] ?? '';
    return [
      {
        name: 'patient score history (10 points, 2 instruments)',
        app: (i) => expect200(caseManager.get(`/api/patients/${patientOf(i)}/score-history`)),
        sql: (i) => raw(scoreHistoryQuery(db, patientOf(i))),
        plan: scoreHistoryQuery(db, patientOf(0)),
      },
    ];
  },
};
