/**
 * <ladder-petition> inside a React 19 app, as partners built with React use it: mounted after a state change,
 * given `campaign` and `lang` as props, its `ladder-success` heard through React 19's custom element events
 * (`onladder-success`: React adds a listener for an `on…` function prop on a custom element), re-rendered with
 * new props without losing what the supporter typed. React is plain `createElement`: no JSX build step.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../widgets/petition/petition.ts';
import type { SuccessDetail } from '../../widgets/core/events.ts';
import type { LadderPetition } from '../../widgets/petition/petition.component.ts';
import { click, field, fill, part, person, until } from './helpers.ts';

type Props = Record<string, unknown> | null;
interface React {
  createElement: (type: unknown, props: Props, ...children: unknown[]) => unknown;
  useState: <T>(initial: T) => [T, (next: T | ((previous: T) => T)) => void];
  createRoot: (container: Element) => { render: (element: unknown) => void; unmount: () => void };
  version: string;
}

const reactUrl = '/__test/react.js';
const { createElement: h, useState, createRoot, version } = (await import(/* @vite-ignore */ reactUrl)) as React;

/** A partner's page: a button that shows the petition, one that switches its language, and a thank-you line. */
function App(): unknown {
  const [shown, setShown] = useState(false);
  const [lang, setLang] = useState('en');
  const [signed, setSigned] = useState<SuccessDetail | null>(null);
  return h(
    'main',
    null,
    h('button', { id: 'show', onClick: () => setShown(true) }, 'Sign our petition'),
    h('button', { id: 'french', onClick: () => setLang('fr') }, 'En français'),
    shown &&
      h('ladder-petition', {
        campaign: 'react',
        lang,
        'onladder-success': (event: CustomEvent<SuccessDetail>) => setSigned(event.detail),
      }),
    signed && h('p', { id: 'signed' }, `Signed! ${signed.count} so far.`),
  );
}

describe('<ladder-petition> in a React 19 app', () => {
  it('mounts on a state change, takes props, keeps typed values across re-renders, and signs', async () => {
    expect(version).to.match(/^19\./);
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    try {
      root.render(h(App, null));
      await waitUntil(() => container.querySelector('#show'), 'React rendered');
      expect(container.querySelector('ladder-petition')).to.equal(null);

      await click(container.querySelector('#show')!);
      await waitUntil(() => container.querySelector('ladder-petition'), 'mounted');
      const el = container.querySelector<LadderPetition>('ladder-petition')!;
      expect(el.getAttribute('campaign')).to.equal('react');
      expect(el.getAttribute('lang')).to.equal('en');
      await waitUntil(() => el.data && part(el, '[part=meter] strong').textContent, 'campaign loaded');

      const who = person();
      await fill(el, who);
      // A re-render with a new prop: React sets `lang`, the widget speaks French, and keeps what was typed.
      await click(container.querySelector('#french')!);
      await waitUntil(() => part(el, 'label[for=givenName]').textContent === 'Prénom', 'French labels');
      expect(el.getAttribute('lang')).to.equal('fr');
      expect(container.querySelector('ladder-petition')).to.equal(el);
      for (const [name, value] of Object.entries(who)) expect(field(el, name).value, name).to.equal(value);

      await click(part(el, '[part=submit]'));
      await until(el, 'success');
      expect(part(el, '[part=thanks] h2').textContent).to.equal('Merci d’avoir signé !');
      await waitUntil(() => container.querySelector('#signed'), 'React heard ladder-success');
      expect(container.querySelector('#signed')!.textContent).to.match(/^Signed! \d+ so far\.$/);
    } finally {
      root.unmount();
      container.remove();
    }
  });
});
