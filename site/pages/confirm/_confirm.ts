/**
 * The confirmation page in the browser: one button, one request. The token stays in the page (never sent with a
 * GET, never in a server log's URL); every outcome is said in the `role=status` region and the heading takes the
 * focus, so a screen reader hears what happened.
 */
import type { NextAsk } from '../../../schema/actions.ts';
import type { Lang } from '../../../schema/limits.ts';
import { confirmStrings } from './_strings.ts';

interface Confirmed {
  already: boolean;
  campaign: { slug: string; title: string };
  shareUrl?: string;
  nextAsk: NextAsk | null;
}

/** A paragraph with a link (text nodes only: nothing from the API is parsed as HTML). */
function linkLine(label: string, href: string, text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  const a = Object.assign(document.createElement('a'), { href, textContent: text });
  p.append(`${label} `, a);
  return p;
}

export function startConfirm(root: HTMLElement, api = ''): void {
  const t = confirmStrings(document.documentElement.lang as Lang);
  const heading = root.querySelector('h1')!;
  const button = root.querySelector('button')!;
  const result = root.querySelector<HTMLElement>('.result')!;
  const message = root.querySelector<HTMLElement>('.message')!;
  const token = new URLSearchParams(location.search).get('t');
  // The button is there, disabled, from the first paint (showing it later moved the footer); a link without its
  // code leaves it so, and the status line (its height kept by the stylesheet) says why.
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
      const response = await fetch(`${api}/api/confirm`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token }),
      });
      if (response.status === 404 || response.status === 422) {
        button.hidden = true;
        message.textContent = t.notFound;
        return;
      }
      if (!response.ok) throw new Error(`${response.status}`);
      const body = (await response.json()) as Confirmed;
      button.hidden = true;
      root.querySelector('.intro')!.remove();
      heading.textContent = body.already ? t.already : t.done;
      result.replaceChildren(
        Object.assign(document.createElement('p'), { textContent: t.counted(body.campaign.title) }),
      );
      if (body.shareUrl) result.append(linkLine(t.share, body.shareUrl, body.shareUrl));
      if (body.nextAsk) result.append(linkLine(t.next, body.nextAsk.url, body.nextAsk.title));
      result.hidden = false;
      message.textContent = heading.textContent;
      heading.focus();
    } catch {
      message.textContent = t.failed;
    } finally {
      busy = false;
      button.removeAttribute('aria-disabled');
    }
  });
}
