import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../lib/context.ts';
import { currentMember, episodeVisibleTo, supervisesProgram } from '../patients/access.ts';
import { SENSITIVE_NOTE_ROLES } from './codes.ts';

/**
 * Who reads a note's text (docs/restrictions.md), as SQL on a contact_notes row `n`: anyone who
 * sees the patient, unless the note is sensitive; a sensitive note only its author, its
 * co-signer, a supervisor of the program of its contact's episode (of any of the patient's
 * episodes for a contact without one), and current care-team members of that episode (of any,
 * likewise) in a role of SENSITIVE_NOTE_ROLES. The note's contact's episode must also not be
 * restricted against the actor. Composed into the note's access check (its kind's
 * `rowVisibleTo`) and into every query that returns note text.
 */
export function noteReadableBy(actor: Actor, today: string, n: string): RawBuilder<boolean> {
  const ref = (column: string) => sql.ref(`${n}.${column}`);
  const roles = [...SENSITIVE_NOTE_ROLES];
  return sql<boolean>`coalesce((
    NOT EXISTS (SELECT 1 FROM contacts nc WHERE nc.id = ${ref('contact_id')} AND nc.episode_id IS NOT NULL
                  AND NOT ${episodeVisibleTo(actor, today, 'nc.episode_id')})
    AND (
      NOT ${ref('sensitive')}
      OR ${ref('author_id')} = ${actor.userId}::uuid
      OR ${ref('cosigned_by')} = ${actor.userId}::uuid
      OR EXISTS (SELECT 1 FROM contacts nc JOIN episodes ne ON ne.patient_id = nc.patient_id AND (nc.episode_id IS NULL OR ne.id = nc.episode_id)
                  WHERE nc.id = ${ref('contact_id')} AND ${supervisesProgram(actor, 'ne.program_id')})
      OR EXISTS (SELECT 1 FROM contacts nc JOIN care_team_members nm ON nm.patient_id = nc.patient_id AND (nc.episode_id IS NULL OR nm.episode_id = nc.episode_id)
                  WHERE nc.id = ${ref('contact_id')} AND nm.role = ANY (${roles}::text[]) AND ${currentMember('nm', actor.userId, today)})
    )), false)`;
}
