/** Defines `<ladder-letter>`. Import this module (or load `/embed.js`) to use the element. */
import { define } from '../core/define.ts';
import { LadderLetter } from './letter.component.ts';

export { LadderLetter };
define('ladder-letter', LadderLetter);

declare global {
  interface HTMLElementTagNameMap {
    'ladder-letter': LadderLetter;
  }
}
