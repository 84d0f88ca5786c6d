/** Defines `<ladder-rsvp>`. Import this module (or load `/embed.js`) to use the element. */
import { define } from '../core/define.ts';
import { LadderRsvp } from './rsvp.component.ts';

export { LadderRsvp };
define('ladder-rsvp', LadderRsvp);

declare global {
  interface HTMLElementTagNameMap {
    'ladder-rsvp': LadderRsvp;
  }
}
