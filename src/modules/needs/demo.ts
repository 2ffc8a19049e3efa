import type { SeedDemo } from '../../cli/demo-world.ts';
import { newId } from '../../lib/ids.ts';
import type { LifeDomain, NeedStatus, NeedUrgency, StrengthKind } from './codes.ts';
import { needsFromScreen } from './proposals.ts';
import type { ScoreResult } from '../instruments/scoring.ts';

const DAY = 86_400_000;

/** Needs a case manager finds at intake in rural SUD care, with how they usually go. */
const JUDGED: { domain: LifeDomain; urgency: NeedUrgency; description: string; path: NeedStatus[] }[] = [
  {
    domain: 'housing',
    urgency: 'urgent',
    description: 'Staying in a car since the eviction; needs a bed tonight',
    path: ['being-addressed', 'met'],
  },
  { domain: 'transportation', urgency: 'soon', description: 'No ride to the clinic 40 miles away for dosing', path: ['being-addressed'] },
  {
    domain: 'income-and-benefits',
    urgency: 'soon',
    description: 'Medicaid lapsed at renewal; SNAP application not finished',
    path: ['being-addressed', 'met'],
  },
  { domain: 'legal-justice', urgency: 'soon', description: 'Court date for a probation review next month', path: ['being-addressed'] },
  {
    domain: 'employment',
    urgency: 'routine',
    description: 'Wants work with a daytime schedule that fits treatment',
    path: ['unmet-no-resource'],
  },
  { domain: 'childcare', urgency: 'soon', description: 'No childcare during intensive outpatient hours', path: ['being-addressed'] },
  { domain: 'physical-health', urgency: 'routine', description: 'Hepatitis C screening and a dentist', path: ['declined-by-patient'] },
  { domain: 'communication-language', urgency: 'routine', description: 'Prefers Spanish for anything written', path: ['met'] },
];

const STRENGTHS: { domain: LifeDomain; kind: StrengthKind; description: string; quoted: boolean }[] = [
  { domain: 'employment', kind: 'skill', description: 'I can fix anything with an engine', quoted: true },
  {
    domain: 'family-and-social-support',
    kind: 'person',
    description: 'Sister drives her to appointments and keeps the kids on weekends',
    quoted: false,
  },
  { domain: 'substance-use', kind: 'resource', description: 'Goes to a Tuesday night recovery meeting at the church hall', quoted: false },
  { domain: 'mental-health', kind: 'interest', description: 'Fishing at the lake calms me down', quoted: true },
  { domain: 'education', kind: 'skill', description: 'Finished a GED while in county jail; reads well', quoted: false },
  { domain: 'housing', kind: 'resource', description: 'Landlord is willing to hold the apartment for 30 days', quoted: false },
  { domain: 'food', kind: 'skill', description: 'Cooks for the whole family on a tight budget', quoted: false },
  { domain: 'family-and-social-support', kind: 'person', description: 'Sponsor of three years answers the phone any time', quoted: false },
];

/**
 * Needs with realistic histories for every demo episode: proposals from the PHQ-9s the
 * assessments demo scored (waiting for review on the newest, confirmed and being addressed on
 * older ones), needs staff saw at intake moving through their statuses over the weeks, and a
 * few strengths per patient, some in the patient's words.
 */
