// The patient-facing tablet mode. Patient-facing words are plain (docs/glossary.md), usted.
import type { Messages } from '../../i18n/messages.ts';

export const patientModeMessages = {
  'patientMode.handOver': { en: 'Hand to the patient', es: 'Entregar al paciente' },
  'patientMode.handOver.title': { en: 'Hand the tablet to the patient', es: 'Entregar la tableta al paciente' },
  'patientMode.handOver.explain': {
    en: 'The screen will show only these questions, in large type, one at a time. Nothing else of the record can be opened until you unlock it with your password.',
    es: 'La pantalla mostrará solo estas preguntas, en letra grande, una a la vez. No se podrá abrir nada más del expediente hasta que usted la desbloquee con su contraseña.',
  },
  'patientMode.language': { en: 'The patient’s language', es: 'Idioma del paciente' },
  'patientMode.start': { en: 'Hand over now', es: 'Entregar ahora' },

  'patientMode.title': { en: 'A few questions for you', es: 'Algunas preguntas para usted' },
  'patientMode.intro': {
    en: 'Your answers are saved as you go. You can skip a question or go back. When you are done, please give the tablet back to staff.',
    es: 'Sus respuestas se guardan a medida que contesta. Puede saltar una pregunta o volver atrás. Cuando termine, devuelva la tableta al personal.',
  },
  'patientMode.progress': { en: 'Question {current} of {total}', es: 'Pregunta {current} de {total}' },
  'patientMode.previous': { en: 'Back', es: 'Atrás' },
  'patientMode.next': { en: 'Next', es: 'Siguiente' },
  'patientMode.finish': { en: 'I am done', es: 'Terminé' },
  'patientMode.saved': { en: 'Saved', es: 'Guardado' },
  'patientMode.notSaved': { en: 'Not saved — please ask staff', es: 'No se guardó: pida ayuda al personal' },
  'patientMode.saving': { en: 'Saving…', es: 'Guardando…' },
  'patientMode.done.title': { en: 'Thank you', es: 'Gracias' },
  'patientMode.done': {
    en: 'Your answers are saved. Please give the tablet back to staff.',
    es: 'Sus respuestas están guardadas. Devuelva la tableta al personal.',
  },
  'patientMode.review': { en: 'Go back to the questions', es: 'Volver a las preguntas' },
  'patientMode.unlock': { en: 'Staff: unlock', es: 'Personal: desbloquear' },
  'patientMode.unlock.title': { en: 'Unlock for staff', es: 'Desbloquear para el personal' },
  'patientMode.unlock.explain': {
    en: 'Enter the password of the staff member who handed over the tablet.',
    es: 'Escriba la contraseña del miembro del personal que entregó la tableta.',
  },
  'patientMode.password': { en: 'Your password', es: 'Su contraseña' },
  'patientMode.unlock.submit': { en: 'Unlock', es: 'Desbloquear' },
  'patientMode.englishOnly': {
    en: 'These questions are in English: their published Spanish translation is not loaded yet. Staff can read them with you.',
    es: 'Estas preguntas están en inglés: su traducción publicada al español aún no se ha cargado. El personal puede leerlas con usted.',
  },
  'problem.patient-mode-locked': {
    en: 'This device is handed to a patient. Unlock it with your password first.',
    es: 'Este dispositivo está en manos de un paciente. Primero desbloquéelo con su contraseña.',
  },
} satisfies Messages;
