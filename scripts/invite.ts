/**
 * `npm run invite -- <email> <role>`: puts someone on the organizing team (owner, organizer, host, volunteer; a
 * host's events with `--events slug,slug`) and queues their sign-in link by email; prints the link too, so that
 * the first owner of a fresh install can sign in before any email is configured. The same environment as
 * `npm start` (DATABASE_URL or LADDER_DB; LADDER_SITE_URL for the link). Exits 1 on a mistake, naming it.
 */
import { parseArgs } from 'node:util';
import { Invite } from '../schema/team.ts';
import { openStore } from '../functions/store/open.ts';

const env = process.env;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { events: { type: 'string', default: '' }, lang: { type: 'string', default: 'en' } },
  });
  const parsed = Invite.safeParse({
    email: positionals[0] ?? '',
    role: positionals[1] ?? '',
    events: values.events.split(',').filter(Boolean),
  });
  if (!parsed.success) {
    console.error('usage: npm run invite -- <email> <owner|organizer|host|volunteer> [--events slug,slug]');
    return 1;
  }
  const { email, role, events } = parsed.data;
  const store = await openStore(env);
  try {
    const id = await store.team.invite(email, role, events);
    await store.team.audit({ actor: 'npm run invite', action: `team.invite:${role}`, target: id, address: null });
    const link = await store.team.signInLink(email, values.lang);
    const site = (env.LADDER_SITE_URL ?? `http://localhost:${env.PORT ?? 4321}`).replace(/\/$/, '');
    console.log(`${email} is ${role === 'owner' ? 'an' : 'a'} ${role}. A sign-in link is on its way by email;`);
    console.log(`it works once, for 15 minutes: ${site}${link}`);
    return 0;
  } finally {
    await store.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`invite could not run: ${(error as Error).message}`);
  process.exitCode = 1;
}
