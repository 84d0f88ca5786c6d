/**
 * Registers a custom element once. Partner pages often load the same script twice (two pasted snippets, a CMS
 * that adds a cache-busting query): the second definition is ignored with a warning instead of throwing, which
 * would break the rest of the partner's page.
 */
export function define(tag: string, element: CustomElementConstructor): void {
  if (customElements.get(tag)) {
    // W001: the script was loaded twice; the first definition stays.
    console.warn(`[ladder W001] <${tag}> already defined`);
    return;
  }
  // `customElements.define` (not `window.customElements`): Lit SSR and @astrojs/lit patch the global registry.
  customElements.define(tag, element);
}
