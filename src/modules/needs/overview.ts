import { sql } from 'kysely';
import type { Static } from 'typebox';
import type { Executor } from '../../lib/audit/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { episodeVisibleTo, todayOf } from '../patients/access.ts';
import type { OverviewSection } from '../../lib/modules.ts';
import { presentStrength } from './presenter.ts';
import { NeedsOverviewSchema } from './schemas.ts';
import { patientStrengthsQuery } from './strengths.ts';

/** The patient overview's part: open needs in open episodes (most urgent first), how many wait as proposals, and the strengths. */
async function loadOverview(executor: Executor, ctx: RequestContext, patientId: string): Promise<Static<typeof NeedsOverviewSchema>> {
  const needs = await executor
    .selectFrom('needs as n')
    .innerJoin('episodes as e', 'e.id', 'n.episodeId')
    .select(['n.domain', 'n.urgency', 'n.status'])
    .where('n.patientId', '=', patientId)
    .where('e.closedOn', 'is', null)
    // A literal, not a parameter: the read is a named statement (getPatient), and a generic plan
    // may use the partial index needs_patient only if the predicate is visibly its own.
    .where('n.status', '<>', sql.lit('dismissed'))
    .where(episodeVisibleTo(ctx.actor, todayOf(ctx.actor), 'e.id'))
    .execute();
  const rank = { urgent: 0, soon: 1, routine: 2 } as const;
  const open = needs
    .filter((need) => need.status === 'identified' || need.status === 'being-addressed')
    .sort((a, b) => rank[a.urgency] - rank[b.urgency] || a.domain.localeCompare(b.domain));
  return {
    proposed: needs.filter((need) => need.status === 'proposed').length,
    open,
    resolved: needs.length - open.length - needs.filter((need) => need.status === 'proposed').length,
    strengths: (await patientStrengthsQuery(executor, patientId).execute()).map(presentStrength),
  };
}

export const needsSection: OverviewSection = {
  key: 'needs',
  schema: NeedsOverviewSchema,
  load: loadOverview,
};
