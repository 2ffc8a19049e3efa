// Today: the page a case manager opens every morning. English and Spanish side by side.
import type { Messages } from '../../i18n/messages.ts';

export const todayMessages = {
  'nav.today': { en: 'Today', es: 'Hoy' },
  'nav.today.description': {
    en: 'What is due and overdue: tasks, people to contact, notes to sign.',
    es: 'Lo que vence hoy o ya venció: tareas, personas que contactar, notas por firmar.',
  },
  'today.title': { en: 'Today', es: 'Hoy' },
  'today.intro': {
    en: 'What is due today or overdue, most overdue and most urgent first. Tick a task when it is done.',
    es: 'Lo que vence hoy o ya venció, primero lo más atrasado y lo más urgente. Marque una tarea cuando esté hecha.',
  },
  'today.introOther': {
    en: 'The day of {name}: what is due today or overdue.',
    es: 'El día de {name}: lo que vence hoy o ya venció.',
  },
  'today.section.tasks': { en: 'Tasks due and overdue', es: 'Tareas que vencen o ya vencieron' },
  'today.section.contactsDue': { en: 'People to contact', es: 'Personas a contactar' },
  'today.contacts.dueToday': { en: 'Due today', es: 'Vence hoy' },
  'today.section.drafts': { en: 'Notes to finish and sign', es: 'Notas por terminar y firmar' },
  'today.drafts.open': { en: 'Note for {name}', es: 'Nota de {name}' },
  'today.team.contacts': {
    en: '{count, plural, one {# contact due or note to sign} other {# contacts due or notes to sign}}',
    es: '{count, plural, one {# contacto pendiente o nota por firmar} other {# contactos pendientes o notas por firmar}}',
  },
  'today.nothing': { en: 'Nothing due today. Well done.', es: 'Nada vence hoy. Buen trabajo.' },
  'today.done': { en: 'Done: “{title}”', es: 'Hecha: «{title}»' },
  'today.whose': { en: 'Whose day', es: 'El día de' },
  'today.mine': { en: 'Mine', es: 'El mío' },
  'today.team': { en: 'My staff today', es: 'Mi personal hoy' },
  'today.team.intro': {
    en: 'How much each person you supervise has due today or overdue. Select a name to open their day.',
    es: 'Cuánto tiene cada persona que usted supervisa para hoy o atrasado. Seleccione un nombre para ver su día.',
  },
  'today.team.tasks': {
    en: '{count, plural, one {# task} other {# tasks}}',
    es: '{count, plural, one {# tarea} other {# tareas}}',
  },
  'today.backToMine': { en: 'Back to my day', es: 'Volver a mi día' },
} satisfies Messages;
