import { css } from 'lit';
import { theme } from '../core/theme.ts';

/** The form's pages. The last page's and the thank-you's come with them (`styles` in survey.steps.ts). */
export const styles = [
  theme,
  css`
    /* Pages and questions hidden with the attribute stay hidden whatever display the rules below give them. */
    [hidden] {
      display: none !important;
    }
    [part~='title'] {
      min-block-size: 1lh;
    }
    [part~='summary'],
    .hint,
    .optional,
    [part~='progress'] p {
      color: var(--ladder-muted);
    }
    .optional {
      font-weight: 400;
    }
    form,
    .page {
      display: grid;
      gap: var(--ladder-gap);
    }
    h3 {
      margin: 0;
      font-size: 1.1em;
    }
    fieldset {
      display: grid;
      gap: 0.4em;
      margin: 0;
      padding: 0;
      border: 0;
      min-inline-size: 0;
    }
    legend {
      padding: 0;
      margin-block-end: 0.4em;
      font-weight: 600;
    }
    progress {
      inline-size: 100%;
      accent-color: var(--ladder-accent);
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
    input[type='radio'],
    input[type='checkbox'] {
      inline-size: 1.25em;
      block-size: 1.25em;
      margin-block-start: 0.1em;
      flex: none;
      accent-color: var(--ladder-accent);
    }
    /* A scale: its points in a row, each number under its radio, the ends' meanings above. */
    .ends {
      display: flex;
      justify-content: space-between;
      gap: var(--ladder-gap);
      font-size: 0.9em;
      color: var(--ladder-muted);
    }
    .points {
      display: flex;
      justify-content: space-between;
      gap: 0.25em;
    }
    .points .check {
      flex-direction: column;
      align-items: center;
      min-inline-size: 2.75em;
    }
    .nav {
      display: flex;
      flex-wrap: wrap;
      gap: var(--ladder-gap);
    }
    .secondary {
      background: transparent;
      color: var(--ladder-accent);
      box-shadow: inset 0 0 0 2px var(--ladder-accent);
    }
    /* Out of the grid while empty (no gap), but still in the accessibility tree so that it is announced. */
    [part~='status']:empty {
      position: absolute;
    }
    .error-state [part~='status'] {
      color: var(--ladder-error);
    }
  `,
];
