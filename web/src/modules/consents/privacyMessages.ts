// The privacy officer's screens (docs/privacy-office.md): the landing page, the disclosures log,
// consents expiring soon, and the review of emergency disclosures. English and Spanish side by side.
import type { Messages } from '../../i18n/messages.ts';

export const privacyMessages = {
  'nav.privacy': { en: 'Privacy office', es: 'Oficina de privacidad' },
  'nav.privacy.description': {
    en: 'What needs your review: emergency disclosures, consents about to expire, this month’s disclosures, the audit log.',
    es: 'Lo que necesita su revisión: divulgaciones de emergencia, consentimientos por vencer, las divulgaciones del mes y el historial de auditoría.',
  },
  'nav.disclosureLog': { en: 'Disclosures log', es: 'Registro de divulgaciones' },
  'nav.disclosureLog.description': {
    en: 'Every disclosure outside the program: what, to whom, under which consent, by whom, when.',
    es: 'Cada divulgación fuera del programa: qué, a quién, con qué consentimiento, quién y cuándo.',
  },
  'nav.expiringConsents': { en: 'Consents expiring soon', es: 'Consentimientos por vencer' },
  'nav.expiringConsents.description': {
    en: 'Consents in effect that end within the next days, so they can be renewed in time.',
    es: 'Consentimientos vigentes que vencen en los próximos días, para renovarlos a tiempo.',
  },

  // Landing page
  'privacy.title': { en: 'Privacy office', es: 'Oficina de privacidad' },
  'privacy.intro': {
    en: 'Your lists under 42 CFR Part 2 and HIPAA. You see names and what was shared, never the charts. Every list you open or download is recorded.',
    es: 'Sus listas según 42 CFR parte 2 y HIPAA. Usted ve nombres y lo que se compartió, nunca los expedientes. Cada lista que abre o descarga queda anotada.',
  },
  'privacy.count.emergency': { en: 'Emergency disclosures awaiting review', es: 'Divulgaciones de emergencia por revisar' },
  'privacy.count.expiring': { en: 'Consents expiring in the next 30 days', es: 'Consentimientos que vencen en los próximos 30 días' },
  'privacy.count.breakGlass': { en: 'Emergency access events awaiting review', es: 'Accesos de emergencia por revisar' },
  'privacy.open.breakGlass': { en: 'Review emergency access', es: 'Revisar accesos de emergencia' },
  'privacy.link.restricted': { en: 'Restricted records', es: 'Expedientes restringidos' },
  'privacy.count.thisMonth': { en: 'Disclosures this month', es: 'Divulgaciones este mes' },
  'privacy.open.emergency': { en: 'Review emergency disclosures', es: 'Revisar divulgaciones de emergencia' },
  'privacy.open.expiring': { en: 'See consents expiring soon', es: 'Ver consentimientos por vencer' },
  'privacy.open.log': { en: 'Open the disclosures log', es: 'Abrir el registro de divulgaciones' },
  'privacy.more': { en: 'Also', es: 'También' },
  'privacy.link.audit': {
    en: 'Audit log: who opened or changed which record',
    es: 'Historial de auditoría: quién abrió o cambió cada registro',
  },
  'privacy.link.breakGlass': {
    en: 'Emergency access reviews (break the glass)',
    es: 'Revisiones de acceso de emergencia (romper el cristal)',
  },

  // Disclosures log
  'disclosureLog.title': { en: 'Disclosures log', es: 'Registro de divulgaciones' },
  'disclosureLog.intro': {
    en: 'Every disclosure outside the program, with consent or in a medical emergency. Newest first.',
    es: 'Cada divulgación fuera del programa, con consentimiento o en una emergencia médica. Lo más reciente primero.',
  },
  'disclosureLog.filters': { en: 'Filter the disclosures log', es: 'Filtrar el registro de divulgaciones' },
  'disclosureLog.basis': { en: 'Basis', es: 'Base' },
  'disclosureLog.anyBasis': { en: 'Any basis', es: 'Cualquier base' },
  'disclosureLog.recipient': { en: 'Recipient or facility contains', es: 'El destinatario o el centro contiene' },
  'disclosureLog.apply': { en: 'Show disclosures', es: 'Mostrar divulgaciones' },
  'disclosureLog.table': { en: 'Disclosures', es: 'Divulgaciones' },
  'disclosureLog.patient': { en: 'Patient', es: 'Paciente' },
  'disclosureLog.consent': { en: 'Under', es: 'Con base en' },
  'disclosureLog.consentSigned': { en: '{kind}, signed {date}', es: '{kind}, firmado el {date}' },
  'disclosureLog.purpose': { en: 'For: {purpose}', es: 'Para: {purpose}' },
  'disclosureLog.empty': { en: 'No disclosures match.', es: 'Ninguna divulgación coincide.' },
  'privacy.daysNote': {
    en: 'Days are the organization’s ({timeZone}), both included.',
    es: 'Los días son los de la organización ({timeZone}), ambos incluidos.',
  },

  // Consents expiring soon
  'expiring.title': { en: 'Consents expiring soon', es: 'Consentimientos por vencer' },
  'expiring.intro': {
    en: 'Consents in effect whose expiration date falls within the days you choose, soonest first. Revoked, ended and refused consents are not listed.',
    es: 'Consentimientos vigentes cuya fecha de vencimiento cae dentro de los días que elija, los más próximos primero. No aparecen los revocados, terminados ni rechazados.',
  },
  'expiring.within': { en: 'Expiring within (days)', es: 'Vencen dentro de (días)' },
  'expiring.table': { en: 'Consents expiring soon', es: 'Consentimientos por vencer' },
  'expiring.expiresOn': { en: 'Expires on', es: 'Vence el' },
  'expiring.daysLeft': { en: 'Days left', es: 'Días restantes' },
  'expiring.today': { en: 'Today', es: 'Hoy' },
  'expiring.kind': { en: 'Kind', es: 'Tipo' },
  'expiring.signed': { en: 'Signed', es: 'Firmado' },
  'expiring.empty': { en: 'No consent expires in this period.', es: 'Ningún consentimiento vence en este período.' },
  'expiring.truncated': {
    en: 'Only the first 500 are shown; the CSV holds them all.',
    es: 'Solo se muestran los primeros 500; el CSV los tiene todos.',
  },

  // Emergency disclosures: awaiting review / reviewed, and the review
  'emergencyQueue.status': { en: 'Show', es: 'Mostrar' },
  'emergencyQueue.status.awaiting-review': { en: 'Awaiting review', es: 'Por revisar' },
  'emergencyQueue.status.reviewed': { en: 'Reviewed', es: 'Revisadas' },
  'emergencyQueue.table': { en: 'Emergency disclosures', es: 'Divulgaciones de emergencia' },
  'emergencyQueue.noneReviewed': { en: 'None reviewed yet.', es: 'Todavía no se ha revisado ninguna.' },
  'emergencyQueue.review': { en: 'Review', es: 'Revisar' },
  'emergencyQueue.reviewOf': { en: 'Review the disclosure to {recipient}', es: 'Revisar la divulgación a {recipient}' },
  'emergencyQueue.changeFinding': { en: 'Change the finding', es: 'Cambiar el resultado' },
  'emergencyQueue.changeOf': {
    en: 'Change the finding on the disclosure to {recipient}',
    es: 'Cambiar el resultado de la divulgación a {recipient}',
  },
  'emergencyQueue.finding': { en: 'Finding', es: 'Resultado' },
  'emergencyQueue.finding.appropriate': { en: 'Appropriate', es: 'Adecuada' },
  'emergencyQueue.finding.inappropriate': { en: 'Not appropriate', es: 'No adecuada' },
  'emergencyQueue.finding.needs-follow-up': { en: 'Needs follow-up', es: 'Necesita seguimiento' },
  'emergencyQueue.finding.appropriate.help': {
    en: 'A bona fide emergency, consent could not be obtained, only what was needed, to medical personnel.',
    es: 'Una emergencia real, no se pudo obtener el consentimiento, solo lo necesario, a personal médico.',
  },
  'emergencyQueue.finding.inappropriate.help': {
    en: 'It should not have been shared this way. Say why in the note.',
    es: 'No se debió compartir de esta forma. Diga por qué en la nota.',
  },
  'emergencyQueue.finding.needs-follow-up.help': {
    en: 'Something is missing or must be done. Say what in the note.',
    es: 'Falta algo o hay algo que hacer. Diga qué en la nota.',
  },
  'emergencyQueue.chooseFinding': { en: 'Choose a finding.', es: 'Elija un resultado.' },
  'emergencyQueue.note': { en: 'Note', es: 'Nota' },
  'emergencyQueue.noteHelp': {
    en: 'Required unless the finding is “Appropriate”. Kept with the disclosure, not in the audit log.',
    es: 'Obligatoria si el resultado no es “Adecuada”. Se guarda con la divulgación, no en el historial de auditoría.',
  },
  'emergencyQueue.save': { en: 'Save the finding', es: 'Guardar el resultado' },
  'emergencyQueue.reviewedBy': { en: 'Reviewed by', es: 'Revisada por' },
  'emergencyQueue.reviewedLine': { en: '{name}, {when}', es: '{name}, {when}' },
  'emergencyQueue.saved': { en: 'Finding saved.', es: 'Resultado guardado.' },
} satisfies Messages;
