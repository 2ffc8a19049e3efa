// Sign-in and two-step sign-in (MFA) enrolment. English and Spanish side by side:
// a missing translation fails the type check (web/README.md "Messages").
import type { Messages } from '../../i18n/messages.ts';

export const sessionMessages = {
  // Sign-in
  'signIn.title': { en: 'Sign in', es: 'Iniciar sesión' },
  'signIn.email': { en: 'Email', es: 'Correo electrónico' },
  'signIn.password': { en: 'Password', es: 'Contraseña' },
  'signIn.passwordRequired': { en: 'Enter your password.', es: 'Escriba su contraseña.' },
  'signIn.submit': { en: 'Sign in', es: 'Iniciar sesión' },
  'signIn.help': {
    en: 'Forgot your password or lost your phone? Ask your Bridgeway administrator for a new set-password link.',
    es: '¿Olvidó su contraseña o perdió su teléfono? Pídale a quien administra Bridgeway un nuevo enlace para crear contraseña.',
  },
  'signIn.invalidCredentials': {
    en: 'The email or password is not right. Check them and try again.',
    es: 'El correo o la contraseña no son correctos. Revíselos e intente de nuevo.',
  },
  'signIn.lockedTitle': { en: 'Sign-in is paused for this account', es: 'El inicio de sesión está pausado para esta cuenta' },
  'signIn.locked': {
    en: 'There were too many failed sign-ins. For your safety, you can try again {atTime} (in about {minutes} min). An administrator can help if you need to sign in sooner.',
    es: 'Hubo demasiados intentos fallidos. Por su seguridad, puede intentarlo de nuevo {atTime} (en unos {minutes} min). Quien administra Bridgeway puede ayudarle si necesita entrar antes.',
  },
  'signIn.lockedNoTime': {
    en: 'There were too many failed sign-ins. For your safety, wait a while before trying again, or ask an administrator.',
    es: 'Hubo demasiados intentos fallidos. Por su seguridad, espere un rato antes de intentarlo de nuevo o pida ayuda a quien administra Bridgeway.',
  },
  'signIn.totpTitle': { en: 'Enter your authenticator code', es: 'Escriba su código de verificación' },
  'signIn.totpIntro': {
    en: 'Your password is right. Open the authenticator app on your phone and enter the code it shows for Bridgeway ({email}).',
    es: 'Su contraseña es correcta. Abra la aplicación de autenticación en su teléfono y escriba el código que muestra para Bridgeway ({email}).',
  },
  'signIn.totp': { en: 'Authenticator code', es: 'Código de verificación' },
  'signIn.totpDescription': {
    en: 'The 6 digits in your app. They change every 30 seconds.',
    es: 'Los 6 números de su aplicación. Cambian cada 30 segundos.',
  },
  'signIn.totpRequired': { en: 'Enter the 6-digit code from your app.', es: 'Escriba el código de 6 números de su aplicación.' },
  'signIn.invalidTotp': {
    en: 'That code did not work. Enter the code your app shows now (it changes every 30 seconds).',
    es: 'Ese código no funcionó. Escriba el código que su aplicación muestra ahora (cambia cada 30 segundos).',
  },
  'signIn.verify': { en: 'Verify and sign in', es: 'Verificar e iniciar sesión' },
  'signIn.startOver': { en: 'Use a different account', es: 'Usar otra cuenta' },
  'signIn.notice.setupComplete.title': { en: 'Your organization is ready', es: 'Su organización está lista' },
  'signIn.notice.setupComplete': {
    en: 'Sign in with the administrator email and password you just chose. Next, you will set up two-step sign-in.',
    es: 'Inicie sesión con el correo y la contraseña de administrador(a) del sistema que acaba de elegir. Después va a activar la verificación en dos pasos.',
  },
  'signIn.notice.signedOut.title': { en: 'You are signed out', es: 'Cerró su sesión' },
  'signIn.notice.signedOut': {
    en: 'If this is a shared computer, close the browser window too.',
    es: 'Si esta computadora es compartida, cierre también la ventana del navegador.',
  },
  'signIn.notice.sessionEnded.title': { en: 'Your session ended', es: 'Su sesión terminó' },
  'signIn.notice.sessionEnded': {
    en: 'For privacy, Bridgeway signs you out after a while without activity. Sign in again to continue where you were.',
    es: 'Por privacidad, Bridgeway cierra la sesión después de un tiempo sin actividad. Inicie sesión otra vez para seguir donde estaba.',
  },
  'signIn.notice.passwordSet.title': { en: 'Your password is set', es: 'Su contraseña está lista' },
  'signIn.notice.passwordSet': {
    en: 'Sign in with your email and your new password.',
    es: 'Inicie sesión con su correo y su nueva contraseña.',
  },

  // Two-step sign-in (MFA) enrolment
  'mfa.replaceTitle': { en: 'Move two-step sign-in to a new phone', es: 'Pasar la verificación en dos pasos a un teléfono nuevo' },
  'mfa.replaceConfirm': { en: 'Use the new phone from now on', es: 'Usar el teléfono nuevo desde ahora' },
  'mfa.title': { en: 'Set up two-step sign-in', es: 'Activar la verificación en dos pasos' },
  'mfa.requiredIntro': {
    en: 'Welcome, {name}. Administrators must use two-step sign-in: after your password, you also enter a code from your phone. This takes about two minutes.',
    es: 'Le damos la bienvenida, {name}. Quien administra el sistema debe usar la verificación en dos pasos: después de su contraseña, también escriba un código de su teléfono. Toma unos dos minutos.',
  },
  'mfa.optionalIntro': {
    en: 'After your password, you will also enter a code from your phone. This keeps patient records safe even if someone learns your password.',
    es: 'Después de su contraseña, también va a escribir un código de su teléfono. Así los expedientes de los pacientes siguen protegidos aunque alguien sepa su contraseña.',
  },
  'mfa.replaceIntro': {
    en: 'Use this to move two-step sign-in to a new phone or app. Your old app stops working for Bridgeway once you confirm the new one.',
    es: 'Use esto para pasar la verificación en dos pasos a un teléfono o aplicación nuevos. Su aplicación anterior deja de funcionar para Bridgeway cuando confirme la nueva.',
  },
  'mfa.step1': { en: 'Step 1: Get an authenticator app', es: 'Paso 1: Consiga una aplicación de autenticación' },
  'mfa.step1Body': {
    en: 'On your phone, install an authenticator app if you do not have one, for example Google Authenticator, Microsoft Authenticator or 2FAS. They are free.',
    es: 'Si no tiene una, instale en su teléfono una aplicación de autenticación, por ejemplo Google Authenticator, Microsoft Authenticator o 2FAS. Son gratis.',
  },
  'mfa.step2': { en: 'Step 2: Add Bridgeway to the app', es: 'Paso 2: Agregue Bridgeway a la aplicación' },
  'mfa.step2Body': {
    en: 'In the app, choose to add an account, then scan this QR code with your phone’s camera.',
    es: 'En la aplicación, elija agregar una cuenta y escanee este código QR con la cámara de su teléfono.',
  },
  'mfa.qrAlt': {
    en: 'QR code to add Bridgeway to your authenticator app. If you cannot scan it, use the setup key below.',
    es: 'Código QR para agregar Bridgeway a su aplicación de autenticación. Si no puede escanearlo, use la clave de configuración de abajo.',
  },
  'mfa.onThisPhone': {
    en: 'Using Bridgeway on the phone that has the app?',
    es: '¿Usa Bridgeway en el mismo teléfono que tiene la aplicación?',
  },
  'mfa.openInApp': { en: 'Open the key in your authenticator app', es: 'Abra la clave en su aplicación de autenticación' },
  'mfa.manualIntro': {
    en: 'Cannot scan? Choose “enter a setup key” in the app and type this key:',
    es: '¿No puede escanearlo? Elija “ingresar una clave de configuración” en la aplicación y escriba esta clave:',
  },
  'mfa.secret': { en: 'Setup key', es: 'Clave de configuración' },
  'mfa.manualType': {
    en: 'Key type: time-based (this is usually already selected).',
    es: 'Tipo de clave: basada en el tiempo (casi siempre ya está elegida).',
  },
  'mfa.manualAccount': { en: 'Account name: Bridgeway, or your email.', es: 'Nombre de la cuenta: Bridgeway, o su correo.' },
  'mfa.step3': { en: 'Step 3: Enter the code from the app', es: 'Paso 3: Escriba el código de la aplicación' },
  'mfa.code': { en: '6-digit code', es: 'Código de 6 números' },
  'mfa.codeDescription': {
    en: 'The app now shows a code for Bridgeway. Enter it before it changes.',
    es: 'La aplicación ahora muestra un código para Bridgeway. Escríbalo antes de que cambie.',
  },
  'mfa.codeShape': {
    en: 'Enter the 6 digits the app shows, for example 492 018.',
    es: 'Escriba los 6 números que muestra la aplicación, por ejemplo 492 018.',
  },
  'mfa.invalidCode': {
    en: 'That code did not match. Check that the app shows Bridgeway, then enter the current code.',
    es: 'Ese código no coincide. Revise que la aplicación muestre Bridgeway y escriba el código actual.',
  },
  'mfa.confirm': { en: 'Turn on two-step sign-in', es: 'Activar la verificación en dos pasos' },
  'mfa.doneTitle': { en: 'Two-step sign-in is on', es: 'La verificación en dos pasos está activada' },
  'mfa.done': {
    en: 'From now on, you enter a code from your app after your password.',
    es: 'De ahora en adelante, después de su contraseña escribirá un código de su aplicación.',
  },
  'mfa.lostPhoneTitle': { en: 'If you lose your phone', es: 'Si pierde su teléfono' },
  'mfa.lostPhone': {
    en: 'An administrator can reset your two-step sign-in, and you set it up again on your new phone.',
    es: 'Quien administra Bridgeway puede restablecer su verificación en dos pasos, y usted la vuelve a activar en su teléfono nuevo.',
  },
  'mfa.backToAccount': { en: 'Back to my account', es: 'Volver a mi cuenta' },

  // Problem codes the server sends (src/modules/*/problems.ts), in words
  'problem.totp-already-used': {
    en: 'That code was already used. Wait for the next one your app shows.',
    es: 'Ese código ya se usó. Espere al siguiente que muestre su aplicación.',
  },
  'problem.invalid-totp': {
    en: 'That code did not work. Enter the code your app shows now (it changes every 30 seconds).',
    es: 'Ese código no funcionó. Escriba el código que su aplicación muestra ahora (cambia cada 30 segundos).',
  },
  'problem.enrolment-not-started': {
    en: 'Start setting up two-step sign-in again.',
    es: 'Vuelva a empezar a activar la verificación en dos pasos.',
  },
  'problem.wrong-current-password': { en: 'This is not your current password.', es: 'Esta no es su contraseña actual.' },
  'problem.common-password': {
    en: 'This is one of the most common passwords. Choose another.',
    es: 'Es una de las contraseñas más comunes. Elija otra.',
  },
  'problem.repeated-character': {
    en: 'This is one character repeated. Choose another password.',
    es: 'Es un solo carácter repetido. Elija otra contraseña.',
  },
  'problem.built-from-email': {
    en: 'Do not build the password from the email address.',
    es: 'No forme la contraseña a partir del correo electrónico.',
  },
  'problem.too-guessable': {
    en: 'This password is too easy to guess. Add more words or make it longer.',
    es: 'Esta contraseña es demasiado fácil de adivinar. Agregue más palabras o hágala más larga.',
  },
  'problem.invalid-recovery-code': {
    en: 'That recovery code is wrong or was already used.',
    es: 'Ese código de recuperación no es correcto o ya se usó.',
  },
  'problem.choose-organization': {
    en: 'This email and password open accounts in more than one organization. Choose one.',
    es: 'Este correo y esta contraseña abren cuentas en más de una organización. Elija una.',
  },
  'problem.mfa-not-enrolled': {
    en: 'Two-step sign-in is not set up on this account.',
    es: 'La verificación en dos pasos no está activada en esta cuenta.',
  },
  'problem.busy': {
    en: 'Bridgeway is busy checking other sign-ins. Wait a few seconds and try again.',
    es: 'Bridgeway está ocupado revisando otros inicios de sesión. Espere unos segundos e intente de nuevo.',
  },
} satisfies Messages;
