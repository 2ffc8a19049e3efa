import './mantineStyles.ts';
import './app/global.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { setRequestLocale } from './api/client.ts';
import { App, startLoading } from './app/App.tsx';
import { browserLocale } from './i18n/I18nProvider.tsx';
import { loadMessages } from './i18n/languageChunks.ts';
import { registerServiceWorker } from './pwa/registerServiceWorker.tsx';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

// Only the person's language is downloaded; while it comes, the first page's code (sign-in and
// home start loading with the app: AppRoutes.tsx) and the session check are on their way too.
const locale = browserLocale();
setRequestLocale(locale);
startLoading();

loadMessages(locale).then(
  (messages) => {
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
  },
  (error: unknown) => {
    // No words of either language arrived (the connection dropped): say so in both.
    root.textContent = 'Bridgeway could not load. Reload the page. / Bridgeway no se pudo cargar. Vuelva a cargar la página.';
    throw error;
  },
);
registerServiceWorker();
