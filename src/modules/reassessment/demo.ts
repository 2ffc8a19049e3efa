import type { SeedDemo } from '../../cli/demo-world.ts';
import { newId } from '../../lib/ids.ts';
import { builtInInstruments } from '../instruments/catalogue.ts';
import { score } from '../instruments/scoring.ts';
import type { ScheduleRule } from './due.ts';

// What a typical outpatient program asks for; the first program also repeats the GAD-7.
const RULES: ScheduleRule[] = [
  { instrumentKey: 'phq-9', when: 'intake', graceDays: 7 },
  { instrumentKey: 'gad-7', when: 'intake', graceDays: 7 },
  { instrumentKey: 'phq-9', when: 'every', phase: 'primary-treatment', everyDays: 30, graceDays: 7 },
  { instrumentKey: 'barc-10', when: 'every', phase: 'continuing-care', everyDays: 90, graceDays: 14 },
  { instrumentKey: 'barc-10', when: 'discharge', graceDays: 14 },
];

/**
 * A reassessment schedule for every demo program, and a PHQ-9 three weeks into each episode
 * old enough for one (between the intake screen and the six-week one the assessments module
 * gives), so that patients' charts show a trend of three points. Some episodes are left
 * without it, so the episode screens show overdue reassessments too.
 */
export const seedDemo: SeedDemo = async (world) => {
  const { tx, organizationId, random } = world;
  for (const [index, program] of world.programs.entries()) {
    const rules =
      index === 0 ? [...RULES, { instrumentKey: 'gad-7', when: 'every', phase: 'primary-treatment', everyDays: 60 } as const] : RULES;
    await tx
      .insertInto('reassessmentSchedules')
      .values({ programId: program.id, organizationId, rules: JSON.stringify(rules), updatedBy: program.staffIds[0] ?? world.staff[0]!.id })
      .execute();
    await world.audit({ action: 'create', recordType: 'reassessment-schedule', recordId: program.id, details: { via: 'demo' } });
  }
  const phq9 = builtInInstruments.get('phq-9')!;
  const episodes = await tx
    .selectFrom('episodes')
    .innerJoin('careTeamMembers as m', (join) => join.onRef('m.episodeId', '=', 'episodes.id').on('m.role', '=', 'primary-case-manager'))
    .select(['episodes.id', 'episodes.patientId', 'episodes.openedOn', 'm.userId'])
    .where('episodes.organizationId', '=', organizationId)
    .execute();
  let added = 0;
  for (const episode of episodes) {
    const at = new Date(`${episode.openedOn}T16:00:00Z`);
    at.setUTCDate(at.getUTCDate() + 21);
    if (at > world.today || random() < 0.25) continue;
    // Improving for most: answers mostly 0–1, question 9 always 0 (no crisis in the demo).
    const answers = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [String(i + 1), i === 8 ? 0 : Math.floor(random() * 2.4)]));
    const result = { key: phq9.key, version: phq9.version, ...score(phq9, answers) };
    const id = newId();
    await tx
      .insertInto('assessments')
      .values({
        id,
        organizationId,
        patientId: episode.patientId,
        episodeId: episode.id,
        instrumentKey: phq9.key,
        instrumentVersion: phq9.version,
        mode: 'in-person',
        status: 'completed',
        answers: JSON.stringify(answers),
        result: JSON.stringify(result),
        administeredBy: episode.userId ?? world.staff[0]!.id,
        startedAt: at,
        completedAt: new Date(at.getTime() + 5 * 60_000),
      })
      .execute();
    await world.audit({ action: 'create', recordType: 'assessment', recordId: id, patientId: episode.patientId, details: { via: 'demo' } });
    added += 1;
  }
  return `${world.programs.length} reassessment schedules; ${added} three-week PHQ-9s (charts show a trend)`;
};
