/**
 * Where the editor's publishes go to the audit log. Until the audit log lands (issue 11, accounts and roles), a
 * line on the server's log: who is the admin token, what is the campaign and the verb, from which address.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { clientIp } from '../guard/check.ts';

export type EditorAudit = { action: 'publish' | 'close'; slug: string };

export function auditPublish(c: Context<AppEnv>, { action, slug }: EditorAudit): void {
  const from = clientIp(c, c.get('options').guard?.trustProxy ?? false) ?? 'an unknown address';
  console.info(`[ladder] audit: ${action} ${slug} by the admin token from ${from}`);
}
