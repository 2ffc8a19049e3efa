// What went wrong, in the user's language, from the codes the API sends (never its English
// text): `field.<code>` for a field error's generic code (src/lib/http/field-codes.ts), with
// optional wording for one field (`field.<code>.<field>`) or one format (`field.format.<format>`);
// `problem.<code>` for a problem document's code and for codes the modules raise (those live in
// the module's own messages). problemText.ts picks the key; problemMessages.test.ts checks them.
import type { Messages } from '../i18n/messages.ts';
import type { FIELD_CODES } from '../../../src/lib/http/field-codes.ts';
import type { Message } from '../i18n/messages.ts';

/** Every generic field code has words in every language: a new code fails the type check here. */
type FieldCodeMessages = Record<`field.${keyof typeof FIELD_CODES}`, Message>;

const fieldCodeMessages = {
  'field.required': { en: 'This is required.', es: 'Este dato es obligatorio.' },
  'field.unknown-field': { en: 'Bridgeway does not know this field.', es: 'Bridgeway no reconoce este campo.' },
  'field.too-short': { en: 'Use at least {min} characters.', es: 'Use al menos {min} caracteres.' },
  'field.too-long': { en: 'Use {max} characters or fewer.', es: 'Use {max} caracteres o menos.' },
  'field.too-few-items': { en: 'Choose at least {min}.', es: 'Elija al menos {min}.' },
  'field.too-many-items': { en: 'Choose at most {max}.', es: 'Elija como máximo {max}.' },
  'field.format': { en: 'This is not in the expected form.', es: 'Este dato no tiene el formato esperado.' },
  'field.pattern': { en: 'Check the characters typed here.', es: 'Revise los caracteres que escribió aquí.' },
  'field.enum': { en: 'Choose one of the options.', es: 'Elija una de las opciones.' },
  'field.type': { en: 'This is not the kind of value expected here.', es: 'Este no es el tipo de dato que se espera aquí.' },
  'field.minimum': { en: 'Use {limit} or more.', es: 'Use {limit} o más.' },
  'field.maximum': { en: 'Use {limit} or less.', es: 'Use {limit} o menos.' },
  'field.unique-items': { en: 'Each choice can appear only once.', es: 'Cada opción puede aparecer solo una vez.' },
  'field.control-characters': {
    en: 'Remove the invisible control characters from this text.',
    es: 'Quite los caracteres de control invisibles de este texto.',
  },
  'field.blank': { en: 'This cannot be only spaces.', es: 'Esto no puede tener solo espacios.' },
  'field.invalid': { en: 'Check this value.', es: 'Revise este dato.' },
} satisfies FieldCodeMessages;

