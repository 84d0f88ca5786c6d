/**
 * The confirmation page in the browser: one button, one request (site/lib/link-button.ts). The token stays in the
 * page (never sent with a GET, never in a server log's URL); every outcome is said in the `role=status` region and
 * the heading takes the focus, so a screen reader hears what happened.
 */
import type { NextAsk } from '../../../schema/actions.ts';
import type { Lang } from '../../../schema/limits.ts';
import { linkButton } from '../../lib/link-button.ts';
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
  const result = root.querySelector<HTMLElement>('.result')!;
  linkButton(
    root,
    t,
    (token) =>
      fetch(`${api}/api/confirm`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token }),
      }),
    async (response) => {
      const body = (await response.json()) as Confirmed;
      root.querySelector('.intro')!.remove();
      heading.textContent = body.already ? t.already : t.done;
      result.replaceChildren(
        Object.assign(document.createElement('p'), { textContent: t.counted(body.campaign.title) }),
      );
      if (body.shareUrl) result.append(linkLine(t.share, body.shareUrl, body.shareUrl));
      if (body.nextAsk) result.append(linkLine(t.next, body.nextAsk.url, body.nextAsk.title));
      result.hidden = false;
      root.querySelector('.message')!.textContent = heading.textContent;
      heading.focus();
    },
  );
}
