/**
 * The space embed.js reserves for each widget on a partner's page, so the text below it does not jump while the
 * widget loads and fetches its campaign (a widget's first render is shorter than the campaign it then shows).
 *
 * Heights are in units of the widget's font size (`--ladder-font-size`, 16px unless the partner themes it), as
 * measured by test/widgets/embed.test.ts on the test campaigns: the widest state before anyone touches the
 * widget, on a column at least 30em wide and on a phone. The reservation holds until the supporter first presses
 * or focuses something in the widget (embed.ts): what moves after that is the supporter's doing, which layout
 * shift does not count. A campaign taller than these (a long title, a survey whose first page has many
 * questions, an event with shifts) still grows once, by the difference.
 *
 * No imports: site/components/embed/csp.ts hashes this exact text for partners' Content-Security-Policy, and a
 * schema import would pull the shared chunk (Lit and the core) into embed.js (widgets/vite.config.ts).
 */
export const RESERVED: Record<string, [wide: number, phone: number]> = {
  'ladder-petition': [40, 50],
  'ladder-survey': [30.5, 35],
  'ladder-rsvp': [42.5, 57.5],
  'ladder-call': [29, 30.5],
  'ladder-letter': [31, 32.5],
};

/** Set by embed.ts on a widget once the supporter touches it: its reservation no longer applies. */
export const SIZED = 'data-ladder-sized';

/** Each kind's height as a custom property, so the one rule that sets `min-height` is written once. */
const heights = (i: 0 | 1) =>
  Object.entries(RESERVED)
    .map(([tag, h]) => `${tag}{--ladder-reserve:${h[i]}}`)
    .join('');

const tags = Object.keys(RESERVED).join();

/**
 * The `<style>` embed.js appends, and the embed page's snippet carries so the space is there at the page's first
 * paint, before the module script runs (site/pages/embed/[slug].astro). Short, since partners paste it.
 */
export const RESERVE_STYLE = `${tags}{display:block}${heights(0)}@media(max-width:30em){${heights(1)}}:is(${tags}):not([${SIZED}]){min-height:calc(var(--ladder-font-size,16px)*var(--ladder-reserve))}`;
