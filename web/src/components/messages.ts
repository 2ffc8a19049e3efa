// Words every module uses: common actions, lists, time zones, forms, passwords and problems. English and Spanish side by side:
// a missing translation fails the type check (web/README.md "Messages").
import type { Messages } from '../i18n/messages.ts';

export const commonMessages = {
  // Common words
  'common.loading': { en: 'Loading…', es: 'Cargando…' },
  'common.loadFailed': { en: 'Could not load this', es: 'No se pudo cargar' },
  'common.tryAgain': { en: 'Try again', es: 'Intentar de nuevo' },
  'common.cancel': { en: 'Cancel', es: 'Cancelar' },
  'common.close': { en: 'Close', es: 'Cerrar' },
  'common.done': { en: 'Done', es: 'Listo' },
  'common.edit': { en: 'Edit', es: 'Editar' },
  'common.remove': { en: 'Remove', es: 'Quitar' },
  'common.saveChanges': { en: 'Save changes', es: 'Guardar cambios' },
  'common.actions': { en: 'Actions', es: 'Acciones' },
  'common.copy': { en: 'Copy', es: 'Copiar' },
  'common.copied': { en: 'Copied', es: 'Copiado' },
  'common.yes': { en: 'Yes', es: 'Sí' },
  'common.no': { en: 'No', es: 'No' },
  'list.loadMore': { en: 'Load more', es: 'Cargar más' },
  'list.shownMore': { en: 'Showing the first {count}.', es: 'Se muestran los primeros {count}.' },
  'list.shownAll': { en: 'Showing all {count}.', es: 'Se muestran los {count}.' },
  'timeZone.groupUs': { en: 'United States', es: 'Estados Unidos' },
  'timeZone.groupAll': { en: 'All time zones', es: 'Todas las zonas horarias' },
  'timeZone.nothingFound': {
    en: 'No time zone matches. Try a city name, like Chicago.',
    es: 'Ninguna zona horaria coincide. Pruebe con el nombre de una ciudad, como Chicago.',
  },

  // Forms and errors
  'form.errorTitle': { en: 'That did not work', es: 'No se pudo completar' },
  'form.checkFields': { en: 'Please check the fields marked below.', es: 'Revise los campos marcados abajo.' },
  'form.emailRequired': { en: 'Enter an email address.', es: 'Escriba un correo electrónico.' },
  'password.rule': {
    en: 'At least {min} characters. A few unrelated words make a long password that is easy to remember.',
    es: 'Al menos {min} caracteres. Unas cuantas palabras sin relación entre sí forman una contraseña larga y fácil de recordar.',
  },
  'password.show': { en: 'Show password', es: 'Mostrar contraseña' },
  'password.required': { en: 'Enter a password.', es: 'Escriba una contraseña.' },
  'password.tooShort': { en: 'Use at least {min} characters.', es: 'Use al menos {min} caracteres.' },
  'password.mismatch': { en: 'The passwords do not match.', es: 'Las contraseñas no coinciden.' },
  'password.confirmation.required': { en: 'Type the password again.', es: 'Escriba la contraseña otra vez.' },
  'password.confirmation.tooShort': { en: 'Type the password again.', es: 'Escriba la contraseña otra vez.' },
  'password.confirmation.mismatch': { en: 'This does not match the password above.', es: 'No coincide con la contraseña de arriba.' },
  'serverField.required': { en: 'This is required.', es: 'Este dato es obligatorio.' },
  'serverField.tooShort': { en: 'Use at least {min} characters.', es: 'Use al menos {min} caracteres.' },
  'serverField.tooLong': { en: 'Use {max} characters or fewer.', es: 'Use {max} caracteres o menos.' },
  'serverField.chooseAtLeast': { en: 'Choose at least {min}.', es: 'Elija al menos {min}.' },
  'serverField.email': {
    en: 'Enter a valid email address, like name@example.org.',
    es: 'Escriba un correo electrónico válido, como nombre@ejemplo.org.',
  },
  'serverField.date': { en: 'Enter a valid date.', es: 'Escriba una fecha válida.' },
  'serverField.totp': { en: 'Enter the 6 digits your app shows.', es: 'Escriba los 6 números que muestra su aplicación.' },
  'serverField.unknown': { en: 'Bridgeway does not know this field.', es: 'Bridgeway no reconoce este campo.' },
  'problem.unexpected': { en: 'Something unexpected happened. Try again.', es: 'Pasó algo inesperado. Intente de nuevo.' },
  'problem.network': {
    en: 'Cannot reach Bridgeway. Check your internet connection and try again.',
    es: 'No se puede conectar con Bridgeway. Revise su conexión a internet e intente de nuevo.',
  },
  'problem.csrf': {
    en: 'This page is out of date. Reload the page and try again.',
    es: 'Esta página está desactualizada. Vuelva a cargar la página e intente de nuevo.',
  },
  'problem.forbidden': { en: 'You do not have permission to do this.', es: 'No tiene permiso para hacer esto.' },
  'problem.unauthenticated': {
    en: 'You are signed out. Sign in again to continue.',
    es: 'Su sesión se cerró. Inicie sesión otra vez para continuar.',
  },
  'problem.mfaEnrolmentRequired': { en: 'Set up two-step sign-in first.', es: 'Primero active la verificación en dos pasos.' },
  'problem.notFound': {
    en: 'This record was not found. It may have been removed.',
    es: 'No se encontró este registro. Puede que lo hayan quitado.',
  },
  'problem.staleVersion': {
    en: 'Someone else changed this record while you were working on it.',
    es: 'Otra persona cambió este registro mientras usted trabajaba en él.',
  },
  'problem.rateLimited': {
    en: 'Too many requests. Wait a minute and try again.',
    es: 'Demasiadas solicitudes. Espere un minuto e intente de nuevo.',
  },
  'problem.payloadTooLarge': { en: 'This is too large to send.', es: 'Es demasiado grande para enviarlo.' },
  'problem.server': {
    en: 'Something went wrong on the server. Try again in a moment. If it keeps happening, tell your administrator.',
    es: 'Hubo un problema en el servidor. Intente de nuevo en un momento. Si sigue pasando, avísele a su administrador.',
  },
  'stale.title': { en: 'Someone else changed this', es: 'Otra persona hizo cambios' },
  'stale.reloaded': {
    en: 'Another person saved changes while you were editing. The form now shows their latest version. Check it, make your change again and save.',
    es: 'Otra persona guardó cambios mientras usted editaba. El formulario ahora muestra la versión más reciente. Revísela, vuelva a hacer su cambio y guarde.',
  },

  // Patients, episodes of care and the caseload (docs/patients.md)
  'common.none': { en: 'None', es: 'Ninguno' },
  'common.notRecorded': { en: 'Not recorded', es: 'No registrado' },
} satisfies Messages;
