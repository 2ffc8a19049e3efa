import { dateInZone } from '../../i18n/format.ts';
import { useSession } from '../session/SessionContext.tsx';

/** Today in the organization's time zone, as `YYYY-MM-DD` (shared/API.md: "today" is the organization's). */
export function useToday(): string {
  const session = useSession();
  return dateInZone(new Date(), session.organization.timeZone);
}
