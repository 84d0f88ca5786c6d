/**
 * Signing in and out of the organizing pages (issue 11). An account is made by an owner's invitation (or
 * `npm run invite`); then either a link by email (`POST /api/auth/link`, answered the same whether or not the
 * address is on the team) exchanged once for a session (`POST /api/auth/link/verify`), or a passkey (WebAuthn,
 * verified by @simplewebauthn/server), or, for the first owner, `LADDER_ADMIN_TOKEN` (`POST /api/auth/token`).
 * The session is an HttpOnly, SameSite=Strict cookie (Secure and `__Host-` over https) whose secret the store keeps
 * hashed; every state-changing request here must come from the site itself (`checkSameOrigin`).
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as z from 'zod';
import { email } from '../../schema/text.ts';
import { MeChange, type Me } from '../../schema/team.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { actorOf, checkSameOrigin, sessionCookie, type SignedIn } from '../middleware/admin.ts';
import { limitBody, readJson } from '../middleware/json-body.ts';
import { TEAM_LANGS } from '../outbox/team-messages.ts';
import { sha256 } from '../store/ids.ts';
import { SESSION_TTL_MS } from '../store/team.ts';

type Ctx = Context<AppEnv>;
export const auth = new Hono<AppEnv>();

auth.use('*', async (c, next) => {
  checkSameOrigin(c);
  c.header('Cache-Control', 'no-store');
  await next();
});

async function startSession(c: Ctx, accountId: string) {
  const secret = await c.get('options').store.team.startSession(accountId);
  const secure = c.get('siteOrigin').startsWith('https:');
  setCookie(c, sessionCookie(c), secret, {
    httpOnly: true,
    secure,
    sameSite: 'Strict',
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

const signedIn = async (c: Ctx): Promise<SignedIn & { accountId: string }> => {
  const actor = await actorOf(c);
  if (!actor?.accountId) throw new ApiError('unauthorized', 'Sign in first.');
  return actor as SignedIn & { accountId: string };
};

/** Links sent to one address per hour at most, as for supporters' own links (routes/me.ts). */
const LINKS_PER_HOUR = 5;
const LinkRequest = z.object({ email, lang: z.string().max(8).optional() });

auth.post('/link', limitBody, async (c) => {
  const input = await readJson(c, LinkRequest);
  const { store } = c.get('options');
  const [{ hits }] = await store.hit([{ key: `team\n${await sha256(input.email)}`, windowMs: 3600_000 }], Date.now());
  const lang = TEAM_LANGS.includes(input.lang ?? '') ? input.lang! : 'en';
  if (hits <= LINKS_PER_HOUR) await store.team.signInLink(input.email, lang);
  return c.json({ requested: true, message: 'If this address is on the team, a sign-in link is on its way.' }, 202);
});

const LinkToken = z.object({ token: z.string({ error: 'required' }).regex(/^[2-9a-z]{24}$/, 'invalid') });
auth.post('/link/verify', limitBody, async (c) => {
  const { token } = await readJson(c, LinkToken);
  const accountId = await c.get('options').store.team.useLink(token);
  if (!accountId) throw new ApiError('not_found', 'This sign-in link has expired or was used: ask for a new one.');
  await startSession(c, accountId);
  return c.json(await me(c, accountId));
});

/**
 * `Authorization: Bearer <LADDER_ADMIN_TOKEN>` and `{ email }`: the first owner's account, made on a fresh install
 * (or an existing owner's session). Once there is an owner, nobody else becomes one this way.
 */
auth.post('/token', limitBody, async (c) => {
  const actor = await actorOf(c);
  if (actor?.label !== 'token:LADDER_ADMIN_TOKEN') throw new ApiError('unauthorized', 'Send the admin token.');
  const input = await readJson(c, z.object({ email }));
  const { team } = c.get('options').store;
  const existing = (await team.accounts()).find((a) => a.email === input.email);
  if (existing?.role !== 'owner' && (await team.owners()) > 0) {
    throw new ApiError('forbidden', 'There is an owner already: ask them for an invitation.');
  }
  const id = existing?.id ?? (await team.invite(input.email, 'owner'));
  if (!existing) await team.audit({ actor: actor.label, action: 'team.invite:owner', target: id, address: null });
  await startSession(c, id);
  return c.json(await me(c, id));
});

