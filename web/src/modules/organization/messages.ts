// The organization page. English and Spanish side by side:
// a missing translation fails the type check (web/README.md "Messages").
import type { Messages } from '../../i18n/messages.ts';

export const organizationMessages = {
  // Its entry in the navigation and on the home page
  'nav.organization': { en: 'Organization', es: 'Organización' },
  'nav.organization.description': {
    en: 'Name, time zone, default language, two-step sign-in and emergency access.',
    es: 'Nombre, zona horaria, idioma predeterminado, verificación en dos pasos y acceso de emergencia.',
  },

  // Organization
  'organization.title': { en: 'Organization', es: 'Organización' },
  'organization.intro': {
    en: 'Settings that apply to everyone at your organization.',
    es: 'Configuración que se aplica a todas las personas de su organización.',
  },
  'organization.name': { en: 'Organization name', es: 'Nombre de la organización' },
  'organization.nameRequired': { en: 'Enter the organization’s name.', es: 'Escriba el nombre de la organización.' },
  'organization.timeZone': { en: 'Time zone', es: 'Zona horaria' },
  'organization.timeZoneDescription': {
    en: 'Due dates, “today” and times in Bridgeway follow this zone. It is now {now} there.',
    es: 'Las fechas límite, el “hoy” y las horas en Bridgeway siguen esta zona. Hora actual allí: {now}',
  },
  'organization.defaultLocale': { en: 'Default language', es: 'Idioma predeterminado' },
  'organization.defaultLocaleDescription': {
    en: 'Used for new staff members unless you choose another. Each person can change their own.',
    es: 'Se usa para el personal nuevo si no elige otro. Cada persona puede cambiar el suyo.',
  },
  'organization.mfaRequiredForAll': {
    en: 'Require two-step sign-in for all staff',
    es: 'Exigir la verificación en dos pasos a todo el personal',
  },
  'organization.mfaRequiredForAllDescription': {
    en: 'System administrators, supervisors and privacy officers always need it. When this is on, everyone else sets it up at their next sign-in before they can continue.',
    es: 'Quienes administran el sistema, supervisan programas o son oficiales de privacidad siempre la necesitan. Si activa esto, las demás personas la activarán en su próximo inicio de sesión antes de continuar.',
  },
  'organization.emergencyAccessHours': { en: 'Emergency access lasts (hours)', es: 'Duración del acceso de emergencia (horas)' },
  'organization.emergencyAccessHoursDescription': {
    en: 'How long a chart stays open when someone outside the care team uses emergency access. From 1 to 24; usually 4.',
    es: 'Cuánto tiempo queda abierto un expediente cuando alguien fuera del equipo de atención usa el acceso de emergencia. De 1 a 24; normalmente 4.',
  },
  'organization.emergencyAccessHoursRange': {
    en: 'Enter a whole number of hours from 1 to 24.',
    es: 'Escriba un número entero de horas entre 1 y 24.',
  },
  'organization.saved': { en: 'Organization settings saved.', es: 'Se guardó la configuración de la organización.' },

  // Problem codes the server sends (src/modules/*/problems.ts), in words
  'problem.unknown-time-zone': { en: 'Choose a time zone from the list.', es: 'Elija una zona horaria de la lista.' },
} satisfies Messages;
