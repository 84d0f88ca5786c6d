/**
 * The unsubscribe page in the browser: one button, one request (the token from the link's `t`, as the mail
 * client's one-click POST sends it). Every outcome is said in the `role=status` region; once done, the heading says
 * so and takes the focus.
 */
import type { Lang } from '../../../schema/limits.ts';
import { unsubscribeStrings } from './_strings.ts';

export function startUnsubscribe(root: HTMLElement, api = ''): void {
  const t = unsubscribeStrings(document.documentElement.lang as Lang);
  const heading = root.querySelector('h1')!;
  const button = root.querySelector('button')!;
  const message = root.querySelector<HTMLElement>('.message')!;
  const token = new URLSearchParams(location.search).get('t');
  // The button is there, disabled, from the first paint; a link without its code leaves it so, and says why.
  if (!token) {
    message.textContent = t.missing;
    return;
  }
  button.disabled = false;
  let busy = false;
  button.addEventListener('click', async () => {
    if (busy) return;
    busy = true;
    button.setAttribute('aria-disabled', 'true');
    message.textContent = t.sending;
    try {
      const response = await fetch(`${api}/api/unsubscribe?t=${encodeURIComponent(token)}`, { method: 'POST' });
      if (response.status === 404 || response.status === 422) {
        button.hidden = true;
        message.textContent = t.notFound;
        return;
      }
      if (!response.ok) throw new Error(`${response.status}`);
      button.hidden = true;
      root.querySelector('.intro')!.textContent = t.doneIntro;
      heading.textContent = t.done;
      message.textContent = t.done;
      heading.focus();
    } catch {
      message.textContent = t.failed;
    } finally {
      busy = false;
      button.removeAttribute('aria-disabled');
    }
  });
}
