// Words every module uses: common actions, lists, time zones, forms and passwords. English and Spanish side by side:
// a missing translation fails the type check (web/README.md "Messages").
import type { Messages } from '../i18n/messages.ts';

export const commonMessages = {
  // Common words
  'common.loading': { en: 'Loading…', es: 'Cargando…' },
  'common.loadFailed': { en: 'Could not load this', es: 'No se pudo cargar' },
  'common.tryAgain': { en: 'Try again', es: 'Intentar de nuevo' },
  // A part of the app whose code did not arrive (components/LoadBoundary.tsx)
  'load.failedTitle': { en: 'This part of Bridgeway did not arrive', es: 'Esta parte de Bridgeway no llegó' },
  'load.failed': {
    en: 'The connection may have dropped. Check it and reload the page.',
    es: 'Es posible que se haya cortado la conexión. Revísela y vuelva a cargar la página.',
  },
  'load.reload': { en: 'Reload the page', es: 'Volver a cargar la página' },
  // A fault in the app's own code while showing a page (components/FaultBoundary.tsx)
  'fault.title': { en: 'Something went wrong on this page', es: 'Algo salió mal en esta página' },
  'fault.body': {
    en: 'Bridgeway could not show this page. Nothing was saved or changed by this. Reload the page to try again; the other pages still work from the menu.',
    es: 'Bridgeway no pudo mostrar esta página. Esto no guardó ni cambió nada. Vuelva a cargar la página para intentarlo de nuevo; las demás páginas siguen funcionando desde el menú.',
  },
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
  // A form given back after the session ended while it was being typed (components/forms/drafts.ts)
  'draft.restoredTitle': { en: 'What you typed is back', es: 'Lo que usted escribió está de vuelta' },
  'draft.restored': {
    en: 'You were signed out before this was saved. Check it and save again.',
    es: 'Se cerró su sesión antes de guardar esto. Revíselo y vuelva a guardarlo.',
  },
  'list.loadMore': { en: 'Load more', es: 'Cargar más' },
  'list.shownMore': { en: 'Showing the first {count}.', es: 'Se muestran los primeros {count} resultados.' },
  'list.shownAll': { en: 'Showing all {count}.', es: 'Se muestran los {count} resultados.' },
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
  'stale.title': { en: 'Someone else changed this', es: 'Otra persona hizo cambios' },
  'stale.kept': {
    en: 'Another person saved changes while you were editing. Your changes are still here, and the fields you did not change now show their version. Check the form, then save again.',
    es: 'Otra persona guardó cambios mientras usted editaba. Sus cambios siguen aquí, y los campos que usted no cambió ahora muestran la versión de esa persona. Revise el formulario y vuelva a guardar.',
  },
  'stale.conflicts': {
    en: 'You both changed these. Keep yours, or use the saved one:',
    es: 'Ustedes dos cambiaron estos datos. Conserve el suyo o use el guardado:',
  },
  'stale.yours': { en: 'Yours', es: 'El suyo' },
  'stale.saved': { en: 'Saved now', es: 'Guardado ahora' },
  'stale.useSaved': { en: 'Use the saved one', es: 'Usar el guardado' },
  'stale.useSavedNamed': { en: 'Use the saved one: {field}', es: 'Usar el guardado: {field}' },
  'stale.useSavedAll': { en: 'Use the saved version for all of these', es: 'Usar la versión guardada en todos estos' },
  'stale.taken': { en: 'Changed by the other person: {fields}.', es: 'Cambiado por la otra persona: {fields}.' },

  // Patients, episodes of care and the caseload (docs/patients.md)
  'common.none': { en: 'None', es: 'Ninguno' },
  'common.notRecorded': { en: 'Not recorded', es: 'No registrado' },
} satisfies Messages;
