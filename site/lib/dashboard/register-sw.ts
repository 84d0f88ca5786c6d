/**
 * Registers the service worker that scripts/service-worker.ts writes after `astro build` (`/sw.js`): action pages,
 * the check-in page and the dashboard then load with no connection. Production builds only: `astro dev` has no
 * `sw.js`, and a worker caching dev modules would only confuse.
 *
 * Registration waits until the page has loaded and the browser is idle: installing the worker downloads every
 * precached file, which must not compete with the page's own widget chunks on a slow phone connection. So does
 * workbox-window itself (a chunk of its own), so that no page evaluates it while it loads.
 */
const IDLE_TIMEOUT = 5_000;

async function register(): Promise<void> {
  try {
    const { Workbox } = await import('workbox-window');
    await new Workbox('/sw.js').register({ immediate: true });
  } catch {
    // No service worker (a private window, an old browser, the chunk not reachable): the pages work online as before.
  }
}

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const whenIdle = () =>
    'requestIdleCallback' in window
      ? requestIdleCallback(() => void register(), { timeout: IDLE_TIMEOUT })
      : setTimeout(() => void register(), 1_000);
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle, { once: true });
}
