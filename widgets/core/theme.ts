/**
 * Theme tokens and hardening shared by every widget. Defaults are `--ladder-*` custom properties on `:host`, so a
 * host page restyles a widget on purpose (`ladder-petition { --ladder-accent: teal }`) but never by accident.
 * The host's selectors cannot reach inside the shadow root; two things cross it: inheritance, and the host's rules
 * that match the element itself, which beat `:host` (`* { font: inherit; line-height: 1 }` in WordPress themes).
 * So the wrapper (`part="base"`) starts again from `all: initial` and sets the font and color itself, and sizes are
 * in px/em from `--ladder-font-size`, never rem (Bootstrap 3 sets `html { font-size: 10px }`). The rules below set
 * the few properties the browser's own defaults leave to inheritance or style oddly.
 * Logical properties only, so right-to-left languages lay out correctly.
 */
import { css } from 'lit';

export const theme = css`
  :host {
    all: initial;
    display: block;
    --ladder-font-size: 16px;
    --ladder-font-family: system-ui, sans-serif;
    --ladder-color: #1d1d1f;
    --ladder-muted: #5c5c66;
    --ladder-background: #fff;
    --ladder-accent: #b3261e;
    --ladder-accent-contrast: #fff;
    --ladder-border: #8c8c96;
    --ladder-error: #b3001b;
    --ladder-success: #17693a;
    --ladder-radius: 0.375em;
    --ladder-gap: 0.75em;
    --ladder-focus: #1a5fd6;
    background: var(--ladder-background);
  }
  :host([hidden]) {
    display: none;
  }
  /* The honeypot (core/honeypot.ts), the one hidden label: a physical left, off-screen in either direction. */
  label[aria-hidden] {
    position: absolute;
    left: -9999px;
  }
  * {
    box-sizing: border-box;
  }
  [part~='base'] {
    all: initial;
    font: 400 var(--ladder-font-size) / 1.45 var(--ladder-font-family);
    color: var(--ladder-color);
    display: grid;
    gap: var(--ladder-gap);
    padding: var(--ladder-gap);
  }
  /* While the campaign is on its way (no title, the wrapper's one h2, and no status yet) nothing shows: it then
     appears at once in the space embed.js reserved, instead of empty lines and a form that the campaign's text
     pushes down. If it cannot be loaded, the form shows under the status's message, as before (a refused origin
     is told so on submitting). */
  :has(> h2:empty ~ [role]:empty) > :not([role]) {
    display: none;
  }
  h2,
  p {
    margin: 0;
    font: inherit;
  }
  h2 {
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.25;
  }
  input,
  textarea,
  select,
  button {
    font: inherit;
    color: inherit;
    margin: 0;
  }
  input:not([type='checkbox'], [type='radio']),
  textarea,
  select {
    display: block;
    inline-size: 100%;
    min-block-size: 2.5em;
    padding: 0.4em 0.6em;
    border: 1px solid var(--ladder-border);
    border-radius: var(--ladder-radius);
    background: var(--ladder-background);
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--ladder-error);
    border-inline-start-width: 4px;
  }
  :focus-visible {
    outline: 3px solid var(--ladder-focus);
    outline-offset: 1px;
  }
  button {
    min-block-size: 2.75em;
    padding: 0.5em 1.25em;
    border: 0;
    border-radius: var(--ladder-radius);
    background: var(--ladder-accent);
    color: var(--ladder-accent-contrast);
    font-weight: 700;
    cursor: pointer;
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  a {
    color: var(--ladder-accent);
  }
  label {
    display: block;
    font-weight: 600;
  }
`;
