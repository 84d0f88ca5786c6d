/**
 * The honeypot field (functions/guard/decoy.ts): off-screen (not `display: none`, which form-filling bots skip),
 * hidden from assistive technology, out of the tab order, never autofilled, and labelled for whoever reaches it
 * anyway. The outbox sends its value with the submission; a person's is always empty.
 */
import { html, type TemplateResult } from 'lit';
import { HONEYPOT } from '../../schema/errors.ts';

export const honeypot = (label: string): TemplateResult =>
  html`<label aria-hidden="true">
    ${label}
    <input name=${HONEYPOT} tabindex="-1" autocomplete="off" />
  </label>`;
