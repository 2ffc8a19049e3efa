// How the web app words and links a timeline entry. A module that adds entries on the server
// adds its message keys (`timeline.entry.<code>`) and, when its records have a page, a link
// below; an entry the web app does not know is shown generically, never dropped.
import type { OkBody } from '../../api/types.ts';

export type TimelineEntry = OkBody<'/api/patients/{id}/timeline', 'get'>['items'][number];

/** The page of an entry's record, or null when it has none of its own. */
export function entryLink(entry: TimelineEntry, patientId: string): string | null {
  switch (entry.recordType) {
    case 'assessment':
      return `/assessments/${entry.recordId}`;
    case 'task':
      return `/patients/${patientId}#tasks-heading`;
    case 'episode':
      return `/episodes/${entry.recordId}`;
    case 'contact':
      return `/contacts/${entry.recordId}`;
    case 'asam-review':
      return `/asam-reviews/${entry.recordId}`;
    case 'consent':
      return `/patients/${patientId}/consents`;
    case 'disclosure':
      return `/patients/${patientId}/disclosures`;
    default:
      return entry.episodeId ? `/episodes/${entry.episodeId}` : null;
  }
}

/** Instrument keys read as their acronyms: `phq-9` → PHQ-9. */
export const instrumentLabel = (key: string | number | boolean | null | undefined): string => String(key ?? '').toUpperCase();

/** Episode events carry a day, not a time: shown as a date only. */
export const isDated = (entry: TimelineEntry): boolean => entry.kind === 'episode';
