/** Events made the way production makes them: through the app, into a real store. */
import { catalogFrom } from '../../../functions/catalog.ts';
import type { Store } from '../../../functions/store/types.ts';
import { campaigns, post, signature, testApp } from '../fixtures.ts';

export const catalog = catalogFrom(campaigns);
export const SITE = 'https://campaign.example';
export const quiet = { log: () => {} };

export async function withEvents(store?: Store) {
  const { app, store: theStore } = await testApp(store);
  return {
    app,
    store: theStore,
    /** Signs the `library` petition; resolves with the HTTP status. */
    async sign(email: string, overrides: Record<string, unknown> = {}) {
      const person = { givenName: 'Ada', familyName: 'Lovelace', email, postcode: '94110' };
      const res = await app.request(
        'http://localhost/api/campaigns/library/signatures',
        post(signature({ person, ...overrides })),
      );
      return res.status;
    },
    async rsvp(email: string, fields: Record<string, unknown> = {}, campaign = 'tenants-meeting') {
      const res = await app.request(
        `http://localhost/api/campaigns/${campaign}/rsvps`,
        post({ person: { givenName: 'Ella', familyName: 'Baker', email }, consent: { contact: false }, ...fields }),
      );
      return res.json();
    },
  };
}

/** The real store, with every `markFailed` written down (its `retryAt` is not readable through the API). */
export function recordingFailures(store: Store) {
  const failures: { sink: string; eventId: string; error: string; retryAt: Date | null }[] = [];
  // A Proxy that binds to the real store: its methods use private fields, which a prototype copy cannot reach.
  const recording = new Proxy(store, {
    get(target, key) {
      if (key === 'markFailed') {
        return (sink: string, eventId: string, error: string, retryAt: Date | null) => {
          failures.push({ sink, eventId, error, retryAt });
          return target.markFailed(sink, eventId, error, retryAt);
        };
      }
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: recording, failures };
}
