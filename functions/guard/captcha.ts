/**
 * The CAPTCHA check, asked for only when a submission looks risky (functions/guard/check.ts). Turnstile and
 * hCaptcha speak the same siteverify protocol: a form POST of `secret`, `response` and `remoteip`, answered with
 * JSON `{ "success": bool, "error-codes": [...], "challenge_ts", "hostname" }`.
 */

export interface CaptchaConfig {
  provider: 'turnstile' | 'hcaptcha';
  /** Public: the widget renders the challenge with it. */
  siteKey: string;
  secret: string;
  /** Default: the provider's own siteverify; tests point it at a local fake. */
  verifyUrl?: string;
  /** The script the widget loads to show the challenge. Default: the provider's own. */
  scriptUrl?: string;
}

export const VERIFY_URLS = {
  turnstile: 'https://challenges.cloudflare.com/turnstile/v0/siteverify',
  hcaptcha: 'https://api.hcaptcha.com/siteverify',
} as const;

/** The provider's verdict; `unavailable` when it could not be asked (down, slow, or an answer we cannot read). */
export type CaptchaVerdict = 'passed' | 'failed' | 'unavailable';

export async function verifyCaptcha(
  config: CaptchaConfig,
  response: string,
  ip: string | null,
): Promise<CaptchaVerdict> {
  const form = new URLSearchParams({ secret: config.secret, response });
  if (ip) form.set('remoteip', ip);
  try {
    const answer = await fetch(config.verifyUrl ?? VERIFY_URLS[config.provider], {
      method: 'POST',
      body: form,
      // A provider that hangs must not hold the supporter's request: after 5 s it counts as down.
      signal: AbortSignal.timeout(5000),
    });
    if (!answer.ok) return 'unavailable';
    const body = (await answer.json()) as { success?: unknown };
    if (typeof body?.success !== 'boolean') return 'unavailable';
    return body.success ? 'passed' : 'failed';
  } catch {
    return 'unavailable';
  }
}
