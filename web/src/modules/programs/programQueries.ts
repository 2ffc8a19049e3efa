import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { Program } from '../../api/types.ts';

export const programsKey = ['programs'] as const;

/** Every program of the organization (there are few), following the cursor to the end. */
async function fetchAllPrograms(): Promise<Program[]> {
  const programs: Program[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(api.GET('/api/programs', { params: { query: { limit: 200, cursor } } }));
    programs.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return programs;
}

export function useProgramsQuery() {
  return useQuery({ queryKey: programsKey, queryFn: fetchAllPrograms, staleTime: 60_000 });
}

/**
 * The clinical staff of one program, for its own staff (a primary case manager choosing a
 * colleague for the care team or a handover): no staff list of the whole organization needed.
 */
export function useProgramMembers(programId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...programsKey, programId, 'members'],
    enabled,
    staleTime: 60_000,
    queryFn: async () =>
      (await unwrap(api.GET('/api/programs/{id}/members', { params: { path: { id: programId } } }))).items.map((member) => ({
        id: member.id,
        name: member.displayName,
      })),
  });
}

/** Program names for ids, in the order given; an id not (or no longer) listed is left out. */
export function programNames(programIds: readonly string[], programs: readonly Program[] | undefined): string[] {
  if (programs === undefined) return [];
  return programIds.flatMap((id) => {
    const program = programs.find((candidate) => candidate.id === id);
    return program === undefined ? [] : [program.name];
  });
}
