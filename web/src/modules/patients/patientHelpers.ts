// Pure helpers of the patient screens: names, ages, levels of care, the possible-duplicate
// answer. No DOM, no React, so node:test covers them.
import { phaseTransitions, type EpisodePhase, type LevelEdition } from '../../api/codes.ts';

export interface NamedPatient {
  legalFirstName: string;
  legalLastName: string;
  preferredName: string | null;
}

/** The name to call someone by: their preferred first name, else the legal one, with the last name. */
export function displayName(patient: NamedPatient): string {
  const first = patient.preferredName?.trim() || patient.legalFirstName;
  return `${first} ${patient.legalLastName}`;
}

/** The legal name, when it differs from the name shown. */
export function legalNameIfDifferent(patient: NamedPatient & { legalMiddleName?: string | null }): string | null {
  const legal = [patient.legalFirstName, patient.legalMiddleName, patient.legalLastName].filter((part) => part?.trim()).join(' ');
  return legal === displayName(patient) ? null : legal;
}

/** Whole years between a birth date and a day (both `YYYY-MM-DD`). */
export function ageOn(dateOfBirth: string, today: string): number | null {
  const birth = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  const now = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (birth === null || now === null) return null;
  let age = Number(now[1]) - Number(birth[1]);
  if (`${now[2]}-${now[3]}` < `${birth[2]}-${birth[3]}`) age -= 1;
  return age < 0 ? null : age;
}

/** The phases an episode may move to next (closed is final). */
export function nextPhases(phase: EpisodePhase): readonly EpisodePhase[] {
  return phaseTransitions[phase];
}

/** Message keys of a level of care: its edition ("ASAM 3rd ed.") and its name ("2.1 Intensive outpatient"). */
export function levelKeys(edition: LevelEdition, code: string): { edition: string; level: string } {
  return { edition: `levelEdition.${edition}`, level: `level.${edition}.${code}` };
}

/**
 * "ASAM 3rd ed. 2.1 Intensive outpatient"; levels that are not ASAM levels ("Recovery
 * housing") carry no edition. A code the web app does not know yet is shown as it is.
 */
export function levelLabel(tMaybe: (key: string) => string | null, edition: LevelEdition, code: string): string {
  const keys = levelKeys(edition, code);
  const level = tMaybe(keys.level) ?? code;
  if (edition === 'other') return level;
  return `${tMaybe(keys.edition) ?? edition} ${level}`;
}

const duplicateReasons = ['same-identifier', 'same-birth-date', 'similar-name', 'swapped-names', 'nickname', 'one-surname'] as const;
type DuplicateReason = (typeof duplicateReasons)[number];

/** What a registrar compares a possible duplicate by, in place (the API sends it with the candidate). */
interface CompareDetails {
  phones: string[];
  identifiers: { system: string; value: string }[];
  /** The address on one line, or null when none is recorded. */
  address: string | null;
  noFixedAddress: boolean;
}

interface DuplicateCandidate {
  patient: NamedPatient & { id: string; dateOfBirth: string } & CompareDetails;
  reasons: DuplicateReason[];
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

function compareDetails(patient: Record<string, unknown>): CompareDetails {
  const identifiers = (Array.isArray(patient.identifiers) ? patient.identifiers : []).flatMap((item: unknown) =>
    isRecord(item) && typeof item.system === 'string' && typeof item.value === 'string' ? [{ system: item.system, value: item.value }] : [],
  );
  const address = isRecord(patient.address) ? patient.address : {};
  const line = [
    address.line1,
    address.line2,
    address.city,
    [address.state, address.postalCode].filter((part) => typeof part === 'string').join(' '),
  ]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(', ');
  return {
    phones: strings(patient.phones),
    identifiers,
    address: line === '' ? null : line,
    noFixedAddress: address.noFixedAddress === true,
  };
}

export interface PossibleDuplicates {
  candidates: DuplicateCandidate[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the candidates of a 409 possible-duplicate answer; anything malformed is left out. */
export function parsePossibleDuplicates(body: unknown): PossibleDuplicates {
  if (!isRecord(body)) return { candidates: [] };
  const candidates: DuplicateCandidate[] = [];
  for (const item of Array.isArray(body.candidates) ? body.candidates : []) {
    if (!isRecord(item) || !isRecord(item.patient)) continue;
    const { id, legalFirstName, legalLastName, preferredName, dateOfBirth } = item.patient;
    if (typeof id !== 'string' || typeof legalFirstName !== 'string' || typeof legalLastName !== 'string') continue;
    if (typeof dateOfBirth !== 'string') continue;
    const reasons = (Array.isArray(item.reasons) ? item.reasons : []).filter((reason): reason is DuplicateReason =>
      duplicateReasons.some((known) => known === reason),
    );
    candidates.push({
      patient: {
        id,
        legalFirstName,
        legalLastName,
        preferredName: typeof preferredName === 'string' ? preferredName : null,
        dateOfBirth,
        ...compareDetails(item.patient),
      },
      reasons,
    });
  }
  return { candidates };
}

/** A shared identifier cannot be confirmed away: the server refuses the record whatever the user says. */
export function blockedBySharedIdentifier(duplicates: PossibleDuplicates, alreadyConfirmed: boolean): boolean {
  // After "register anyway" only a shared identifier still blocks.
  return alreadyConfirmed || duplicates.candidates.some((candidate) => candidate.reasons.includes('same-identifier'));
}

export type SearchKind = 'name' | 'identifier' | 'phone';

export interface PatientSearch {
  kind: SearchKind;
  text: string;
  dateOfBirth: string;
}

/** The query of GET /api/patients for a search, or null when it has no usable term yet. */
export function searchQuery(search: PatientSearch): { q?: string; identifier?: string; phone?: string; dateOfBirth?: string } | null {
  const text = search.text.trim();
  const query: { q?: string; identifier?: string; phone?: string; dateOfBirth?: string } = {};
  if (search.kind === 'name' && text.length >= 2) query.q = text;
  if (search.kind === 'identifier' && text !== '') query.identifier = text;
  if (search.kind === 'phone' && text.replace(/\D/g, '').length >= 4) query.phone = text.replace(/\D/g, '');
  if (/^\d{4}-\d{2}-\d{2}$/.test(search.dateOfBirth)) query.dateOfBirth = search.dateOfBirth;
  return Object.keys(query).length === 0 ? null : query;
}

/** What names a language code: the browser's Intl.DisplayNames, or nothing. */
export interface LanguageNamer {
  of(code: string): string | undefined;
}

/**
 * A language's name in the user's language: the browser's, or ours (`languageName.<code>`)
 * where the browser has none. Browsers ship trimmed language data: Chromium answers `nv` for
 * Navajo, and no browser names American Sign Language (`ase`) in Spanish.
 */
export function languageName(code: string, namer: LanguageNamer | null, tMaybe: (key: string) => string | null): string {
  let named: string | undefined;
  try {
    named = namer?.of(code);
  } catch {
    named = undefined; // not a well-formed code
  }
  if (named !== undefined && named.toLowerCase() !== code.toLowerCase()) return named;
  return tMaybe(`languageName.${code}`) ?? code;
}

/** The browser's names of languages in one of ours (`en-US`, `es-US`), or null where it has none. */
export function browserLanguageNamer(intlLocale: string): LanguageNamer | null {
  try {
    return new Intl.DisplayNames([intlLocale], { type: 'language', fallback: 'none' });
  } catch {
    return null;
  }
}
