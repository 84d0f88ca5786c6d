/** Defines `<ladder-petition>`. Import this module (or load `/embed.js`) to use the element. */
import { define } from '../core/define.ts';
import { LadderPetition } from './petition.component.ts';

export { LadderPetition };
define('ladder-petition', LadderPetition);

declare global {
  interface HTMLElementTagNameMap {
    'ladder-petition': LadderPetition;
  }
}
