import type { SeedDemo } from '../../cli/demo-world.ts';
import { newId } from '../../lib/ids.ts';
import { builtInInstruments } from '../instruments/catalogue.ts';
import { score } from '../instruments/scoring.ts';

/**
 * A screening history for every demo episode: a PHQ-9 at intake and, for most, a second one
 * weeks later (improving, mostly), plus a GAD-7 — scored by the engine, as the app would.
 */
export const seedDemo: SeedDemo = async (world) => {
  const { tx, organizationId, random } = world;
  const phq9 = builtInInstruments.get('phq-9')!;
  const gad7 = builtInInstruments.get('gad-7')!;
  const episodes = await tx
    .selectFrom('episodes')
    .innerJoin('careTeamMembers as m', (join) => join.onRef('m.episodeId', '=', 'episodes.id').on('m.role', '=', 'primary-case-manager'))
    .select(['episodes.id', 'episodes.patientId', 'episodes.openedOn', 'm.userId'])
    .where('episodes.organizationId', '=', organizationId)
    .execute();
  let count = 0;
  for (const episode of episodes) {
    const opened = new Date(`${episode.openedOn}T15:00:00Z`);
    const severity = Math.floor(random() * 3); // 0 mild, 1 moderate, 2 severe at intake
    const visits = random() < 0.7 ? [0, 1] : [0];
    for (const visit of visits) {
      const at = new Date(opened.getTime() + visit * 42 * 86_400_000);
      if (at > world.today) continue;
      const level = Math.max(0, severity + 1 - visit * (random() < 0.8 ? 1 : 0));
      // Never a critical answer in the demo: question 9 stays at 0.
      const answers: Record<string, number> = Object.fromEntries(
        Array.from({ length: 9 }, (_, index) => [String(index + 1), index === 8 ? 0 : Math.min(3, Math.floor(random() * (level + 1.5)))]),
      );
      for (const [definition, values] of [
        [phq9, answers],
        [
          gad7,
          Object.fromEntries(
            Array.from({ length: 7 }, (_, index) => [String(index + 1), Math.min(3, Math.floor(random() * (level + 1.5)))]),
          ),
        ],
      ] as const) {
        const result = { key: definition.key, version: definition.version, ...score(definition, values) };
        const id = newId();
        await tx
          .insertInto('assessments')
          .values({
            id,
            organizationId,
            patientId: episode.patientId,
            episodeId: episode.id,
            instrumentKey: definition.key,
            instrumentVersion: definition.version,
            mode: random() < 0.3 ? 'phone' : 'in-person',
            status: 'completed',
            answers: JSON.stringify(values),
            result: JSON.stringify(result),
            administeredBy: episode.userId ?? world.staff[0]!.id,
            startedAt: at,
            completedAt: new Date(at.getTime() + 6 * 60_000),
          })
          .execute();
        await world.audit({
          action: 'create',
          recordType: 'assessment',
          recordId: id,
          patientId: episode.patientId,
          details: { via: 'demo' },
        });
        count += 1;
      }
    }
  }
  return `${count} completed screens (PHQ-9 and GAD-7)`;
};
