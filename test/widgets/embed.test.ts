/**
 * `/embed.js` as partners load it: the built bundle (`dist/embed/`, built by the test config), not the sources.
 */
import { expect, waitUntil } from '@open-wc/testing';

const embed = '/__test/embed/embed.js';

describe('embed.js', () => {
  it('reserves space, then loads a widget only when its tag appears on the page', async () => {
    await import(/* @vite-ignore */ embed);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(customElements.get('ladder-petition')).to.equal(undefined);
    const chunks = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/w/petition-'));
    expect(chunks).to.have.length(0);

    // Added later, as a React page would.
    const host = document.createElement('div');
    host.innerHTML = '<ladder-petition campaign="library"></ladder-petition>';
    document.body.append(host);
    const el = host.firstElementChild as HTMLElement;
    expect(getComputedStyle(el).display).to.equal('block');
    const reserved = parseFloat(getComputedStyle(el).minHeight);
    expect(reserved).to.be.greaterThan(300);

    await waitUntil(() => customElements.get('ladder-petition'), 'defined', { timeout: 5000 });
    await waitUntil(() => el.shadowRoot?.querySelector('[part=meter] strong')?.textContent, 'loaded', {
      timeout: 5000,
    });
    expect(el.shadowRoot!.querySelector('[part=title]')!.textContent).to.equal('Petition library');
    // The element's own size once defined: no more than a little beyond what was reserved.
    expect(el.getBoundingClientRect().height).to.be.within(reserved * 0.8, reserved * 1.2);
  });
});
