import type { ConsentKind } from './codes.ts';

/**
 * The statements a Part 2 consent must carry (§ 2.31(a)(6), (a)(4)(iii), (b)/(c): revocation,
 * redisclosure, no conditioning of treatment; HIPAA redisclosure for TPO consents) in Bridgeway's
 * own plain words, in both languages. A consent stores the version the patient was shown, so a
 * later rewording never changes what an old consent said. Change the words: add a version.
 */
export const STATEMENTS_VERSION = 'part2-2024-v1';

type Lang = 'en' | 'es';
interface Statement {
  key: 'revocation' | 'not-conditioned' | 'redisclosure' | 'hipaa-redisclosure';
  text: Record<Lang, string>;
}

const STATEMENTS: Record<string, readonly Statement[]> = {
  'part2-2024-v1': [
    {
      key: 'revocation',
      text: {
        en: 'You may revoke (take back) this consent at any time by telling us in writing: sign and date a note, or ask your case manager for the revocation form. Revoking stops any disclosure from that day on. It cannot undo what was already shared in reliance on this consent before you revoked it.',
        es: 'Usted puede revocar (retirar) este consentimiento en cualquier momento si nos lo dice por escrito: firme y feche una nota, o pida el formulario de revocación a su administrador(a) de casos. Al revocarlo, no se comparte nada más desde ese día. No se puede deshacer lo que ya se compartió con base en este consentimiento antes de que usted lo revocara.',
      },
    },
    {
      key: 'not-conditioned',
      text: {
        en: 'Your treatment, payment for it, enrollment and eligibility for benefits do not depend on whether you sign this consent.',
        es: 'Su tratamiento, el pago del tratamiento, su inscripción y su derecho a beneficios no dependen de que usted firme este consentimiento.',
      },
    },
    {
      key: 'redisclosure',
      text: {
        en: 'Information shared under this consent may be shared again by the person or organization that receives it, and may then no longer be protected by the federal confidentiality rules (42 CFR part 2).',
        es: 'La información que se comparte con este consentimiento puede ser compartida de nuevo por la persona u organización que la recibe, y es posible que entonces ya no esté protegida por las reglas federales de confidencialidad (42 CFR parte 2).',
      },
    },
    {
      key: 'hipaa-redisclosure',
      text: {
        en: 'If the recipient is a health care provider, health plan or business associate covered by HIPAA, it may share your records again as the HIPAA rules allow, except for use against you in civil, criminal, administrative or legislative proceedings.',
        es: 'Si quien recibe la información es un proveedor de atención médica, un plan de salud o un socio comercial cubierto por HIPAA, puede volver a compartir sus expedientes según lo permitan las reglas de HIPAA, excepto para usarlos en su contra en procesos civiles, penales, administrativos o legislativos.',
      },
    },
  ],
};

/** The statements a consent of this kind carries, in its language, as the patient was shown them. */
export function statementsFor(version: string, kind: ConsentKind, language: Lang): { key: Statement['key']; text: string }[] {
  const statements = STATEMENTS[version] ?? [];
  return statements
    .filter((statement) => statement.key !== 'hipaa-redisclosure' || kind === 'tpo')
    .map((statement) => ({ key: statement.key, text: statement.text[language] }));
}

/**
 * § 2.32(a)(2), the short form of the notice that goes with every disclosure made with consent
 * (docs/consent.md says where the wording was read and what to verify).
 */
export const DISCLOSURE_NOTICE = '42 CFR part 2 prohibits unauthorized use or disclosure of these records.';
