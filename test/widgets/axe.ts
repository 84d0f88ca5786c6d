/**
 * axe-core in the test page: its own `axe.min.js`, loaded with a script tag (it is a browser script, not a
 * module), then run on one element. axe reports violations inside open shadow roots.
 */
import type * as Axe from 'axe-core';
import { sendKeys } from '@web/test-runner-commands';

// Not declared on `Window`: other tests' helpers declare it their own way.
const loaded = () => (window as unknown as { axe?: typeof Axe }).axe;

async function loadAxe(): Promise<typeof Axe> {
  const axe = loaded();
  if (axe) return axe;
  await new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
  return loaded()!;
}

/** Every violation axe finds in the element, as readable lines (empty when there are none). */
export async function violations(el: Element): Promise<string[]> {
  const axe = await loadAxe();
  const results: Axe.AxeResults = await axe.run(el, { resultTypes: ['violations'] });
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** The element that has the focus, through shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Real key presses. */
export const press = (key: string) => sendKeys({ press: key });
export const tab = () => press('Tab');
export async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await press('Tab');
  await sendKeys({ up: 'Shift' });
}
