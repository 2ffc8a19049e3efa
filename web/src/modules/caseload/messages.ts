// My caseload and reassigning a caseload. English and Spanish side by side:
// a missing translation fails the type check (web/README.md "Messages").
import type { Messages } from '../../i18n/messages.ts';

export const caseloadMessages = {
  // Patients, episodes of care and the caseload (docs/patients.md)
  'nav.caseload': { en: 'My caseload', es: 'Mis casos' },
  'nav.caseload.description': {
    en: 'Everyone whose care team you are on, with their program, phase and level of care.',
    es: 'Todas las personas en cuyo equipo de atención está usted, con su programa, fase y nivel de atención.',
  },
  'caseload.title': { en: 'My caseload', es: 'Mis casos' },
  'caseload.intro': {
    en: 'Everyone whose care team you are on, with an open episode. Select a name to open their record.',
    es: 'Todas las personas con un episodio abierto en cuyo equipo está usted. Seleccione un nombre para abrir su expediente.',
  },
  'caseload.filters': { en: 'Filter my caseload', es: 'Filtrar mis casos' },
  'caseload.filter.program': { en: 'Program', es: 'Programa' },
  'caseload.filter.phase': { en: 'Phase', es: 'Fase' },
  'caseload.filter.level': { en: 'Level of care', es: 'Nivel de atención' },
  'caseload.filter.all': { en: 'All', es: 'Todos' },
  'caseload.filter.endingSoon': { en: 'Level of care ends within 14 days', es: 'El nivel de atención termina en 14 días' },
  'caseload.sortBy': { en: 'Sort by', es: 'Ordenar por' },
  'caseload.sortHint': { en: ', sort', es: ', ordenar' },
  'caseload.count': {
    en: '{total, plural, one {# person} other {# people}}',
    es: '{total, plural, one {# persona} other {# personas}}',
  },
  'caseload.countFiltered': {
    en: '{shown} of {total, plural, one {# person} other {# people}}',
    es: '{shown} de {total, plural, one {# persona} other {# personas}}',
  },
  'caseload.tableLabel': { en: 'My caseload', es: 'Mis casos' },
  'caseload.col.name': { en: 'Name', es: 'Nombre' },
  'caseload.col.dateOfBirth': { en: 'Born', es: 'Nacimiento' },
  'caseload.col.program': { en: 'Program', es: 'Programa' },
  'caseload.col.phase': { en: 'Phase', es: 'Fase' },
  'caseload.col.level': { en: 'Level of care', es: 'Nivel de atención' },
  'caseload.col.opened': { en: 'Opened', es: 'Abierto' },
  'caseload.col.daysInPhase': { en: 'Days in phase', es: 'Días en la fase' },
  'caseload.col.nextPlannedEnd': { en: 'Next planned end', es: 'Próximo fin previsto' },
  'caseload.col.lastContact': { en: 'Last contact', es: 'Último contacto' },
  'caseload.col.nextDue': { en: 'Next contact due', es: 'Próximo contacto' },
  'caseload.never': { en: 'None yet', es: 'Ninguno aún' },
  'caseload.attempts': {
    en: '{count, plural, one {# attempt} other {# attempts}}, no answer',
    es: '{count, plural, one {# intento} other {# intentos}}, sin respuesta',
  },
  'caseload.cardWork': {
    en: '{days, plural, one {# day} other {# days}} in this phase · next planned end {end}',
    es: '{days, plural, one {# día} other {# días}} en esta fase · próximo fin previsto {end}',
  },
  'teamLoad.title': { en: 'Caseloads in your programs', es: 'Casos en sus programas' },
  'teamLoad.empty': {
    en: 'No one in your programs is the primary case manager of an open episode yet.',
    es: 'Todavía nadie en sus programas es administrador(a) de casos principal de un episodio abierto.',
  },
  'teamLoad.col.caseManager': { en: 'Case manager', es: 'Administrador(a) de casos' },
  'teamLoad.col.primary': { en: 'Open episodes', es: 'Episodios abiertos' },
  'teamLoad.col.endingSoon': { en: 'Level ends within 14 days', es: 'Nivel termina en 14 días' },
  'teamLoad.col.actions': { en: 'Actions', es: 'Acciones' },
  'teamLoad.reassign': { en: 'Reassign', es: 'Reasignar' },
  'teamLoad.openCount': {
    en: '{count, plural, one {# open episode} other {# open episodes}}',
    es: '{count, plural, one {# episodio abierto} other {# episodios abiertos}}',
  },
  'teamLoad.endingSoonCount': {
    en: '{count, plural, one {# level of care ends} other {# levels of care end}} within 14 days',
    es: '{count, plural, one {# nivel de atención termina} other {# niveles de atención terminan}} en 14 días',
  },
  'teamLoad.reassignNamed': { en: 'Reassign the caseload of {name}', es: 'Reasignar los casos de {name}' },
  'caseload.col.myRole': { en: 'My role', es: 'Mi función' },
  'caseload.card': { en: '{program} · opened {date}', es: '{program} · abierto el {date}' },
  'caseload.noMatches': {
    en: 'No one on your caseload matches these filters. Clear a filter to see more.',
    es: 'Nadie en sus casos coincide con estos filtros. Quite un filtro para ver más.',
  },
  'caseload.emptyTitle': { en: 'No one is on your caseload yet', es: 'Todavía no tiene casos' },
  'caseload.emptyHow': {
    en: 'A person appears here when you are on the care team of their open episode. That happens when:',
    es: 'Una persona aparece aquí cuando usted está en el equipo de atención de su episodio abierto. Eso pasa cuando:',
  },
  'caseload.emptyOpen': {
    en: 'you find or register a patient under Patients and open an episode for them: you become their primary case manager;',
    es: 'usted busca o registra a un paciente en Pacientes y le abre un episodio: usted pasa a ser su administrador(a) de casos principal;',
  },
  'caseload.emptyHandoff': {
    en: 'a colleague or supervisor hands a patient over to you;',
    es: 'alguien del equipo, o quien supervisa el programa, le pasa el caso de un paciente;',
  },
  'caseload.emptyTeam': {
    en: 'a supervisor adds you to a patient’s care team.',
    es: 'quien supervisa el programa le agrega al equipo de atención de un paciente.',
  },
  'caseload.countOne': { en: '1 person', es: '1 persona' },
  'caseload.goToPatients': { en: 'Go to Patients', es: 'Ir a Pacientes' },

  // Reassigning a caseload
  'reassign.open': { en: 'Reassign a caseload', es: 'Reasignar una carga de casos' },
  'reassign.title': { en: 'Reassign a caseload', es: 'Reasignar una carga de casos' },
  'reassign.intro': {
    en: "Move a staff member's open episodes to one or several colleagues, for example when someone leaves or goes on leave. Each episode is handed off: the receiving colleague becomes its primary case manager, with your note.",
    es: 'Traslade los episodios abiertos de un miembro del personal a una o varias personas, por ejemplo cuando alguien se va o toma una licencia. Cada episodio se traspasa: la persona que lo recibe pasa a ser su administrador(a) de casos principal, con la nota del traspaso.',
  },
  'reassign.from': { en: 'Whose caseload moves', es: 'Carga de casos que se traslada' },
  'reassign.fromRequired': { en: 'Choose whose caseload moves.', es: 'Elija de quién es la carga de casos que se traslada.' },
  'reassign.to': { en: 'Colleagues who receive it', es: 'Colegas que la reciben' },
  'reassign.toDescription': {
    en: 'With several colleagues, the episodes are shared out among them.',
    es: 'Si elige a varias personas, los episodios se reparten entre ellas.',
  },
  'reassign.toRequired': { en: 'Choose at least one colleague.', es: 'Elija al menos a una persona.' },
  'reassign.toNotFrom': {
    en: 'Choose colleagues other than the person whose caseload moves.',
    es: 'Elija colegas distintos de la persona cuya carga de casos se traslada.',
  },
  'reassign.on': { en: 'Handoff date', es: 'Fecha del traspaso' },
  'reassign.onRequired': { en: 'Enter the handoff date.', es: 'Escriba la fecha del traspaso.' },
  'reassign.note': { en: 'Handoff note', es: 'Nota del traspaso' },
  'reassign.noteDescription': {
    en: 'Why the caseload moves and anything the new case managers should know.',
    es: 'Por qué se traslada la carga de casos y lo que debe saber quien recibe cada caso.',
  },
  'reassign.noteRequired': { en: 'Enter a handoff note.', es: 'Escriba una nota del traspaso.' },
  'reassign.episodes': { en: 'Episodes that move', es: 'Episodios que se traspasan' },
  'reassign.episodesDescription': {
    en: '{chosen} of {total} chosen. Untick the ones that stay with this person.',
    es: '{chosen} de {total} elegidos. Desmarque los que se quedan con esta persona.',
  },
  'reassign.episodesRequired': { en: 'Choose at least one episode to move.', es: 'Elija al menos un episodio para traspasar.' },
  'reassign.episodesLoading': { en: 'Loading this person’s caseload', es: 'Cargando la carga de casos de esta persona' },
  'reassign.noEpisodes': {
    en: 'This person has no open episodes in your programs to move.',
    es: 'Esta persona no tiene episodios abiertos en sus programas para traspasar.',
  },
  'reassign.allEpisodes': {
    en: 'All open episodes in your programs where this person is the primary case manager will move, shared out in turn among the colleagues you chose.',
    es: 'Se trasladarán todos los episodios abiertos de sus programas en los que esta persona es administrador(a) de casos principal, repartidos por turnos entre las personas que eligió.',
  },
  'reassign.submit': { en: 'Reassign caseload', es: 'Reasignar carga de casos' },
  'reassign.staffError': {
    en: 'The staff list could not be loaded. Close this window and try again.',
    es: 'No se pudo cargar la lista del personal. Cierre esta ventana e inténtelo de nuevo.',
  },
  'reassign.doneTitle': { en: 'Caseload reassigned', es: 'Carga de casos reasignada' },
  'reassign.done': { en: 'Episodes moved from {name}: {count}.', es: 'Episodios trasladados de {name}: {count}.' },
  'reassign.doneNone': {
    en: '{name} had no episodes to move. Nothing changed.',
    es: '{name} no tenía episodios para trasladar. No se cambió nada.',
  },
  'reassign.doneTo': { en: '{name} — episodes: {count}', es: '{name} — episodios: {count}' },

  // Problem codes the server sends (src/modules/*/problems.ts), in words
  'problem.supervisors-only': {
    en: 'Only a supervisor can do this.',
    es: 'Solo quien tiene la función de supervisor(a) puede hacer esto.',
  },
  'problem.includes-from-user': {
    en: 'Choose colleagues other than the person whose caseload moves.',
    es: 'Elija colegas distintos de la persona cuya carga de casos se traslada.',
  },
  'problem.episodes-not-reassignable': {
    en: 'Some of the chosen episodes are no longer in this person’s open caseload in your programs. Reload the page and choose again.',
    es: 'Algunos de los episodios elegidos ya no están entre los casos abiertos de esta persona en sus programas. Vuelva a cargar la página y elija otra vez.',
  },
} satisfies Messages;
