// Screening and assessment instruments: the catalogue, a scoring preview and loading an
// organization's own. English and Spanish side by side: a missing translation fails the type
// check (web/README.md "Messages"). Item wording comes from each instrument's definition.
import type { Messages } from '../../i18n/messages.ts';

export const instrumentMessages = {
  'nav.instruments': { en: 'Screening instruments', es: 'Instrumentos de evaluación' },
  'nav.instruments.description': {
    en: 'The screens and scales Bridgeway scores, their sources and licences; try one out without saving anything.',
    es: 'Las pruebas de detección y escalas que Bridgeway califica, sus fuentes y licencias; pruebe una sin guardar nada.',
  },

  'instruments.title': { en: 'Screening instruments', es: 'Instrumentos de evaluación' },
  'instruments.intro': {
    en: 'Built-in instruments are free to use. Your organization can load others it holds a licence for.',
    es: 'Los instrumentos incluidos son de uso libre. Su organización puede cargar otros para los que tenga licencia.',
  },
  'instruments.listLabel': { en: 'Instruments', es: 'Instrumentos' },
  'instruments.builtIn': { en: 'Built in', es: 'Incluido' },
  'instruments.loaded': { en: 'Loaded by your organization', es: 'Cargado por su organización' },
  'instruments.respondent.patient': { en: 'Patient answers', es: 'Responde el paciente' },
  'instruments.respondent.clinician': { en: 'Clinician rates', es: 'Califica el profesional clínico' },
  'instruments.items': { en: '{count} questions', es: '{count} preguntas' },
  'instruments.version': { en: 'Version {version}', es: 'Versión {version}' },
  'instruments.open': { en: 'Try {name}', es: 'Probar {name}' },
  'instruments.load': { en: 'Load an instrument…', es: 'Cargar un instrumento…' },
  'instruments.load.title': { en: 'Load an instrument', es: 'Cargar un instrumento' },
  'instruments.load.explain': {
    en: 'Choose a definition file (JSON) for an instrument your organization is licensed to use. It is checked exactly like the built-in ones; a version, once loaded, never changes.',
    es: 'Elija un archivo de definición (JSON) de un instrumento que su organización tenga licencia para usar. Se revisa igual que los incluidos; una versión, una vez cargada, no cambia.',
  },
  'instruments.load.file': { en: 'Definition file', es: 'Archivo de definición' },
  'instruments.load.submit': { en: 'Load', es: 'Cargar' },
  'instruments.load.notJson': { en: 'This file is not JSON: {reason}', es: 'Este archivo no es JSON: {reason}' },
  'instruments.load.done': { en: '{name} version {version} is loaded.', es: 'Se cargó {name}, versión {version}.' },
  'instruments.load.reasons': { en: 'What is wrong with the file', es: 'Qué tiene de malo el archivo' },

  'instrument.back': { en: 'All instruments', es: 'Todos los instrumentos' },
  'instrument.preview': {
    en: 'A preview: answers are scored here and nothing is saved to any chart.',
    es: 'Una vista previa: las respuestas se califican aquí y no se guarda nada en ningún expediente.',
  },
  'instrument.source': { en: 'Source', es: 'Fuente' },
  'instrument.licence': { en: 'Licence', es: 'Licencia' },
  'instrument.caveats': { en: 'Still to check', es: 'Pendiente de verificar' },
  'instrument.englishOnly': {
    en: 'The questions are shown in English: the published translation of this instrument is not loaded yet.',
    es: 'Las preguntas se muestran en inglés: la traducción publicada de este instrumento aún no se ha cargado.',
  },
  'instrument.sex': { en: 'Sex (the cut-off depends on it)', es: 'Sexo (el punto de corte depende de él)' },
  'instrument.sex.female': { en: 'Female', es: 'Femenino' },
  'instrument.sex.male': { en: 'Male', es: 'Masculino' },
  'instrument.refused': { en: 'Refused to answer', es: 'Prefirió no responder' },
  'instrument.notAsked': { en: 'Not asked with these answers.', es: 'No se pregunta con estas respuestas.' },
  'instrument.score': { en: 'Score', es: 'Calificar' },
  'instrument.clear': { en: 'Clear answers', es: 'Borrar respuestas' },
  'instrument.result': { en: 'Result', es: 'Resultado' },
  'instrument.total': { en: 'Total: {total}', es: 'Total: {total}' },
  'instrument.positive': { en: 'Positive screen', es: 'Resultado positivo' },
  'instrument.negative': { en: 'Negative screen', es: 'Resultado negativo' },
  'instrument.critical': { en: 'Needs action today', es: 'Requiere acción hoy' },
  'instrument.criticalItems': { en: 'Question {items}', es: 'Pregunta {items}' },
  'instrument.offer': { en: 'Ask the {name} now', es: 'Hacer ahora el {name}' },
  'instrument.domains': { en: 'By domain', es: 'Por área' },
  'instrument.domainPositive': { en: 'need found', es: 'necesidad identificada' },
  'instrument.domainNegative': { en: 'no need found', es: 'sin necesidad identificada' },
  'instrument.answered': { en: '{count} of {total} answered', es: '{count} de {total} respondidas' },

  // Administering an instrument in an episode
  'assessments.title': { en: 'Screens and assessments', es: 'Pruebas de detección y evaluaciones' },
  'assessments.start': { en: 'Give a screen…', es: 'Aplicar una prueba…' },
  'assessments.begin': { en: 'Begin', es: 'Comenzar' },
  'assessments.empty': { en: 'No screens in this episode yet.', es: 'Todavía no hay pruebas en este episodio.' },
  'assessments.instrument': { en: 'Instrument', es: 'Instrumento' },
  'assessments.mode': { en: 'How it is given', es: 'Cómo se aplica' },
  'assessments.date': { en: 'When', es: 'Cuándo' },
  'assessments.status': { en: 'Status', es: 'Estado' },
  'assessments.finding': { en: 'Result', es: 'Resultado' },
  'assessment.status.in-progress': { en: 'In progress', es: 'En curso' },
  'assessment.status.completed': { en: 'Completed', es: 'Completada' },
  'assessment.status.abandoned': { en: 'Abandoned', es: 'Abandonada' },
  'assessment.status.superseded': { en: 'Corrected', es: 'Corregida' },
  'assessment.mode.in-person': { en: 'In person', es: 'En persona' },
  'assessment.mode.phone': { en: 'By phone', es: 'Por teléfono' },
  'assessment.mode.video': { en: 'By video', es: 'Por video' },
  'assessment.mode.patient-device': { en: 'On a tablet, by the patient', es: 'En una tableta, por el paciente' },
  'assessment.started': { en: 'Started {when}', es: 'Iniciada el {when}' },
  'assessment.saving': { en: 'Saving…', es: 'Guardando…' },
  'assessment.saved': { en: 'Answers are saved as you go.', es: 'Las respuestas se guardan a medida que avanza.' },
  'assessment.backToEpisode': { en: 'Back to the episode', es: 'Volver al episodio' },
  'assessment.complete': { en: 'Complete and score', es: 'Completar y calificar' },
  'assessment.abandon': { en: 'Abandon', es: 'Abandonar' },
  'assessment.abandon.explain': {
    en: 'The answers so far are kept, but not scored. Say why the screen was not finished.',
    es: 'Las respuestas dadas se conservan, pero no se califican. Indique por qué no se terminó la prueba.',
  },
  'assessment.correct': { en: 'Correct…', es: 'Corregir…' },
  'assessment.correct.explain': {
    en: 'A completed screen is never changed. A correction starts from these answers and replaces it; this one is kept, marked corrected. Say what was wrong.',
    es: 'Una prueba completada no se modifica. Una corrección parte de estas respuestas y la reemplaza; esta se conserva, marcada como corregida. Indique qué estaba mal.',
  },
  'assessment.reason': { en: 'Reason', es: 'Motivo' },
  'assessment.correctionOf': { en: 'This corrects', es: 'Esta corrige' },
  'assessment.original': { en: 'the original screen', es: 'la prueba original' },
  'assessment.superseded': { en: 'This screen was corrected; see', es: 'Esta prueba se corrigió; vea' },
  'assessment.correction': { en: 'the correction', es: 'la corrección' },

  // Problem codes the server sends (src/modules/*/problems.ts), in words
  'problem.assessment-not-in-progress': {
    en: 'This assessment is {status}: it can no longer be changed. Correct it instead.',
    es: 'Esta evaluación está en estado {status}: ya no se puede cambiar. Corríjala en su lugar.',
  },
  'problem.assessment-not-completed': {
    en: 'Only a completed assessment is corrected; one in progress is simply edited.',
    es: 'Solo se corrige una evaluación completada; una en curso simplemente se edita.',
  },
  'problem.assessment-already-corrected': { en: 'This assessment has already been corrected.', es: 'Esta evaluación ya se corrigió.' },
  'problem.assessment-no-crisis': { en: 'This assessment has no critical result.', es: 'Esta evaluación no tiene un resultado crítico.' },
  'problem.invalid-answers': { en: 'Some answers cannot be scored.', es: 'Algunas respuestas no se pueden calificar.' },
  'problem.unknown-item': {
    en: 'Question {item} is not part of this instrument.',
    es: 'La pregunta {item} no forma parte de este instrumento.',
  },
  'problem.answer-required': { en: 'Question {item} needs an answer.', es: 'La pregunta {item} necesita una respuesta.' },
  'problem.item-not-asked': {
    en: 'Question {item} is not asked with these answers; clear it.',
    es: 'La pregunta {item} no se hace con estas respuestas; bórrela.',
  },
  'problem.answer-not-allowed': {
    en: 'Question {item} only takes these answers: {allowed}.',
    es: 'La pregunta {item} solo admite estas respuestas: {allowed}.',
  },
  'problem.context-required': {
    en: 'This instrument’s cut-off depends on {field}: choose it.',
    es: 'El punto de corte de este instrumento depende de {field}: elíjalo.',
  },
  'problem.invalid-definition': {
    en: 'This is not a valid instrument definition.',
    es: 'Esta no es una definición de instrumento válida.',
  },
  'problem.built-in-instrument': {
    en: 'That key belongs to a built-in instrument; give yours a key of its own.',
    es: 'Esa clave pertenece a un instrumento incluido; dele al suyo una clave propia.',
  },
  'problem.instrument-version-exists': {
    en: 'This version is already loaded. A changed definition needs a new version number.',
    es: 'Esta versión ya está cargada. Una definición modificada necesita un número de versión nuevo.',
  },
} satisfies Messages;
