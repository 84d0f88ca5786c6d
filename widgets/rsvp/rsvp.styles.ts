import { css } from 'lit';
import { theme } from '../core/theme.ts';

export const styles = [
  theme,
  css`
    /* Lines reserved before the event arrives, and kept when the time zone switches after hydration. */
    p,
    .l {
      display: block;
      min-block-size: 1lh;
    }
    .muted,
    [part~='host'] {
      color: var(--ladder-muted);
    }
    [part~='when'],
    [part~='spots'] {
      font-weight: 600;
    }
    form,
    fieldset,
    [part~='thanks'] {
      display: grid;
      gap: var(--ladder-gap);
      margin: 0;
      padding: 0;
      border: 0;
    }
    legend {
      padding: 0;
      font-weight: 600;
    }
    .names {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
      gap: var(--ladder-gap);
    }
    .error {
      color: var(--ladder-error);
      font-size: 0.9em;
    }
    .error:empty,
    [hidden] {
      display: none;
    }
    .check {
      display: flex;
      gap: 0.5em;
      font-weight: 400;
    }
    .check input {
      inline-size: 1.25em;
      block-size: 1.25em;
      flex: none;
      accent-color: var(--ladder-accent);
    }
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
