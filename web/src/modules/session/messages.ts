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
    en: 'Lost your phone? Use one of your recovery codes. Forgot your password? Ask your Bridgeway administrator for a new set-password link.',
    es: '¿Perdió su teléfono? Use uno de sus códigos de recuperación. ¿Olvidó su contraseña? Pídale a quien administra Bridgeway un nuevo enlace para crear contraseña.',
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
  'signIn.useRecoveryCode': { en: 'Use a recovery code instead', es: 'Usar un código de recuperación' },
  'signIn.useTotp': { en: 'Use the code from my app instead', es: 'Usar el código de mi aplicación' },
  'signIn.recoveryTitle': { en: 'Enter a recovery code', es: 'Escriba un código de recuperación' },
  'signIn.recoveryIntro': {
    en: 'Your password is right. Enter one of the ten recovery codes you saved when you set up two-step sign-in ({email}). Each code works only once.',
    es: 'Su contraseña es correcta. Escriba uno de los diez códigos de recuperación que guardó al activar la verificación en dos pasos ({email}). Cada código funciona una sola vez.',
  },
  'signIn.recoveryCode': { en: 'Recovery code', es: 'Código de recuperación' },
  'signIn.recoveryCodeDescription': {
    en: 'For example abcd-efgh-ijkl-mnop. Upper or lower case both work.',
    es: 'Por ejemplo abcd-efgh-ijkl-mnop. Puede usar mayúsculas o minúsculas.',
  },
  'signIn.recoveryCodeRequired': { en: 'Enter one of your recovery codes.', es: 'Escriba uno de sus códigos de recuperación.' },
  'signIn.invalidRecoveryCode': {
    en: 'That recovery code did not work: it is not one of your codes, or it was already used.',
    es: 'Ese código de recuperación no funcionó: no es uno de sus códigos o ya se usó.',
  },
  'signIn.totpIntroOrganization': {
    en: 'Your password is right. Open the authenticator app on your phone and enter the code it shows for Bridgeway ({email}, {organization}).',
    es: 'Su contraseña es correcta. Abra la aplicación de autenticación en su teléfono y escriba el código que muestra para Bridgeway ({email}, {organization}).',
  },
  'signIn.organizationTitle': { en: 'Choose your organization', es: 'Elija su organización' },
  'signIn.organizationIntro': {
    en: 'You have an account with {email} in more than one organization. Which one do you want to sign in to?',
    es: 'Usted tiene una cuenta con {email} en más de una organización. ¿En cuál quiere iniciar sesión?',
  },
  'signIn.organizationRequired': { en: 'Choose an organization.', es: 'Elija una organización.' },
  'signIn.continue': { en: 'Continue', es: 'Continuar' },
  'signIn.lockedAdminHelp': {
    en: 'Are you the administrator, and no other administrator can send you a new set-password link? Whoever runs the Bridgeway server can give you access again with this command on the server:',
    es: '¿Es usted administrador(a) del sistema y nadie más que administre Bridgeway puede enviarle un nuevo enlace para crear contraseña? Quien administra el servidor de Bridgeway puede devolverle el acceso con este comando en el servidor:',
  },
  'signIn.rateLimitedTitle': { en: 'Too many attempts', es: 'Demasiados intentos' },
  'signIn.rateLimitedSeconds': {
    en: 'There were too many sign-in attempts from this network. Wait {seconds} seconds, then try again.',
    es: 'Hubo demasiados intentos de inicio de sesión desde esta red. Espere {seconds} segundos y vuelva a intentarlo.',
  },
  'signIn.rateLimitedMinutes': {
    en: 'There were too many sign-in attempts from this network. Wait about {minutes} min, then try again.',
    es: 'Hubo demasiados intentos de inicio de sesión desde esta red. Espere unos {minutes} min y vuelva a intentarlo.',
  },
  'signIn.rateLimitedNoTime': {
    en: 'There were too many sign-in attempts from this network. Wait a minute, then try again.',
    es: 'Hubo demasiados intentos de inicio de sesión desde esta red. Espere un minuto y vuelva a intentarlo.',
  },
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
    en: 'Welcome, {name}. Your account must use two-step sign-in: after your password, you also enter a code from your phone. This takes about two minutes.',
    es: 'Le damos la bienvenida, {name}. Su cuenta debe usar la verificación en dos pasos: después de su contraseña, también escriba un código de su teléfono. Toma unos dos minutos.',
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
    en: 'Sign in with one of the recovery codes you will get in a moment, then move two-step sign-in to your new phone from your account page. Without the codes, an administrator can reset it.',
    es: 'Inicie sesión con uno de los códigos de recuperación que recibirá en un momento y pase la verificación en dos pasos a su teléfono nuevo desde su cuenta. Sin los códigos, quien administra Bridgeway puede restablecerla.',
  },
  'mfa.backToAccount': { en: 'Back to my account', es: 'Volver a mi cuenta' },

  'mfa.current.title': { en: 'First, confirm it is you', es: 'Primero, confirme que es usted' },
  'mfa.current.intro': {
    en: 'To move two-step sign-in to a new phone, enter your password and a code from the app you use now. The change is listed with the security events on your account page.',
    es: 'Para pasar la verificación en dos pasos a un teléfono nuevo, escriba su contraseña y un código de la aplicación que usa ahora. El cambio quedará anotado en los eventos de seguridad de su cuenta.',
  },
  'mfa.current.code': { en: 'Code from your current app', es: 'Código de su aplicación actual' },
  'mfa.current.codeDescription': {
    en: 'The 6 digits your current authenticator app shows for Bridgeway.',
    es: 'Los 6 números que su aplicación de autenticación actual muestra para Bridgeway.',
  },
  'mfa.current.submit': { en: 'Continue', es: 'Continuar' },
  'mfa.current.lostPhone': {
    en: 'No longer have the old phone? Ask an administrator to reset your two-step sign-in, then set it up again.',
    es: '¿Ya no tiene el teléfono anterior? Pida a un(a) administrador(a) del sistema que restablezca su verificación en dos pasos y vuelva a activarla.',
  },

  // Recovery codes, shown once at enrolment and when regenerated
  'recoveryCodes.title': { en: 'Save your recovery codes', es: 'Guarde sus códigos de recuperación' },
  'recoveryCodes.intro': {
    en: 'If you lose your phone, you can sign in with one of these {count} codes instead of a code from the app. Each code works once.',
    es: 'Si pierde su teléfono, puede iniciar sesión con uno de estos {count} códigos en lugar de un código de la aplicación. Cada código funciona una sola vez.',
  },
  'recoveryCodes.onceTitle': { en: 'You will not see these codes again', es: 'No volverá a ver estos códigos' },
  'recoveryCodes.once': {
    en: 'Bridgeway keeps only a scrambled copy. Save them now somewhere safe that is not this phone: a password manager, or printed and locked away.',
    es: 'Bridgeway guarda solo una copia cifrada. Guárdelos ahora en un lugar seguro que no sea este teléfono: una aplicación de contraseñas, o impresos y bajo llave.',
  },
  'recoveryCodes.listLabel': { en: 'Recovery codes', es: 'Códigos de recuperación' },
  'recoveryCodes.copy': { en: 'Copy codes', es: 'Copiar códigos' },
  'recoveryCodes.copied': { en: 'Copied', es: 'Copiados' },
  'recoveryCodes.download': { en: 'Download as a text file', es: 'Descargar como archivo de texto' },
  'recoveryCodes.print': { en: 'Print', es: 'Imprimir' },
  'recoveryCodes.fileHeading': {
    en: 'Bridgeway recovery codes ({date}). Each works once.',
    es: 'Códigos de recuperación de Bridgeway ({date}). Cada uno funciona una sola vez.',
  },
  'recoveryCodes.howToUse': {
    en: 'To use one, choose “Use a recovery code instead” when Bridgeway asks for the code from your app.',
    es: 'Para usar uno, elija “Usar un código de recuperación” cuando Bridgeway le pida el código de su aplicación.',
  },
  'recoveryCodes.saved': { en: 'I have saved these codes somewhere safe', es: 'Guardé estos códigos en un lugar seguro' },
  'recoveryCodes.savedRequired': {
    en: 'Save the codes first, then check this box.',
    es: 'Primero guarde los códigos y después marque esta casilla.',
  },
  'recoveryCodes.continue': { en: 'Continue', es: 'Continuar' },

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
