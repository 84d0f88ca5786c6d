/**
 * Registers the service worker that scripts/service-worker.ts writes after `astro build` (`/sw.js`): action pages,
 * the check-in page and the dashboard then load with no connection. Production builds only: `astro dev` has no
 * `sw.js`, and a worker caching dev modules would only confuse.
 */
import { Workbox } from 'workbox-window';

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  void new Workbox('/sw.js').register().catch(() => {
    // No service worker (a private window, an old browser): the pages work online as before.
  });
}
