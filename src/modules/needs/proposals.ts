import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Audit } from '../../lib/audit/audit.ts';
import { nextVersion } from '../../lib/db/versions.ts';
import { newId } from '../../lib/ids.ts';
import type { ScoreResult } from '../instruments/scoring.ts';
import { NEED_URGENCIES, type LifeDomain, type NeedUrgency } from './codes.ts';

type Answers = Readonly<Record<string, unknown>>;

/** One way a completed screen shows a need: `finding` is the code kept with the proposal. */
interface ScreenRule {
  finding: string;
  domain: LifeDomain;
  when: (result: ScoreResult) => boolean;
  urgency: NeedUrgency | ((answers: Answers) => NeedUrgency);
}

const domainPositive = (key: string) => (result: ScoreResult) => result.domains?.[key]?.positive === true;
const positive = (result: ScoreResult) => result.positive === true;
const resultIs = (key: string) => (result: ScoreResult) => result.result === key;

/**
 * Which screen results propose which needs (docs/needs.md). The needs module owns this table;
 * the assessments module only calls `proposeNeedsFromScreen` when an assessment completes.
 * Urgency is a starting point that staff change: no housing tonight is urgent, worry about
 * losing it is soon; a positive interpersonal-safety domain or an acute suicide-risk screen is
 * urgent. AHC's housing quality and utility shut-off are housing needs (keeping a home safe and
 * lit); BARC-10 measures recovery capital (a strength, not a need); COWS and CIWA-Ar are
 * withdrawal severity, handled clinically, so they propose nothing.
 */
const SCREEN_NEEDS: Readonly<Record<string, readonly ScreenRule[]>> = {
  'ahc-hrsn': [
    { finding: 'housing', domain: 'housing', when: domainPositive('housing'), urgency: (a) => (a['1'] === 2 ? 'urgent' : 'soon') },
    { finding: 'housing-quality', domain: 'housing', when: domainPositive('housing-quality'), urgency: 'routine' },
    { finding: 'utilities', domain: 'housing', when: domainPositive('utilities'), urgency: 'soon' },
    { finding: 'food', domain: 'food', when: domainPositive('food'), urgency: 'soon' },
    { finding: 'transportation', domain: 'transportation', when: domainPositive('transportation'), urgency: 'routine' },
    { finding: 'safety', domain: 'safety', when: domainPositive('safety'), urgency: 'urgent' },
  ],
  'phq-9': [
    { finding: 'positive', domain: 'mental-health', when: positive, urgency: 'soon' },
    { finding: 'critical', domain: 'mental-health', when: (r) => r.critical, urgency: 'urgent' },
  ],
  'phq-2': [{ finding: 'positive', domain: 'mental-health', when: positive, urgency: 'routine' }],
  'gad-7': [{ finding: 'positive', domain: 'mental-health', when: positive, urgency: 'routine' }],
  asq: [
    { finding: 'acute-positive', domain: 'mental-health', when: resultIs('acute-positive'), urgency: 'urgent' },
    { finding: 'non-acute-positive', domain: 'mental-health', when: resultIs('non-acute-positive'), urgency: 'soon' },
  ],
  'audit-c': [{ finding: 'positive', domain: 'substance-use', when: positive, urgency: 'soon' }],
  'taps-1': ['tobacco', 'alcohol', 'drugs', 'prescription'].map((key) => ({
    finding: key,
    domain: 'substance-use' as const,
    when: domainPositive(key),
    urgency: 'soon' as const,
  })),
};

export interface ProposedNeed {
  domain: LifeDomain;
  urgency: NeedUrgency;
  findings: string[];
}

/** Pure: the needs a result proposes, one per domain, with the most urgent urgency and every finding. */
export function needsFromScreen(instrumentKey: string, result: ScoreResult, answers: Answers): ProposedNeed[] {
  const byDomain = new Map<LifeDomain, ProposedNeed>();
  for (const rule of SCREEN_NEEDS[instrumentKey] ?? []) {
    if (!rule.when(result)) continue;
    const urgency = typeof rule.urgency === 'function' ? rule.urgency(answers) : rule.urgency;
    const found = byDomain.get(rule.domain);
    if (!found) byDomain.set(rule.domain, { domain: rule.domain, urgency, findings: [rule.finding] });
    else {
      found.findings.push(rule.finding);
      if (NEED_URGENCIES.indexOf(urgency) < NEED_URGENCIES.indexOf(found.urgency)) found.urgency = urgency;
    }
  }
  return [...byDomain.values()];
}

