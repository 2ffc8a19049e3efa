/**
 * How long after the app's start what the first page does not need comes: the service worker
 * (pwa/registerServiceWorker.tsx), the menus and notifications (app/App.tsx), the rest of the
 * language's words (i18n/I18nProvider.tsx).
 */
export const AFTER_FIRST_PAGE_MS = 3000;
