/**
 * The unsubscribe page in the browser: one button (site/lib/link-button.ts) that sends the request a mail client's
 * one-click sends; once done, the heading says so and takes the focus.
 */
import type { Lang } from '../../../schema/limits.ts';
import { linkButton } from '../../lib/link-button.ts';
import { unsubscribeStrings } from './_strings.ts';

export function startUnsubscribe(root: HTMLElement, api = ''): void {
  const t = unsubscribeStrings(document.documentElement.lang as Lang);
  const heading = root.querySelector('h1')!;
  linkButton(
    root,
    t,
    (token) => fetch(`${api}/api/unsubscribe?t=${encodeURIComponent(token)}`, { method: 'POST' }),
    async () => {
      root.querySelector('.intro')!.textContent = t.doneIntro;
      heading.textContent = t.done;
      root.querySelector('.message')!.textContent = t.done;
      heading.focus();
    },
  );
}
