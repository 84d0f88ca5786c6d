// One delivery pass a minute: webhooks, Action Network, email, SMS and event reminders (docs/deploy/netlify.md).
export { dispatch as default } from '../../../functions/adapters/netlify.ts';

export const config = { schedule: '* * * * *' };
