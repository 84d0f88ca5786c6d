/** Ids in admin routes are UUIDs (functions/store/ids.ts). */
import { ApiError } from '../errors.ts';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The route's `:id` (a supporter, an RSVP, an outbox event, a theme): anything that is not a UUID is nobody
 * (PostgreSQL's UUID columns would answer it with an error, a 500, where SQLite finds nothing).
 */
export const idOf = (c: { req: { param(name: 'id'): string | undefined } }, what: string) => {
  const id = c.req.param('id') ?? '';
  if (!UUID.test(id)) throw new ApiError('not_found', `No such ${what}.`);
  return id;
};
