import { Type, type Static } from 'typebox';
import { COVERAGE_KINDS, GENDER_IDENTITIES, IDENTIFIER_SYSTEMS, PHONE_KINDS, RACE_ETHNICITY, SEXES_AT_BIRTH } from './codes.ts';
import { DateOnly, ListQuery, Nullable, page, Text, Uuid, Version } from '../../lib/http/schemas.ts';

export const Phone = Type.Object(
  {
    number: Type.String({ minLength: 3, maxLength: 30, pattern: '^[0-9+()\\-. ]+$' }),
    kind: Type.Enum(PHONE_KINDS),
    consentToText: Type.Boolean({ description: 'The patient agreed to text messages on this number' }),
    voicemailSafe: Type.Boolean({ description: 'A voicemail here will not put the patient at risk' }),
  },
  { additionalProperties: false },
);
export const Identifier = Type.Object(
  { system: Type.Enum(IDENTIFIER_SYSTEMS), value: Text(64), label: Type.Optional(Nullable(Text(100))) },
  { additionalProperties: false },
);
export const Coverage = Type.Object(
  {
    kind: Type.Enum(COVERAGE_KINDS),
    payerName: Type.Optional(Nullable(Text(200))),
    memberId: Type.Optional(Nullable(Text(64))),
    startDate: Type.Optional(Nullable(DateOnly)),
    endDate: Type.Optional(Nullable(DateOnly)),
  },
  { additionalProperties: false },
);

/** What a person is: everything but the bookkeeping. Shared by create, update and the view. */
const patientFields = {
  legalFirstName: Text(100),
  legalMiddleName: Type.Optional(Nullable(Text(100))),
  legalLastName: Text(100),
  preferredName: Type.Optional(Nullable(Text(100))),
  dateOfBirth: DateOnly,
  sexAtBirth: Type.Optional(Nullable(Type.Enum(SEXES_AT_BIRTH))),
  genderIdentity: Type.Optional(Nullable(Type.Enum(GENDER_IDENTITIES))),
  pronouns: Type.Optional(Nullable(Text(50))),
  raceEthnicity: Type.Optional(Type.Array(Type.Enum(RACE_ETHNICITY), { uniqueItems: true })),
  preferredLanguage: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: 'BCP 47, e.g. en, es, vi' })),
  interpreterNeeded: Type.Optional(Type.Boolean()),
  addressLine1: Type.Optional(Nullable(Text(200))),
  addressLine2: Type.Optional(Nullable(Text(200))),
  city: Type.Optional(Nullable(Text(100))),
  state: Type.Optional(Nullable(Text(50))),
  postalCode: Type.Optional(Nullable(Text(20))),
  noFixedAddress: Type.Optional(Type.Boolean()),
  howToReach: Type.Optional(Nullable(Text(1000))),
  emergencyContactName: Type.Optional(Nullable(Text(200))),
  emergencyContactRelationship: Type.Optional(Nullable(Text(100))),
  emergencyContactPhone: Type.Optional(Nullable(Text(30))),
  phones: Type.Optional(Type.Array(Phone, { maxItems: 10 })),
  identifiers: Type.Optional(Type.Array(Identifier, { maxItems: 20 })),
  coverages: Type.Optional(Type.Array(Coverage, { maxItems: 20 })),
};

export const CreatePatientBody = Type.Object(
  {
    ...patientFields,
    confirmedNotDuplicate: Type.Optional(
      Type.Boolean({ description: 'Send true after reviewing the possible duplicates a 409 listed, to create the record anyway' }),
    ),
  },
  { additionalProperties: false },
);
export type CreatePatientBody = Static<typeof CreatePatientBody>;

export const UpdatePatientBody = Type.Object(
  { version: Type.Optional(Version), ...Type.Partial(Type.Object(patientFields)).properties },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdatePatientBody = Static<typeof UpdatePatientBody>;

export const PatientSearchQuery = Type.Object({
  q: Type.Optional(Type.String({ minLength: 2, maxLength: 100, description: 'Part of a name' })),
  dateOfBirth: Type.Optional(DateOnly),
  identifier: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  phone: Type.Optional(Type.String({ minLength: 4, maxLength: 30, description: 'Digits of a phone number (the last four are enough)' })),
  limit: ListQuery.limit,
});
export type PatientSearchQuery = Static<typeof PatientSearchQuery>;

const PatientSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  legalFirstName: Type.String(),
  legalLastName: Type.String(),
  preferredName: Nullable(Type.String()),
  dateOfBirth: Type.String({ format: 'date' }),
});

/**
 * A search's answer: a page (no further pages: ranked, not paged), and whether more people
 * matched than are ranked (SEARCH_MATCH_CAP, docs/api.md): then `items` is the best of the
 * first `matchCap` + 1 found, not of all, and the person should narrow the search.
 */
export const PatientSearchPage = Type.Object({
  ...page(PatientSummary).properties,
  tooManyMatches: Type.Boolean({
    description: 'More than `matchCap` patients you may see match: the items are the best of some of them; add to the search',
  }),
  matchCap: Type.Integer({ description: 'How many matches a search ranks at most' }),
});

export const DuplicateCandidate = Type.Object({
  patient: PatientSummary,
  reasons: Type.Array(
    Type.Enum(['same-identifier', 'same-birth-date', 'similar-name', 'swapped-names', 'nickname', 'one-surname'] as const),
  ),
  score: Type.Number({ description: '0 to 1: how alike the two records are' }),
});
export type DuplicateCandidate = Static<typeof DuplicateCandidate>;

export const MergeBody = Type.Object(
  {
    mergedPatientId: Uuid,
    version: Version,
    reason: Type.String({ minLength: 1, maxLength: 2000, description: 'Why these are the same person' }),
  },
  { additionalProperties: false },
);
