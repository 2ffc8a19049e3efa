import { expectCreated, type MakeAccessRecords } from '../../../test/support/access-world.ts';

/** A 1×1 PNG: the smallest drawn signature the schema takes. */
export const TINY_SIGNATURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A consent to a named clinic, signed on screen by the patient the patients module's fixture registered. */
export const makeAccessRecords: MakeAccessRecords = async ({ owner, today, ids }) => {
  const consent = expectCreated(
    'record a consent',
    await owner.post<{ id: string }>(`/api/patients/${ids.get('patient') ?? ''}/consents`, {
      kind: 'specific',
      disclosingParty: 'Riverbend Recovery Services',
      recipientKind: 'named',
      recipientName: 'Eastside Family Clinic',
      informationKinds: ['attendance', 'treatment-progress'],
      informationDescription: 'Dates attended and progress in substance use disorder treatment',
      purposes: ['care-coordination'],
      expirationKind: 'event',
      expirationText: 'When my treatment at Riverbend ends',
      language: 'en',
      signatureMethod: 'drawn',
      signatureImage: TINY_SIGNATURE,
      signer: 'patient',
      signedOn: today,
    }),
  );
  ids.set('consent', consent.id);
};
