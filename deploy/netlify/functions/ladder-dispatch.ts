// One delivery pass a minute: webhooks, Action Network, email, SMS and event reminders (docs/deploy/netlify.md).
import { dispatch } from '../../../functions/adapters/netlify.ts';

export default dispatch;

export const config = { schedule: '* * * * *' };
