// Copied to api/dispatch.ts at the repository's root (docs/deploy/vercel.md): Vercel Cron's delivery pass.
export { dispatch as GET } from '../functions/adapters/vercel.ts';
