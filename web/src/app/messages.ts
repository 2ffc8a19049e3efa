// The shell: skip link, navigation frame, account menu, language picker, not-found and forbidden pages. English and Spanish side by side:
// a missing translation fails the type check (web/README.md "Messages").
import type { Messages } from '../i18n/messages.ts';

export const appMessages = {
  // Shell and navigation
  'a11y.skipToContent': { en: 'Skip to main content', es: 'Saltar al contenido principal' },
  'app.unavailableTitle': { en: 'Bridgeway is not available right now', es: 'Bridgeway no está disponible en este momento' },
  'nav.label': { en: 'Main', es: 'Principal' },
  'nav.open': { en: 'Open menu', es: 'Abrir menú' },
  'nav.close': { en: 'Close menu', es: 'Cerrar menú' },
  'pwa.updateReady': { en: 'A new version of Bridgeway is ready', es: 'Hay una nueva versión de Bridgeway' },
  'pwa.reload': { en: 'Reload', es: 'Recargar' },
  'userMenu.label': { en: 'Account menu for {name}', es: 'Menú de la cuenta de {name}' },
  'userMenu.signOut': { en: 'Sign out', es: 'Cerrar sesión' },
  'language.menuLabel': { en: 'Language: {language}', es: 'Idioma: {language}' },
  'language.choose': { en: 'Choose a language', es: 'Elija un idioma' },
  'language.saveFailedTitle': { en: 'Language not saved', es: 'No se guardó el idioma' },
  'language.saveFailed': {
    en: 'The new language is used on this device, but it could not be saved to your account.',
    es: 'El nuevo idioma se usa en este dispositivo, pero no se pudo guardar en su cuenta.',
  },
  'notFound.title': { en: 'Page not found', es: 'No se encontró la página' },
  'notFound.body': {
    en: 'There is no page at this address. It may have moved, or the link may be wrong.',
    es: 'No hay ninguna página en esta dirección. Puede que se haya movido o que el enlace esté mal.',
  },
  'notFound.home': { en: 'Go to the home page', es: 'Ir a la página de inicio' },
  'forbidden.title': { en: 'You do not have access to this page', es: 'No tiene acceso a esta página' },
  'forbidden.body': {
    en: 'Your roles do not include this page. If you need it for your work, ask an administrator.',
    es: 'Sus funciones no incluyen esta página. Si la necesita para su trabajo, pídasela a quien administra Bridgeway.',
  },
} satisfies Messages;
