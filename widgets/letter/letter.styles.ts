import { css } from 'lit';
import { theme } from '../core/theme.ts';

/**
 * The first form's styles (the call widget's, written again: importing them from call/ would split them into a
 * chunk of their own that the call widget pays for too). The steps after it bring theirs (letter.views.ts).
 */
export const styles = [
  theme,
  css`
    .muted {
      color: var(--ladder-muted);
    }
    form,
    fieldset,
    .field {
      display: grid;
      gap: var(--ladder-gap);
    }
    fieldset {
      margin: 0;
      padding: var(--ladder-gap);
      border: 1px solid var(--ladder-border);
      border-radius: var(--ladder-radius);
    }
    legend {
      padding: 0 0.25em;
      font-weight: 600;
    }
    .field {
      gap: 0.25em;
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
  `,
];
