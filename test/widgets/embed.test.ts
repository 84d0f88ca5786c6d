/**
 * `/embed.js` as partners load it: the built bundle (`dist/embed/`, built by the test config), not the sources.
 * Each widget on a wide column and on a phone: the space reserved (widgets/reserve.ts) is what the widget then
 * takes, not less and not much more. The layout shift itself, with the widget's chunks and campaign arriving over
 * the network, is measured on a partner page in test/e2e/site.test.ts.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';

const embed = '/__test/embed/embed.js';
const SIZED = 'data-ladder-sized';

type Shift = PerformanceEntry & {
  value: number;
  sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
};

/**
 * Starts recording layout shifts; the returned function waits two frames (the entries of the last one are
 * queued after it paints) and names what moved: the browser gives no node inside a shadow root, so each moved
 * box is matched by its rectangle to the widget's elements (`tag.class[part]`), and the shift's score is kept.
 */
function layoutShifts(): (widget: HTMLElement) => Promise<{ value: number; page: boolean; moved: string[] }[]> {
  const entries: Shift[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...(list.getEntries() as Shift[])));
  observer.observe({ type: 'layout-shift' });
  return async (widget) => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    entries.push(...(observer.takeRecords() as Shift[]));
    observer.disconnect();
    const all = [widget, ...widget.shadowRoot!.querySelectorAll('*')];
    const name = (rect: DOMRectReadOnly) =>
      all
        .filter((node) => {
          const box = node.getBoundingClientRect();
          return Math.abs(box.top - rect.top) < 1 && Math.abs(box.left - rect.left) < 1;
        })
        .map(
          (node) =>
            `${node.localName}${node.className ? `.${node.className}` : ''}[${node.getAttribute('part') ?? ''}]`,
        )
        .join('|') || `${rect.width}x${rect.height}@${rect.left},${rect.top}`;
    // The test page's own body moves when the first partner page is put in it (its heading's margin): not ours.
    const ours = entries.filter((entry) => entry.sources.some((source) => source.node !== document.body));
    return ours.map((entry) => ({
      value: Number(entry.value.toFixed(4)),
      // The partner's own elements moved (those the browser names: it names none inside a shadow root).
      page: entry.sources.some((source) => source.node?.getRootNode() === document),
      moved: entry.sources.map((source) => (source.node as Element | null)?.localName ?? name(source.currentRect)),
    }));
  };
}

describe('embed.js', () => {
  // Loaded once, by the first test, as a partner's page loads it.
  beforeEach(async () => {
    await import(/* @vite-ignore */ embed);
  });

  it('reserves space, then loads a widget only when its tag appears on the page', async () => {
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
    host.remove();
  });

  /** Each kind, and what it shows once its campaign (with the live numbers) has arrived. */
  const widgets = [
    { tag: 'ladder-petition', campaign: 'library', ready: '[part=meter] strong' },
    { tag: 'ladder-survey', campaign: 'block', ready: '[part=question]' },
    { tag: 'ladder-rsvp', campaign: 'rsvp-meeting', ready: '[part=when]' },
    { tag: 'ladder-call', campaign: 'council', ready: '[part=count]' },
    { tag: 'ladder-letter', campaign: 'write', ready: '[part=count]' },
  ];
  for (const width of [1024, 375]) {
    for (const { tag, campaign, ready } of widgets) {
      it(`reserves for <${tag}> what it takes, ${width} px wide`, async () => {
        await setViewport({ width, height: 800 });
        const host = document.createElement('main');
        host.innerHTML = `<h1>A partner's page</h1><${tag} campaign="${campaign}"></${tag}><p>Text below the widget.</p>`;
        const shifts = layoutShifts();
        document.body.prepend(host);
        const el = host.querySelector<HTMLElement>(tag)!;
        const reserved = el.getBoundingClientRect().height;
        await customElements.whenDefined(tag);
        await waitUntil(() => el.shadowRoot?.querySelector(ready)?.textContent?.trim(), `${tag} shows its campaign`, {
          timeout: 5000,
        });
        // The live count, the supporter's time zone: whatever the widget renders after its campaign arrives.
        await (el as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
        expect(el.getBoundingClientRect().height).to.equal(reserved);
        const moved = await shifts(el);
        if (moved.length) host.remove();
        expect(moved, `<${tag}> at ${width} px moved: ${JSON.stringify(moved)}`).to.deep.equal([]);
        el.setAttribute(SIZED, '');
        const own = el.getBoundingClientRect().height;
        console.log(`[embed] <${tag}> at ${width} px: reserved ${reserved} px, takes ${own} px`);
        expect(own).to.be.at.most(reserved);
        // Not much more than it needs: at most 15% of blank space under it.
        expect(own).to.be.greaterThan(reserved * 0.85);
        host.remove();
      });
    }
  }

  // A partner's page in French: the widget's words arrive in a chunk of their own, with or after the campaign.
  for (const width of [1024, 375]) {
    for (const { tag, campaign, ready } of widgets) {
      it(`moves nothing while <${tag}> loads its campaign and its French words, ${width} px wide`, async () => {
        await setViewport({ width, height: 800 });
        const host = document.createElement('main');
        host.lang = 'fr';
        host.innerHTML = `<h1>Notre page</h1><${tag} campaign="${campaign}"></${tag}><p>Sous le widget.</p>`;
        const shifts = layoutShifts();
        document.body.prepend(host);
        const el = host.querySelector<HTMLElement>(tag)! as HTMLElement & {
          updateComplete: Promise<boolean>;
          t: { sending: string };
        };
        const reserved = el.getBoundingClientRect().height;
        await customElements.whenDefined(tag);
        await waitUntil(() => el.shadowRoot?.querySelector(ready)?.textContent?.trim(), `${tag} shows its campaign`, {
          timeout: 5000,
        });
        await waitUntil(() => el.t.sending === 'Envoi…', `${tag} speaks French`, { timeout: 5000 });
        await el.updateComplete;
        const moved = await shifts(el);
        el.setAttribute(SIZED, '');
        const own = el.getBoundingClientRect().height;
        host.remove();
        console.log(
          `[embed] <${tag}> in French at ${width} px: reserved ${reserved} px, takes ${own} px, moved`,
          JSON.stringify(moved),
        );
        expect(own).to.be.at.most(reserved);
        // What the widget drew in English moves within it when its French words arrive after the campaign (a race:
        // both are fetched from the first render); the partner's page around it does not move.
        expect(moved.filter((shift) => shift.page)).to.deep.equal([]);
      });
    }
  }

  it('gives the widget its own height from the supporter’s first press in it', async () => {
    const host = document.createElement('div');
    host.innerHTML = '<ladder-call campaign="council"></ladder-call>';
    document.body.append(host);
    const el = host.firstElementChild as HTMLElement;
    await waitUntil(() => el.shadowRoot?.querySelector('[part=count]')?.textContent, 'loaded', { timeout: 5000 });
    expect(el.hasAttribute(SIZED)).to.equal(false);
    el.shadowRoot!.querySelector<HTMLInputElement>('form input')!.focus();
    expect(el.hasAttribute(SIZED)).to.equal(true);
    expect(parseFloat(getComputedStyle(el).minHeight) || 0).to.be.lessThan(100);
    host.remove();
  });
});
