import type { OkBody } from '../../api/types.ts';

export type Grant = OkBody<'/api/emergency-access', 'get'>['items'][number];
export type GrantDetail = OkBody<'/api/emergency-access/{id}', 'get'>;

export const emergencyAccessKey = ['emergency-access'] as const;
export const myGrantsKey = [...emergencyAccessKey, 'mine'] as const;

/** Badge colours: a grant still in force stands out; findings by how much they call for action. */
export const stateColors: Record<Grant['state'], string> = { active: 'red', ended: 'gray', expired: 'gray' };
export const findingColors: Record<NonNullable<Grant['review']>['finding'], string> = {
  appropriate: 'green',
  inappropriate: 'red',
  'needs-follow-up': 'yellow',
};
