// Accepting an invitation or a set-password link. English and Spanish side by side:
// a missing translation fails the type check (web/README.md "Messages").
import type { Messages } from '../../i18n/messages.ts';

export const invitationMessages = {
  // Invitation
  'invitation.welcomeReset': {
    en: 'Hello, {name}. Choose a new password for your Bridgeway account at {organization}.',
    es: 'Hola, {name}. Elija una contraseña nueva para su cuenta de Bridgeway en {organization}.',
  },
  'invitation.title': { en: 'Set your password', es: 'Cree su contraseña' },
  'invitation.welcome': {
    en: 'Welcome, {name}. You have been invited to use Bridgeway at {organization}. Choose a password to finish.',
    es: 'Le damos la bienvenida, {name}. Le invitaron a usar Bridgeway en {organization}. Elija una contraseña para terminar.',
  },
  'invitation.name': { en: 'Name', es: 'Nombre' },
  'invitation.email': { en: 'Email (you sign in with it)', es: 'Correo electrónico (con él inicia sesión)' },
  'invitation.organization': { en: 'Organization', es: 'Organización' },
  'invitation.password': { en: 'New password', es: 'Contraseña nueva' },
  'invitation.confirmPassword': { en: 'Confirm new password', es: 'Confirmar contraseña nueva' },
  'invitation.submit': { en: 'Set password', es: 'Guardar contraseña' },
  'invitation.expires': { en: 'This link works until {date}.', es: 'Este enlace funciona hasta el {date}.' },
  'invitation.goneTitle': { en: 'This link does not work any more', es: 'Este enlace ya no funciona' },
  'invitation.gone': {
    en: 'The link has expired, was already used, or was replaced by a newer one. Ask your Bridgeway administrator to send you a new set-password link.',
    es: 'El enlace venció, ya se usó o se reemplazó por uno más nuevo. Pídale a quien administra Bridgeway que le envíe un nuevo enlace para crear contraseña.',
  },
} satisfies Messages;
