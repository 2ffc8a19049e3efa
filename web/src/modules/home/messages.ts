// The home page. English and Spanish side by side:
// a missing translation fails the type check (web/README.md "Messages").
import type { Messages } from '../../i18n/messages.ts';

export const homeMessages = {
  // Its entry in the navigation and on the home page
  'nav.home': { en: 'Home', es: 'Inicio' },
  'nav.home.description': { en: 'Your roles, programs and what you can do.', es: 'Sus funciones, sus programas y lo que puede hacer.' },

  // Home
  'home.title': { en: 'Hello, {name}', es: 'Hola, {name}' },
  'home.intro': { en: 'You are signed in to Bridgeway at {organization}.', es: 'Inició sesión en Bridgeway en {organization}.' },
  'home.aboutYou': { en: 'Your account', es: 'Su cuenta' },
  'home.organization': { en: 'Organization', es: 'Organización' },
  'home.roles': { en: 'Your roles', es: 'Sus funciones' },
  'home.noRoles': { en: 'No roles yet. Ask an administrator.', es: 'Todavía no tiene funciones. Pídaselas a quien administra Bridgeway.' },
  'home.programs': { en: 'Your programs', es: 'Sus programas' },
  'home.noPrograms': { en: 'Not in any program yet.', es: 'Todavía no está en ningún programa.' },
  'home.email': { en: 'Email', es: 'Correo electrónico' },
  'home.whatYouCanDo': { en: 'What you can do', es: 'Lo que puede hacer' },
  'home.open': { en: 'Open {region}', es: 'Abrir {region}' },
  'home.mfaHint': { en: 'Protect your account with two-step sign-in.', es: 'Proteja su cuenta con la verificación en dos pasos.' },
  'home.mfaHintLink': { en: 'Set it up now', es: 'Actívela ahora' },

  // Getting started (the first administrator)
  'home.start.title': { en: 'Getting started', es: 'Primeros pasos' },
  'home.start.intro': {
    en: 'Three steps before your colleagues can work with patients here:',
    es: 'Tres pasos antes de que sus colegas puedan trabajar con pacientes aquí:',
  },
  'home.start.done': { en: 'done', es: 'hecho' },
  'home.start.program': { en: 'Create a program', es: 'Cree un programa' },
  'home.start.program.how': {
    en: 'A program is a service your organization runs, such as outpatient case management. Every episode of care belongs to one.',
    es: 'Un programa es un servicio de su organización, como la administración de casos ambulatoria. Cada episodio de atención pertenece a uno.',
  },
  'home.start.program.go': { en: 'Go to Programs', es: 'Ir a Programas' },
  'home.start.staff': { en: 'Add your staff', es: 'Agregue a su personal' },
  'home.start.staff.how': {
    en: 'Each person gets a set-password link to sign in with their own account.',
    es: 'Cada persona recibe un enlace para crear su contraseña e iniciar sesión con su propia cuenta.',
  },
  'home.start.staff.go': { en: 'Go to Staff', es: 'Ir a Personal' },
  'home.start.roles': { en: 'Give them roles and programs', es: 'Asígneles funciones y programas' },
  'home.start.roles.how': {
    en: 'Case managers and other clinical staff see the patients of their programs. Supervisors see a program’s whole caseload.',
    es: 'Los/las administradores(as) de casos y el resto del personal clínico ven a los pacientes de sus programas. Los/las supervisores(as) ven todos los casos de un programa.',
  },
  'home.start.roles.go': { en: 'Choose roles in Staff', es: 'Elegir funciones en Personal' },
  'home.start.adminsSeeNoPatients': {
    en: 'Administrators do not see patients. If you also work with patients, ask another administrator to give your account a clinical role and a program.',
    es: 'Quienes administran Bridgeway no ven pacientes. Si usted también trabaja con pacientes, pida a otra persona que administre Bridgeway que le asigne una función clínica y un programa.',
  },
} satisfies Messages;
