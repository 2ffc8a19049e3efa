// The sections of Today the web app knows how to show, in the order a case manager works
// them: each maps a section key of GET /api/today to its heading and its item component.
// A module that adds a TodaySource on the server adds its entry here; a key the web app does
// not know yet is not shown (the server may be newer than the page).
import type { ReactNode } from 'react';
import type { OkBody } from '../../api/types.ts';
import type { MessageKey } from '../../app/catalogue.ts';
import { TodayContactDue, TodayDraft, type TodayContactItem } from '../contacts/TodayContact.tsx';
import { TodayTask, type TodayTaskItem } from '../tasks/TodayTask.tsx';

export type TodayView = OkBody<'/api/today', 'get'>;

interface SectionContext {
  today: string;
  completeTask: (item: TodayTaskItem, undo: () => void) => void;
  busy: boolean;
}

export interface TodaySectionView {
  key: string;
  title: MessageKey;
  /** Items of this section, in the order to work them. */
  items: (view: TodayView) => readonly { id: string }[];
  render: (item: never, context: SectionContext) => ReactNode;
}

const contactItems = (view: TodayView, kind: TodayContactItem['kind']) =>
  (view.sections.contacts ?? []).filter((item) => item.kind === kind);

const priorityRank = { urgent: 0, high: 1, normal: 2, low: 3 } as const;

export const todaySections: readonly TodaySectionView[] = [
  {
    key: 'tasks',
    title: 'today.section.tasks',
    // Most overdue first, then the most urgent: what slipped furthest is what to do first.
    items: (view) =>
      [...(view.sections.tasks ?? [])].sort(
        (a, b) => b.daysOverdue - a.daysOverdue || priorityRank[a.priority] - priorityRank[b.priority] || a.title.localeCompare(b.title),
      ),
    render: (item: TodayTaskItem, context) => (
      <TodayTask item={item} today={context.today} onComplete={context.completeTask} busy={context.busy} />
    ),
  },
  {
    key: 'contacts-due',
    title: 'today.section.contactsDue',
    // The server sends them longest overdue first.
    items: (view) => contactItems(view, 'contact-due').map((item) => ({ ...item, id: `due:${item.episodeId ?? item.patientId}` })),
    render: (item: TodayContactItem, context) => <TodayContactDue item={item} today={context.today} />,
  },
  {
    key: 'drafts',
    title: 'today.section.drafts',
    items: (view) => contactItems(view, 'unsigned-draft').map((item) => ({ ...item, id: `draft:${item.noteId ?? ''}` })),
    render: (item: TodayContactItem) => <TodayDraft item={item} />,
  },
];
