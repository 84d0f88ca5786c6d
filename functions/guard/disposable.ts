/**
 * Disposable-email domains (the `disposable-email-domains` package: ~121k domains, ~2 MB of JSON). Loaded on the
 * first address that needs checking and kept as a Set. Imported by a literal specifier, so that a Workers bundler (esbuild
 * in wrangler) can inline it: ~2 MB counts against the Workers script size limit (fine for the 10 MB paid plan;
 * on the 3 MB free plan, set `LADDER_DISPOSABLE_EMAIL=allow` and let the adapter leave this module out).
 */
let domains: Promise<{ exact: Set<string>; wildcard: Set<string> }> | undefined;

const load = () =>
  (domains ??= Promise.all([
    import('disposable-email-domains/index.json', { with: { type: 'json' } }),
    import('disposable-email-domains/wildcard.json', { with: { type: 'json' } }),
  ]).then(([exact, wildcard]) => ({ exact: new Set(exact.default), wildcard: new Set(wildcard.default) })));

/** True for an address at a disposable domain or a subdomain of a wildcard one (`x.33mail.com`). */
export async function isDisposable(email: string): Promise<boolean> {
  const domain = email
    .slice(email.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase();
  if (!domain) return false;
  const { exact, wildcard } = await load();
  if (exact.has(domain)) return true;
  // The domain and each parent of it (`x.33mail.com`, `33mail.com`, `com`) against the wildcard ones.
  return domain.split('.').some((_, i, labels) => wildcard.has(labels.slice(i).join('.')));
}
