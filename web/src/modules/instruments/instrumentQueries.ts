import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { OkBody } from '../../api/types.ts';
import type { Definition } from '../../../../src/modules/instruments/definition.ts';

type InstrumentDetail = Omit<OkBody<'/api/instruments/{key}', 'get'>, 'definition'> & { definition: Definition };
export type ScoreResult = OkBody<'/api/instruments/{key}/score', 'post'>;
export type { Definition };
export type Item = Definition['items'][number];
export type Answer = number | 'yes' | 'no' | 'refused' | number[];

export const instrumentsKey = ['instruments'] as const;

export function useInstrumentsQuery() {
  return useQuery({ queryKey: instrumentsKey, queryFn: async () => (await unwrap(api.GET('/api/instruments'))).items });
}

export function useInstrumentQuery(key: string) {
  return useQuery({
    queryKey: [...instrumentsKey, key],
    enabled: key !== '',
    queryFn: async () => (await unwrap(api.GET('/api/instruments/{key}', { params: { path: { key } } }))) as InstrumentDetail,
  });
}

/** Text in the user's language when the definition has it, else English. */
export function localText(text: { en: string; es?: string }, locale: string): string {
  return locale === 'es' ? (text.es ?? text.en) : text.en;
}

export type Assessment = OkBody<'/api/assessments/{id}', 'get'>;
export const assessmentKey = (id: string) => ['assessments', id] as const;

export function useAssessmentQuery(id: string) {
  return useQuery({
    queryKey: assessmentKey(id),
    queryFn: () => unwrap(api.GET('/api/assessments/{id}', { params: { path: { id } } })),
  });
}
