import type { ServerModule, TimelineSource, TodaySource } from '../../lib/modules.ts';
import { contactRecordKinds } from './records.ts';
import { contactRoutes } from './routes.ts';
import { Type } from 'typebox';
import { ContactSchema, EpisodeContactsSchema } from './schemas.ts';
import { presentEpisodeContacts, presentRecentContacts } from './service.ts';
import { loadTimeline, loadToday, TodayContactItem } from './sources.ts';

const timeline: TimelineSource = { kinds: ['contact', 'note'], load: loadTimeline };
const today: TodaySource = { key: 'contacts', item: TodayContactItem, load: loadToday };

/** Contacts with patients, their signed notes, and each program's contact cadence (docs/contacts.md). */
export const contactsModule: ServerModule = {
  name: 'contacts',
  routes: contactRoutes,
  patientRecords: contactRecordKinds,
  // The patient page: the newest contacts, read with the patient.
  overview: {
    key: 'contacts',
    schema: Type.Array(ContactSchema),
    load: presentRecentContacts,
  },
  // The episode screen: last contact, attempts since, next due, and the newest contacts (one audited read).
  episode: { key: 'contacts', schema: EpisodeContactsSchema, load: presentEpisodeContacts },
  timeline,
  today,
};
