/**
 * The "your data" page in the browser: with the link's token, a button that downloads the JSON; without one (or
 * once it has expired), the form that asks for a link. Every outcome is said in the `role=status` region.
 */
import type { Lang } from '../../../schema/limits.ts';
import { dataStrings } from './_strings.ts';

const postJson = (url: string, body: object) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export function startDataPage(root: HTMLElement, api = ''): void {
  const t = dataStrings(document.documentElement.lang as Lang);
  const download = root.querySelector<HTMLElement>('.download')!;
  const form = root.querySelector('form')!;
  const email = form.querySelector('input')!;
  const error = form.querySelector<HTMLElement>('.error')!;
  const message = root.querySelector<HTMLElement>('.message')!;
  const token = new URLSearchParams(location.search).get('t');
  download.hidden = !token;
  form.hidden = !!token;

  download.querySelector('button')!.addEventListener('click', async () => {
    try {
      const response = await postJson(`${api}/api/me/export/download`, { token });
      if (response.status === 404 || response.status === 422) {
        download.hidden = true;
        form.hidden = false;
        message.textContent = t.notFound;
        return;
      }
      if (!response.ok) throw new Error(`${response.status}`);
      // The file is made here, from the answer: the token never travels in a URL.
      const url = URL.createObjectURL(await response.blob());
      Object.assign(document.createElement('a'), { href: url, download: 'my-data.json' }).click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      message.textContent = t.downloaded;
    } catch {
      message.textContent = t.failed;
    }
  });

  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    email.value = email.value.trim();
    const invalid = !email.checkValidity();
    email.setAttribute('aria-invalid', String(invalid));
    if (invalid) email.setAttribute('aria-describedby', 'email-error');
    else email.removeAttribute('aria-describedby');
    error.textContent = invalid ? t.invalidEmail : '';
    if (invalid) return email.focus();
    busy = true;
    message.textContent = t.sending;
    try {
      const response = await postJson(`${api}/api/me/export`, { email: email.value });
      if (response.status === 422) {
        email.setAttribute('aria-invalid', 'true');
        email.setAttribute('aria-describedby', 'email-error');
        error.textContent = t.invalidEmail;
        message.textContent = '';
        return email.focus();
      }
      if (response.status === 503 && (await response.json()).error?.code === 'email_unavailable') {
        message.textContent = t.noEmail;
        return;
      }
      if (!response.ok) throw new Error(`${response.status}`);
      message.textContent = t.asked;
    } catch {
      message.textContent = t.failed;
    } finally {
      busy = false;
    }
  });
  // The form is on the page from the first paint (showing it later moved the footer); it sends once this runs.
  form.querySelector('button')!.disabled = false;
}