export interface CompletedScreen {
  id: string;
  organizationId: string;
  patientId: string;
  episodeId: string;
  instrumentKey: string;
  answers: unknown;
  /** The screen this one corrects, if any: its proposals still waiting are withdrawn. */
  supersedesId: string | null;
}

/** Said on a proposal withdrawn because its screen was corrected (a reviewer reads it in the history). */
const CORRECTED = 'The screen was corrected; the corrected screen proposes what it shows.';

/**
 * Called by the assessments service inside the completion's transaction (the patient's access
 * was checked there; `audit` is bound to the patient). A domain that already has an open need
 * or a waiting proposal in the episode gets no second one: the new screen is evidence for a
 * need already on the list. Returns the ids proposed.
 */
export async function proposeNeedsFromScreen(
  tx: Transaction<DB>,
  audit: Audit,
  actorId: string,
  screen: CompletedScreen,
  result: ScoreResult,
): Promise<string[]> {
  if (screen.supersedesId) await withdrawCorrected(tx, audit, actorId, screen.supersedesId);
  const proposed = needsFromScreen(screen.instrumentKey, result, (screen.answers ?? {}) as Answers);
  if (proposed.length === 0) return [];
  const open = await tx
    .selectFrom('needs')
    .select('domain')
    .where('episodeId', '=', screen.episodeId)
    .where('status', 'in', ['proposed', 'identified', 'being-addressed'])
    .execute();
  const openDomains = new Set(open.map((row) => row.domain));
  const ids: string[] = [];
  for (const need of proposed) {
    if (openDomains.has(need.domain)) continue;
    const id = newId();
    const inserted = await tx
      .insertInto('needs')
      .values({
        id,
        organizationId: screen.organizationId,
        patientId: screen.patientId,
        episodeId: screen.episodeId,
        domain: need.domain,
        urgency: need.urgency,
        status: 'proposed',
        source: 'screen',
        assessmentId: screen.id,
        instrumentKey: screen.instrumentKey,
        screenFindings: need.findings,
        createdBy: actorId,
      })
      .onConflict((oc) => oc.columns(['episodeId', 'domain']).where('status', '=', 'proposed').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) continue;
    await tx
      .insertInto('needStatusChanges')
      .values({
        id: newId(),
        organizationId: screen.organizationId,
        patientId: screen.patientId,
        needId: id,
        fromStatus: null,
        toStatus: 'proposed',
        changedBy: actorId,
      })
      .execute();
    await audit({
      action: 'create',
      recordType: 'need',
      recordId: id,
      details: { domain: need.domain, status: 'proposed', source: 'screen', instrument: screen.instrumentKey, assessmentId: screen.id },
    });
    ids.push(id);
  }
  return ids;
}

/** A corrected screen's proposals that nobody acted on are dismissed, with the reason, by the person correcting it. */
async function withdrawCorrected(tx: Transaction<DB>, audit: Audit, actorId: string, assessmentId: string): Promise<void> {
  const withdrawn = await tx
    .updateTable('needs')
    .set({ status: 'dismissed', dismissedReason: CORRECTED, statusChangedAt: new Date(), ...nextVersion() })
    .where('assessmentId', '=', assessmentId)
    .where('status', '=', 'proposed')
    .returning(['id', 'organizationId', 'patientId'])
    .execute();
  for (const need of withdrawn) {
    await tx
      .insertInto('needStatusChanges')
      .values({
        id: newId(),
        organizationId: need.organizationId,
        patientId: need.patientId,
        needId: need.id,
        fromStatus: 'proposed',
        toStatus: 'dismissed',
        note: CORRECTED,
        changedBy: actorId,
      })
      .execute();
    await audit({
      action: 'update',
      recordType: 'need',
      recordId: need.id,
      details: { from: 'proposed', to: 'dismissed', reason: 'screen-corrected' },
    });
  }
}
