/** Defines `<ladder-survey>`. Import this module (or load `/embed.js`) to use the element. */
import { define } from '../core/define.ts';
import { LadderSurvey } from './survey.component.ts';

export { LadderSurvey };
define('ladder-survey', LadderSurvey);

declare global {
  interface HTMLElementTagNameMap {
    'ladder-survey': LadderSurvey;
  }
}
