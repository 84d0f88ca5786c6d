/**
 * The abuse defenses as people meet them, against the realistic guard (`/guarded`: a 3 s min fill time, a CAPTCHA
 * with a fake Turnstile; test/widgets/guard-server.ts): a keyboard-only person and a screen-reader-like run are
 * never stopped and never reach the honeypot; autofill then Enter at once is held, not refused; a CAPTCHA shows in
 * the form and sends once solved; a form-filler that fills every field is told "thanks" and not counted.
 */
import { a11ySnapshot } from '@web/test-runner-commands';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../widgets/petition/petition.ts';
import type { LadderPetition } from '../../widgets/petition/petition.component.ts';
import { focused, press, tab, violations } from './axe.ts';
import { field, getCampaign, part, person, type Person, until } from './helpers.ts';
import { sendKeys } from '@web/test-runner-commands';

const petition = async (slug: string): Promise<LadderPetition> => {
  const api = `${location.origin}/guarded`;
  const el = await fixture<LadderPetition>(html`<ladder-petition campaign=${slug} api=${api}></ladder-petition>`);
  await waitUntil(() => el.data && part(el, '[part=meter] strong').textContent, 'campaign loaded', { timeout: 5000 });
  return el;
};

/** The accessibility tree's nodes, flattened. */
interface AxNode {
  role: string;
  name?: string;
  children?: AxNode[];
}
const flatten = (node: AxNode): AxNode[] => [node, ...(node.children ?? []).flatMap(flatten)];

/** The POSTs the page makes, by URL. */
function recordPosts(): { urls: string[]; restore(): void } {
  const realFetch = window.fetch;
  const urls: string[] = [];
  window.fetch = (input, init) => {
    if (init?.method === 'POST') urls.push(String(input));
    return realFetch(input, init);
  };
  return { urls, restore: () => (window.fetch = realFetch) };
}

const honeypotOf = (el: LadderPetition) => field(el, 'website');

describe('abuse defenses, for people', () => {
  it('lets a keyboard-only person sign; Tab never reaches the honeypot', async () => {
    const el = await petition('guard-keyboard');
    const who = person();
    const visited: string[] = [];
    const values: Record<string, string> = { ...who, comment: '' };
    // From the page into the widget, then through every control, typing where there is a field.
    for (let i = 0; i < 12 && focused()?.getAttribute('part') !== 'submit'; i++) {
      await tab();
      const name = focused()?.getAttribute('name') ?? focused()?.getAttribute('part') ?? '';
      visited.push(name);
      if (values[name]) await sendKeys({ type: values[name] });
    }
    expect(visited).to.include.members(['givenName', 'familyName', 'email', 'postcode', 'submit']);
    expect(visited).not.to.include('website');
    await press('Enter');
    await until(el, 'success');
    expect((await getCampaign('guard-keyboard')).count).to.equal(1);
  });

  it('keeps the honeypot out of the accessibility tree; a screen-reader-like run signs by accessible names', async () => {
    const el = await petition('guard-reader');
    const trap = honeypotOf(el);
    const label = trap.closest('label')!;
    expect(label.getAttribute('aria-hidden')).to.equal('true');
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.getAttribute('autocomplete')).to.equal('off');
    expect(getComputedStyle(label).display).not.to.equal('none');
    expect(label.getBoundingClientRect().right).to.be.below(0);
    expect(await violations(el)).to.deep.equal([]);

    const tree = flatten((await a11ySnapshot({})) as unknown as AxNode);
    expect(tree.filter((node) => /leave this empty/i.test(node.name ?? ''))).to.deep.equal([]);
    const named = (role: string, name: string) => tree.find((node) => node.role === role && node.name === name);
    const who: Person = person();
    const labels: [keyof Person, string][] = [
      ['givenName', 'First name'],
      ['familyName', 'Last name'],
      ['email', 'Email'],
      ['postcode', 'Postcode'],
    ];
    for (const [name, accessible] of labels) {
      expect(named('textbox', accessible), accessible).not.to.equal(undefined);
      field(el, name).focus();
      await sendKeys({ type: who[name] });
    }
    expect(named('button', part(el, '[part=submit]').textContent!.trim())).not.to.equal(undefined);
    part(el, '[part=submit]').focus();
    await press('Enter');
    await until(el, 'success');
    expect(focused()?.textContent).to.match(/thank/i);
    expect((await getCampaign('guard-reader')).count).to.equal(1);
  });

  it('holds an autofilled form sent at once with Enter until the min fill time, then signs: one POST', async () => {
    const el = await petition('guard-autofill');
    const posts = recordPosts();
    try {
      for (const [name, value] of Object.entries(person())) field(el, name).value = value;
      field(el, 'postcode').focus();
      await press('Enter');
      expect(part(el, '[part=base]').className).to.equal('sending-state');
      await until(el, 'success');
      expect(posts.urls.filter((url) => url.endsWith('/signatures'))).to.have.length(1);
    } finally {
      posts.restore();
    }
    expect((await getCampaign('guard-autofill')).count).to.equal(1);
  });

  it('shows a CAPTCHA in the form when the server asks, focused and labelled, and sends once it is solved', async () => {
    const el = await petition('guard-captcha');
    const who = person({ email: `someone.${Date.now()}@guerrillamail.com` });
    for (const [name, value] of Object.entries(who)) field(el, name).value = value;
    part(el, '[part=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('.captcha button'), 'the challenge', { timeout: 15000 });
    const box = part(el, '.captcha');
    expect(box.getAttribute('role')).to.equal('group');
    expect(box.getAttribute('aria-label')).to.equal('Security check');
    expect(focused()).to.equal(box);
    expect(box.textContent).to.match(/confirm you are a person/i);
    expect((await getCampaign('guard-captcha')).count).to.equal(0);
    part(el, '.captcha button').click();
    await until(el, 'success');
    expect((await getCampaign('guard-captcha')).count).to.equal(1);
  });

  it('thanks a form-filler that fills every field, honeypot included, and counts nothing', async () => {
    const el = await petition('guard-filler');
    const who = person();
    for (const input of el.shadowRoot!.querySelectorAll<HTMLInputElement>('input:not([type=checkbox])')) {
      input.value = who[input.name as keyof Person] ?? 'https://spam.example';
    }
    expect(honeypotOf(el).value).to.equal('https://spam.example');
    part(el, '[part=submit]').click();
    await until(el, 'success');
    expect((await getCampaign('guard-filler')).count).to.equal(0);
  });
});
