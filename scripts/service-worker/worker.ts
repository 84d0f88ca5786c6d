/**
 * The service worker's source: what Workbox's `generateSW` wrote from our options (skipWaiting, clientsClaim,
 * precacheAndRoute with directoryIndex and every query ignored), bundled by esbuild in scripts/service-worker.ts
 * with the precache list put in place of `self.__WB_MANIFEST` (Workbox's own placeholder name).
 */
import { clientsClaim } from 'workbox-core';
import { precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';

declare const self: { skipWaiting(): Promise<void>; __WB_MANIFEST: PrecacheEntry[] };

// A new deploy takes over at once: pages are static and their assets precached together.
void self.skipWaiting();
clientsClaim();
precacheAndRoute(self.__WB_MANIFEST, {
  // Precached paths are relative to sw.js, which sits at the root: `act/x/index.html` is `/act/x/index.html`.
  directoryIndex: 'index.html',
  // `/checkin/?event=…` and `/rsvp/?t=…` are the same page: look every precached URL up without its query.
  ignoreURLParametersMatching: [/.*/],
});
