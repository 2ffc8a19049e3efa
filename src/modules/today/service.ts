import type { RequestContext } from '../../lib/context.ts';
import { withAudit } from '../../lib/audit/audit.ts';
import { todayIn } from '../../lib/dates.ts';
import type { Database } from '../../lib/db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import type { ModuleRegistry, TodayItem } from '../../lib/modules.ts';
import { staffOf } from '../tasks/staff.ts';

export interface TodayView {
  staffId: string;
  date: string;
  timeZone: string;
  sections: Record<string, TodayItem[]>;
  staff: { id: string; name: string }[];
  overview: { staffId: string; name: string; counts: Record<string, number> }[];
}

/**
 * Today (docs/tasks.md): every module's section for one staff member — the reader, or one of
 * a supervisor's staff — composed from registry.todaySources. A supervisor reading their own
 * day also gets an overview of each of their staff (counts only, no patient). One read audit
 * row names every patient shown.
 */
export async function readToday(db: Database, ctx: RequestContext, registry: ModuleRegistry, staffId?: string): Promise<TodayView> {
  const { actor } = ctx;
  return withAudit(db, ctx, async (tx, audit) => {
    const staff = await staffOf(tx, actor).execute();
    const whose = staffId ?? actor.userId;
    if (whose !== actor.userId && !staff.some((member) => member.id === whose))
      throw forbidden('not-your-staff', 'Only a supervisor opens the day of someone they supervise.');
    const now = new Date();
    const query = { staffIds: [whose], now, timeZone: actor.timeZone };
    const sections: Record<string, TodayItem[]> = {};
    for (const source of registry.todaySources) sections[source.key] = await source.load(tx, ctx, query);

    const overview: TodayView['overview'] = [];
    if (whose === actor.userId && staff.length > 0) {
      const counts = new Map<string, Record<string, number>>(staff.map((member) => [member.id, {}]));
      const all = { ...query, staffIds: staff.map((member) => member.id) };
      for (const source of registry.todaySources) {
        for (const member of staff) (counts.get(member.id) ?? {})[source.key] = 0;
        for (const item of await source.load(tx, ctx, all)) {
          const mine = counts.get(item.staffId);
          if (mine) mine[source.key] = (mine[source.key] ?? 0) + 1;
        }
      }
      for (const member of staff) overview.push({ staffId: member.id, name: member.name, counts: counts.get(member.id) ?? {} });
    }

    const shown = [
      ...new Set(Object.values(sections).flatMap((items) => items.flatMap((item) => (item.patientId ? [item.patientId] : [])))),
    ];
    await audit({ action: 'read', recordType: 'today', recordId: whose, details: { shownPatientIds: shown } });
    return { staffId: whose, date: todayIn(actor.timeZone, now), timeZone: actor.timeZone, sections, staff, overview };
  });
}
