// First-run setup. English and Spanish side by side:
// a missing translation fails the type check (web/README.md "Messages").
import type { Messages } from '../../i18n/messages.ts';

export const setupMessages = {
  // Setup
  'setup.title': { en: 'Set up Bridgeway', es: 'Configurar Bridgeway' },
  'setup.intro': {
    en: 'Create your organization and the first administrator account. You only do this once.',
    es: 'Cree su organización y la primera cuenta de administrador(a) del sistema. Esto se hace una sola vez.',
  },
  'setup.codeLegend': { en: 'Setup code', es: 'Código de configuración' },
  'setup.code': { en: 'One-time setup code', es: 'Código de configuración de un solo uso' },
  'setup.code.description': {
    en: 'This server can be reached from other computers, so setup needs the code it printed in its log when it started (for example 3F9A-07C2-B41D). Ask whoever started the server.',
    es: 'Este servidor es accesible desde otras computadoras, así que la configuración necesita el código que escribió en su registro al arrancar (por ejemplo 3F9A-07C2-B41D). Pídaselo a quien inició el servidor.',
  },
  'setup.code.required': {
    en: 'Enter the setup code from the server’s log.',
    es: 'Escriba el código de configuración del registro del servidor.',
  },
  'setup.organizationLegend': { en: 'Your organization', es: 'Su organización' },
  'setup.organizationName': { en: 'Organization name', es: 'Nombre de la organización' },
  'setup.organizationName.description': {
    en: 'As your staff know it, for example “Riverbend Recovery Center”.',
    es: 'Como lo conoce su personal, por ejemplo “Centro de Recuperación Riverbend”.',
  },
  'setup.organizationName.required': { en: 'Enter the organization’s name.', es: 'Escriba el nombre de la organización.' },
  'setup.timeZone': { en: 'Time zone', es: 'Zona horaria' },
  'setup.timeZone.description': {
    en: 'Due dates and “today” follow this time zone. We picked the one of this computer.',
    es: 'Las fechas límite y el “hoy” siguen esta zona horaria. Elegimos la de esta computadora.',
  },
  'setup.adminLegend': { en: 'The first administrator (you)', es: 'Primera cuenta de administrador(a) del sistema (usted)' },
  'setup.adminName': { en: 'Your full name', es: 'Su nombre completo' },
  'setup.adminName.required': { en: 'Enter your name.', es: 'Escriba su nombre.' },
  'setup.adminEmail': { en: 'Your email', es: 'Su correo electrónico' },
  'setup.adminEmail.description': { en: 'You sign in with this email.', es: 'Con este correo inicia sesión.' },
  'setup.adminPassword': { en: 'Password', es: 'Contraseña' },
  'setup.confirmPassword': { en: 'Confirm password', es: 'Confirmar contraseña' },
  'setup.language': { en: 'Language', es: 'Idioma' },
  'setup.language.description': {
    en: 'The language Bridgeway uses for you. Each person can change it later.',
    es: 'El idioma en que Bridgeway le muestra todo. Cada persona puede cambiarlo después.',
  },
  'setup.submit': { en: 'Create organization', es: 'Crear organización' },

  // Problem codes the server sends (src/modules/*/problems.ts), in words
  'problem.wrong-setup-code': {
    en: 'The setup code is wrong. It is printed in the server’s log when Bridgeway starts.',
    es: 'El código de configuración no es correcto. Aparece en el registro del servidor cuando Bridgeway arranca.',
  },
  'problem.already-set-up': { en: 'Bridgeway is already set up. Sign in instead.', es: 'Bridgeway ya está configurado. Inicie sesión.' },
} satisfies Messages;
