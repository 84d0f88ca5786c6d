/**
 * The server killed for real (SIGKILL, from inside, at the worst moments) and restarted, on SQLite and on
 * PostgreSQL: right after a submission's transaction commits, before its answer leaves (the client sees the
 * connection drop and resends with the same key: the restarted server answers the stored response, 200); inside
 * the transaction before it commits (nothing of it stays; the resend stores it); and
 * right before a delivery is marked, after the receiver took it (the lease runs out, the event goes again, the
 * receiver's de-duplication by event id leaves one).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { signMany } from './client.ts';
import { closeWithWorld, closeWorlds, targets, world } from './harness.ts';
import { checkInvariant, settled } from './invariant.ts';
import { webhookReceiver } from './receivers.ts';

const SECRET = 'faults-webhook-secret-0123456789';
afterEach(closeWorlds);

describe.each(targets)('%s', (dialect, open) => {
  it('stores, counts and delivers each signature once through kills after commits and before deliveries are marked', async () => {
    const receiver = await webhookReceiver(SECRET);
    closeWithWorld(receiver.close);
    const webhooks = [{ url: receiver.url, secrets: [SECRET], name: 'receiver' }];
    const { server, probe } = await world(
      open,
      [
        // The first run dies at whichever comes first; the second surely before a commit, the third after one;
        // the fourth surely before marking a delivery, since the third died before its last event could go out.
        { killBeforeDelivered: 2, killAfterCommit: 6 },
        { killBeforeCommit: 4 },
        { killAfterCommit: 5 },
        { killBeforeDelivered: 1 },
      ],
      { LADDER_WEBHOOKS: JSON.stringify(webhooks) },
    );
    const signed = await signMany(server, `kill-${dialect}`, 30);
    await settled(probe, 'receiver');

    expect(server.exits.length, server.output()).toBeGreaterThanOrEqual(4);
    expect(server.exits.every((exit) => exit === 'SIGKILL')).toBe(true);
    expect(server.faults.some((line) => line.startsWith('killed after commit'))).toBe(true);
    expect(server.faults.some((line) => line.startsWith('killed before commit'))).toBe(true);
    expect(server.faults.some((line) => line.startsWith('killed before marking delivery'))).toBe(true);
    // The submission whose answer was lost got the stored answer back; the delivery cut short went again.
    expect(signed.filter((s) => s.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(receiver.accepted.length).toBeGreaterThan(receiver.seen.size);

    const summary = await checkInvariant(probe, {
      scenario: `kills ${dialect}`,
      submitted: 30,
      signed,
      delivery: { sink: 'receiver', accepted: receiver.accepted, seen: receiver.seen, raw: receiver.raw.length },
      notes: [`${server.exits.length} kills (${server.faults.join(', ')})`],
    });
    console.log(summary);
  });
});
