// Staff, their roles and statuses. English and Spanish side by side:
// a missing translation fails the type check (web/README.md "Messages").
import type { Messages } from '../../i18n/messages.ts';

export const staffMessages = {
  // Its entry in the navigation and on the home page
  'nav.staff': { en: 'Staff', es: 'Personal' },
  'nav.staff.description': {
    en: 'See who works here, invite new staff, change roles and programs.',
    es: 'Vea quién trabaja aquí, invite a personal nuevo y cambie funciones y programas.',
  },
  'nav.staff.descriptionReadOnly': {
    en: 'See who works here, with their roles and programs.',
    es: 'Vea quién trabaja aquí, con sus funciones y programas.',
  },

  // Coded values
  'role.admin': { en: 'Administrator', es: 'Administrador(a) del sistema' },
  'role.supervisor': { en: 'Supervisor', es: 'Supervisor(a)' },
  'role.case-manager': { en: 'Case manager', es: 'Administrador(a) de casos' },
  'role.nurse-care-manager': { en: 'Nurse care manager', es: 'Enfermero(a) coordinador(a) de atención' },
  'role.community-health-worker': { en: 'Community health worker', es: 'Promotor(a) de salud' },
  'role.peer-recovery-specialist': { en: 'Peer recovery specialist', es: 'Especialista de apoyo entre pares' },
  'role.prescriber': { en: 'Prescriber', es: 'Profesional que receta' },
  'role.counselor': { en: 'Counselor', es: 'Consejero(a)' },
  'role.privacy-officer': { en: 'Privacy officer', es: 'Oficial de privacidad' },
  'userStatus.invited': { en: 'Invited', es: 'Invitado(a)' },
  'userStatus.active': { en: 'Active', es: 'Activo(a)' },
  'userStatus.deactivated': { en: 'Deactivated', es: 'Desactivado(a)' },

  // Staff
  'staff.title': { en: 'Staff', es: 'Personal' },
  'staff.intro': {
    en: 'Everyone who can sign in to Bridgeway at your organization. Invite new staff, change their roles and programs, or deactivate an account when someone leaves.',
    es: 'Todas las personas que pueden iniciar sesión en Bridgeway en su organización. Invite a personal nuevo, cambie sus funciones y programas, o desactive una cuenta cuando alguien se vaya.',
  },
  'staff.introReadOnly': {
    en: 'Everyone who can sign in to Bridgeway at your organization, with their roles and programs. Only administrators can make changes.',
    es: 'Todas las personas que pueden iniciar sesión en Bridgeway en su organización, con sus funciones y programas. Solo quien administra el sistema puede hacer cambios.',
  },
  'staff.add': { en: 'Add staff member', es: 'Agregar a una persona' },
  'staff.filters': { en: 'Find staff', es: 'Buscar personal' },
  'staff.search': { en: 'Search staff', es: 'Buscar personal' },
  'staff.searchDescription': { en: 'Part of a name or email', es: 'Parte de un nombre o correo' },
  'staff.statusFilter': { en: 'Status', es: 'Estado' },
  'staff.statusFilterDescription': { en: 'Show only one status', es: 'Mostrar solo un estado' },
  'staff.allStatuses': { en: 'All statuses', es: 'Todos los estados' },
  'staff.tableLabel': { en: 'Staff members', es: 'Miembros del personal' },
  'staff.col.nameEmail': { en: 'Name and email', es: 'Nombre y correo' },
  'staff.col.roles': { en: 'Roles', es: 'Funciones' },
  'staff.col.programs': { en: 'Programs', es: 'Programas' },
  'staff.col.status': { en: 'Status', es: 'Estado' },
  'staff.col.mfa': { en: 'Two-step sign-in', es: 'Verificación en dos pasos' },
  'staff.col.updated': { en: 'Last updated', es: 'Última actualización' },
  'staff.you': { en: 'You', es: 'Usted' },
  'staff.noPrograms': { en: 'None', es: 'Ninguno' },
  'staff.empty': { en: 'No staff members yet.', es: 'Todavía no hay personal.' },
  'staff.noMatches': { en: 'No staff member matches this search.', es: 'Nadie del personal coincide con esta búsqueda.' },
  'staff.actionsFor': { en: 'Actions for {name}', es: 'Acciones para {name}' },
  'staff.action.edit': { en: 'Edit name, roles and programs', es: 'Editar nombre, funciones y programas' },
  'staff.action.newLink': { en: 'New set-password link', es: 'Nuevo enlace para crear contraseña' },
  'staff.action.mfaReset': { en: 'Reset two-step sign-in', es: 'Restablecer la verificación en dos pasos' },
  'staff.action.deactivate': { en: 'Deactivate', es: 'Desactivar' },
  'staff.action.reactivate': { en: 'Reactivate', es: 'Reactivar' },
  'staff.deactivate.openTitle': {
    en: 'Primary case manager of {count, plural, one {# open episode} other {# open episodes}}',
    es: 'Administrador(a) de casos principal de {count, plural, one {# episodio abierto} other {# episodios abiertos}}',
  },
  'staff.deactivate.openBody': {
    en: 'Once {name} is deactivated, these people have no one to contact until someone takes over. Reassign the caseload first.',
    es: 'Cuando {name} esté desactivado(a), estas personas no tendrán a quién contactar hasta que alguien se haga cargo. Reasigne primero los casos.',
  },
  'staff.deactivate.reassign': { en: 'Reassign the caseload', es: 'Reasignar los casos' },
  'staff.deactivate.askSupervisor': {
    en: 'A supervisor of their programs reassigns it, from My caseload → Reassign a caseload.',
    es: 'Un(a) supervisor(a) de sus programas los reasigna, desde Mis casos → Reasignar una carga de casos.',
  },
  'staff.action.deactivate.title': { en: 'Deactivate {name}?', es: '¿Desactivar a {name}?' },
  'staff.action.deactivate.body': {
    en: '{name} will be signed out everywhere and will not be able to sign in. API keys that act as {name} stop working. Their work in Bridgeway stays. You can reactivate the account later.',
    es: '{name} ya no podrá iniciar sesión: se cerrarán todas sus sesiones. Las claves de API que actúan como {name} dejan de funcionar. El trabajo de {name} en Bridgeway se conserva. Usted puede reactivar la cuenta más adelante.',
  },
  'staff.action.deactivate.confirm': { en: 'Deactivate', es: 'Desactivar' },
  'staff.action.deactivate.done': { en: '{name} is deactivated.', es: '{name} quedó desactivado(a).' },
  'staff.action.reactivate.title': { en: 'Reactivate {name}?', es: '¿Reactivar a {name}?' },
  'staff.action.reactivate.body': {
    en: '{name} will be able to sign in again with their password.',
    es: '{name} podrá volver a iniciar sesión con la contraseña que ya tiene.',
  },
  'staff.action.reactivate.confirm': { en: 'Reactivate', es: 'Reactivar' },
  'staff.action.reactivate.done': { en: '{name} can sign in again.', es: '{name} puede volver a iniciar sesión.' },
  'staff.action.newLink.title': {
    en: 'Create a new set-password link for {name}?',
    es: '¿Crear un nuevo enlace para crear contraseña para {name}?',
  },
  'staff.action.newLink.body': {
    en: 'Use this when {name} never used their invitation, or forgot their password. They open the new link to choose a password.',
    es: 'Use esto si {name} nunca usó la invitación u olvidó la contraseña. Con el enlace nuevo, {name} elige su contraseña.',
  },
  'staff.action.newLink.confirm': { en: 'Create link', es: 'Crear enlace' },
  'staff.action.newLink.done': { en: 'A new link was created for {name}.', es: 'Se creó un enlace nuevo para {name}.' },
  'staff.action.mfaReset.title': { en: 'Reset two-step sign-in for {name}?', es: '¿Restablecer la verificación en dos pasos de {name}?' },
  'staff.action.mfaReset.body': {
    en: 'Use this when {name} lost or replaced their phone. Their authenticator app stops working for Bridgeway and they are signed out; they set it up again the next time they sign in.',
    es: 'Use esto si {name} perdió o cambió de teléfono. La aplicación de autenticación de {name} deja de funcionar para Bridgeway y se cierran sus sesiones; esta persona la vuelve a activar la próxima vez que inicie sesión.',
  },
  'staff.action.mfaReset.confirm': { en: 'Reset two-step sign-in', es: 'Restablecer la verificación' },
  'staff.action.mfaReset.done': {
    en: 'Two-step sign-in was reset for {name}.',
    es: 'Se restableció la verificación en dos pasos de {name}.',
  },
  'staff.integration.add': { en: 'Add integration account', es: 'Agregar cuenta de integración' },
  'staff.integration.badge': { en: 'Integration account', es: 'Cuenta de integración' },
  'staff.integration.noMfa': { en: 'Not applicable', es: 'No corresponde' },
  'staff.integration.create.title': { en: 'Add an integration account', es: 'Agregar una cuenta de integración' },
  'staff.integration.create.submit': { en: 'Add integration account', es: 'Agregar cuenta de integración' },
  'staff.integration.name': { en: 'Name', es: 'Nombre' },
  'staff.integration.nameDescription': {
    en: 'What the system is, for example “State reporting export”. It appears in the audit log beside everything its keys do.',
    es: 'Qué sistema es, por ejemplo “Exportación de informes al estado”. Aparece en el historial de auditoría junto a todo lo que hagan sus claves.',
  },
  'staff.integration.programsDescription': {
    en: 'The programs whose records the integration works with. Access to patient records follows program membership.',
    es: 'Los programas con cuyos expedientes trabaja la integración. El acceso a los expedientes de los pacientes sigue la pertenencia al programa.',
  },
  'staff.integration.explain': {
    en: 'An integration account is for another system, not a person: it never signs in, and API keys act as it. It sees a patient only where it is placed on the care team, or by the program rules of its roles.',
    es: 'Una cuenta de integración es para otro sistema, no para una persona: nunca inicia sesión y las claves de API actúan en su nombre. Solo ve a un paciente si está en su equipo de atención o por las reglas del programa de sus roles.',
  },
  'staff.integration.rolesDescription': {
    en: 'Only roles that need no two-step sign-in. Give the fewest the integration needs.',
    es: 'Solo roles que no necesitan verificación en dos pasos. Asigne los mínimos que la integración necesita.',
  },
  'staff.integration.created': {
    en: '{name} was added. Create an API key for it on the API keys page.',
    es: 'Se agregó {name}. Cree una clave de API para esta cuenta en la página de claves de API.',
  },
  'staff.kindFilter': { en: 'Kind of account', es: 'Tipo de cuenta' },
  'staff.kind.person': { en: 'People', es: 'Personas' },
  'staff.kind.integration': { en: 'Integration accounts', es: 'Cuentas de integración' },
  'staff.allKinds': { en: 'All accounts', es: 'Todas las cuentas' },
  'staff.create.title': { en: 'Add a staff member', es: 'Agregar a una persona del personal' },
  'staff.create.submit': { en: 'Add and create invitation link', es: 'Agregar y crear enlace de invitación' },
  'staff.edit.title': { en: 'Edit {name}', es: 'Editar a {name}' },
  'staff.form.name': { en: 'Full name', es: 'Nombre completo' },
  'staff.form.nameRequired': { en: 'Enter the person’s name.', es: 'Escriba el nombre de la persona.' },
  'staff.form.email': { en: 'Work email', es: 'Correo electrónico del trabajo' },
  'staff.form.emailDescription': { en: 'They sign in with this email.', es: 'Esta persona inicia sesión con este correo.' },
  'staff.form.emailFixed': { en: 'The email cannot be changed here.', es: 'El correo no se puede cambiar aquí.' },
  'staff.form.roles': { en: 'Roles', es: 'Funciones' },
  'staff.form.rolesDescription': {
    en: 'What this person does. Roles decide which pages they see.',
    es: 'Lo que hace esta persona. Las funciones deciden qué páginas ve.',
  },
  'staff.form.rolesRequired': { en: 'Choose at least one role.', es: 'Elija al menos una función.' },
  'staff.form.programs': { en: 'Programs (optional)', es: 'Programas (opcional)' },
  'staff.form.credential': { en: 'Credential (optional)', es: 'Credencial (opcional)' },
  'staff.form.credentialDescription': {
    en: 'A licence or certification, such as LCSW or CADC. Each contact keeps the one held at the time, for billing.',
    es: 'Una licencia o certificación, como LCSW o CADC. Cada contacto guarda la que tenía en ese momento, para la facturación.',
  },
  'staff.form.programsDescription': {
    en: 'The programs this person works in. Access to patient records follows program membership.',
    es: 'Los programas en los que trabaja esta persona. El acceso a los expedientes de pacientes depende del programa.',
  },
  'staff.form.programsFailed': { en: 'The list of programs could not be loaded.', es: 'No se pudo cargar la lista de programas.' },
  'staff.form.noProgramsYet': {
    en: 'No programs yet: add them on the Programs page.',
    es: 'Todavía no hay programas: agréguelos en la página Programas.',
  },
  'staff.form.noProgramMatches': { en: 'No program matches.', es: 'Ningún programa coincide.' },
  'staff.form.language': { en: 'Language', es: 'Idioma' },
  'staff.form.languageDescription': {
    en: 'The language Bridgeway uses for this person. They can change it.',
    es: 'El idioma en que Bridgeway le muestra todo a esta persona. Esta persona lo puede cambiar.',
  },
  'staff.link.titleInvitation': { en: 'Invitation link for {name}', es: 'Enlace de invitación para {name}' },
  'staff.link.titleReset': { en: 'New set-password link for {name}', es: 'Nuevo enlace para crear contraseña para {name}' },
  'staff.link.explain': {
    en: 'Send this link to {name}, for example by email or text message. When they open it, they choose their password and can then sign in.',
    es: 'Envíele este enlace a {name}, por ejemplo por correo electrónico o mensaje de texto. Al abrirlo, {name} elige su contraseña y ya puede iniciar sesión.',
  },
  'staff.link.label': { en: 'Set-password link', es: 'Enlace para crear contraseña' },
  'staff.link.onceTitle': { en: 'You will see this link only now', es: 'Solo verá este enlace ahora' },
  'staff.link.once': {
    en: 'Copy it before you close this window. It works once, until {date}. If it gets lost, create a new set-password link from the staff list.',
    es: 'Cópielo antes de cerrar esta ventana. Funciona una sola vez, hasta el {date}. Si se pierde, cree un nuevo enlace desde la lista del personal.',
  },

  // Problem codes the server sends (src/modules/*/problems.ts), in words
  'problem.unknown-programs': {
    en: 'Some of these programs no longer exist. Reload the page and choose again.',
    es: 'Algunos de estos programas ya no existen. Vuelva a cargar la página y elija otra vez.',
  },
  'problem.email-taken': {
    en: 'Someone at your organization already has this email. Search the staff list for them.',
    es: 'Alguien de su organización ya tiene este correo. Búsquelo en la lista del personal.',
  },
  'problem.last-admin': {
    en: 'This is the last active administrator. Make someone else an administrator first.',
    es: 'Es la última persona activa con la función de administrador(a) del sistema. Primero dé esa función a otra persona.',
  },
  'problem.already-deactivated': { en: 'This staff member is already deactivated.', es: 'Esta persona del personal ya está desactivada.' },
  'problem.own-account': {
    en: 'You cannot do this to your own account. Ask another administrator.',
    es: 'No puede hacer esto con su propia cuenta. Pídaselo a otra persona que administre el sistema.',
  },
  'problem.role-not-for-integration': {
    en: 'An integration account cannot have this role.',
    es: 'Una cuenta de integración no puede tener esta función.',
  },
  'problem.integration-account': {
    en: 'An integration account has no email, password or second factor.',
    es: 'Una cuenta de integración no tiene correo, contraseña ni segundo factor.',
  },
  'problem.not-deactivated': {
    en: 'Only a deactivated staff member can be reactivated.',
    es: 'Solo se puede reactivar a una persona desactivada.',
  },
  'problem.deactivated': {
    en: 'This staff member is deactivated. Reactivate them first.',
    es: 'Esta persona está desactivada. Primero reactívela.',
  },
} satisfies Messages;
