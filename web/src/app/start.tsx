// React, the UI kit and the app's frame: the part of the first page main.tsx loads while the
// language, the session check and the opened page's code are already on their way.
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import type { Locale } from '../api/types.ts';
import type { MessageColumn } from '../i18n/languageChunks.ts';
import { dropDraftsWhenSignedOutElsewhere } from '../components/forms/drafts.ts';
import { registerServiceWorker } from '../pwa/registerServiceWorker.tsx';
import { App } from './App.tsx';

/** Renders the app into `root` (index.html's static first paint goes with its first render: App.tsx), registers the service worker, and listens for sign-out in other tabs (drafts.ts). */
export function start(root: HTMLElement, locale: Locale, messages: MessageColumn): void {
  // The first render as a transition: React renders it in slices and lets the browser breathe
  // between them, instead of one long task on a slow phone's CPU (sign-in's total blocking time
  // in `npm run bench:web`: about 850 → 275 ms).
  const reactRoot = createRoot(root);
  startTransition(() => {
    reactRoot.render(
      <StrictMode>
        <App locale={locale} messages={messages} />
      </StrictMode>,
    );
  });
  registerServiceWorker();
  dropDraftsWhenSignedOutElsewhere();
}
