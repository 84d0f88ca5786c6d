/**
 * The one script a partner pastes: `<script type="module" src="https://campaign.example/embed.js"></script>`.
 * It loads only the widgets whose tags are on the page, now or later (pages built by React and the like add them
 * after load), and reserves their space before they load so the partner's page does not jump.
 */
const widgets: Record<string, () => Promise<unknown>> = {
  'ladder-petition': () => import('./petition/petition.ts'),
  'ladder-survey': () => import('./survey/survey.ts'),
  'ladder-rsvp': () => import('./rsvp/rsvp.ts'),
  'ladder-call': () => import('./call/call.ts'),
};

const style = document.createElement('style');
// Roughly the height of a petition form at its usual width; the element sets its own size once defined.
style.textContent = `${Object.keys(widgets).join(':not(:defined),')}:not(:defined){display:block;min-height:38em}`;
document.head.append(style);

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
