// Break-the-glass: emergency access to a chart outside one's care team, the banner on the chart
// while it lasts, and the privacy officer's review. English and Spanish side by side
// (web/README.md "Messages").
import type { Messages } from '../../i18n/messages.ts';

export const emergencyAccessMessages = {
  'nav.emergencyAccess': { en: 'Emergency access', es: 'Acceso de emergencia' },
  'nav.emergencyAccess.description': {
    en: 'Open a chart outside your care team in an emergency. Recorded and reviewed.',
    es: 'Abra un expediente fuera de su equipo de atención en una emergencia. Queda registrado y se revisa.',
  },
  'nav.emergencyAccessReviews': { en: 'Emergency access reviews', es: 'Revisión de accesos de emergencia' },
  'nav.emergencyAccessReviews.description': {
    en: 'Charts opened by emergency access, each waiting for your finding.',
    es: 'Expedientes abiertos con acceso de emergencia, cada uno pendiente de su conclusión.',
  },

  // The clinician's page
  'emergencyAccess.title': { en: 'Emergency access', es: 'Acceso de emergencia' },
  'emergencyAccess.intro': {
    en: 'For an emergency only: when you must see the chart of someone outside your care team. You say why and enter your password again. Access ends on its own after a few hours, every screen you open is recorded, and the privacy officer reviews it.',
    es: 'Solo para una emergencia: cuando necesita ver el expediente de una persona fuera de su equipo de atención. Indica el motivo y vuelve a escribir su contraseña. El acceso termina solo después de unas horas, cada pantalla que abre queda registrada y el oficial de privacidad lo revisa.',
  },
  'emergencyAccess.find.title': { en: 'Find the person', es: 'Buscar a la persona' },
  'emergencyAccess.find.explain': {
    en: 'Enter the last name exactly and the date of birth. Capitals and accents do not matter.',
    es: 'Escriba el apellido completo y la fecha de nacimiento. No importan las mayúsculas ni los acentos.',
  },
  'emergencyAccess.find.lastName': { en: 'Last name', es: 'Apellido(s)' },
  'emergencyAccess.find.birthDate': { en: 'Date of birth', es: 'Fecha de nacimiento' },
  'emergencyAccess.find.required': {
    en: 'Enter the last name and the date of birth.',
    es: 'Escriba el apellido y la fecha de nacimiento.',
  },
  'emergencyAccess.find.submit': { en: 'Find', es: 'Buscar' },
  'emergencyAccess.find.none': {
    en: 'Nobody with that last name was born on that day. Check both and try again.',
    es: 'Nadie con ese apellido nació ese día. Revise los dos datos e intente de nuevo.',
  },
  'emergencyAccess.find.results': { en: 'People found', es: 'Personas encontradas' },
  'emergencyAccess.find.born': { en: 'Born {date}', es: 'Nació el {date}' },
  'emergencyAccess.find.visible': { en: 'You can already open this chart.', es: 'Ya puede abrir este expediente.' },
  'emergencyAccess.openChart': { en: 'Open the chart', es: 'Abrir el expediente' },
  'emergencyAccess.break': { en: 'Use emergency access…', es: 'Usar acceso de emergencia…' },
  'emergencyAccess.breakFor': { en: 'Use emergency access: {name}', es: 'Usar acceso de emergencia: {name}' },
  'emergencyAccess.mine.title': { en: 'Your emergency access now', es: 'Su acceso de emergencia actual' },
  'emergencyAccess.mine.until': { en: 'Until {time}', es: 'Hasta {time}' },

  // The dialog
  'emergencyAccess.dialog.title': { en: 'Emergency access to {name}’s chart', es: 'Acceso de emergencia al expediente de {name}' },
  'emergencyAccess.dialog.what': {
    en: 'You are not on this person’s care team. If you go on:',
    es: 'Usted no forma parte del equipo de atención de esta persona. Si continúa:',
  },
  'emergencyAccess.dialog.time': {
    en: 'you can open the chart for {hours} hours, or until you end it;',
    es: 'podrá abrir el expediente durante {hours} horas, o hasta que usted lo termine;',
  },
  'emergencyAccess.dialog.recorded': {
    en: 'everything you open is recorded as emergency access;',
    es: 'todo lo que abra queda registrado como acceso de emergencia;',
  },
  'emergencyAccess.dialog.reviewed': {
    en: 'the privacy officer reviews why and what you read.',
    es: 'el oficial de privacidad revisa el motivo y lo que leyó.',
  },
  'emergencyAccess.dialog.reason': { en: 'Why do you need this chart now?', es: '¿Por qué necesita este expediente ahora?' },
  'emergencyAccess.dialog.reasonHelp': {
    en: 'At least 10 characters. The privacy officer reads this.',
    es: 'Al menos 10 caracteres. El oficial de privacidad lo leerá.',
  },
  'emergencyAccess.dialog.reasonShort': {
    en: 'Say why in at least 10 characters.',
    es: 'Explique el motivo con al menos 10 caracteres.',
  },
  'emergencyAccess.dialog.password': { en: 'Your password', es: 'Su contraseña' },
  'emergencyAccess.dialog.passwordRequired': { en: 'Enter your password.', es: 'Escriba su contraseña.' },
  'emergencyAccess.dialog.submit': { en: 'Open the chart now', es: 'Abrir el expediente ahora' },

  // The banner on the chart
  'emergencyAccess.banner.title': { en: 'Emergency access', es: 'Acceso de emergencia' },
  'emergencyAccess.banner.text': {
    en: 'You are reading this chart by emergency access until {time}. Everything you open is recorded and will be reviewed by the privacy officer.',
    es: 'Está leyendo este expediente con acceso de emergencia hasta {time}. Todo lo que abra queda registrado y el oficial de privacidad lo revisará.',
  },
  'emergencyAccess.banner.end': { en: 'End emergency access now', es: 'Terminar el acceso de emergencia ahora' },
  'emergencyAccess.ended': { en: 'Emergency access ended.', es: 'Terminó el acceso de emergencia.' },

  // The privacy officer's queue
  'emergencyAccess.reviews.title': { en: 'Emergency access reviews', es: 'Revisión de accesos de emergencia' },
  'emergencyAccess.reviews.intro': {
    en: 'Each time someone opened a chart outside their care team: who, why, and what they read. Review each one with a finding.',
    es: 'Cada vez que alguien abrió un expediente fuera de su equipo de atención: quién, por qué y qué leyó. Revise cada uno y registre una conclusión.',
  },
  'emergencyAccess.reviews.filter': { en: 'Show', es: 'Mostrar' },
  'emergencyAccess.reviews.awaiting': { en: 'Awaiting review', es: 'Pendientes de revisión' },
  'emergencyAccess.reviews.reviewed': { en: 'Reviewed', es: 'Revisados' },
  'emergencyAccess.reviews.table': { en: 'Emergency access events', es: 'Accesos de emergencia' },
  'emergencyAccess.reviews.emptyAwaiting': { en: 'Nothing is waiting for review.', es: 'No hay nada pendiente de revisión.' },
  'emergencyAccess.reviews.emptyReviewed': { en: 'No event has been reviewed yet.', es: 'Todavía no se ha revisado ningún acceso.' },
  'emergencyAccess.reviews.download': { en: 'Download CSV', es: 'Descargar CSV' },
  'emergencyAccess.col.when': { en: 'Started', es: 'Inicio' },
  'emergencyAccess.col.who': { en: 'Staff member', es: 'Miembro del personal' },
  'emergencyAccess.col.patient': { en: 'Patient', es: 'Paciente' },
  'emergencyAccess.col.reason': { en: 'Reason', es: 'Motivo' },
  'emergencyAccess.col.reads': { en: 'Screens opened', es: 'Pantallas abiertas' },
  'emergencyAccess.col.state': { en: 'Access', es: 'Acceso' },
  'emergencyAccess.col.finding': { en: 'Finding', es: 'Conclusión' },
  'emergencyAccess.open': { en: 'Open', es: 'Abrir' },
  'emergencyAccess.openFor': { en: 'Open: {name}', es: 'Abrir: {name}' },
  'emergencyAccess.state.active': { en: 'In force', es: 'Vigente' },
  'emergencyAccess.state.ended': { en: 'Ended early', es: 'Terminado antes' },
  'emergencyAccess.state.expired': { en: 'Ran out', es: 'Vencido' },
  'emergencyAccess.finding.appropriate': { en: 'Appropriate', es: 'Apropiado' },
  'emergencyAccess.finding.inappropriate': { en: 'Inappropriate', es: 'No apropiado' },
  'emergencyAccess.finding.needs-follow-up': { en: 'Needs follow-up', es: 'Requiere seguimiento' },

  // One event
  'emergencyAccess.detail.title': { en: 'Emergency access: {name}', es: 'Acceso de emergencia: {name}' },
  'emergencyAccess.detail.back': { en: 'Back to the reviews', es: 'Volver a la revisión' },
  'emergencyAccess.detail.who': { en: 'Opened by', es: 'Abierto por' },
  'emergencyAccess.detail.started': { en: 'Started', es: 'Inicio' },
  'emergencyAccess.detail.until': { en: 'Until', es: 'Hasta' },
  'emergencyAccess.detail.endedAt': { en: 'Ended', es: 'Terminó' },
  'emergencyAccess.detail.reads': { en: 'What was read', es: 'Lo que se leyó' },
  'emergencyAccess.detail.noReads': { en: 'Nothing was read.', es: 'No se leyó nada.' },
  'emergencyAccess.detail.readsTable': { en: 'Screens opened under this access', es: 'Pantallas abiertas con este acceso' },
  'emergencyAccess.detail.at': { en: 'When', es: 'Cuándo' },
  'emergencyAccess.detail.action': { en: 'Action', es: 'Acción' },
  'emergencyAccess.detail.record': { en: 'What was opened', es: 'Qué se abrió' },
  'emergencyAccess.detail.review': { en: 'Review', es: 'Revisión' },
  'emergencyAccess.detail.reviewedBy': {
    en: 'Reviewed by {name} on {date}',
    es: 'Revisado por {name} el {date}',
  },
  'emergencyAccess.detail.notReviewed': { en: 'Not reviewed yet.', es: 'Todavía no se revisó.' },
  'emergencyAccess.review': { en: 'Record the review…', es: 'Registrar la revisión…' },
  'emergencyAccess.reviewAgain': { en: 'Change the review…', es: 'Cambiar la revisión…' },
  'emergencyAccess.review.title': { en: 'Review this emergency access', es: 'Revisar este acceso de emergencia' },
  'emergencyAccess.review.finding': { en: 'Finding', es: 'Conclusión' },
  'emergencyAccess.review.findingRequired': { en: 'Choose a finding.', es: 'Elija una conclusión.' },
  'emergencyAccess.review.note': { en: 'Note (optional)', es: 'Nota (opcional)' },
  'emergencyAccess.review.submit': { en: 'Mark reviewed', es: 'Marcar como revisado' },
  'emergencyAccess.review.saved': { en: 'Review saved.', es: 'Se guardó la revisión.' },

  // Its entries in the audit log
  'recordType.emergency-access': { en: 'Emergency access', es: 'Acceso de emergencia' },
  'recordType.emergency-access-summary': { en: 'Emergency access count', es: 'Conteo de accesos de emergencia' },
  'recordType.emergency-access-lookup': { en: 'Emergency access lookup', es: 'Búsqueda para acceso de emergencia' },

  // Problem codes the server sends (src/modules/emergency-access/problems.ts), in words
  'problem.already-has-access': {
    en: 'You can already open this chart: emergency access is not needed.',
    es: 'Ya puede abrir este expediente: no necesita acceso de emergencia.',
  },
  'problem.excluded-from-record': {
    en: 'This record is restricted and names you as someone who may not open it, even in an emergency. Ask a colleague.',
    es: 'Este expediente está restringido y le nombra como alguien que no puede abrirlo, ni siquiera en una emergencia. Pida ayuda a un colega.',
  },
  'problem.clinical-role-required': {
    en: 'Only staff who serve patients can use emergency access.',
    es: 'Solo el personal que atiende a pacientes puede usar el acceso de emergencia.',
  },
} satisfies Messages;
