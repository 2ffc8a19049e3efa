import {
  genderIdentities,
  raceEthnicities,
  sexesAtBirth,
  type CoverageKind,
  type GenderIdentity,
  type IdentifierSystem,
  type PhoneKind,
  type RaceEthnicity,
  type SexAtBirth,
} from '../../api/codes.ts';
import { type NewPatient, type Patient } from './patientQueries.ts';

/** The patient form's values, and the conversions between them, a patient and a request body. */
export interface PhoneRow {
  key: number;
  number: string;
  kind: PhoneKind;
  consentToText: boolean;
  voicemailSafe: boolean;
}
interface IdentifierRow {
  key: number;
  system: IdentifierSystem;
  value: string;
  /** Set by an integration, not shown: sent back unchanged so an edit here keeps it. */
  label: string | null;
}
interface CoverageRow {
  key: number;
  kind: CoverageKind;
  payerName: string;
  memberId: string;
  startDate: string;
  endDate: string;
}

export interface PatientFormValues {
  legalFirstName: string;
  legalMiddleName: string;
  legalLastName: string;
  preferredName: string;
  dateOfBirth: string;
  sexAtBirth: SexAtBirth | null;
  genderIdentity: GenderIdentity | null;
  pronouns: string;
  raceEthnicity: RaceEthnicity[];
  preferredLanguage: string;
  interpreterNeeded: boolean;
  phones: PhoneRow[];
  noFixedAddress: boolean;
  addressLine1: string;
  addressLine2: string;
  city: string;
  state: string;
  postalCode: string;
  howToReach: string;
  emergencyContactName: string;
  emergencyContactRelationship: string;
  emergencyContactPhone: string;
  identifiers: IdentifierRow[];
  coverages: CoverageRow[];
}

/** Languages US programs meet most often (BCP 47), named by the browser in the user's language. */
export const commonLanguages = [
  'en',
  'es',
  'zh',
  'vi',
  'tl',
  'ar',
  'ko',
  'ru',
  'fr',
  'ht',
  'pt',
  'de',
  'hi',
  'so',
  'hmn',
  'nv',
  'ase',
  'pl',
  'ja',
  'am',
];

let nextRowKey = 1;
export const rowKey = () => nextRowKey++;

export function blankPhone(): PhoneRow {
  return { key: rowKey(), number: '', kind: 'mobile', consentToText: false, voicemailSafe: false };
}

export function emptyValues(): PatientFormValues {
  return {
    legalFirstName: '',
    legalMiddleName: '',
    legalLastName: '',
    preferredName: '',
    dateOfBirth: '',
    sexAtBirth: null,
    genderIdentity: null,
    pronouns: '',
    raceEthnicity: [],
    preferredLanguage: 'en',
    interpreterNeeded: false,
    phones: [blankPhone()],
    noFixedAddress: false,
    addressLine1: '',
    addressLine2: '',
    city: '',
    state: '',
    postalCode: '',
    howToReach: '',
    emergencyContactName: '',
    emergencyContactRelationship: '',
    emergencyContactPhone: '',
    identifiers: [],
    coverages: [],
  };
}

export function isCode<T extends string>(codes: readonly T[], value: string | null): value is T {
  return codes.some((code) => code === value);
}

