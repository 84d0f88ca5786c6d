// Copied to api/ladder.ts at the repository's root (docs/deploy/vercel.md): every /api/* request.
export { default } from '../functions/adapters/vercel.ts';
