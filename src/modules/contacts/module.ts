import type { ServerModule } from '../../lib/modules.ts';
import { contactRecordKinds } from './records.ts';
import { contactRoutes } from './routes.ts';
import { EpisodeContactsSchema } from './schemas.ts';
import { presentEpisodeContacts } from './service.ts';
import { loadTimeline, loadToday, TodayContactItem } from './sources.ts';

/** Contacts with patients, their signed notes, and each program's contact cadence (docs/contacts.md). */
export const contactsModule: ServerModule = {
  name: 'contacts',
  routes: contactRoutes,
  patientRecords: contactRecordKinds,
  // The episode screen: last contact, attempts since, next due, and the newest contacts (one audited read).
  episode: { key: 'contacts', schema: EpisodeContactsSchema, load: presentEpisodeContacts },
  timeline: { kinds: ['contact', 'note'], load: loadTimeline },
  today: { key: 'contacts', item: TodayContactItem, load: loadToday },
};