export function valuesOf(patient: Patient): PatientFormValues {
  return {
    legalFirstName: patient.legalFirstName,
    legalMiddleName: patient.legalMiddleName ?? '',
    legalLastName: patient.legalLastName,
    preferredName: patient.preferredName ?? '',
    dateOfBirth: patient.dateOfBirth,
    sexAtBirth: isCode(sexesAtBirth, patient.sexAtBirth) ? patient.sexAtBirth : null,
    genderIdentity: isCode(genderIdentities, patient.genderIdentity) ? patient.genderIdentity : null,
    pronouns: patient.pronouns ?? '',
    raceEthnicity: patient.raceEthnicity.filter((code) => isCode(raceEthnicities, code)),
    preferredLanguage: patient.preferredLanguage,
    interpreterNeeded: patient.interpreterNeeded,
    phones: patient.phones.map((phone) => ({ key: rowKey(), ...phone })),
    noFixedAddress: patient.noFixedAddress,
    addressLine1: patient.addressLine1 ?? '',
    addressLine2: patient.addressLine2 ?? '',
    city: patient.city ?? '',
    state: patient.state ?? '',
    postalCode: patient.postalCode ?? '',
    howToReach: patient.howToReach ?? '',
    emergencyContactName: patient.emergencyContactName ?? '',
    emergencyContactRelationship: patient.emergencyContactRelationship ?? '',
    emergencyContactPhone: patient.emergencyContactPhone ?? '',
    identifiers: patient.identifiers.map((identifier) => ({
      key: rowKey(),
      system: identifier.system,
      value: identifier.value,
      label: identifier.label ?? null,
    })),
    coverages: patient.coverages.map((coverage) => ({
      key: rowKey(),
      kind: coverage.kind,
      payerName: coverage.payerName ?? '',
      memberId: coverage.memberId ?? '',
      startDate: coverage.startDate ?? '',
      endDate: coverage.endDate ?? '',
    })),
  };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export function bodyOf(v: PatientFormValues): Omit<NewPatient, 'confirmedNotDuplicate'> {
  return {
    legalFirstName: v.legalFirstName.trim(),
    legalMiddleName: orNull(v.legalMiddleName),
    legalLastName: v.legalLastName.trim(),
    preferredName: orNull(v.preferredName),
    dateOfBirth: v.dateOfBirth,
    sexAtBirth: v.sexAtBirth,
    genderIdentity: v.genderIdentity,
    pronouns: orNull(v.pronouns),
    raceEthnicity: v.raceEthnicity,
    preferredLanguage: v.preferredLanguage,
    interpreterNeeded: v.interpreterNeeded,
    phones: v.phones
      .filter((phone) => phone.number.trim() !== '')
      .map(({ number, kind, consentToText, voicemailSafe }) => ({ number: number.trim(), kind, consentToText, voicemailSafe })),
    noFixedAddress: v.noFixedAddress,
    addressLine1: v.noFixedAddress ? null : orNull(v.addressLine1),
    addressLine2: v.noFixedAddress ? null : orNull(v.addressLine2),
    city: v.noFixedAddress ? null : orNull(v.city),
    state: v.noFixedAddress ? null : orNull(v.state),
    postalCode: v.noFixedAddress ? null : orNull(v.postalCode),
    howToReach: orNull(v.howToReach),
    emergencyContactName: orNull(v.emergencyContactName),
    emergencyContactRelationship: orNull(v.emergencyContactRelationship),
    emergencyContactPhone: orNull(v.emergencyContactPhone),
    identifiers: v.identifiers
      .filter((identifier) => identifier.value.trim() !== '')
      .map(({ system, value, label }) => ({ system, value: value.trim(), ...(label !== null ? { label } : {}) })),
    coverages: v.coverages.map((coverage) => ({
      kind: coverage.kind,
      payerName: orNull(coverage.payerName),
      memberId: orNull(coverage.memberId),
      startDate: orNull(coverage.startDate),
      endDate: orNull(coverage.endDate),
    })),
  };
}

/**
 * The body leaves out blank phone and ID rows, so its row numbers differ from the form's: maps
 * a pointer into the body (`/phones/0/number`) to the form row it came from.
 */
export function formRowPointer(pointer: string, v: PatientFormValues): string {
  const match = /^\/(phones|identifiers)\/(\d+)(.*)$/.exec(pointer);
  if (match === null) return pointer;
  const [, list = '', index = '', rest = ''] = match;
  const kept =
    list === 'phones'
      ? v.phones.flatMap((phone, row) => (phone.number.trim() !== '' ? [row] : []))
      : v.identifiers.flatMap((identifier, row) => (identifier.value.trim() !== '' ? [row] : []));
  const row = kept[Number(index)];
  return row === undefined ? pointer : `/${list}/${row}${rest}`;
}
