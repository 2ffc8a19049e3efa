// Programs and their case management models. English and Spanish side by side:
// a missing translation fails the type check (web/README.md "Messages").
import type { Messages } from '../../i18n/messages.ts';

export const programMessages = {
  // Its entry in the navigation and on the home page
  'nav.programs': { en: 'Programs', es: 'Programas' },
  'nav.programs.description': {
    en: 'Your programs and the case management model each one follows.',
    es: 'Sus programas y el modelo de manejo de casos de cada uno.',
  },

  // Coded values
  'model.broker-generalist': { en: 'Broker / generalist', es: 'Intermediario / generalista' },
  'model.broker-generalist.explain': {
    en: 'Connects people to services in the community and follows up; offers few services directly.',
    es: 'Conecta a las personas con servicios de la comunidad y da seguimiento; ofrece pocos servicios directamente.',
  },
  'model.strengths-perspective': { en: 'Strengths perspective', es: 'Enfoque en las fortalezas' },
  'model.strengths-perspective.explain': {
    en: 'Builds on the person’s own strengths and goals, and on informal help from family and community.',
    es: 'Se basa en las fortalezas y metas de la persona, y en la ayuda informal de su familia y comunidad.',
  },
  'model.assertive-community-treatment': { en: 'Assertive community treatment (ACT)', es: 'Tratamiento comunitario asertivo (ACT)' },
  'model.assertive-community-treatment.explain': {
    en: 'A team shares a small caseload and gives most services directly, in the community, at any hour.',
    es: 'Un equipo comparte un número pequeño de casos y da la mayoría de los servicios directamente, en la comunidad, a cualquier hora.',
  },
  'model.clinical-rehabilitation': { en: 'Clinical / rehabilitation', es: 'Clínico / rehabilitación' },
  'model.clinical-rehabilitation.explain': {
    en: 'The same clinician gives case management and treatment, such as counseling.',
    es: 'El mismo profesional clínico ofrece el manejo de casos y el tratamiento, como la consejería.',
  },
  'model.nurse-care-manager': { en: 'Nurse care manager (OBOT)', es: 'Enfermero(a) gestor(a) de cuidados (OBOT)' },
  'model.nurse-care-manager.explain': {
    en: 'A nurse guides medication for opioid use disorder, from screening to maintenance, with the prescriber.',
    es: 'Un(a) enfermero(a) guía el medicamento para el trastorno por consumo de opioides, desde la evaluación hasta el mantenimiento, junto con quien receta.',
  },
  'model.community-health-worker': { en: 'Community health worker', es: 'Promotores de salud' },
  'model.community-health-worker.explain': {
    en: 'Trusted people from the community reach out, go with patients to visits and link them to services.',
    es: 'Personas de confianza de la comunidad buscan a los pacientes, los acompañan a sus citas y los conectan con servicios.',
  },

  // Programs
  'programs.title': { en: 'Programs', es: 'Programas' },
  'programs.intro': {
    en: 'Each program picks the case management model it follows. Staff are added to programs on the Staff page.',
    es: 'Cada programa elige el modelo de manejo de casos que sigue. El personal se agrega a los programas en la página Personal.',
  },
  'programs.add': { en: 'Add program', es: 'Agregar programa' },
  'programs.listLabel': { en: 'Programs', es: 'Programas' },
  'programs.empty': {
    en: 'No programs yet. Add the first one, for example your outpatient program.',
    es: 'Todavía no hay programas. Agregue el primero, por ejemplo su programa ambulatorio.',
  },
  'programs.editNamed': { en: 'Edit {name}', es: 'Editar {name}' },
  'programs.removeNamed': { en: 'Remove {name}', es: 'Quitar {name}' },
  'programs.updated': { en: 'Last changed {date}', es: 'Último cambio: {date}' },
  'programs.removed': { en: '{name} was removed.', es: 'Se quitó {name}.' },
  'programs.create.title': { en: 'Add a program', es: 'Agregar un programa' },
  'programs.create.submit': { en: 'Add program', es: 'Agregar programa' },
  'programs.edit.title': { en: 'Edit {name}', es: 'Editar {name}' },
  'programs.form.name': { en: 'Program name', es: 'Nombre del programa' },
  'programs.form.nameRequired': { en: 'Enter the program’s name.', es: 'Escriba el nombre del programa.' },
  'programs.form.model': { en: 'Case management model', es: 'Modelo de manejo de casos' },
  'programs.form.modelDescription': {
    en: 'How case management works in this program.',
    es: 'Cómo funciona el manejo de casos en este programa.',
  },
  'programs.form.modelRequired': { en: 'Choose the model this program follows.', es: 'Elija el modelo que sigue este programa.' },
  'programs.form.description': { en: 'Description (optional)', es: 'Descripción (opcional)' },
  'programs.form.descriptionHelp': {
    en: 'A sentence or two for staff: who the program serves and where.',
    es: 'Una o dos oraciones para el personal: a quién atiende el programa y dónde.',
  },
  'programs.remove.title': { en: 'Remove {name}?', es: '¿Quitar {name}?' },
  'programs.remove.body': {
    en: '{name} will no longer be listed or offered to staff. Its history is kept for the records and the audit log.',
    es: '{name} ya no aparecerá en las listas ni se le ofrecerá al personal. Su historial se conserva en los registros y en el historial de auditoría.',
  },
  'programs.remove.confirm': { en: 'Remove program', es: 'Quitar programa' },

  // Problem codes the server sends (src/modules/*/problems.ts), in words
  'problem.duplicate-program-name': { en: 'Another program already has this name.', es: 'Ya hay otro programa con este nombre.' },
} satisfies Messages;