async function me(c: Ctx, accountId: string): Promise<Me> {
  const account = await c.get('options').store.team.account(accountId);
  if (!account) throw new ApiError('unauthorized', 'Sign in first.');
  return { email: account.email, name: account.name, role: account.role, events: account.events };
}

auth.get('/me', async (c) => {
  const actor = await actorOf(c);
  if (!actor) throw new ApiError('unauthorized', 'Sign in first.');
  return c.json({
    email: actor.accountId ? actor.label : null,
    name: actor.name ?? null,
    role: actor.role,
    events: actor.events,
  } satisfies Me);
});

/** The signed-in person sets the name they go by (a follow-up's first text names them by it). */
auth.put('/me', limitBody, async (c) => {
  const actor = await signedIn(c);
  const { name } = await readJson(c, MeChange);
  await c.get('options').store.team.setName(actor.accountId, name ?? null);
  return c.json(await me(c, actor.accountId));
});

/** Ends the session on the server, and has the browser forget what it cached of the organizing pages. */
auth.post('/sign-out', async (c) => {
  const secret = getCookie(c, sessionCookie(c));
  if (secret) await c.get('options').store.team.endSession(secret);
  deleteCookie(c, sessionCookie(c), { path: '/', secure: c.get('siteOrigin').startsWith('https:') });
  c.header('Clear-Site-Data', '"cache", "storage"');
  return c.json({ signedOut: true });
});

const rp = (c: Ctx) => ({ rpID: new URL(c.get('siteOrigin')).hostname, origin: c.get('siteOrigin') });
/** A browser's answer to a WebAuthn ceremony, as `PublicKeyCredential.toJSON()` gives it. */
const Credential = z.looseObject({ id: z.string().max(1024), response: z.looseObject({}) });

/** Adding a passkey to the signed-in account. */
auth.post('/passkeys/options', async (c) => {
  const actor = await signedIn(c);
  const { team } = c.get('options').store;
  const options = await generateRegistrationOptions({
    rpName: 'Ladder',
    rpID: rp(c).rpID,
    userName: actor.label,
    attestationType: 'none',
    excludeCredentials: (await team.passkeysOf(actor.accountId)).map((key) => ({ id: key.id })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  await team.saveChallenge(options.challenge, actor.accountId);
  return c.json(options);
});

auth.post('/passkeys', limitBody, async (c) => {
  const actor = await signedIn(c);
  const response = await readJson(c, Credential);
  const { team } = c.get('options').store;
  const result = await verifyRegistrationResponse({
    response: response as never,
    expectedChallenge: (challenge) => team.takeChallenge(challenge, actor.accountId),
    expectedOrigin: rp(c).origin,
    expectedRPID: rp(c).rpID,
    requireUserVerification: false,
  }).catch(() => null);
  if (!result?.verified) throw new ApiError('forbidden', 'This passkey could not be verified: try again.');
  const { credential } = result.registrationInfo;
  await team.addPasskey({
    id: credential.id,
    accountId: actor.accountId,
    publicKey: isoBase64URL.fromBuffer(credential.publicKey),
    counter: credential.counter,
    transports: credential.transports ?? [],
  });
  return c.json({ added: true }, 201);
});

/** Signing in with a passkey: any discoverable credential of this site. */
auth.post('/passkey/options', async (c) => {
  const options = await generateAuthenticationOptions({ rpID: rp(c).rpID, userVerification: 'preferred' });
  await c.get('options').store.team.saveChallenge(options.challenge, null);
  return c.json(options);
});

auth.post('/passkey', limitBody, async (c) => {
  const response = await readJson(c, Credential);
  const { team } = c.get('options').store;
  const key = await team.passkey(response.id);
  const refused = () => new ApiError('unauthorized', 'This passkey is not known here: sign in by email instead.');
  if (!key) throw refused();
  const result = await verifyAuthenticationResponse({
    response: response as never,
    expectedChallenge: (challenge) => team.takeChallenge(challenge, null),
    expectedOrigin: rp(c).origin,
    expectedRPID: rp(c).rpID,
    credential: {
      id: key.id,
      publicKey: isoBase64URL.toBuffer(key.publicKey),
      counter: key.counter,
      transports: key.transports as never,
    },
    requireUserVerification: false,
  }).catch(() => null);
  if (!result?.verified) throw refused();
  await team.usePasskey(key.id, result.authenticationInfo.newCounter);
  await startSession(c, key.accountId);
  return c.json(await me(c, key.accountId));
});
