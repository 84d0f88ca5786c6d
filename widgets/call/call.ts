/** Defines `<ladder-call>`. Import this module (or load `/embed.js`) to use the element. */
import { define } from '../core/define.ts';
import { LadderCall } from './call.component.ts';

export { LadderCall };
define('ladder-call', LadderCall);

declare global {
  interface HTMLElementTagNameMap {
    'ladder-call': LadderCall;
  }
}
