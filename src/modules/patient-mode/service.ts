import type { Locale } from '../../codes.ts';
import { withAudit, writeAudit } from '../../lib/audit/audit.ts';
import type { SecretBox } from '../../lib/auth/secret-key.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { Database } from '../../lib/db/database.ts';
import { nextVersion } from '../../lib/db/versions.ts';
import { conflict } from '../../lib/errors.ts';
import { assessmentKind } from '../assessments/records.ts';
import { withPatientRecord } from '../patients/access.ts';
import { checkCurrentCredentials } from '../session/mfa.ts';

export interface PatientModeView {
  assessmentId: string | null;
  locale: Locale | null;
  startedAt: string | null;
}

function sessionIdOf(ctx: RequestContext): string {
  // The routes are cookie-only: an API key has no session to lock.
  if (!ctx.actor.sessionId) throw new Error('patient mode needs a session');
  return ctx.actor.sessionId;
}

export async function getPatientMode(db: Database, ctx: RequestContext): Promise<PatientModeView> {
  const row = await db
    .selectFrom('sessions')
    .select(['patientModeAssessmentId', 'patientModeLocale', 'patientModeStartedAt'])
    .where('id', '=', sessionIdOf(ctx))
    .executeTakeFirstOrThrow();
  return {
    assessmentId: row.patientModeAssessmentId,
    locale: row.patientModeLocale,
    startedAt: row.patientModeStartedAt?.toISOString() ?? null,
  };
}

/**
 * Hands the device to the patient: locks this session to one assessment in progress (the
 * access check on the assessment first, like any write to it), in the language chosen.
 */
export async function startPatientMode(db: Database, ctx: RequestContext, assessmentId: string, locale: Locale): Promise<PatientModeView> {
  const sessionId = sessionIdOf(ctx);
  await withPatientRecord(db, ctx, assessmentKind, assessmentId, async (tx, audit) => {
    const assessment = await tx.selectFrom('assessments').select('status').where('id', '=', assessmentId).executeTakeFirstOrThrow();
    if (assessment.status !== 'in-progress') {
      throw conflict('assessment-not-in-progress', 'Only an assessment in progress is handed to the patient.', {
        params: { status: assessment.status },
      });
    }
    await tx
      .updateTable('sessions')
      .set({ patientModeAssessmentId: assessmentId, patientModeLocale: locale, patientModeStartedAt: new Date() })
      .where('id', '=', sessionId)
      .execute();
    // How it was given: the patient answered on the device (the assessments module's own code for it).
    await tx
      .updateTable('assessments')
      .set({ mode: 'patient-device', ...nextVersion() })
      .where('id', '=', assessmentId)
      .execute();
    await audit({
      action: 'update',
      recordType: 'assessment',
      recordId: assessmentId,
      details: { patientMode: 'started', locale, mode: 'patient-device' },
    });
  });
  return getPatientMode(db, ctx);
}

/**
 * Staff take the device back: the password of the person whose session it is, checked on the
 * server and counted like sign-in guesses (docs/needs.md). A wrong one leaves the lock as it
 * is and is audited; the right one ends the lock.
 */
export async function unlockPatientMode(db: Database, secrets: SecretBox, ctx: RequestContext, currentPassword: string): Promise<void> {
  const sessionId = sessionIdOf(ctx);
  const user = await db.selectFrom('users').selectAll().where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
  if (user.email === null) throw new Error('a session belongs to a person, who has an email');
  const session = await db.selectFrom('sessions').select('patientModeAssessmentId').where('id', '=', sessionId).executeTakeFirstOrThrow();
  const locked = session.patientModeAssessmentId;
  const patient = locked ? await db.selectFrom('assessments').select('patientId').where('id', '=', locked).executeTakeFirst() : undefined;
  try {
    await checkCurrentCredentials(db, secrets, ctx, { ...user, email: user.email }, { currentPassword }, { factor: false });
  } catch (error) {
    // Kept whatever happens next: someone at the tablet tried to leave the patient's screen.
    await writeAudit(
      db,
      { requestId: ctx.requestId, ip: ctx.ip, userAgent: ctx.userAgent, organizationId: ctx.actor.organizationId, actorUserId: user.id },
      {
        action: 'access-denied',
        recordType: 'session',
        recordId: sessionId,
        ...(patient ? { patientId: patient.patientId } : {}),
        details: { patientMode: 'unlock-refused' },
      },
    );
    throw error;
  }
  await withAudit(db, ctx, async (tx, audit) => {
    await tx
      .updateTable('sessions')
      .set({ patientModeAssessmentId: null, patientModeLocale: null, patientModeStartedAt: null })
      .where('id', '=', sessionId)
      .execute();
    await audit({
      action: 'update',
      recordType: 'session',
      recordId: sessionId,
      ...(patient ? { patientId: patient.patientId } : {}),
      details: { patientMode: 'ended', ...(locked ? { assessmentId: locked } : {}) },
    });
  });
}
