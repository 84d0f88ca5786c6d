/**
 * The one button of the pages a link in an email opens (/confirm/, /unsubscribe/). The link's code (`t`) stays in
 * the page until the button is pressed, since mail scanners open links and some run their scripts; then one request
 * per press, and every outcome said in the `role=status` region. The button is in the page, disabled, from the first
 * paint (showing it later moved the footer); a link without its code leaves it so, and the status line says why.
 */
export interface LinkButtonWords {
  missing: string;
  sending: string;
  notFound: string;
  failed: string;
}

/** `send` makes the request with the token; `done` shows what an accepted answer means. */
export function linkButton(
  root: HTMLElement,
  words: LinkButtonWords,
  send: (token: string) => Promise<Response>,
  done: (response: Response) => Promise<void>,
): void {
  const button = root.querySelector('button')!;
  const message = root.querySelector<HTMLElement>('.message')!;
  const token = new URLSearchParams(location.search).get('t');
  if (!token) {
    message.textContent = words.missing;
    return;
  }
  button.disabled = false;
  let busy = false;
  button.addEventListener('click', async () => {
    if (busy) return;
    busy = true;
    button.setAttribute('aria-disabled', 'true');
    message.textContent = words.sending;
    try {
      const response = await send(token);
      if (response.status === 404 || response.status === 422) {
        button.hidden = true;
        message.textContent = words.notFound;
        return;
      }
      if (!response.ok) throw new Error(`${response.status}`);
      await done(response);
      button.hidden = true;
    } catch {
      message.textContent = words.failed;
    } finally {
      busy = false;
      button.removeAttribute('aria-disabled');
    }
  });
}
