import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { takeEarlyRead } from '../../api/earlyRead.ts';
import { ApiError, networkProblemType, parseRetryAfter, problemType, toProblem, type Problem } from '../../api/problem.ts';
import type { OkBody, RequestBody, User } from '../../api/types.ts';
import { parsePossibleDuplicates, type PossibleDuplicates } from './patientHelpers.ts';
import { fetchPatient, patientEarlyRead } from './patientRead.ts';

export type Patient = OkBody<'/api/patients/{id}', 'get'>;
export type PatientSummary = OkBody<'/api/patients', 'get'>['items'][number];
export type PatientEpisode = Patient['episodes'][number];
export type NewPatient = RequestBody<'/api/patients', 'post'>;
export type Episode = OkBody<'/api/episodes/{id}', 'get'>;
export type Placement = Episode['placements'][number];
export type CareTeamMember = Episode['careTeam'][number];

export const patientsKey = ['patients'] as const;
export const episodesKey = ['episodes'] as const;
export const caseloadKey = ['caseload'] as const;

export function usePatient(id: string) {
  return useQuery({
    queryKey: [...patientsKey, 'one', id],
    queryFn: () => takeEarlyRead(patientEarlyRead(id), () => fetchPatient(id)),
  });
}

export function useEpisode(id: string) {
  return useQuery({
    queryKey: [...episodesKey, 'one', id],
    queryFn: () => unwrap(api.GET('/api/episodes/{id}', { params: { path: { id } } })),
  });
}

/** 409 possible-duplicate: the records this may be, for the user to review. */
export class PossibleDuplicateError extends ApiError {
  readonly duplicates: PossibleDuplicates;
  constructor(problem: Problem, duplicates: PossibleDuplicates) {
    super(problem);
    this.duplicates = duplicates;
  }
}

/** Registers a patient; unlike `unwrap`, keeps the candidates a possible-duplicate answer lists. */
export async function registerPatient(body: NewPatient): Promise<Patient> {
  const result = await api.POST('/api/patients', { body }).catch(() => {
    throw new ApiError({ type: networkProblemType, title: 'Network error', status: 0 });
  });
  if (result.response.ok && result.data !== undefined) {
    // 202: the registration resembles a record the user may not see; a supervisor reviews it.
    if ('review' in result.data) {
      throw new ApiError({
        type: '/api/problems/registration-review',
        title: 'Sent to a supervisor',
        status: 202,
        detail:
          'A supervisor must review this registration before the record is created. You will see the outcome under your registrations.',
      });
    }
    return result.data;
  }
  const problem = toProblem(result.response.status, result.response.statusText, result.error);
  if (problemType(problem) === 'possible-duplicate') throw new PossibleDuplicateError(problem, parsePossibleDuplicates(result.error));
  throw new ApiError(problem, parseRetryAfter(result.response.headers.get('Retry-After')));
}

/**
 * Active staff to choose from (GET /api/users answers only admins and supervisors): disabled
 * for everyone else, whose screens then offer themselves or the people already on the team.
 */
export function useStaffPicker(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'picker'],
    enabled,
    staleTime: 60_000,
    queryFn: async () => {
      const users: User[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(api.GET('/api/users', { params: { query: { status: 'active', limit: 200, cursor } } }));
        users.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return users;
    },
  });
}
