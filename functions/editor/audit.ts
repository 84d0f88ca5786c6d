/** The editor's publishes and closes go to the audit log (functions/middleware/admin.ts `audit`), naming the campaign. */
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { audit } from '../middleware/admin.ts';

export type EditorAudit = { action: 'publish' | 'close'; slug: string };

export function auditPublish(c: Context<AppEnv>, { action, slug }: EditorAudit): Promise<void> {
  return audit(c, `campaign.${action}`, slug);
}
