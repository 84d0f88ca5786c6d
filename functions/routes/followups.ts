/**
 * Follow-ups for staff (owners, organizers; functions/middleware/admin.ts): create a list from a ladder rule, see
 * every list with its figures, one list with its figures per worker, close it. README, "Follow-ups".
 */
import { Hono } from 'hono';
import { NewFollowup, PatchFollowup } from '../../schema/followup.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { adminOnly, audit } from '../middleware/admin.ts';
import { limitBody, readJson } from '../middleware/json-body.ts';
import { isOpen } from '../store/followups.ts';
import { idOf } from './ids.ts';

export const followups = new Hono<AppEnv>();
followups.use('*', adminOnly);

followups.get('/followups', async (c) => {
  const { store } = c.get('options');
  const lists = await store.followups.all();
  const withFigures = [];
  for (const followup of lists) withFigures.push({ ...followup, figures: await store.followups.figures(followup.id) });
  return c.json({ followups: withFigures });
});

followups.post('/followups', limitBody, async (c) => {
  const input = await readJson(c, NewFollowup);
  const { store } = c.get('options');
  const id = await store.followups.create(input, c.get('actor').label);
  await audit(c, 'followup.create', id);
  return c.json({ followup: await store.followups.get(id), figures: await store.followups.figures(id) }, 201);
});

followups.get('/followups/:id', async (c) => {
  const { store } = c.get('options');
  const followup = await store.followups.get(idOf(c, 'follow-up'));
  if (!followup) throw new ApiError('not_found', 'No such follow-up.');
  // The figures read the list as the ladder stands now: who acted or opted out has left it.
  if (isOpen(followup, new Date())) await store.followups.refresh(followup.id);
  const names = new Map((await store.team.accounts()).map((a) => [a.id, a.name ?? a.email]));
  return c.json({
    followup,
    figures: await store.followups.figures(followup.id),
    volunteers: await store.followups.volunteers(followup.id, (worker) => names.get(worker) ?? worker),
  });
});

followups.patch('/followups/:id', limitBody, async (c) => {
  const { store } = c.get('options');
  const id = idOf(c, 'follow-up');
  await readJson(c, PatchFollowup);
  if (!(await store.followups.close(id))) throw new ApiError('not_found', 'No such follow-up.');
  await audit(c, 'followup.close', id);
  return c.json({ followup: await store.followups.get(id) });
});
