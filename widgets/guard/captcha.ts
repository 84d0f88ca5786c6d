/**
 * The CAPTCHA challenge, shown in the widget's form when the server asks for one (`captcha_required`): a chunk of
 * its own, loaded only then, with the provider's script (Turnstile or hCaptcha, both `render(el, { sitekey,
 * callback })`). The challenge sits in a labelled group that takes the focus, so keyboard and screen-reader users
 * land on it; its prompt says the submission goes out as soon as it is solved.
 *
 * Known limit: the provider's script runs in the page (that is how both providers work) and renders into the
 * widget's shadow root; a partner page whose Content-Security-Policy refuses the provider's origin shows the prompt
 * but no challenge, and the submission waits in the outbox.
 */
import type { ErrorBody } from '../../schema/errors.ts';

type Captcha = NonNullable<ErrorBody['error']['captcha']>;

interface Provider {
  render(element: HTMLElement, options: { sitekey: string; callback: (response: string) => void }): unknown;
}

const SCRIPTS = {
  turnstile: 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit',
  hcaptcha: 'https://js.hcaptcha.com/1/api.js?render=explicit',
};

/** The group's label and the prompt, in the widget's languages. */
const TEXT: Record<string, [string, string]> = {
  en: ['Security check', 'Please confirm you are a person: we send as soon as you do.'],
  es: ['Verificación de seguridad', 'Confirma que eres una persona: enviaremos en cuanto lo hagas.'],
  fr: ['Vérification de sécurité', 'Confirmez que vous êtes une personne : nous envoyons dès que c’est fait.'],
  ar: ['تحقق أمني', 'يرجى تأكيد أنك شخص: سنرسل فور قيامك بذلك.'],
};

let loading: Promise<Provider> | undefined;

function load({ provider, script }: Captcha): Promise<Provider> {
  const global = globalThis as unknown as Record<string, Provider | undefined>;
  return (loading ??= new Promise((resolve, reject) => {
    if (global[provider]) return resolve(global[provider]);
    const element = document.createElement('script');
    element.src = script ?? SCRIPTS[provider];
    element.async = true;
    element.onload = () => resolve(global[provider]!);
    element.onerror = () => {
      loading = undefined;
      reject(new Error(`[ladder E002] could not load the ${provider} script`));
    };
    document.head.append(element);
  }));
}

export async function challenge(host: HTMLElement, captcha: Captcha, solved: (response: string) => void) {
  // The form; the call widget's outcome buttons are not in one: then the widget's wrapper.
  const place = host.shadowRoot?.querySelector('form') ?? host.shadowRoot?.querySelector('[part=base]');
  if (!place) return;
  place.querySelector('.captcha')?.remove();
  const [label, prompt] = TEXT[(host as unknown as { language?: string }).language ?? 'en'] ?? TEXT.en;
  const box = document.createElement('div');
  box.className = 'captcha';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', label);
  box.tabIndex = -1;
  const text = document.createElement('p');
  text.textContent = prompt;
  const slot = document.createElement('div');
  box.append(text, slot);
  // Before the row of the submit button (or the status line): outside every part Lit re-renders.
  const row = [...place.children].find(
    (child) => child.matches('[part=status]') || child.querySelector('[part=submit]'),
  );
  place.insertBefore(box, row ?? null);
  box.focus();
  const provider = await load(captcha);
  provider.render(slot, {
    sitekey: captcha.siteKey,
    callback: (response) => {
      box.remove();
      solved(response);
    },
  });
}
