import './mantineStyles.ts';
import './app/global.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { registerServiceWorker } from './pwa/registerServiceWorker.tsx';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

// The first render as a transition: React renders it in slices and lets the browser breathe
// between them, instead of one long task on a slow phone's CPU (sign-in's total blocking time
// in `npm run bench:web`: about 850 → 275 ms).
const reactRoot = createRoot(root);
startTransition(() => {
  reactRoot.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
registerServiceWorker();
