// Registrations a supervisor reviews. English and Spanish side by side:
// a missing translation fails the type check (web/README.md "Messages").
import type { Messages } from '../../i18n/messages.ts';

export const reviewMessages = {
  'nav.reviews': { en: 'Registrations in review', es: 'Registros en revisión' },
  'nav.reviews.description': {
    en: 'Registrations that look like a record you cannot open wait here for a supervisor.',
    es: 'Los registros que se parecen a un expediente que usted no puede abrir esperan aquí a que los revise un(a) supervisor(a).',
  },
  'reviews.title': { en: 'Registrations in review', es: 'Registros en revisión' },
  'reviews.intro.supervisor': {
    en: 'These registrations look like a person already known to another program. Compare them, then register the person or decline and say what happens next.',
    es: 'Estos registros se parecen a una persona que ya conoce otro programa. Compárelos y luego registre a la persona, o rechace el registro y diga qué pasará después.',
  },
  'reviews.intro.staff': {
    en: 'Registrations you made that a supervisor must review before the record is created.',
    es: 'Registros que usted hizo y que un(a) supervisor(a) debe revisar antes de crear el expediente.',
  },
  'reviews.empty': { en: 'Nothing is waiting for review.', es: 'No hay nada pendiente de revisión.' },
  'reviews.tableLabel': { en: 'Registrations in review', es: 'Registros en revisión' },
  'reviews.filter.label': { en: 'Show', es: 'Mostrar' },
  'reviews.filter.pending': { en: 'Waiting for review', es: 'Pendientes de revisión' },
  'reviews.filter.all': { en: 'All', es: 'Todos' },
  'reviews.col.person': { en: 'Person', es: 'Persona' },
  'reviews.col.requested': { en: 'Sent', es: 'Enviado' },
  'reviews.col.requestedBy': { en: 'Sent by', es: 'Enviado por' },
  'reviews.col.status': { en: 'Status', es: 'Estado' },
  'reviews.col.note': { en: 'Supervisor’s note', es: 'Nota de supervisión' },
  'reviews.status.pending': { en: 'Waiting for review', es: 'Pendiente de revisión' },
  'reviews.status.registered': { en: 'Registered', es: 'Registrado' },
  'reviews.status.declined': { en: 'Declined', es: 'Rechazado' },
  'reviews.review': { en: 'Review', es: 'Revisar' },
  'reviews.openRecord': { en: 'Open the record', es: 'Abrir el expediente' },
  'reviews.dialog.title': { en: 'Review the registration of {name}', es: 'Revisar el registro de {name}' },
  'reviews.dialog.registration': { en: 'The registration', es: 'El registro' },
  'reviews.dialog.candidates': { en: 'Records it looks like', es: 'Expedientes a los que se parece' },
  'reviews.dialog.programs': { en: 'Programs: {programs}', es: 'Programas: {programs}' },
  'reviews.dialog.noProgram': { en: 'No episode yet', es: 'Todavía sin episodio' },
  'reviews.dialog.born': { en: 'Born {date}', es: 'Nació el {date}' },
  'reviews.dialog.identifier': { en: '{system}: {value}', es: '{system}: {value}' },
  'reviews.dialog.sentBy': { en: 'Sent by {name} on {date}', es: 'Enviado por {name} el {date}' },
  'reviews.decision.label': { en: 'Your decision', es: 'Su decisión' },
  'reviews.decision.register': {
    en: 'A different person: register them',
    es: 'Es otra persona: registrarla',
  },
  'reviews.decision.decline': {
    en: 'The same person: do not create a second record',
    es: 'Es la misma persona: no crear un segundo expediente',
  },
  'reviews.note.label': { en: 'Note for {name}', es: 'Nota para {name}' },
  'reviews.note.description': {
    en: 'Say why, and what happens next (for example: “Known to the ACT team; I asked them to add you to the care team”). Do not name the other program’s patient details.',
    es: 'Diga por qué y qué pasará después (por ejemplo: “Ya la atiende el equipo ACT; les pedí que la agreguen al equipo de atención”). No incluya datos del paciente del otro programa.',
  },
  'reviews.note.required': { en: 'Write a note for the person who sent it.', es: 'Escriba una nota para la persona que lo envió.' },
  'reviews.decision.required': { en: 'Choose a decision.', es: 'Elija una decisión.' },
  'reviews.submit': { en: 'Save the decision', es: 'Guardar la decisión' },
  'reviews.saved.registered': { en: '{name} was registered.', es: 'Se registró a {name}.' },
  'reviews.saved.declined': { en: 'The registration of {name} was declined.', es: 'Se rechazó el registro de {name}.' },
} satisfies Messages;
