// Reassessment: what a program's schedule asks of an episode, the schedule itself, and a
// patient's scores over time. English and Spanish side by side.
import type { Messages } from '../../i18n/messages.ts';

export const reassessmentMessages = {
  'reassessment.title': { en: 'Reassessments due', es: 'Reevaluaciones pendientes' },
  'reassessment.noSchedule': {
    en: 'This program has no reassessment schedule yet.',
    es: 'Este programa todavía no tiene un calendario de reevaluaciones.',
  },
  'reassessment.nothingNow': {
    en: 'Nothing the schedule asks applies to this episode now.',
    es: 'Nada del calendario se aplica a este episodio ahora.',
  },
  'reassessment.scheduleLink': { en: 'The program’s schedule', es: 'El calendario del programa' },
  'reassessment.instrument': { en: 'Instrument', es: 'Instrumento' },
  'reassessment.when': { en: 'When', es: 'Cuándo' },
  'reassessment.dueOn': { en: 'Due', es: 'Vence' },
  'reassessment.lastDone': { en: 'Last done', es: 'Última vez' },
  'reassessment.statusLabel': { en: 'Status', es: 'Estado' },
  'reassessment.never': { en: 'Never', es: 'Nunca' },
  'reassessment.actions': { en: 'Actions', es: 'Acciones' },
  'reassessment.give': { en: 'Give now', es: 'Aplicar ahora' },
  'reassessment.giveNamed': { en: 'Give now: {instrument}', es: 'Aplicar ahora: {instrument}' },
  'reassessment.rule.intake': { en: 'At intake', es: 'En la admisión' },
  'reassessment.rule.every': { en: 'Every {days} days in {phase}', es: 'Cada {days} días en {phase}' },
  'reassessment.rule.discharge': { en: 'At discharge', es: 'Al alta' },
  'reassessment.status.upcoming': { en: 'Not yet due', es: 'Aún no vence' },
  'reassessment.status.due': { en: 'Due', es: 'Pendiente' },
  'reassessment.status.overdue': { en: 'Overdue', es: 'Atrasada' },
  'reassessment.status.done': { en: 'Done', es: 'Hecha' },
  'reassessment.status.at-discharge': { en: 'Due at discharge', es: 'Pendiente al alta' },
  'reassessment.status.missed': { en: 'Missed', es: 'No se hizo' },

  'schedule.title': { en: 'Reassessment schedule', es: 'Calendario de reevaluaciones' },
  'schedule.intro': {
    en: 'Which instruments this program asks for, and when. Each episode of the program shows what is due and overdue.',
    es: 'Qué instrumentos pide este programa y cuándo. Cada episodio del programa muestra lo pendiente y lo atrasado.',
  },
  'schedule.readOnly': {
    en: 'Those who administer Bridgeway or supervise the program change the schedule.',
    es: 'Quienes administran Bridgeway o supervisan el programa cambian el calendario.',
  },
  'schedule.empty': { en: 'No rules yet.', es: 'Todavía no hay reglas.' },
  'schedule.add': { en: 'Add a rule', es: 'Agregar una regla' },
  'schedule.remove': { en: 'Remove', es: 'Quitar' },
  'schedule.removeNamed': { en: 'Remove rule {number}', es: 'Quitar la regla {number}' },
  'schedule.ruleHeading': { en: 'Rule {number}', es: 'Regla {number}' },
  'schedule.instrument': { en: 'Instrument', es: 'Instrumento' },
  'schedule.when': { en: 'When', es: 'Cuándo' },
  'schedule.phase': { en: 'Phase', es: 'Fase' },
  'schedule.everyDays': { en: 'Every (days)', es: 'Cada (días)' },
  'schedule.graceDays': { en: 'Days before overdue', es: 'Días antes de atrasarse' },
  'schedule.when.intake': { en: 'At intake', es: 'En la admisión' },
  'schedule.when.every': { en: 'Every N days in a phase', es: 'Cada N días en una fase' },
  'schedule.when.discharge': { en: 'At discharge', es: 'Al alta' },
  'schedule.save': { en: 'Save the schedule', es: 'Guardar el calendario' },
  'schedule.saved': { en: 'Schedule saved', es: 'Calendario guardado' },

  'trends.title': { en: 'Scores over time', es: 'Puntuaciones a lo largo del tiempo' },
  'trends.empty': { en: 'No scored screen yet.', es: 'Todavía no hay pruebas calificadas.' },
  'trends.chartLabel': {
    en: '{instrument} total score over time, with its severity bands',
    es: 'Puntuación total de {instrument} a lo largo del tiempo, con sus rangos de gravedad',
  },
  'trends.total': { en: 'Total', es: 'Total' },
  'trends.bands': { en: 'Bands', es: 'Rangos' },
  'trends.point': { en: '{date}: {total} ({band})', es: '{date}: {total} ({band})' },
  'trends.loading': { en: 'Loading the chart…', es: 'Cargando el gráfico…' },

  'problem.schedule-managers-only': {
    en: 'Only those who administer Bridgeway or supervise the program change its schedule.',
    es: 'Solo quienes administran Bridgeway o supervisan el programa cambian su calendario.',
  },
  'problem.unknown-instrument': { en: 'Not an instrument of the catalogue.', es: 'No es un instrumento del catálogo.' },
  'problem.only-for-every': { en: 'Only for a rule that repeats.', es: 'Solo para una regla que se repite.' },
  'problem.duplicate-rule': { en: 'The same rule is already in the schedule.', es: 'La misma regla ya está en el calendario.' },
} satisfies Messages;
