import { LOCALES } from '../../codes.ts';

export const CHECKED_COLUMNS: Record<string, readonly string[]> = {
  'sessions.patient_mode_locale': LOCALES,
};
