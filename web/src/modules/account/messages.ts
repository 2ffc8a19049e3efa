// My account: language, password, two-step sign-in and sessions. English and Spanish side by side:
// a missing translation fails the type check (web/README.md "Messages").
import type { Messages } from '../../i18n/messages.ts';

export const accountMessages = {
  // Its entry in the navigation and on the home page
  'nav.account': { en: 'My account', es: 'Mi cuenta' },
  'nav.account.description': {
    en: 'Your language, password, two-step sign-in, security events and open sessions.',
    es: 'Su idioma, contraseña, verificación en dos pasos, eventos de seguridad y sesiones abiertas.',
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
  'account.recovery.title': { en: 'Recovery codes', es: 'Códigos de recuperación' },
  'account.recovery.left': {
    en: 'You have {count} unused recovery codes. Each lets you sign in once without your phone.',
    es: 'Le quedan {count} códigos de recuperación sin usar. Cada uno le permite iniciar sesión una vez sin su teléfono.',
  },
  'account.recovery.leftOne': {
    en: 'You have 1 unused recovery code. It lets you sign in once without your phone.',
    es: 'Le queda 1 código de recuperación sin usar. Le permite iniciar sesión una vez sin su teléfono.',
  },
  'account.recovery.low': {
    en: 'You are running out of recovery codes. Get new ones so you are not locked out if you lose your phone.',
    es: 'Le quedan pocos códigos de recuperación. Obtenga códigos nuevos para no quedarse sin acceso si pierde su teléfono.',
  },
  'account.recovery.new': { en: 'Get new recovery codes', es: 'Obtener códigos de recuperación nuevos' },
  'account.recovery.intro': {
    en: 'You get ten new codes and your old codes stop working. Enter your password to continue.',
    es: 'Recibirá diez códigos nuevos y los anteriores dejarán de funcionar. Escriba su contraseña para continuar.',
  },
  'account.recovery.submit': { en: 'Get new codes', es: 'Obtener códigos nuevos' },
  'account.recovery.done': { en: 'Done', es: 'Listo' },
  'account.events.title': { en: 'Security events', es: 'Eventos de seguridad' },
  'account.events.intro': {
    en: 'Changes to how you sign in, newest first. Check that you recognize each one.',
    es: 'Cambios en la forma en que usted inicia sesión, del más reciente al más antiguo. Revise que reconozca cada uno.',
  },
  'account.events.sinceTitle': { en: 'Changes since your last visit', es: 'Cambios desde su última visita' },
  'account.events.since': {
    en: '{count} changes to how you sign in happened since you last signed in. Check that you made them.',
    es: 'Desde su último inicio de sesión hubo {count} cambios en la forma en que usted inicia sesión. Revise que los haya hecho usted.',
  },
  'account.events.sinceOne': {
    en: 'One change to how you sign in happened since you last signed in. Check that you made it.',
    es: 'Desde su último inicio de sesión hubo un cambio en la forma en que usted inicia sesión. Revise que lo haya hecho usted.',
  },
  'account.events.review': { en: 'Review on My account', es: 'Revisar en Mi cuenta' },
  'account.events.empty': { en: 'No security events yet.', es: 'Todavía no hay eventos de seguridad.' },
  'account.events.byMe': { en: 'By you', es: 'Por usted' },
  'account.events.byServer': { en: 'On the server', es: 'En el servidor' },
  'account.events.notMe': {
    en: 'Something here you did not do? Change your password, end sessions you do not recognize, and tell your administrator.',
    es: '¿Ve algo que usted no hizo? Cambie su contraseña, cierre las sesiones que no reconozca y avise a su administrador(a) del sistema.',
  },
  'account.events.type.mfa-enrolled': { en: 'Two-step sign-in turned on', es: 'Se activó la verificación en dos pasos' },
  'account.events.type.mfa-replaced': {
    en: 'Two-step sign-in moved to a new phone',
    es: 'La verificación en dos pasos pasó a un teléfono nuevo',
  },
  'account.events.type.mfa-reset': { en: 'Two-step sign-in reset', es: 'Se restableció la verificación en dos pasos' },
  'account.events.type.access-reset-on-server': {
    en: 'Access reset on the server',
    es: 'Se restableció el acceso en el servidor',
  },
  'account.events.type.password-changed': { en: 'Password changed', es: 'Se cambió la contraseña' },
  'account.events.type.password-reset': { en: 'Password set from a link', es: 'Se creó la contraseña desde un enlace' },
  'account.events.type.recovery-code-used': {
    en: 'Signed in with a recovery code',
    es: 'Se inició sesión con un código de recuperación',
  },
  'account.events.type.recovery-codes-regenerated': {
    en: 'New recovery codes created',
    es: 'Se crearon códigos de recuperación nuevos',
  },
  'account.events.type.set-password-link-issued': {
    en: 'Set-password link issued',
    es: 'Se emitió un enlace para crear contraseña',
  },
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
