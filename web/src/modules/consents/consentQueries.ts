import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { OkBody, RequestBody } from '../../api/types.ts';

export type ConsentSummary = OkBody<'/api/patients/{id}/consents', 'get'>['items'][number];
export type NewConsent = RequestBody<'/api/patients/{id}/consents', 'post'>;
export type CheckResult = OkBody<'/api/patients/{id}/disclosure-checks', 'post'>;
export type DisclosureMade = OkBody<'/api/patients/{id}/disclosures', 'post'>;
export type Disclosure = OkBody<'/api/patients/{id}/disclosures', 'get'>['items'][number];

/** Everything about a patient's consents refreshes together (list, overview, accounting). */
export const consentsKey = (patientId: string) => ['consents', patientId] as const;

export function useConsentsQuery(patientId: string) {
  return useQuery({
    queryKey: [...consentsKey(patientId), 'list'],
    queryFn: async () => (await unwrap(api.GET('/api/patients/{id}/consents', { params: { path: { id: patientId } } }))).items,
  });
}

export function useConsentQuery(id: string) {
  return useQuery({
    queryKey: ['consent', id],
    queryFn: () => unwrap(api.GET('/api/consents/{id}', { params: { path: { id } } })),
  });
}

/** Disclosures since a day: the page says the same day it asks for. */
export function useDisclosuresQuery(patientId: string, since: string) {
  return useQuery({
    queryKey: [...consentsKey(patientId), 'disclosures', since],
    queryFn: async () =>
      (await unwrap(api.GET('/api/patients/{id}/disclosures', { params: { path: { id: patientId }, query: { since } } }))).items,
  });
}

export const stateColor = (state: ConsentSummary['state']) =>
  state === 'active' ? 'green' : state === 'expiring' ? 'yellow' : state === 'revoked' ? 'red' : 'gray';
