/** What test/e2e/letters.test.ts checks on every state and every message: axe and legibility, DKIM, the dashboard. */
import { generateKeyPairSync } from 'node:crypto';
import { dkimVerify } from 'mailauth';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations } from './harness.ts';

/** The campaign domain's DKIM key: the private half for the sender, the public half as its DNS TXT record says. */
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const TXT = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
export const DKIM_KEY = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** The DKIM result of a message as it came over the wire, its key looked up as a resolver would. */
export async function dkim(raw: Buffer): Promise<string> {
  const verified = await dkimVerify(raw, {
    resolver: async (name: string, type: string) => {
      expect([name, type]).toEqual(['ladder._domainkey.campaign.example', 'TXT']);
      return [[TXT]];
    },
  });
  return verified.results[0].status.result;
}

/** axe on the page, and the widget legible despite the host's CSS: no sideways scrolling, real inputs. */
export async function check(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push('the page scrolls sideways');
    const widget = document.querySelector('ladder-letter')!.shadowRoot!;
    for (const input of widget.querySelectorAll<HTMLElement>(
      'input:not([type=checkbox], [type=radio], [aria-hidden] *), textarea, button',
    )) {
      const css = getComputedStyle(input);
      const name = input.getAttribute('name') ?? input.textContent?.trim();
      if (parseFloat(css.fontSize) < 14) found.push(`${name}: font size ${css.fontSize}`);
      if (input.localName !== 'button' && css.borderTopStyle !== 'solid') found.push(`${name}: no border`);
      if (input.getBoundingClientRect().right > root.clientWidth + 0.5) found.push(`${name}: cut off`);
    }
    return found;
  });
  expect(problems).toEqual([]);
}

/** The dashboard's row for a target: its cells, as the organizer reads them. */
export async function row(page: Page, slug: string, target: string): Promise<string[]> {
  const cells = page.locator(`table[data-campaign="${slug}"] tr[data-target="${target}"] > *`);
  return (await cells.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}
