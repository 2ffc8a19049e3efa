import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { OkBody } from '../../api/types.ts';

export type Contact = OkBody<'/api/contacts/{id}', 'get'>;
export type Note = OkBody<'/api/notes/{id}', 'get'>;
export type EpisodeContacts = OkBody<'/api/episodes/{id}/contacts', 'get'>;
export type ContactStatus = EpisodeContacts['status'];
export type Cadence = OkBody<'/api/programs/{id}/contact-cadence', 'get'>;

export const contactKey = (id: string) => ['contacts', id] as const;
export const cadenceKey = (programId: string) => ['contact-cadence', programId] as const;

export function useContactQuery(id: string) {
  return useQuery({ queryKey: contactKey(id), queryFn: () => unwrap(api.GET('/api/contacts/{id}', { params: { path: { id } } })) });
}

export function useCadenceQuery(programId: string) {
  return useQuery({
    queryKey: cadenceKey(programId),
    queryFn: () => unwrap(api.GET('/api/programs/{id}/contact-cadence', { params: { path: { id: programId } } })),
  });
}

/** Today's date and time in the organization's zone, as a datetime-local input wants it: `2025-03-07T14:05`. */
export function localNow(timeZone: string, at = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A datetime-local value read in the organization's zone, as an instant. */
export function instantIn(local: string, timeZone: string): string {
  // Guess it as UTC, see where that lands in the zone, and correct by the difference (twice covers DST edges).
  let guess = new Date(`${local}:00Z`).getTime();
  for (let i = 0; i < 2; i += 1) {
    const shown = new Date(`${localNow(timeZone, new Date(guess))}:00Z`).getTime();
    guess += new Date(`${local}:00Z`).getTime() - shown;
  }
  return new Date(guess).toISOString();
}
