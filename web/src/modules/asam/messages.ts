// ASAM reviews: the six dimensions, the levels of care indicated, available and chosen.
// Dimension names follow each edition (shared/reference/standards.md); the Spanish is ours,
// to be confirmed by a Spanish-speaking reviewer from a program (docs/asam.md).
import type { Messages } from '../../i18n/messages.ts';

export const asamMessages = {
  'asam.title': { en: 'ASAM reviews', es: 'Revisiones ASAM' },
  'asam.review': { en: 'ASAM review', es: 'Revisión ASAM' },
  'asam.empty': { en: 'No ASAM review in this episode yet.', es: 'Todavía no hay revisiones ASAM en este episodio.' },
  'asam.start': { en: 'Start an ASAM review', es: 'Comenzar una revisión ASAM' },
  'asam.begin': { en: 'Begin', es: 'Comenzar' },
  'asam.edition': { en: 'Edition of the criteria', es: 'Edición de los criterios' },
  'asam.date': { en: 'Date', es: 'Fecha' },
  'asam.statusLabel': { en: 'Status', es: 'Estado' },
  'asam.levels': { en: 'Levels of care', es: 'Niveles de atención' },
  'asam.open': { en: 'Open', es: 'Abrir' },
  'asam.openNamed': { en: 'Open the ASAM review of {date}', es: 'Abrir la revisión ASAM del {date}' },
  'asam.status.in-progress': { en: 'In progress', es: 'En curso' },
  'asam.status.completed': { en: 'Completed', es: 'Completada' },
  'asam.status.superseded': { en: 'Corrected', es: 'Corregida' },
  'asam.differs': { en: 'Differs from indicated', es: 'Difiere del indicado' },
  'asam.backToEpisode': { en: 'Back to the episode', es: 'Volver al episodio' },
  'asam.dimensions': { en: 'Dimensions', es: 'Dimensiones' },
  'asam.dimensionHeading': { en: 'Dimension {number}: {name}', es: 'Dimensión {number}: {name}' },
  'asam.rating': { en: 'Risk rating', es: 'Calificación de riesgo' },
  'asam.ratingHint': { en: '0 no risk, 4 the most severe', es: '0 sin riesgo, 4 el más grave' },
  'asam.notRated': { en: 'Not rated', es: 'Sin calificar' },
  'asam.notes': { en: 'Notes', es: 'Notas' },
  'asam.indicatedLevel': { en: 'Level indicated by the review', es: 'Nivel indicado por la revisión' },
  'asam.availableLevel': { en: 'Level available', es: 'Nivel disponible' },
  'asam.chosenLevel': { en: 'Level chosen', es: 'Nivel elegido' },
  'asam.differenceReason': { en: 'Why the levels differ', es: 'Por qué difieren los niveles' },
  'asam.differenceHint': {
    en: 'Needed when the level chosen or available is not the one indicated.',
    es: 'Se requiere cuando el nivel elegido o disponible no es el indicado.',
  },
  'asam.save': { en: 'Save', es: 'Guardar' },
  'asam.saved': { en: 'Saved', es: 'Guardado' },
  'asam.complete': { en: 'Complete the review', es: 'Completar la revisión' },
  'asam.completedOn': { en: 'Completed {date}', es: 'Completada el {date}' },
  'asam.readOnly': {
    en: 'A completed review does not change. To fix a mistake, correct it: a new review replaces it, with your reason.',
    es: 'Una revisión completada no cambia. Para arreglar un error, corríjala: una revisión nueva la reemplaza, con su motivo.',
  },
  'asam.correct': { en: 'Correct this review', es: 'Corregir esta revisión' },
  'asam.correctionReason': { en: 'Reason for the correction', es: 'Motivo de la corrección' },
  'asam.correctedBy': { en: 'Corrected by a later review', es: 'Corregida por una revisión posterior' },
  'asam.openCorrection': { en: 'Open the correction', es: 'Abrir la corrección' },
  'asam.corrects': { en: 'Corrects an earlier review: {reason}', es: 'Corrige una revisión anterior: {reason}' },
  'asam.noLevel': { en: 'Not chosen', es: 'Sin elegir' },
  'asam.cite': { en: 'Follows the ASAM review', es: 'Sigue a la revisión ASAM' },
  'asam.citeDescription': {
    en: 'Optional. Choosing one fills in its edition and the level chosen.',
    es: 'Opcional. Al elegir una se completan su edición y el nivel elegido.',
  },
  'asam.citeOption': { en: '{date}: {level}', es: '{date}: {level}' },

  'asam.dimension.asam-3.1': {
    en: 'Acute intoxication and/or withdrawal potential',
    es: 'Intoxicación aguda o potencial de síndrome de abstinencia',
  },
  'asam.dimension.asam-3.2': { en: 'Biomedical conditions and complications', es: 'Condiciones y complicaciones biomédicas' },
  'asam.dimension.asam-3.3': {
    en: 'Emotional, behavioral or cognitive conditions and complications',
    es: 'Condiciones y complicaciones emocionales, conductuales o cognitivas',
  },
  'asam.dimension.asam-3.4': { en: 'Readiness to change', es: 'Disposición al cambio' },
  'asam.dimension.asam-3.5': {
    en: 'Relapse, continued use or continued problem potential',
    es: 'Potencial de recaída, de consumo continuado o de problemas continuados',
  },
  'asam.dimension.asam-3.6': { en: 'Recovery/living environment', es: 'Entorno de recuperación y de vida' },
  'asam.dimension.asam-4.1': {
    en: 'Intoxication, withdrawal and addiction medications',
    es: 'Intoxicación, síndrome de abstinencia y medicamentos para la adicción',
  },
  'asam.dimension.asam-4.2': { en: 'Biomedical conditions', es: 'Condiciones biomédicas' },
  'asam.dimension.asam-4.3': { en: 'Psychiatric and cognitive conditions', es: 'Condiciones psiquiátricas y cognitivas' },
  'asam.dimension.asam-4.4': { en: 'Substance use-related risks', es: 'Riesgos relacionados con el consumo de sustancias' },
  'asam.dimension.asam-4.5': { en: 'Recovery environment interactions', es: 'Interacciones con el entorno de recuperación' },
  'asam.dimension.asam-4.6': { en: 'Person-centered considerations', es: 'Consideraciones centradas en la persona' },

  'problem.asam-review-not-in-progress': {
    en: 'This review is no longer in progress: a completed review is corrected, never edited.',
    es: 'Esta revisión ya no está en curso: una revisión completada se corrige, nunca se edita.',
  },
  'problem.asam-review-not-completed': {
    en: 'Only a completed review can be corrected.',
    es: 'Solo se puede corregir una revisión completada.',
  },
  'problem.asam-review-already-corrected': {
    en: 'Someone has already corrected this review.',
    es: 'Alguien ya corrigió esta revisión.',
  },
  'problem.asam-review-incomplete': {
    en: 'The review is not complete yet.',
    es: 'La revisión aún no está completa.',
  },
  'problem.rating-required': { en: 'Rate this dimension (0 to 4).', es: 'Califique esta dimensión (de 0 a 4).' },
  'problem.level-required': { en: 'Choose a level of care.', es: 'Elija un nivel de atención.' },
  'problem.difference-reason-required': {
    en: 'Say why the levels indicated, available and chosen differ.',
    es: 'Indique por qué difieren los niveles indicado, disponible y elegido.',
  },
  'problem.asam-review-other-episode': {
    en: 'That is not an ASAM review of this episode.',
    es: 'Esa no es una revisión ASAM de este episodio.',
  },
  'problem.asam-review-not-usable': {
    en: 'Cite a completed ASAM review (this one is {status}).',
    es: 'Cite una revisión ASAM completada (esta está en estado {status}).',
  },
} satisfies Messages;
