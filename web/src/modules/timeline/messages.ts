// The patient timeline. English and Spanish side by side.
import type { Message, Messages } from '../../i18n/messages.ts';
import type { ConsentKind } from '../../../../src/modules/consents/codes.ts';

// What a consent is for, inside a timeline sentence (lower case; the consents module's own
// labels are headings and options). A new kind of consent fails the type check until it has words.
const consentKindPhrases = {
  'timeline.consentKind.tpo': { en: 'treatment, payment and operations', es: 'tratamiento, pago y operaciones' },
  'timeline.consentKind.specific': { en: 'one recipient', es: 'un destinatario' },
  'timeline.consentKind.counseling-notes': { en: 'counseling notes', es: 'notas de consejería' },
} satisfies Record<`timeline.consentKind.${ConsentKind}`, Message>;

export const timelineMessages = {
  ...consentKindPhrases,
  'timeline.title': { en: 'Timeline', es: 'Cronología' },
  'timeline.titleOf': { en: 'Timeline: {name}', es: 'Cronología: {name}' },
  'timeline.intro': {
    en: 'Everything that happened, newest first. Choose what to show; select an entry to open it.',
    es: 'Todo lo que ocurrió, lo más reciente primero. Elija qué mostrar; seleccione una entrada para abrirla.',
  },
  'timeline.open': { en: 'Timeline', es: 'Cronología' },
  'timeline.back': { en: 'Back to the record', es: 'Volver al expediente' },
  'timeline.filter': { en: 'Show', es: 'Mostrar' },
  'timeline.kind.task': { en: 'Tasks', es: 'Tareas' },
  'timeline.kind.episode': { en: 'Episode events', es: 'Eventos del episodio' },
  'timeline.kind.assessment': { en: 'Assessments', es: 'Evaluaciones' },
  'timeline.kind.contact': { en: 'Contacts', es: 'Contactos' },
  'timeline.kind.note': { en: 'Notes', es: 'Notas' },
  'timeline.kind.need': { en: 'Needs', es: 'Necesidades' },
  'timeline.kind.asam-review': { en: 'ASAM reviews', es: 'Revisiones ASAM' },
  'timeline.kind.consent': { en: 'Consents', es: 'Consentimientos' },
  'timeline.kind.disclosure': { en: 'Disclosures', es: 'Divulgaciones' },
  'timeline.none': { en: 'Nothing to show yet.', es: 'Todavía no hay nada que mostrar.' },
  'timeline.loadOlder': { en: 'Load older', es: 'Cargar anteriores' },
  'timeline.end': { en: 'That is everything.', es: 'Eso es todo.' },
  'timeline.by': { en: 'by {name}', es: 'por {name}' },
  // The person signs, refuses or revokes a consent; staff only record it.
  'timeline.recordedBy': { en: 'recorded by {name}', es: 'registrado por {name}' },
  'timeline.entry.need-proposed': { en: '{domain}: need proposed by a screen', es: '{domain}: necesidad propuesta por una prueba' },
  'timeline.entry.need-identified': { en: '{domain}: need identified', es: '{domain}: necesidad identificada' },
  'timeline.entry.need-being-addressed': { en: '{domain}: need being addressed', es: '{domain}: necesidad en atención' },
  'timeline.entry.need-met': { en: '{domain}: need met', es: '{domain}: necesidad resuelta' },
  'timeline.entry.need-declined-by-patient': {
    en: '{domain}: the person declined help with this need',
    es: '{domain}: la persona no quiso ayuda con esta necesidad',
  },
  'timeline.entry.need-unmet-no-resource': {
    en: '{domain}: need unmet, no resource available',
    es: '{domain}: necesidad sin resolver, no hay recurso',
  },
  'timeline.entry.need-dismissed': { en: '{domain}: proposed need dismissed', es: '{domain}: necesidad propuesta descartada' },
  'timeline.entry.asam-review-completed': {
    en: 'ASAM review completed: {level}',
    es: 'Revisión ASAM completada: {level}',
  },
  'timeline.entry.asam-review-completed-differs': {
    en: 'ASAM review completed: {level} chosen, not the level indicated',
    es: 'Revisión ASAM completada: se eligió {level}, no el nivel indicado',
  },
  'timeline.entry.asam-review-corrected': {
    en: 'ASAM review (later corrected): {level}',
    es: 'Revisión ASAM (corregida después): {level}',
  },
  'timeline.entry.asam-review-corrected-differs': {
    en: 'ASAM review (later corrected): {level} chosen, not the level indicated',
    es: 'Revisión ASAM (corregida después): se eligió {level}, no el nivel indicado',
  },
  'timeline.entry.consent-recorded': {
    en: 'Consent signed for {consentKind}: {recipient}',
    es: 'Consentimiento firmado para {consentKind}: {recipient}',
  },
  'timeline.entry.consent-refused': {
    en: 'The person refused to sign a consent for {consentKind}: {recipient}',
    es: 'La persona se negó a firmar un consentimiento para {consentKind}: {recipient}',
  },
  'timeline.entry.consent-revoked': {
    en: 'Consent revoked on {endedOn}: {recipient}',
    es: 'Consentimiento revocado el {endedOn}: {recipient}',
  },
  'timeline.entry.consent-ended': {
    en: 'Consent ended on {endedOn} by its expiration event: {recipient}',
    es: 'Consentimiento terminado el {endedOn} por su evento de vencimiento: {recipient}',
  },
  'timeline.entry.disclosure': { en: 'Information disclosed to {recipient}', es: 'Información divulgada a {recipient}' },
  'timeline.entry.disclosure-emergency': {
    en: 'Information disclosed to {recipient} in a medical emergency',
    es: 'Información divulgada a {recipient} en una emergencia médica',
  },
  'timeline.entry.unknown': { en: 'A {kind} entry', es: 'Una entrada de tipo {kind}' },
  'timeline.entry.task-created': { en: 'Task added: “{title}”, due {dueOn}', es: 'Tarea agregada: «{title}», vence el {dueOn}' },
  'timeline.entry.task-done': { en: 'Task done: “{title}”', es: 'Tarea hecha: «{title}»' },
  'timeline.entry.task-cancelled': { en: 'Task cancelled: “{title}”', es: 'Tarea cancelada: «{title}»' },
  'timeline.entry.task-reopened': { en: 'Task reopened: “{title}”', es: 'Tarea reabierta: «{title}»' },
  'timeline.entry.task-reassigned': { en: 'Task “{title}” given to {toName}', es: 'Tarea «{title}» asignada a {toName}' },
  'timeline.entry.task-to-patient': { en: 'Task “{title}” given to the person', es: 'Tarea «{title}» asignada a la persona' },
  'timeline.entry.episode-admission': { en: 'Admitted to {program}', es: 'Ingresó en {program}' },
  'timeline.entry.episode-discharge': { en: 'Episode in {program} closed: {reason}', es: 'Episodio en {program} cerrado: {reason}' },
  'timeline.entry.episode-phase': { en: 'Phase: {phase}', es: 'Fase: {phase}' },
  'timeline.entry.placement-start': { en: 'Level of care started: {level}', es: 'Comenzó el nivel de atención: {level}' },
  'timeline.entry.placement-end': { en: 'Level of care ended: {level}', es: 'Terminó el nivel de atención: {level}' },
  'timeline.entry.care-team-joined': { en: '{name} joined the care team ({role})', es: '{name} se unió al equipo de atención ({role})' },
  'timeline.entry.care-team-left': { en: '{name} left the care team ({role})', es: '{name} dejó el equipo de atención ({role})' },
  'timeline.entry.care-team-handover': {
    en: 'Handed over: {name} is now the primary case manager',
    es: 'Traspaso: {name} es ahora administrador(a) de casos principal',
  },
  'timeline.entry.assessment-completed': {
    en: '{instrument} completed: {total} ({band})',
    es: '{instrument} completada: {total} ({band})',
  },
  'timeline.entry.assessment-corrected': {
    en: '{instrument} completed: {total} ({band}), later corrected',
    es: '{instrument} completada: {total} ({band}), corregida después',
  },
} satisfies Messages;
