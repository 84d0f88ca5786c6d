import { css } from 'lit';
import { theme } from '../core/theme.ts';

export const styles = [
  theme,
  css`
    /* One line reserved before the campaign arrives. */
    [part~='title'],
    [part~='ask'] {
      min-block-size: 1lh;
    }
    .to,
    .goal {
      color: var(--ladder-muted);
    }
    /* Fixed height: nothing moves when the count arrives. */
    [part~='meter'] {
      display: grid;
      gap: 0.25em;
      block-size: 3.25em;
      align-content: start;
    }
    [part~='meter'] p {
      display: flex;
      justify-content: space-between;
      gap: var(--ladder-gap);
      block-size: 1.45em;
      overflow: hidden;
    }
    /* The native bar, colored with accent-color: no vendor pseudo-elements to style. */
    progress {
      display: block;
      inline-size: 100%;
      block-size: 0.75em;
      accent-color: var(--ladder-accent);
    }
    form,
    [part~='thanks'] {
      display: grid;
      gap: var(--ladder-gap);
    }
    .names {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
      gap: var(--ladder-gap);
    }
    .field {
      display: grid;
      gap: 0.25em;
      align-content: start;
    }
    .error {
      color: var(--ladder-error);
      font-size: 0.9em;
    }
    .error:empty {
      display: none;
    }
    .check {
      display: flex;
      gap: 0.5em;
      align-items: start;
      font-weight: 400;
    }
    .check input {
      inline-size: 1.25em;
      block-size: 1.25em;
      margin-block-start: 0.1em;
      flex: none;
      accent-color: var(--ladder-accent);
    }
    /* Out of the grid while empty (no gap), but still in the accessibility tree so that it is announced. */
    [part~='status']:empty {
      position: absolute;
    }
    .error-state [part~='status'] {
      color: var(--ladder-error);
    }
    [part~='thanks'] h2 {
      color: var(--ladder-success);
    }
    [part~='share'] {
      overflow-wrap: anywhere;
    }
  `,
];
