import type { SeedDemo } from '../../cli/demo-world.ts';
import { newId } from '../../lib/ids.ts';
import { LEVELS_OF_CARE } from '../episodes/codes.ts';

const NOTES = [
  'No signs of withdrawal at the visit; last use four days ago.',
  'Blood pressure followed by primary care; no acute concern.',
  'Low mood most days; sees a therapist every other week.',
  'Wants to cut down; unsure about stopping completely.',
  'Two returns to use this year, both after work stress.',
  'Stays with a sister; one friend in recovery to call.',
];

/**
 * An ASAM review behind most demo placements at an ASAM level: the six dimensions rated, the
 * level indicated, available and chosen (the placement's own). About one in four had to take a
 * lower level than indicated (no bed yet), with the reason; the placement cites its review.
 */
export const seedDemo: SeedDemo = async (world) => {
  const { tx, organizationId, random } = world;
  const placements = await tx
    .selectFrom('placements')
    .innerJoin('careTeamMembers as m', (join) =>
      join.onRef('m.episodeId', '=', 'placements.episodeId').on('m.role', '=', 'primary-case-manager'),
    )
    .select([
      'placements.id',
      'placements.episodeId',
      'placements.patientId',
      'placements.levelEdition',
      'placements.levelCode',
      'placements.startDate',
      'm.userId',
    ])
    .where('placements.organizationId', '=', organizationId)
    .where('placements.levelEdition', '!=', 'other')
    .execute();
  let reviews = 0;
  let differing = 0;
  for (const placement of placements) {
    if (random() < 0.2) continue;
    const edition = placement.levelEdition === 'asam-4' ? 'asam-4' : 'asam-3';
    const codes: readonly string[] = LEVELS_OF_CARE[edition];
    const chosen = placement.levelCode;
    const higher = codes[codes.indexOf(chosen) + 1];
    const differs = higher !== undefined && !higher.endsWith('-wm') && !['otp', 'obot'].includes(higher) && random() < 0.25;
    const indicated = differs ? higher : chosen;
    const at = new Date(`${placement.startDate}T14:00:00Z`);
    at.setUTCDate(at.getUTCDate() - 1);
    const dimensions = Object.fromEntries(
      NOTES.map((notes, index) => [
        String(index + 1),
        { rating: Math.min(4, Math.floor(random() * 4)), notes: random() < 0.6 ? notes : null },
      ]),
    );
    const id = newId();
    await tx
      .insertInto('asamReviews')
      .values({
        id,
        organizationId,
        patientId: placement.patientId,
        episodeId: placement.episodeId,
        edition,
        status: 'completed',
        dimensions: JSON.stringify(dimensions),
        indicatedLevel: indicated,
        availableLevel: chosen,
        chosenLevel: chosen,
        differenceReason: differs ? 'The level indicated has a waiting list; started at the level available meanwhile.' : null,
        reviewedBy: placement.userId ?? world.staff[0]!.id,
        startedAt: at,
        completedAt: new Date(at.getTime() + 40 * 60_000),
      })
      .execute();
    await tx.updateTable('placements').set({ asamReviewId: id }).where('id', '=', placement.id).execute();
    await world.audit({
      action: 'create',
      recordType: 'asam-review',
      recordId: id,
      patientId: placement.patientId,
      details: { via: 'demo' },
    });
    reviews += 1;
    if (differs) differing += 1;
  }
  return `${reviews} ASAM reviews (${differing} with a lower level than indicated), each cited by its placement`;
};
