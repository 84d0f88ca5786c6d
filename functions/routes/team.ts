/**
 * People and roles, API tokens and the audit log: owners only (functions/middleware/admin.ts). Every change here
 * is in the audit log; the last owner cannot be removed or demoted, so the team never locks itself out.
 */
import { idOf } from './ids.ts';
import { stringify } from 'csv-stringify/sync';
import { Hono } from 'hono';
import * as z from 'zod';
import { Invite, NewToken, ROLES } from '../../schema/team.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { adminOnly, audit } from '../middleware/admin.ts';
import { limitBody, readJson } from '../middleware/json-body.ts';
import { TEAM_LANGS } from '../outbox/team-messages.ts';

export const team = new Hono<AppEnv>();
team.use('*', adminOnly);

const lastOwner = new ApiError('forbidden', 'The team needs an owner: make someone else owner first.');

team.get('/team', async (c) => c.json({ accounts: await c.get('options').store.team.accounts() }));

/** Invites someone (or changes their role): they get a sign-in link by email, in the page's language. */
team.post('/team', limitBody, async (c) => {
  const input = await readJson(c, Invite.extend({ lang: z.string().max(8).optional() }));
  const { team: store } = c.get('options').store;
  const before = (await store.accounts()).find((a) => a.email === input.email);
  if (before?.role === 'owner' && input.role !== 'owner' && (await store.owners()) === 1) throw lastOwner;
  const id = await store.invite(input.email, input.role, input.events, input.name);
  await audit(c, `team.invite:${input.role}`, id);
  await store.signInLink(input.email, TEAM_LANGS.includes(input.lang ?? '') ? input.lang! : 'en');
  return c.json({ id }, 201);
});

const Change = z.object({
  role: z.enum(ROLES, { error: 'invalid' }),
  events: z.array(z.string().max(120)).max(100).default([]),
});
team.put('/team/:id', limitBody, async (c) => {
  const { role, events } = await readJson(c, Change);
  const { team: store } = c.get('options').store;
  const account = await store.account(idOf(c, 'team member'));
  if (!account) throw new ApiError('not_found', 'No such team member.');
  if (account.role === 'owner' && role !== 'owner' && (await store.owners()) === 1) throw lastOwner;
  await store.invite(account.email, role, events);
  await audit(c, `team.role:${role}`, account.id);
  return c.json({ ok: true });
});

team.delete('/team/:id', async (c) => {
  const { team: store } = c.get('options').store;
  const account = await store.account(idOf(c, 'team member'));
  if (!account) throw new ApiError('not_found', 'No such team member.');
  if (account.role === 'owner' && (await store.owners()) === 1) throw lastOwner;
  await store.remove(account.id);
  await audit(c, 'team.remove', account.id);
  return c.json({ removed: true });
});

team.get('/tokens', async (c) => c.json({ tokens: await c.get('options').store.team.tokens() }));

/** The token's secret is in this answer and nowhere else: the store keeps its SHA-256. */
team.post('/tokens', limitBody, async (c) => {
  const { name, role } = await readJson(c, NewToken);
  const { id, secret } = await c.get('options').store.team.createToken(name, role);
  await audit(c, `token.create:${role}`, id);
  return c.json({ id, token: secret }, 201);
});

team.delete('/tokens/:id', async (c) => {
  const id = idOf(c, 'token');
  if (!(await c.get('options').store.team.revokeToken(id))) {
    throw new ApiError('not_found', 'No such token, or revoked already.');
  }
  await audit(c, 'token.revoke', id);
  return c.json({ revoked: true });
});

const AUDIT_LIMIT = 5000;

team.get('/audit', async (c) => c.json({ entries: await c.get('options').store.team.auditLog(AUDIT_LIMIT) }));

team.get('/audit.csv', async (c) => {
  const entries = await c.get('options').store.team.auditLog(AUDIT_LIMIT);
  const columns = ['at', 'actor', 'action', 'target', 'address'] as const;
  const csv = stringify(
    // A cell starting with = + - @ would run as a formula in a spreadsheet (as in the campaign export).
    entries.map((e) => columns.map((k) => (e[k] ?? '').replace(/^[=+\-@\t\r]/, "'$&"))),
    { header: true, columns: [...columns] },
  );
  await audit(c, 'audit.export', null);
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', 'attachment; filename="audit-log.csv"');
  return c.body(`\uFEFF${csv}`);
});
