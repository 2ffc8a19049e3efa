import { expectCreated, type MakeAccessRecords } from '../../../test/support/access-world.ts';

/** A patient, and a merge of a second record of the same person into them. */
export const makeAccessRecords: MakeAccessRecords = async ({ owner, ids }) => {
  const register = (legalFirstName: string) =>
    owner.post<{ id: string; version: number }>('/api/patients', {
      legalFirstName,
      legalLastName: 'Matrixson',
      dateOfBirth: '1981-07-09',
      confirmedNotDuplicate: true,
    });
  const patient = expectCreated('register a patient', await register('Marisol'));
  const twin = expectCreated('register a twin', await register('Mari'));
  const merge = expectCreated(
    'merge',
    await owner.post<{ id: string }>(`/api/patients/${patient.id}/merges`, {
      mergedPatientId: twin.id,
      version: patient.version,
      reason: 'Same person',
    }),
  );
  ids.set('patient', patient.id);
  ids.set('patient-merge', merge.id);
};
