/** Only web links from the API or the campaign are rendered as links, resolved against the API (never `javascript:`). */
export function webUrl(url: string | undefined, base: string): string | undefined {
  if (!url) return;
  try {
    const resolved = new URL(url, base);
    return /^https?:$/.test(resolved.protocol) ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}
