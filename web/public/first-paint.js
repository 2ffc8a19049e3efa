/* global document, location */
// Run by index.html while it is parsed, before the first paint (a classic script: the CSP allows
// no inline script, and a module would run only after parsing). It shows, in the person's
// language, the part of index.html's static first paint that the address asks for, so that a
// slow phone paints what the person came for before the app (React, the UI kit) has arrived:
// - on /sign-in, the sign-in form; the app's sign-in page takes over what was typed
//   (web/src/modules/session/staticSignIn.ts);
// - on /caseload, My caseload's heading and sentence, only if someone with a clinical role was
//   signed in on this device when the app last knew (web/src/app/bootShell.ts keeps that mark);
//   the app removes it once the page itself is rendered.
// Any other address keeps the static header alone: someone signed in never sees a sign-in form.
// Plain JavaScript, not built: it must stay a few hundred bytes and need nothing else.
(function () {
  'use strict';
  var boot = document.getElementById('boot');
  var root = document.getElementById('root');
  if (!boot || !root) return;

  function stored(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null; // Private browsing may refuse storage.
    }
  }

  var signIn = location.pathname === '/sign-in';
  var caseload = location.pathname === '/caseload' && stored('bridgeway.signedIn') === 'clinical';
  var shown = document.getElementById(signIn ? 'boot-main' : caseload ? 'boot-page' : '');
  if (!shown) return;

  // The language the app will start in (web/src/i18n/storedLocale.ts, browserLocale): the one
  // chosen on this device, else the browser's first English or Spanish.
  var locale = stored('bridgeway.locale');
  if (locale !== 'en' && locale !== 'es') {
    var preferred = navigator.languages.find(function (tag) {
      return /^(en|es)\b/i.test(tag);
    });
    locale = preferred && preferred.toLowerCase().startsWith('es') ? 'es' : 'en';
  }
  if (locale === 'es') {
    document.documentElement.lang = 'es';
    boot.querySelectorAll('[data-es]').forEach(function (element) {
      element.textContent = element.getAttribute('data-es');
    });
  }
  document.title = shown.querySelector('h1').textContent.trim() + ' · Bridgeway';

  if (signIn) {
    var form = document.getElementById('boot-form');
    // Sending before the app has arrived: remembered, and sent by the app's form when it takes over.
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      form.setAttribute('data-submitted', 'true');
    });
    boot.querySelector('.skip-link').hidden = false;
    boot.setAttribute('data-sign-in', 'true');
  } else {
    // The signed-in frame's header; the app's own replaces all of it (app/bootShell.ts).
    boot.setAttribute('data-frame', 'app');
    boot.setAttribute('data-page', 'caseload');
  }
  shown.hidden = false;
  // The app renders into #root behind this until it takes over.
  root.hidden = true;
})();
