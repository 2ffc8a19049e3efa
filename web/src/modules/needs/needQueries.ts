import type { OkBody } from '../../api/types.ts';

export type Need = OkBody<'/api/needs/{id}', 'get'>;
export type Strength = OkBody<'/api/strengths/{id}', 'get'>;
export type NeedsOverview = OkBody<'/api/patients/{id}', 'get'>['needs'];

export const urgencyColor = (urgency: Need['urgency']) => (urgency === 'urgent' ? 'red' : urgency === 'soon' ? 'orange' : 'gray');

export function needStatusColor(status: Need['status']) {
  switch (status) {
    case 'proposed':
      return 'violet';
    case 'identified':
      return 'blue';
    case 'being-addressed':
      return 'cyan';
    case 'met':
      return 'green';
    case 'declined-by-patient':
    case 'unmet-no-resource':
    case 'dismissed':
      return 'gray';
  }
}
