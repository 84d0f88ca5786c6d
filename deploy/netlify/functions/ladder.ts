// The API: every /api/* request (docs/deploy/netlify.md). Netlify reads `config` and the default export from this
// file itself, so both are written out here.
import api from '../../../functions/adapters/netlify.ts';

export default api;

export const config = { path: '/api/*' };
