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
} satisfies Messages;
