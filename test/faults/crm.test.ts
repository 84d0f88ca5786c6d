/**
 * Receivers failing: a webhook receiver and Action Network (the local fake, behind a front that misbehaves)
 * answering 500, 429 with Retry-After, or nothing at all (a socket that accepts and never answers: the sink's
 * request times out). The server's dispatcher keeps trying; in the end each event reaches each receiver once as
 * it sees it. A receiver down for longer than the give-up time: the events are dead-lettered, and redelivered
 * from the dead letters through the admin API once it is back, once each.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeActionNetwork } from '../functions/outbox/servers.ts';
import { signMany } from './client.ts';
import { closeWithWorld, closeWorlds, type Probe, SLUG, targets, world } from './harness.ts';
import { checkInvariant, settled } from './invariant.ts';
import { front, type Misbehaviour, webhookReceiver } from './receivers.ts';

const SECRET = 'faults-webhook-secret-0123456789';
const API_KEY = 'an-test-key';
const ADMIN = 'faults-admin-token';
afterEach(closeWorlds);

describe.each(targets)('%s', (dialect, open) => {
  it('delivers each event once to receivers that answer 500, 429 or nothing before they recover', async () => {
    const misbehaviour: Misbehaviour[] = [500, 429, 'silence', 500];
    const receiver = await webhookReceiver(SECRET, [...misbehaviour]);
    closeWithWorld(receiver.close);
    const actionNetwork = await fakeActionNetwork({ apiKey: API_KEY, resources: ['petitions/fountain'] });
    closeWithWorld(actionNetwork.close);
    const crm = await front(actionNetwork.url, ['silence', 500, 429]);
    closeWithWorld(crm.close);
    const { server, probe } = await world(open, [], {
      LADDER_WEBHOOKS: JSON.stringify([{ url: receiver.url, secrets: [SECRET], name: 'receiver' }]),
      LADDER_ACTION_NETWORK: JSON.stringify({
        apiKey: API_KEY,
        baseUrl: crm.url,
        campaigns: { [SLUG]: { petition: 'fountain' } },
      }),
      LADDER_DELIVERY_TIMEOUT: '300',
    });
    const signed = await signMany(server, `crm-${dialect}`, 12);
    await settled(probe, 'receiver');
    await settled(probe, 'action-network');

    // Action Network has no event id: it takes the same person on the same petition as one signature.
    const taken = actionNetwork.received.filter((r) => r.path === '/api/v2/petitions/fountain/signatures');
    const people = new Set(taken.map((r) => JSON.parse(r.body).person.email_addresses[0].address as string));
    expect(people).toEqual(new Set(signed.map((s) => s.email)));
    expect(receiver.raw.length).toBe(receiver.accepted.length + misbehaviour.length);
    expect(crm.received.length).toBe(actionNetwork.received.length + 3);
    const summary = await checkInvariant(probe, {
      scenario: `crm 500/429/silence ${dialect}`,
      submitted: 12,
      signed,
      delivery: { sink: 'receiver', accepted: receiver.accepted, seen: receiver.seen, raw: receiver.raw.length },
      notes: [
        `action network: ${people.size} people in ${taken.length} requests that reached it (its own 429s ` +
          `included), ${crm.received.length - actionNetwork.received.length} more refused by the front`,
      ],
    });
    console.log(summary);
  });

  it('dead-letters events after the give-up time and redelivers them from the dead letters, once each', async () => {
    const down: Misbehaviour[] = Array(10_000).fill(500);
    const receiver = await webhookReceiver(SECRET, down);
    closeWithWorld(receiver.close);
    const { server, probe } = await world(open, [], {
      LADDER_WEBHOOKS: JSON.stringify([{ url: receiver.url, secrets: [SECRET], name: 'receiver' }]),
      LADDER_ADMIN_TOKEN: ADMIN,
      LADDER_GIVE_UP_MS: '1000',
    });
    const signed = await signMany(server, `dead-${dialect}`, 6);
    await expect.poll(() => deadCount(probe), { timeout: 15_000, interval: 100 }).toBe(6);
    const failed = 10_000 - down.length;
    expect(failed).toBeGreaterThanOrEqual(6);
    expect(receiver.seen.size).toBe(0);

    // The receiver is back; an organizer redelivers from the admin API's dead letters.
    down.length = 0;
    const auth = { Authorization: `Bearer ${ADMIN}` };
    const outbox = (await (await fetch(`${server.url}/api/admin/outbox`, { headers: auth })).json()) as {
      dead: { event: { id: string }; sink: string }[];
    };
    expect(outbox.dead.length).toBe(6);
    for (const letter of outbox.dead) {
      const res = await fetch(`${server.url}/api/admin/outbox/${letter.event.id}/redeliver?sink=${letter.sink}`, {
        method: 'POST',
        headers: auth,
      });
      expect(await res.json()).toEqual({ redelivered: 1 });
    }
    await settled(probe, 'receiver');
    expect(await deadCount(probe)).toBe(0);
    const summary = await checkInvariant(probe, {
      scenario: `dead letter and redelivery ${dialect}`,
      submitted: 6,
      signed,
      delivery: { sink: 'receiver', accepted: receiver.accepted, seen: receiver.seen, raw: receiver.raw.length },
      notes: [`${failed} failed attempts before the dead letters`],
    });
    console.log(summary);
  });
});

async function deadCount(probe: Probe): Promise<number> {
  const [row] = await probe.all("SELECT COUNT(*) AS n FROM deliveries WHERE sink = 'receiver' AND dead_at IS NOT NULL");
  return Number(row.n);
}
