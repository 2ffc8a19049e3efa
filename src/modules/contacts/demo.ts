import type { SeedDemo } from '../../cli/demo-world.ts';
import { newId } from '../../lib/ids.ts';
import { CONTACT_ACTIVITIES, type ContactActivity, type ContactMode } from './codes.ts';
import { refreshEpisodeContacts } from './queries.ts';

/** Credentials by role for the demo staff (the staff screens do not edit them yet). */
const CREDENTIALS: Record<string, string> = {
  'case-manager': 'CADC',
  'nurse-care-manager': 'RN',
  'community-health-worker': 'CHW',
  supervisor: 'LCSW',
};

const DAP = [
  {
    data: 'Talked about the week. Went to both group sessions; slept better since the new schedule.',
    assessment: 'Engaged; cravings lower than last month. Transportation still the main barrier.',
    plan: 'Bus pass application together next visit. Check in by phone in a week.',
  },
  {
    data: 'Reported a hard weekend after a family argument; did not use. Called sponsor twice.',
    assessment: 'Coping skills holding. Family conflict is a risk to watch.',
    plan: 'Offer family session with the counselor. Follow up Thursday.',
  },
  {
    data: 'Brought pay stubs for the housing application. Clinic appointment kept.',
    assessment: 'Making steady progress on housing and work goals.',
    plan: 'Submit application Monday; call the housing office together.',
  },
];

/**
 * Months of contacts for every demo episode: roughly weekly from admission, one in six an
 * attempt that did not reach the patient, most with a signed DAP note, the newest sometimes a
 * draft still to sign, now and then an addendum; then the episodes' last-contact columns.
 */
export const seedDemo: SeedDemo = async (world) => {
  const { tx, organizationId, random, pick } = world;
  for (const person of world.staff) {
    const credential = person.roles.map((role) => CREDENTIALS[role]).find(Boolean);
    if (credential) await tx.updateTable('users').set({ credential }).where('id', '=', person.id).execute();
  }
  const episodes = await tx
    .selectFrom('episodes')
    .innerJoin('careTeamMembers as m', (join) => join.onRef('m.episodeId', '=', 'episodes.id').on('m.role', '=', 'primary-case-manager'))
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['episodes.id', 'episodes.patientId', 'episodes.openedOn', 'episodes.closedOn', 'm.userId', 'u.credential', 'u.roles'])
    .where('episodes.organizationId', '=', organizationId)
    .execute();
  let contacts = 0;
  let notes = 0;
  const modes: ContactMode[] = [
    'phone',
    'phone',
    'office-visit',
    'home-visit',
    'community-visit',
    'text-message',
    'video',
    'accompanied-to-service',
  ];
  for (const episode of episodes) {
    if (!episode.userId) continue;
    const end = episode.closedOn ? new Date(`${episode.closedOn}T12:00:00Z`) : world.today;
    let at = new Date(`${episode.openedOn}T15:00:00Z`).getTime() + 86_400_000;
    while (at < end.getTime() - 3_600_000) {
      const attempt = random() < 1 / 6;
      const mode: ContactMode = attempt ? 'attempted-not-reached' : pick(modes);
      const activities: ContactActivity[] = attempt ? ['outreach'] : ['monitoring', pick(CONTACT_ACTIVITIES)];
      const id = newId();
      await tx
        .insertInto('contacts')
        .values({
          id,
          organizationId,
          patientId: episode.patientId,
          episodeId: episode.id,
          occurredAt: new Date(at),
          durationMinutes: attempt ? 2 : 10 + Math.floor(random() * 50),
          mode,
          activities: [...new Set(activities)],
          staffId: episode.userId,
          staffCredential: episode.credential,
          staffRoles: episode.roles,
        })
        .execute();
      await world.audit({ action: 'create', recordType: 'contact', recordId: id, patientId: episode.patientId, details: { via: 'demo' } });
      contacts += 1;
      const last = at + 10 * 86_400_000 > end.getTime();
      if (!attempt && random() < 0.85) {
        const noteId = newId();
        const draft = last && random() < 0.5;
        await tx
          .insertInto('contactNotes')
          .values({
            id: noteId,
            organizationId,
            patientId: episode.patientId,
            contactId: id,
            structure: 'dap',
            sections: JSON.stringify(pick(DAP)),
            status: draft ? 'draft' : 'signed',
            authorId: episode.userId,
            signedAt: draft ? null : new Date(at + 2 * 3_600_000),
          })
          .execute();
        if (!draft && random() < 0.05)
          await tx
            .insertInto('noteAddenda')
            .values({
              id: newId(),
              organizationId,
              patientId: episode.patientId,
              noteId,
              authorId: episode.userId,
              body: 'Correction: the visit was at the clinic, not at home.',
              createdAt: new Date(at + 26 * 3_600_000),
            })
            .execute();
        notes += 1;
      }
      // Weekly, give or take; sooner after a missed attempt.
      at += (attempt ? 1 + random() * 2 : 5 + random() * 6) * 86_400_000;
    }
    await refreshEpisodeContacts(tx, episode.patientId);
  }
  return `${contacts} contacts with ${notes} notes`;
};
