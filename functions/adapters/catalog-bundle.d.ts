/**
 * The campaigns bundled for the Worker by scripts/build-hosted.ts (dist/hosted/catalog.json); wrangler.jsonc
 * maps the name to that file. `dir` is where the texts are made to live, `targets` the call targets files by path.
 */
declare module 'ladder:catalog' {
  const catalog: { dir: string; texts: Record<string, string>; targets: Record<string, string> };
  export default catalog;
}
