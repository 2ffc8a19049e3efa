// The words printed on the consent itself, read in the consent's language (not the user's):
// patient-facing, plain language (docs/glossary.md).
import type { Messages } from '../../i18n/messages.ts';

export const consentDocumentMessages = {
  'consentDoc.title': {
    en: 'Consent to share substance use disorder treatment records',
    es: 'Consentimiento para compartir expedientes del tratamiento por uso de sustancias',
  },
  'consentDoc.rule': {
    en: 'Under federal rules (42 CFR Part 2) these records cannot be shared without your written consent, except as those rules allow.',
    es: 'Según las reglas federales (42 CFR parte 2), estos expedientes no se pueden compartir sin su consentimiento por escrito, salvo lo que esas reglas permiten.',
  },
  'consentDoc.patient': { en: 'My name', es: 'Mi nombre' },
  'consentDoc.disclosingParty': { en: 'I allow', es: 'Autorizo a' },
  'consentDoc.recipient': { en: 'to share my information with', es: 'a compartir mi información con' },
  'consentDoc.information': { en: 'The information', es: 'La información' },
  'consentDoc.purpose': { en: 'For this purpose', es: 'Con este propósito' },
  'consentDoc.expires': { en: 'This consent ends', es: 'Este consentimiento termina' },
  'consentDoc.expiresOn': { en: 'on {date}', es: 'el {date}' },
  'consentDoc.statements': { en: 'Please know', es: 'Tenga en cuenta' },
  'consentDoc.signature': { en: 'Signature', es: 'Firma' },
  'consentDoc.signedBy.patient': { en: 'Signed by the patient', es: 'Firmado por el paciente' },
  'consentDoc.signedBy.representative': {
    en: 'Signed by {name}, {authority}',
    es: 'Firmado por {name}, {authority}',
  },
  'consentDoc.verbal': { en: 'Given verbally, witnessed by {witness}', es: 'Dado de palabra, con {witness} como testigo' },
  'consentDoc.refused': { en: 'The patient refused to sign this consent.', es: 'El paciente no quiso firmar este consentimiento.' },
  'consentDoc.date': { en: 'Date', es: 'Fecha' },
  'consentDoc.revoked': { en: 'Revoked on {date}', es: 'Revocado el {date}' },
  'consentDoc.print': { en: 'Print', es: 'Imprimir' },
  'consentDoc.back': { en: 'Back to consents', es: 'Volver a los consentimientos' },
} satisfies Messages;
