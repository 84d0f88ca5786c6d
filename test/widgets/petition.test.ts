import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { define } from '../../widgets/core/define.ts';
import type { LadderSuccessEvent } from '../../widgets/core/events.ts';
import { $supporter } from '../../widgets/core/supporter.ts';
import '../../widgets/petition/petition.ts';
import type { LadderPetition } from '../../widgets/petition/petition.component.ts';
import {
  campaignData,
  click,
  field,
  fill,
  getCampaign,
  part,
  person,
  recordEvents,
  state,
  submit,
  type,
  until,
} from './helpers.ts';

const loaded = (el: LadderPetition) =>
  waitUntil(() => el.data && part(el, '[part=meter] strong').textContent, 'campaign loaded', { timeout: 5000 });

const text = (el: LadderPetition, selector: string) => part(el, selector).textContent!.replace(/\s+/g, ' ').trim();

/** Everything a supporter typed; none of it may reach the host page through an event. */
const personal = (who: Record<string, string>) => Object.values(who);

describe('<ladder-petition>', () => {
  beforeEach(() => {
    localStorage.clear();
    $supporter.set(null);
  });

  it('renders the complete form from `data`, without waiting for the API', async () => {
    const el = await fixture<LadderPetition>(
      html`<ladder-petition campaign="library" .data=${campaignData({ count: 42 })}></ladder-petition>`,
    );
    expect(text(el, '[part=title]')).to.equal('Save the library');
    expect(text(el, '[part=ask]')).to.equal('To: The City Council Fund the library.');
    expect(text(el, '[part=meter] strong')).to.equal('42 signatures');
    expect(text(el, '.goal')).to.equal('Goal: 100');
    expect(part<HTMLFormElement>(el, 'form').noValidate).to.equal(true);
    const email = field(el, 'email');
    expect(email.type).to.equal('email');
    expect(email.required).to.equal(true);
    expect(email.autocomplete).to.equal('email');
    expect(email.maxLength).to.equal(254);
    expect(field(el, 'givenName').autocomplete).to.equal('given-name');
    expect(field(el, 'postcode').pattern).to.equal('[A-Za-z0-9][A-Za-z0-9 \\-]{1,15}');
    expect(part(el, 'label[for=email]').textContent).to.equal('Email');
    expect(text(el, '[part=consent]')).to.equal('Keep me updated about this campaign.');
    expect(field(el, 'contact').required).to.equal(false);
  });

  it('fetches the campaign when no data is given, drawing nothing before it that it would push down', async () => {
    const el = await fixture<LadderPetition>(html`<ladder-petition campaign="library"></ladder-petition>`);
    // Until the campaign arrives nothing is drawn (in the space embed.js reserves: embed.test.ts).
    expect(part(el, '[part=meter]').getClientRects()).to.have.length(0);
    expect(part(el, 'form').getClientRects()).to.have.length(0);
    await loaded(el);
    expect(text(el, '[part=title]')).to.equal('Petition library');
    const { count } = await getCampaign('library');
    expect(text(el, '[part=meter] strong')).to.equal(`${count} signature${count === 1 ? '' : 's'}`);
    expect(part(el, 'form').getClientRects()).to.have.length(1);
  });

  it('signs with real key presses: thanks, a share link with the referral code, the next ask', async () => {
    const events = recordEvents();
    const el = await fixture<LadderPetition>(html`<ladder-petition campaign="library"></ladder-petition>`);
    await loaded(el);
    const before = (await getCampaign('library')).count;
    const who = person({ givenName: 'Zoë', familyName: 'Ödön-Ñúñez' });
    await fill(el, who);
    await type(part(el, 'textarea'), 'Libraries matter. <b>really</b>');
    expect(field(el, 'givenName').value).to.equal('Zoë');
    await click(field(el, 'contact'));
    const success = oneEvent(el, 'ladder-success') as Promise<LadderSuccessEvent>;
    await submit(el);
    const { detail } = await success;
    await until(el, 'success');

    expect(detail).to.deep.equal({ campaign: 'library', id: detail.id, count: before + 1, duplicate: false });
    expect(text(el, '[part=thanks] h2')).to.equal('Thank you for signing!');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, '[part=thanks] h2'));
    const share = new URL(part<HTMLAnchorElement>(el, '[part=share]').href);
    expect(share.pathname).to.equal('/act/library/');
    expect(share.searchParams.get('ref')).to.match(/^\w+$/);
    const next = part<HTMLAnchorElement>(el, '[part=next] a');
    expect(next.textContent).to.equal('Fund the buses');
    expect(new URL(next.href).pathname).to.equal('/act/buses/');
    expect(text(el, '[part=meter] strong')).to.equal(`${before + 1} signature${before + 1 === 1 ? '' : 's'}`);

    // ladder-submit, then ladder-success: ids and counts only.
    expect(events.map((event) => event.type)).to.deep.equal(['ladder-submit', 'ladder-success']);
    for (const event of events) {
      const json = JSON.stringify((event as CustomEvent).detail);
      for (const value of personal({ ...who })) expect(json).not.to.include(value);
      expect(event.bubbles && event.composed).to.equal(true);
    }
    expect(events[0].cancelable).to.equal(true);
  });

  it('shows its own messages for missing and malformed fields, tied to them, and focuses the first', async () => {
    const el = await fixture<LadderPetition>(
      html`<ladder-petition .data=${campaignData()} campaign="library"></ladder-petition>`,
    );
    await type(field(el, 'familyName'), 'Lovelace');
    await type(field(el, 'email'), 'not-an-email');
    await submit(el);
    await until(el, 'invalid');

    const given = field(el, 'givenName');
    expect(given.getAttribute('aria-invalid')).to.equal('true');
    expect(given.getAttribute('aria-describedby')).to.equal('givenName-error');
    expect(text(el, '#givenName-error')).to.equal('This field is required.');
    expect(field(el, 'familyName').getAttribute('aria-invalid')).to.equal('false');
    expect(field(el, 'familyName').hasAttribute('aria-describedby')).to.equal(false);
    expect(field(el, 'email').getAttribute('aria-describedby')).to.equal('email-error');
    expect(text(el, '#email-error')).to.equal('Enter an email address like name@example.org.');
    expect(text(el, '#postcode-error')).to.equal('This field is required.');
    expect(el.shadowRoot!.activeElement).to.equal(given);
    const status = part(el, '[part=status]');
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.equal('Please correct the highlighted fields.');

    // Fixing a field and submitting again clears its message.
    await sendValid(el);
    await until(el, 'success');
  });

  it("maps the API's 422 field codes to the field (an email the browser accepts, the API does not)", async () => {
    const el = await fixture<LadderPetition>(html`<ladder-petition campaign="library"></ladder-petition>`);
    await loaded(el);
    const error = oneEvent(el, 'ladder-error');
    await fill(el, person({ email: 'ada@localhost' }));
    await submit(el);
    expect((await error).detail).to.deep.equal({ campaign: 'library', code: 'invalid_input' });
    await until(el, 'invalid');
    const email = field(el, 'email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, '#email-error')).to.equal('Enter an email address like name@example.org.');
    await waitUntil(() => el.shadowRoot!.activeElement === email, 'focus on the email');
  });

  it('says "already signed" when the same email signs twice, and counts it once', async () => {
    const who = person();
    const first = await fixture<LadderPetition>(html`<ladder-petition campaign="library"></ladder-petition>`);
    await loaded(first);
    await fill(first, who);
    await submit(first);
    await until(first, 'success');
    const count = (await getCampaign('library')).count;

    const second = await fixture<LadderPetition>(html`<ladder-petition campaign="library"></ladder-petition>`);
    await loaded(second);
    await fill(second, { ...who, email: who.email.toUpperCase() });
    const success = oneEvent(second, 'ladder-success') as Promise<LadderSuccessEvent>;
    await submit(second);
    const { detail } = await success;
    await until(second, 'duplicate');
    expect(detail.duplicate).to.equal(true);
    expect(detail.count).to.equal(count);
    expect(text(second, '[part=thanks] h2')).to.equal('You have already signed this petition. Thank you!');
    expect((await getCampaign('library')).count).to.equal(count);
  });

  it('speaks Spanish with lang="es", with the campaign overriding its strings', async () => {
    const el = await fixture<LadderPetition>(html`<ladder-petition campaign="parks" lang="es"></ladder-petition>`);
    await loaded(el);
    await waitUntil(() => part(el, 'label[for=givenName]').textContent === 'Nombre', 'Spanish labels');
    expect(text(el, '[part=submit]')).to.equal('¡Firmo!');
    expect(text(el, '[part=meter] strong')).to.match(/^\d+ firmas?$/);
    expect(text(el, '.goal')).to.equal('Meta: 100');
    await submit(el);
    await until(el, 'invalid');
    expect(text(el, '#givenName-error')).to.equal('Este campo es obligatorio.');

    // English, with the campaign's English override of a plural.
    el.lang = 'en';
    await waitUntil(() => part(el, 'label[for=givenName]').textContent === 'First name', 'English labels');
    expect(text(el, '[part=meter] strong')).to.match(/^\d+ neighbours$/);
  });

  it("falls back to the page's language, then English", async () => {
    document.documentElement.lang = 'es-MX';
    try {
      const el = await fixture<LadderPetition>(
        html`<ladder-petition .data=${campaignData()} campaign="library"></ladder-petition>`,
      );
      await waitUntil(() => text(el, '[part=submit]') === 'Firmar la petición', 'Spanish from <html lang>');
    } finally {
      document.documentElement.lang = 'fr';
    }
    const el = await fixture<LadderPetition>(
      html`<ladder-petition .data=${campaignData()} campaign="library"></ladder-petition>`,
    );
    expect(text(el, '[part=submit]')).to.equal('Sign the petition');
    document.documentElement.removeAttribute('lang');
  });

  it('warns instead of throwing when the script is loaded twice', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      define('ladder-petition', class extends HTMLElement {});
      // The same module under another URL, as when a partner pastes the snippet twice with different queries.
      const again = '../../widgets/petition/petition.ts?twice';
      await import(/* @vite-ignore */ again);
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(2);
    expect(String(warnings[0][0])).to.include('W001');
    expect(customElements.get('ladder-petition')!.name).to.equal('LadderPetition');
  });

  it('prefills a second widget on the page for a supporter who asked to be remembered', async () => {
    const who = person();
    const page = await fixture(
      html`<div>
        <ladder-petition campaign="library"></ladder-petition>
        <ladder-petition campaign="buses"></ladder-petition>
      </div>`,
    );
    const [first, second] = page.querySelectorAll('ladder-petition');
    await loaded(first);
    await loaded(second);
    await fill(first, who);
    await click(field(first, 'remember'));
    await submit(first);
    await until(first, 'success');

    await waitUntil(() => field(second, 'email').value === who.email, 'prefilled');
    expect(field(second, 'givenName').value).to.equal(who.givenName);
    expect(field(second, 'postcode').value).to.equal(who.postcode);
    expect(field(second, 'remember').checked).to.equal(true);
    // On the campaign's own site (page origin = API origin) it is kept on the device; never on `window`.
    expect(JSON.parse(localStorage.getItem('ladder:supporter')!)).to.deep.equal(who);
    expect(Object.keys(window).filter((key) => /ladder|supporter/i.test(key))).to.deep.equal([]);

    // Unticking "remember me" forgets them.
    await click(field(second, 'remember'));
    await submit(second);
    await until(second, 'success');
    expect(localStorage.getItem('ladder:supporter')).to.equal(null);
    expect($supporter.get()).to.equal(null);
  });

  it('does not prefill without consent', async () => {
    const page = await fixture(
      html`<div>
        <ladder-petition campaign="library"></ladder-petition>
        <ladder-petition campaign="buses"></ladder-petition>
      </div>`,
    );
    const [first, second] = page.querySelectorAll('ladder-petition');
    await loaded(first);
    await fill(first, person());
    await submit(first);
    await until(first, 'success');
    expect(field(second, 'email').value).to.equal('');
    expect(localStorage.getItem('ladder:supporter')).to.equal(null);
  });

  it('says a closed petition is closed, with no form', async () => {
    const el = await fixture<LadderPetition>(html`<ladder-petition campaign="closed-one"></ladder-petition>`);
    await loaded(el);
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(el.shadowRoot!.textContent).to.include('This petition is closed.');
  });

  it('does not send when ladder-submit is cancelled', async () => {
    const el = await fixture<LadderPetition>(
      html`<ladder-petition .data=${campaignData()} campaign="library"></ladder-petition>`,
    );
    el.addEventListener('ladder-submit', (event) => event.preventDefault());
    await fill(el, person());
    await submit(el);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(state(el)).to.equal('idle');
  });
});

async function sendValid(el: LadderPetition): Promise<void> {
  await type(field(el, 'givenName'), 'Ada');
  await click(field(el, 'email'));
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'a' });
  await sendKeys({ up: 'Control' });
  await sendKeys({ type: `ada.${Date.now()}@example.org` });
  await type(field(el, 'postcode'), '94110');
  await submit(el);
}
