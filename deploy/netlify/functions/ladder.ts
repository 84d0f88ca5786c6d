// The API: every /api/* request (docs/deploy/netlify.md).
export { default } from '../../../functions/adapters/netlify.ts';

export const config = { path: '/api/*' };
