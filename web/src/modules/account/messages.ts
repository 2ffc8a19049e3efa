// My account: language, password, two-step sign-in and sessions. English and Spanish side by side:
// a missing translation fails the type check (web/README.md "Messages").
import type { Messages } from '../../i18n/messages.ts';

export const accountMessages = {
  // Its entry in the navigation and on the home page
  'nav.account': { en: 'My account', es: 'Mi cuenta' },
  'nav.account.description': {
    en: 'Your language, password, two-step sign-in and open sessions.',
    es: 'Su idioma, contraseña, verificación en dos pasos y sesiones abiertas.',
  },

  // Account
  'account.title': { en: 'My account', es: 'Mi cuenta' },
  'account.intro': { en: 'You sign in as {email}.', es: 'Usted inicia sesión como {email}.' },
  'account.language.title': { en: 'Language', es: 'Idioma' },
  'account.language.label': { en: 'Language', es: 'Idioma' },
  'account.language.description': {
    en: 'Bridgeway uses this language for you on every device.',
    es: 'Bridgeway usa este idioma con usted en todos sus dispositivos.',
  },
  'account.mfa.title': { en: 'Two-step sign-in', es: 'Verificación en dos pasos' },
  'account.mfa.status': { en: 'Status:', es: 'Estado:' },
  'account.mfa.on': { en: 'On', es: 'Activada' },
  'account.mfa.off': { en: 'Off', es: 'Desactivada' },
  'account.mfa.onExplain': {
    en: 'You enter a code from your authenticator app after your password.',
    es: 'Después de su contraseña, escriba un código de su aplicación de autenticación.',
  },
  'account.mfa.offExplain': {
    en: 'Only your password protects your account. Turn on two-step sign-in to keep patient records safer.',
    es: 'Solo su contraseña protege su cuenta. Active la verificación en dos pasos para proteger mejor los expedientes de los pacientes.',
  },
  'account.mfa.setUp': { en: 'Set up two-step sign-in', es: 'Activar la verificación en dos pasos' },
  'account.mfa.replace': { en: 'Move to a new phone', es: 'Pasar a un teléfono nuevo' },
  'account.password.title': { en: 'Change password', es: 'Cambiar contraseña' },
  'account.password.intro': {
    en: 'After the change, you stay signed in here and are signed out everywhere else.',
    es: 'Después del cambio, su sesión sigue abierta aquí y se cierra en todos los demás lugares.',
  },
  'account.password.current': { en: 'Current password', es: 'Contraseña actual' },
  'account.password.currentRequired': { en: 'Enter your current password.', es: 'Escriba su contraseña actual.' },
  'account.password.new': { en: 'New password', es: 'Contraseña nueva' },
  'account.password.confirm': { en: 'Confirm new password', es: 'Confirmar contraseña nueva' },
  'account.password.submit': { en: 'Change password', es: 'Cambiar contraseña' },
  'account.password.doneTitle': { en: 'Password changed', es: 'Se cambió la contraseña' },
  'account.password.done': { en: 'Your other sessions were signed out.', es: 'Se cerraron sus otras sesiones.' },
  'account.sessions.title': { en: 'Where you are signed in', es: 'Dónde tiene la sesión abierta' },
  'account.sessions.intro': {
    en: 'If you see a device you do not recognize, end that session and change your password.',
    es: 'Si ve un dispositivo que no reconoce, cierre esa sesión y cambie su contraseña.',
  },
  'account.sessions.current': { en: 'This device', es: 'Este dispositivo' },
  'account.sessions.started': { en: 'Signed in', es: 'Inició sesión' },
  'account.sessions.lastSeen': { en: 'Last active', es: 'Última actividad' },
  'account.sessions.ip': { en: 'IP address', es: 'Dirección IP' },
  'account.sessions.browserOn': { en: '{browser} on {system}', es: '{browser} en {system}' },
  'account.sessions.unknownDevice': { en: 'Unknown device', es: 'Dispositivo desconocido' },
  'account.sessions.end': { en: 'End session', es: 'Cerrar sesión' },
  'account.sessions.endNamed': { en: 'End session on {device}', es: 'Cerrar sesión en {device}' },
  'account.sessions.ended': { en: 'The session was ended.', es: 'Se cerró la sesión.' },
  'account.sessions.endFailed': { en: 'The session could not be ended', es: 'No se pudo cerrar la sesión' },
} satisfies Messages;
