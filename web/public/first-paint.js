/* global document, location */
// Run by index.html while it is parsed, before the first paint (a classic script: the CSP allows
// no inline script, and a module would run only after parsing). On /sign-in only, it shows
// index.html's static sign-in form in the person's language, so a slow phone paints the form
// the person came for before the app (React, the UI kit) has arrived. Any other address keeps
// the static header alone: someone signed in opening My caseload never sees a sign-in form.
// The app's sign-in page takes over what was typed (web/src/modules/session/staticSignIn.ts).
// Plain JavaScript, not built: it must stay a few hundred bytes and need nothing else.
(function () {
  'use strict';
  if (location.pathname !== '/sign-in') return;
  var boot = document.getElementById('boot');
  var main = document.getElementById('boot-main');
  var form = document.getElementById('boot-form');
  var root = document.getElementById('root');
  if (!boot || !main || !form || !root) return;

  // The language the app will start in (web/src/i18n/storedLocale.ts, browserLocale): the one
  // chosen on this device, else the browser's first English or Spanish.
  var locale = null;
  try {
    locale = localStorage.getItem('bridgeway.locale');
  } catch {
    // Private browsing may refuse storage.
  }
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
  document.title = document.getElementById('boot-title').textContent.trim() + ' · Bridgeway';

  // Sending before the app has arrived: remembered, and sent by the app's form when it takes over.
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    form.setAttribute('data-submitted', 'true');
  });
  boot.querySelectorAll('[hidden]').forEach(function (element) {
    element.hidden = false;
  });
  boot.setAttribute('data-sign-in', 'true');
  // The app renders into #root behind this form until its own form takes over.
  root.hidden = true;
})();
