// Copied to api/retention.ts at the repository's root (docs/deploy/vercel.md): Vercel Cron's retention sweep.
export { retention as GET } from '../functions/adapters/vercel.ts';
