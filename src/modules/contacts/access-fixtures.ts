import { expectCreated, type MakeAccessRecords } from '../../../test/support/access-world.ts';

/** A phone contact with a DAP draft, logged by the owner in the episode the episodes fixture opened. */
export const makeAccessRecords: MakeAccessRecords = async ({ owner, ids }) => {
  const contact = expectCreated(
    'log a contact',
    await owner.post<{ id: string; note: { id: string } }>(`/api/patients/${ids.get('patient') ?? ''}/contacts`, {
      episodeId: ids.get('episode'),
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      durationMinutes: 15,
      mode: 'phone',
      activities: ['monitoring'],
      note: { structure: 'dap', sections: { data: 'Checked in by phone.' } },
    }),
  );
  ids.set('contact', contact.id);
  ids.set('note', contact.note.id);
};
