/**
 * The one script a partner pastes: `<script type="module" src="https://campaign.example/embed.js"></script>`.
 * It loads only the widgets whose tags are on the page, now or later (pages built by React and the like add them
 * after load), and reserves their space before they load so the partner's page does not jump (./reserve.ts).
 */
import { RESERVE_STYLE, SIZED } from './reserve.ts';

const widgets: Record<string, () => Promise<unknown>> = {
  'ladder-petition': () => import('./petition/petition.ts'),
  'ladder-survey': () => import('./survey/survey.ts'),
  'ladder-rsvp': () => import('./rsvp/rsvp.ts'),
  'ladder-call': () => import('./call/call.ts'),
  'ladder-letter': () => import('./letter/letter.ts'),
};

const style = document.createElement('style');
style.textContent = RESERVE_STYLE;
document.head.append(style);

// The supporter's first press or focus in a widget ends its reservation: the widget takes its own height from then
// on (a shorter thanks, a longer next page), a move that follows the supporter's input and that they expect.
const release = (event: Event) => {
  for (const node of event.composedPath()) {
    if (node instanceof Element && node.localName in widgets) node.setAttribute(SIZED, '');
  }
};
addEventListener('pointerdown', release, true);
addEventListener('focusin', release, true);

const pending = new Set(Object.keys(widgets));

// Live collections: checking their length after each batch of DOM changes costs next to nothing.
function scan(): void {
  for (const tag of pending) {
    if (!document.getElementsByTagName(tag).length) continue;
    pending.delete(tag);
    widgets[tag]().catch((error: unknown) => console.error(`[ladder E001] could not load <${tag}>`, error));
  }
  if (!pending.size) observer.disconnect();
}

const observer = new MutationObserver(scan);
observer.observe(document.documentElement, { childList: true, subtree: true });
scan();
