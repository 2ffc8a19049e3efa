// Restricted records (42 CFR Part 2, docs/restrictions.md): the chart's restriction section,
// its dialog, and the privacy officer's list. English and Spanish side by side.
import type { Messages } from '../../i18n/messages.ts';

export const restrictionMessages = {
  'nav.restrictedRecords': { en: 'Restricted records', es: 'Expedientes restringidos' },
  'nav.restrictedRecords.description': {
    en: 'Which records are restricted, by whom, when and why. You do not open the charts from here.',
    es: 'Qué expedientes están restringidos, quién los restringió, cuándo y por qué. Desde aquí no se abren los expedientes.',
  },

  'restriction.title': { en: 'Restricted access', es: 'Acceso restringido' },
  'restriction.badge': { en: 'Restricted record', es: 'Expediente restringido' },
  'restriction.episodeBadge': { en: 'Restricted episode: {program}', es: 'Episodio restringido: {program}' },
  'restriction.none': {
    en: 'Not restricted: the care team and the program’s supervisors see this record.',
    es: 'Sin restricción: el equipo de atención y quienes supervisan el programa ven este expediente.',
  },
  'restriction.explain': {
    en: 'Only the current care team and the people allowed below open this record; the people excluded never do.',
    es: 'Solo el equipo de atención actual y las personas autorizadas abajo abren este expediente; las personas excluidas nunca.',
  },
  'restriction.episodeOnly': { en: 'Restricted episode', es: 'Episodio restringido' },
  'restriction.episodeNone': {
    en: 'Not restricted: everyone who sees this person sees this episode.',
    es: 'Sin restricción: todas las personas que ven a esta persona ven este episodio.',
  },
  'restriction.dialog.episodeTitle': { en: 'Restrict access to this episode', es: 'Restringir el acceso a este episodio' },
  'restriction.by': { en: 'Restricted by {name} on {date}', es: 'Restringido por {name} el {date}' },
  'restriction.reason': { en: 'Reason', es: 'Motivo' },
  'restriction.allowed': { en: 'Also allowed', es: 'También autorizados' },
  'restriction.allowed.help': {
    en: 'Staff who keep access besides the care team (they still need a tie to the record, such as supervising the program). You are added.',
    es: 'Personal que conserva el acceso además del equipo de atención (necesita otro vínculo con el expediente, como supervisar el programa). Usted queda incluido(a).',
  },
  'restriction.excluded': { en: 'Excluded', es: 'Excluidos' },
  'restriction.excluded.help': {
    en: 'Staff who may never open it, even on the care team (for example a relative who works here).',
    es: 'Personal que nunca puede abrirlo, aunque esté en el equipo de atención (por ejemplo, un familiar que trabaja aquí).',
  },
  'restriction.nobody': { en: 'Nobody', es: 'Nadie' },
  'restriction.restrict': { en: 'Restrict access…', es: 'Restringir el acceso…' },
  'restriction.change': { en: 'Change…', es: 'Cambiar…' },
  'restriction.lift': { en: 'Lift the restriction…', es: 'Quitar la restricción…' },
  'restriction.lift.confirm': { en: 'Lift the restriction', es: 'Quitar la restricción' },
  'restriction.lift.text': {
    en: 'Everyone who sees the program’s records will see this one again.',
    es: 'Todas las personas que ven los expedientes del programa volverán a ver este.',
  },
  'restriction.dialog.title': { en: 'Restrict access to this record', es: 'Restringir el acceso a este expediente' },
  'restriction.dialog.save': { en: 'Save the restriction', es: 'Guardar la restricción' },

  'restrictionReason.staff-relative': { en: 'A relative of a staff member', es: 'Familiar de un miembro del personal' },
  'restrictionReason.staff-member': { en: 'A staff member', es: 'Miembro del personal' },
  'restrictionReason.public-figure': { en: 'A public figure', es: 'Persona conocida públicamente' },
  'restrictionReason.patient-request': { en: 'The patient asked', es: 'Lo pidió el paciente' },
  'restrictionReason.safety': { en: 'Safety', es: 'Seguridad' },
  'restrictionReason.other': { en: 'Other', es: 'Otro' },

  'restricted.title': { en: 'Restricted records', es: 'Expedientes restringidos' },
  'restricted.intro': {
    en: 'Each restriction in force: whose record, who restricted it, when and why. Opening a chart stays with its care team.',
    es: 'Cada restricción vigente: de quién es el expediente, quién lo restringió, cuándo y por qué. Abrir el expediente le corresponde a su equipo de atención.',
  },
  'restricted.empty': { en: 'No record is restricted.', es: 'No hay expedientes restringidos.' },
  'restricted.patient': { en: 'Patient', es: 'Paciente' },
  'restricted.scope': { en: 'What', es: 'Qué' },
  'restricted.wholeRecord': { en: 'The whole record', es: 'Todo el expediente' },
  'restricted.episode': { en: 'Episode in {program}', es: 'Episodio en {program}' },
  'restricted.by': { en: 'Restricted by', es: 'Restringido por' },
  'restricted.when': { en: 'Since', es: 'Desde' },
  'restricted.counts': { en: 'Allowed / excluded', es: 'Autorizados / excluidos' },

  'problem.already-restricted': {
    en: 'This record is restricted already. Reload the page to change its restriction.',
    es: 'Este expediente ya está restringido. Vuelva a cargar la página para cambiar la restricción.',
  },
  'problem.merge-restricted': {
    en: 'This record is restricted, so it cannot be merged away. Merge the other record into this one, or ask a supervisor to lift its restriction first.',
    es: 'Este expediente está restringido y no se puede combinar con otro. Combine el otro expediente con este, o pida a quien supervisa el programa que levante la restricción primero.',
  },
  'problem.not-restricted': {
    en: 'This record is not restricted any more. Reload the page.',
    es: 'Este expediente ya no está restringido. Vuelva a cargar la página.',
  },
  'problem.cannot-exclude-self': {
    en: 'You cannot exclude yourself from a record you restrict.',
    es: 'No puede excluirse de un expediente que usted restringe.',
  },
  'problem.not-staff-member': {
    en: 'Choose a staff member of your organization.',
    es: 'Elija a un miembro del personal de su organización.',
  },
  'problem.allowed-and-excluded': {
    en: 'Someone is both allowed and excluded: choose one.',
    es: 'Hay una persona autorizada y excluida a la vez: elija una de las dos.',
  },
} as const satisfies Messages;
