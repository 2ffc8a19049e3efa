import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { OkBody } from '../../api/types.ts';

export type AsamReview = OkBody<'/api/asam-reviews/{id}', 'get'>;
export const asamReviewKey = (id: string) => ['asam-reviews', id] as const;

export function useAsamReview(id: string) {
  return useQuery({ queryKey: asamReviewKey(id), queryFn: () => unwrap(api.GET('/api/asam-reviews/{id}', { params: { path: { id } } })) });
}

export function levelsDiffer(review: Pick<AsamReview, 'indicatedLevel' | 'availableLevel' | 'chosenLevel'>): boolean {
  return review.indicatedLevel !== review.chosenLevel || review.indicatedLevel !== review.availableLevel;
}
