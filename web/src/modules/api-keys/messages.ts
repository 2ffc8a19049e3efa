// API keys. English and Spanish side by side:
// a missing translation fails the type check (web/README.md "Messages").
import type { Messages } from '../../i18n/messages.ts';

export const apiKeyMessages = {
  // Its entry in the navigation and on the home page
  'nav.apiKeys': { en: 'API keys', es: 'Claves de API' },
  'nav.apiKeys.description': {
    en: 'Keys that let other systems connect to Bridgeway.',
    es: 'Claves para que otros sistemas se conecten a Bridgeway.',
  },

  // Coded values
  'apiKeys.status.active': { en: 'Active', es: 'Activa' },
  'apiKeys.status.expired': { en: 'Expired', es: 'Vencida' },
  'apiKeys.status.revoked': { en: 'Revoked', es: 'Revocada' },

  // API keys
  'apiKeys.title': { en: 'API keys', es: 'Claves de API' },
  'apiKeys.intro': {
    en: 'An API key lets another system (for example, a reporting tool) connect to Bridgeway as an integration account, never as a person, with the same access rules and audit. Each key names who created it. Give each system its own key.',
    es: 'Una clave de API permite que otro sistema (por ejemplo, una herramienta de informes) se conecte a Bridgeway como una cuenta de integración, nunca como una persona, con las mismas reglas de acceso y el mismo historial de auditoría. Cada clave indica quién la creó. Dele a cada sistema su propia clave.',
  },
  'apiKeys.add': { en: 'Create API key', es: 'Crear clave de API' },
  'apiKeys.tableLabel': { en: 'API keys', es: 'Claves de API' },
  'apiKeys.col.name': { en: 'Name', es: 'Nombre' },
  'apiKeys.col.actsAs': { en: 'Acts as', es: 'Actúa como' },
  'apiKeys.createdBy': { en: 'by {name}', es: 'por {name}' },
  'apiKeys.col.created': { en: 'Created', es: 'Creada' },
  'apiKeys.col.expires': { en: 'Expires', es: 'Vence' },
  'apiKeys.col.lastUsed': { en: 'Last used', es: 'Último uso' },
  'apiKeys.col.status': { en: 'Status', es: 'Estado' },
  'apiKeys.neverUsed': { en: 'Never', es: 'Nunca' },
  'apiKeys.noActions': { en: 'No actions', es: 'Sin acciones' },
  'apiKeys.empty': { en: 'No API keys yet.', es: 'Todavía no hay claves de API.' },
  'apiKeys.revoke': { en: 'Revoke', es: 'Revocar' },
  'apiKeys.revokeNamed': { en: 'Revoke {name}', es: 'Revocar {name}' },
  'apiKeys.revokeTitle': { en: 'Revoke “{name}”?', es: '¿Revocar “{name}”?' },
  'apiKeys.revokeBody': {
    en: 'Any system using “{name}” stops working at once. This cannot be undone; you can create a new key instead.',
    es: 'Cualquier sistema que use “{name}” deja de funcionar de inmediato. No se puede deshacer; puede crear una clave nueva.',
  },
  'apiKeys.revoked': { en: '“{name}” was revoked.', es: 'Se revocó “{name}”.' },
  'apiKeys.create.title': { en: 'Create an API key', es: 'Crear una clave de API' },
  'apiKeys.create.submit': { en: 'Create key', es: 'Crear clave' },
  'apiKeys.form.account': { en: 'Integration account the key acts as', es: 'Cuenta de integración en cuyo nombre actúa la clave' },
  'apiKeys.form.accountDescription': {
    en: 'The system gets this account’s access, never a person’s. Only active integration accounts are listed.',
    es: 'El sistema tendrá el acceso de esta cuenta, nunca el de una persona. Solo aparecen las cuentas de integración activas.',
  },
  'apiKeys.form.accountRequired': { en: 'Choose an integration account.', es: 'Elija una cuenta de integración.' },
  'apiKeys.form.accountsFailed': {
    en: 'The list of integration accounts could not be loaded.',
    es: 'No se pudo cargar la lista de cuentas de integración.',
  },
  'apiKeys.form.noAccountMatches': { en: 'No active integration account matches.', es: 'Ninguna cuenta de integración activa coincide.' },
  'apiKeys.form.noAccountsTitle': { en: 'No integration account yet', es: 'Todavía no hay cuentas de integración' },
  'apiKeys.form.noAccounts': {
    en: 'A key acts as an integration account: add one on the Staff page first, with only the roles and programs the system needs.',
    es: 'Una clave actúa en nombre de una cuenta de integración: primero agregue una en la página de Personal, solo con los roles y programas que el sistema necesita.',
  },
  'apiKeys.form.toStaff': { en: 'Go to Staff', es: 'Ir a Personal' },
  'apiKeys.form.name': { en: 'Key name', es: 'Nombre de la clave' },
  'apiKeys.form.nameDescription': {
    en: 'What uses it, for example “State reporting export”.',
    es: 'Qué la usa, por ejemplo “Exportación de informes al estado”.',
  },
  'apiKeys.form.nameRequired': { en: 'Enter a name for the key.', es: 'Escriba un nombre para la clave.' },
  'apiKeys.form.expiresOn': { en: 'Expires on', es: 'Vence el' },
  'apiKeys.form.expiresDescription': { en: 'Within one year.', es: 'Dentro de un año como máximo.' },
  'apiKeys.form.expiresDescriptionDate': {
    en: 'The key stops working after {date}. Within one year.',
    es: 'La clave deja de funcionar después del {date}. Dentro de un año como máximo.',
  },
  'apiKeys.form.expiresRequired': { en: 'Choose an expiry date.', es: 'Elija una fecha de vencimiento.' },
  'apiKeys.form.expiresFuture': { en: 'Choose a date after today.', es: 'Elija una fecha posterior a hoy.' },
  'apiKeys.secret.title': { en: 'Copy your new API key', es: 'Copie su nueva clave de API' },
  'apiKeys.secret.intro': {
    en: 'The key “{name}” acts as the integration account {account}. Every change it makes names you as its creator.',
    es: 'La clave “{name}” actúa como la cuenta de integración {account}. Cada cambio que haga lo registra a usted como su creador(a).',
  },
  'apiKeys.secret.label': { en: 'API key', es: 'Clave de API' },
  'apiKeys.secret.onceTitle': { en: 'You will not see this key again', es: 'No volverá a ver esta clave' },
  'apiKeys.secret.once': {
    en: 'Bridgeway keeps only a scrambled copy. Paste the key into the other system’s settings or a password manager now. If it is lost, revoke it and create a new one.',
    es: 'Bridgeway solo guarda una copia cifrada. Pegue la clave ahora en la configuración del otro sistema o guárdela en su aplicación de contraseñas. Si se pierde, revóquela y cree una nueva.',
  },
  'apiKeys.secret.howToUse': {
    en: 'The system sends it in the header “Authorization: Bearer <key>”.',
    es: 'El sistema la envía en el encabezado “Authorization: Bearer <clave>”.',
  },
  'apiKeys.secret.done': { en: 'I have copied the key', es: 'Ya copié la clave' },

  // Problem codes the server sends (src/modules/*/problems.ts), in words
  'problem.not-an-integration-account': {
    en: 'A key can act only as an integration account, never as a person.',
    es: 'Una clave solo puede actuar como una cuenta de integración, nunca como una persona.',
  },
  'problem.expiry-out-of-range': {
    en: 'Choose a date between tomorrow and one year from today.',
    es: 'Elija una fecha entre mañana y dentro de un año.',
  },
  'problem.inactive-user': {
    en: 'This integration account is not active. An API key must act as an active integration account.',
    es: 'Esta cuenta de integración no está activa. Una clave de API debe actuar en nombre de una cuenta de integración activa.',
  },
} satisfies Messages;