export const seedDemo: SeedDemo = async (world) => {
  const { tx, organizationId, random, pick } = world;
  const episodes = await tx
    .selectFrom('episodes')
    .innerJoin('careTeamMembers as m', (join) => join.onRef('m.episodeId', '=', 'episodes.id').on('m.role', '=', 'primary-case-manager'))
    .select(['episodes.id', 'episodes.patientId', 'episodes.openedOn', 'episodes.closedOn', 'm.userId'])
    .where('episodes.organizationId', '=', organizationId)
    .execute();
  let needs = 0;
  let proposals = 0;
  const insertNeed = async (
    episode: (typeof episodes)[number],
    need: { domain: LifeDomain; urgency: NeedUrgency; description: string | null; at: Date; path: NeedStatus[] },
    screen?: { id: string; instrumentKey: string; findings: string[] },
  ) => {
    const id = newId();
    const by = episode.userId ?? world.staff[0]!.id;
    const first: NeedStatus = screen ? 'proposed' : 'identified';
    const steps: { status: NeedStatus; at: Date }[] = [{ status: first, at: need.at }];
    for (const [index, status] of need.path.entries()) {
      const at = new Date(need.at.getTime() + (index + 1) * (5 + Math.floor(random() * 20)) * DAY);
      if (at > world.today) break;
      steps.push({ status, at });
    }
    const last = steps[steps.length - 1]!;
    await tx
      .insertInto('needs')
      .values({
        id,
        organizationId,
        patientId: episode.patientId,
        episodeId: episode.id,
        domain: need.domain,
        urgency: need.urgency,
        status: last.status,
        description: need.description,
        source: screen ? 'screen' : 'staff-judgement',
        assessmentId: screen?.id ?? null,
        instrumentKey: screen?.instrumentKey ?? null,
        screenFindings: screen?.findings ?? [],
        createdBy: by,
        statusChangedAt: last.at,
        createdAt: need.at,
      })
      .execute();
    let from: NeedStatus | null = null;
    for (const step of steps) {
      await tx
        .insertInto('needStatusChanges')
        .values({
          id: newId(),
          organizationId,
          patientId: episode.patientId,
          needId: id,
          fromStatus: from,
          toStatus: step.status,
          note: step.status === 'unmet-no-resource' ? 'No employer in the county is hiring for day shifts right now' : null,
          changedBy: by,
          changedAt: step.at,
        })
        .execute();
      from = step.status;
    }
    await world.audit({ action: 'create', recordType: 'need', recordId: id, patientId: episode.patientId, details: { via: 'demo' } });
    if (last.status === 'proposed') proposals += 1;
    else needs += 1;
  };

  for (const episode of episodes) {
    const opened = new Date(`${episode.openedOn}T16:00:00Z`);
    // The PHQ-9s the assessments demo scored: a positive one proposes a mental-health need, as in the app.
    const screens = await tx
      .selectFrom('assessments')
      .select(['id', 'instrumentKey', 'answers', 'result', 'completedAt'])
      .where('episodeId', '=', episode.id)
      .where('status', '=', 'completed')
      .orderBy('completedAt')
      .execute();
    const proposedDomains = new Set<LifeDomain>();
    for (const [index, screen] of screens.entries()) {
      for (const need of needsFromScreen(
        screen.instrumentKey,
        screen.result as ScoreResult,
        (screen.answers ?? {}) as Record<string, unknown>,
      )) {
        if (proposedDomains.has(need.domain)) continue;
        proposedDomains.add(need.domain);
        const newest = index >= screens.length - 2;
        await insertNeed(
          episode,
          {
            domain: need.domain,
            urgency: need.urgency,
            description: null,
            at: screen.completedAt ?? opened,
            path: newest ? [] : ['identified', 'being-addressed'],
          },
          { id: screen.id, instrumentKey: screen.instrumentKey, findings: need.findings },
        );
      }
    }
    const count = 1 + Math.floor(random() * 3);
    const chosen = new Set<(typeof JUDGED)[number]>();
    while (chosen.size < count) chosen.add(pick(JUDGED));
    for (const need of chosen) {
      if (proposedDomains.has(need.domain)) continue;
      await insertNeed(episode, { ...need, at: new Date(opened.getTime() + Math.floor(random() * 3) * DAY) });
    }
  }

  let strengths = 0;
  for (const patient of world.patients) {
    const count = Math.floor(random() * 4);
    const chosen = new Set<(typeof STRENGTHS)[number]>();
    while (chosen.size < count) chosen.add(pick(STRENGTHS));
    for (const strength of chosen) {
      const id = newId();
      await tx
        .insertInto('strengths')
        .values({
          id,
          organizationId,
          patientId: patient.id,
          domain: strength.domain,
          kind: strength.kind,
          description: strength.description,
          inPatientsWords: strength.quoted,
          createdBy: patient.registeredBy,
        })
        .execute();
      await world.audit({ action: 'create', recordType: 'strength', recordId: id, patientId: patient.id, details: { via: 'demo' } });
      strengths += 1;
    }
  }
  return `${needs} needs with their histories, ${proposals} proposed by screens waiting for review, ${strengths} strengths`;
};
