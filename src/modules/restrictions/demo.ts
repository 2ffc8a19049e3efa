import { sql } from 'kysely';
import type { SeedDemo } from '../../cli/demo-world.ts';
import { newId } from '../../lib/ids.ts';

/**
 * One restricted patient (a staff member's relative: a supervisor of the program restricted the
 * record and excluded a case manager of the program who is not on the team) and one sensitive
 * note (a signed note of another patient, marked as counseling notes are).
 */
export const seedDemo: SeedDemo = async (world) => {
  const { tx, organizationId } = world;
  const made: string[] = [];
  const episode = await tx
    .selectFrom('episodes as e')
    .select(['e.id', 'e.patientId', 'e.programId'])
    .where('e.organizationId', '=', organizationId)
    .where('e.closedOn', 'is', null)
    .orderBy('e.openedOn')
    .limit(1)
    .executeTakeFirst();
  const program = world.programs.find((p) => p.id === episode?.programId);
  const supervisor = world.staff.find((s) => s.roles.includes('supervisor') && program?.staffIds.includes(s.id));
  if (episode && program && supervisor) {
    const team = await tx.selectFrom('careTeamMembers').select('userId').where('patientId', '=', episode.patientId).execute();
    const onTeam = new Set(team.map((m) => m.userId));
    const relative = world.staff.find((s) => s.roles.includes('case-manager') && program.staffIds.includes(s.id) && !onTeam.has(s.id));
    const id = newId();
    await tx
      .insertInto('recordRestrictions')
      .values({
        id,
        organizationId,
        patientId: episode.patientId,
        reason: 'staff-relative',
        allowedUserIds: [supervisor.id],
        excludedUserIds: relative ? [relative.id] : [],
        restrictedBy: supervisor.id,
      })
      .execute();
    await world.audit({
      action: 'create',
      recordType: 'restriction',
      recordId: id,
      patientId: episode.patientId,
      details: { via: 'demo' },
    });
    made.push('1 restricted patient');
  }
  const note = await tx
    .selectFrom('contactNotes')
    .select(['id', 'patientId'])
    .where('organizationId', '=', organizationId)
    .where('status', '=', 'signed')
    .where(sql<boolean>`patient_id <> ${episode?.patientId ?? null}::uuid OR ${episode === undefined}`)
    .orderBy('signedAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (note) {
    await tx.updateTable('contactNotes').set({ sensitive: true }).where('id', '=', note.id).execute();
    await world.audit({ action: 'update', recordType: 'note', recordId: note.id, patientId: note.patientId, details: { sensitive: true } });
    made.push('1 sensitive note');
  }
  return made.join(', ') || 'no restriction (no open episode)';
};