export const problemMessages = {
  ...fieldCodeMessages,

  // One format or one field, worded for what people type there
  'field.format.email': {
    en: 'Enter a valid email address, like name@example.org.',
    es: 'Escriba un correo electrónico válido, como nombre@ejemplo.org.',
  },
  'field.format.date': { en: 'Enter a valid date.', es: 'Escriba una fecha válida.' },
  'field.pattern.totp': { en: 'Enter the 6 digits your app shows.', es: 'Escriba los 6 números que muestra su aplicación.' },
  'field.pattern.number': {
    en: 'Use only digits, spaces and the signs + ( ) - .',
    es: 'Use solo números, espacios y los signos + ( ) - .',
  },

  // A problem's code, or its type when it has no more specific code
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
  'problem.mfa-enrolment-required': { en: 'Set up two-step sign-in first.', es: 'Primero active la verificación en dos pasos.' },
  'problem.not-found': {
    en: 'This record was not found. It may have been removed.',
    es: 'No se encontró este registro. Puede que lo hayan quitado.',
  },
  'problem.stale-version': {
    en: 'Someone else changed this record while you were working on it.',
    es: 'Otra persona cambió este registro mientras usted trabajaba en él.',
  },
  'problem.rate-limited': {
    en: 'Too many requests. Wait a minute and try again.',
    es: 'Demasiadas solicitudes. Espere un minuto e intente de nuevo.',
  },
  'problem.payload-too-large': { en: 'This is too large to send.', es: 'Es demasiado grande para enviarlo.' },
  'problem.server': {
    en: 'Something went wrong on the server. Try again in a moment. If it keeps happening, tell your administrator.',
    es: 'Hubo un problema en el servidor. Intente de nuevo en un momento. Si sigue pasando, avísele a quien administra Bridgeway.',
  },
  'problem.validation': {
    en: 'Some of what was sent is not valid. Check the form and try again.',
    es: 'Parte de lo que se envió no es válido. Revise el formulario e intente de nuevo.',
  },
  'problem.conflict': {
    en: 'This does not fit how the records are now. Reload the page, check them and try again.',
    es: 'Esto no concuerda con el estado actual de los registros. Vuelva a cargar la página, revíselos e intente de nuevo.',
  },
  'problem.rule-violation': {
    en: 'Bridgeway cannot do this because it breaks one of its rules.',
    es: 'Bridgeway no puede hacer esto porque va en contra de una de sus reglas.',
  },

  // Codes of the HTTP layer itself (src/modules/system/problems.ts)
  'problem.empty-body': { en: 'Nothing was sent. Try again.', es: 'No se envió nada. Intente de nuevo.' },
  'problem.invalid-json': {
    en: 'What was sent could not be read. Reload the page and try again.',
    es: 'No se pudo leer lo que se envió. Vuelva a cargar la página e intente de nuevo.',
  },
  'problem.invalid-value': {
    en: 'A value cannot be stored as typed. Check for unusual characters and try again.',
    es: 'Un dato no se puede guardar tal como se escribió. Revise si hay caracteres poco comunes e intente de nuevo.',
  },
  'problem.unique-violation': { en: 'A record with the same value already exists.', es: 'Ya existe un registro con el mismo dato.' },
  'problem.concurrent-change': {
    en: 'Someone else changed the same records at the same moment. Try again.',
    es: 'Otra persona cambió los mismos registros en el mismo momento. Intente de nuevo.',
  },
  'problem.data-rule': {
    en: 'This change breaks a rule of the records. Reload the page and check.',
    es: 'Este cambio no cumple una regla de los registros. Vuelva a cargar la página y revise.',
  },
  'problem.no-such-route': {
    en: 'This was not found. Reload the page and try again.',
    es: 'No se encontró. Vuelva a cargar la página e intente de nuevo.',
  },
  'problem.not-ready': {
    en: 'Bridgeway is starting, or cannot reach its database. Try again in a moment.',
    es: 'Bridgeway se está iniciando o no puede conectarse con su base de datos. Intente de nuevo en un momento.',
  },
  // The database is down or restarting (a busy one says server-busy): nothing reads or saves.
  'problem.unavailable': {
    en: 'Bridgeway cannot reach its database right now: nothing can be read or saved. Try again in a minute. If it keeps happening, tell your administrator.',
    es: 'Bridgeway no puede conectarse con su base de datos en este momento: no se puede consultar ni guardar nada. Intente de nuevo en un minuto. Si sigue pasando, avísele a quien administra Bridgeway.',
  },
  'problem.server-busy': {
    en: 'Bridgeway is very busy right now. Wait a few seconds and try again.',
    es: 'Bridgeway está muy ocupado en este momento. Espere unos segundos e intente de nuevo.',
  },
  'problem.unknown-api-key': { en: 'The API key is unknown, expired or revoked.', es: 'La clave de API no existe, venció o fue revocada.' },
  'problem.session-expired': {
    en: 'Your session ended. Sign in again to continue.',
    es: 'Su sesión terminó. Inicie sesión otra vez para continuar.',
  },
  'problem.api-key-not-allowed': {
    en: 'An API key cannot manage sign-in, two-step sign-in or sessions.',
    es: 'Una clave de API no puede administrar el inicio de sesión, la verificación en dos pasos ni las sesiones.',
  },
  'problem.malformed-url': {
    en: 'This address is not valid. Check the link.',
    es: 'Esta dirección no es válida. Revise el enlace.',
  },
  'problem.not-signed-in': {
    en: 'You are signed out. Sign in again to continue.',
    es: 'Su sesión se cerró. Inicie sesión otra vez para continuar.',
  },
} satisfies Messages;
