import { CLINICAL_ROLES } from '../../codes.ts';
import type { SeedDemo } from '../../cli/demo-world.ts';
import { writeAudit } from '../../lib/audit/audit.ts';
import { newId } from '../../lib/ids.ts';

const HOUR = 3_600_000;

/**
 * One break-the-glass event awaiting the privacy officer's review: two days ago a clinician of
 * another program opened a patient's chart for the organization's four hours and read a few
 * screens, each audit row marked with the grant (as the database trigger marks them live).
 */
export const seedDemo: SeedDemo = async (world) => {
  const { tx, organizationId } = world;
  const patient = world.patients[6] ?? world.patients[0];
  if (!patient) return 'no emergency access (no patients)';
  const team = new Set(world.programs.find((program) => program.id === patient.programId)?.staffIds ?? []);
  const responder = world.staff.find(
    (person) =>
      person.id !== patient.registeredBy &&
      !team.has(person.id) &&
      !person.roles.includes('supervisor') &&
      person.roles.some((role) => (CLINICAL_ROLES as readonly string[]).includes(role)),
  );
  if (!responder) return 'no emergency access (no clinician outside the team)';
  const startedAt = new Date(Math.floor((world.today.getTime() - 2 * 24 * HOUR) / 1000) * 1000);
  const id = newId();
  await tx
    .insertInto('emergencyAccessGrants')
    .values({
      id,
      organizationId,
      patientId: patient.id,
      userId: responder.id,
      reason:
        'Covering the after-hours line: the hospital called about an overdose and needed current medications and the care team’s phone',
      startedAt,
      expiresAt: new Date(startedAt.getTime() + 4 * HOUR),
      endedAt: new Date(startedAt.getTime() + 35 * 60_000),
    })
    .execute();
  const meta = { requestId: `demo-${newId()}`, ip: null, userAgent: 'bridgeway demo', organizationId, actorUserId: responder.id };
  await writeAudit(tx, meta, {
    action: 'create',
    recordType: 'emergency-access',
    recordId: id,
    patientId: patient.id,
    details: { via: 'demo', hours: 4 },
  });
  const reads: [string, string | null][] = [
    ['patient', patient.id],
    ['patient-timeline', null],
    ['patient', patient.id],
  ];
  // The trigger marks the rows of grants in force only; this one ended in the past, so its rows carry the mark as written.
  for (const [recordType, recordId] of reads) {
    await writeAudit(tx, meta, {
      action: 'read',
      recordType,
      ...(recordId ? { recordId } : {}),
      patientId: patient.id,
      details: { via: 'demo', emergencyAccessId: id },
    });
  }
  return 'one emergency access awaiting review';
};
