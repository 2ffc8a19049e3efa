import './mantineStyles.ts';
import './app/global.css';
// The signed-in pages' frame (AppLayout) is styled with the first stylesheet, not a file of its own.
import './app/frame.css';
import { setRequestLocale } from './api/client.ts';
import { releaseBootShell } from './app/bootShell.ts';
import { startLoading } from './app/queryClient.ts';
import { loadFirstMessages } from './i18n/languageChunks.ts';
import { browserLocale } from './i18n/storedLocale.ts';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

// This first script is small on purpose: it asks at once for everything the first page waits
// for, side by side, while React, the UI kit and the frame (app/start.tsx, preloaded by
// index.html) download: only the person's language, the setup and session checks, and the
// opened page's code and first read (app/prefetch.ts). Before, these requests left only once
// the whole app had been downloaded and evaluated, which a slow phone's CPU takes seconds for.
const locale = browserLocale();
setRequestLocale(locale);
startLoading();

Promise.all([loadFirstMessages(locale), import('./app/start.tsx')]).then(
  ([messages, app]) => app.start(root, locale, messages),
  (error: unknown) => {
    // No words of either language arrived, or not the app (the connection dropped): say so in both.
    releaseBootShell();
    root.textContent = 'Bridgeway could not load. Reload the page. / Bridgeway no se pudo cargar. Vuelva a cargar la página.';
    throw error;
  },
);
