/** The bodies a page posts to `…/letters`: a spy on the page's own fetch (the request still goes to the API). */
export let restore: (() => void) | undefined;

export function letterPosts(): Record<string, unknown>[] {
  const posts: Record<string, unknown>[] = [];
  const original = window.fetch;
  window.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith('/letters') && typeof init?.body === 'string') posts.push(JSON.parse(init.body));
    return original(input, init);
  };
  restore = () => (window.fetch = original);
  return posts;
}
