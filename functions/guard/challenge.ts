/**
 * What a risky submission must pass: a CAPTCHA, when a provider is configured (without one, a soft risk passes
 * and the rate limits alone hold).
 *
 * Risks are `soft` (a burst from one IP, no `Origin`: a person may well be behind them) or `strong` (a disposable
 * email under the `captcha` policy). When the provider cannot be reached, a soft risk passes (fail-open: the hard
 * per-IP and per-email limits still cap it) and a strong one is answered 503 `captcha_unavailable` with
 * `Retry-After` (fail-closed, yet nothing is lost: the widget's outbox keeps the submission and resends it).
 */
import type { ErrorBody } from '../../schema/errors.ts';
import { ApiError } from '../errors.ts';
import { type CaptchaConfig, verifyCaptcha } from './captcha.ts';
import type { GuardOptions } from './config.ts';

export type Risk = 'soft' | 'strong';

/** 403 `captcha_required`, with what the widget needs to show the challenge. */
class CaptchaRequired extends ApiError {
  readonly #captcha: CaptchaConfig;

  constructor(captcha: CaptchaConfig, message: string) {
    super('captcha_required', message);
    this.#captcha = captcha;
  }

  override toBody(): ErrorBody {
    const body = super.toBody();
    const { provider, siteKey, scriptUrl } = this.#captcha;
    body.error.captcha = { provider, siteKey, ...(scriptUrl ? { script: scriptUrl } : {}) };
    return body;
  }
}

export async function challenge(
  guard: GuardOptions,
  risks: Risk[],
  response: string | undefined,
  ip: string | null,
): Promise<void> {
  const { captcha } = guard;
  if (!captcha) return;
  if (!response) throw new CaptchaRequired(captcha, 'Complete the CAPTCHA and send again with its answer.');
  const verdict = await verifyCaptcha(captcha, response, ip);
  if (verdict === 'passed') return;
  if (verdict === 'failed') throw new CaptchaRequired(captcha, 'The CAPTCHA did not pass: try it again.');
  if (risks.includes('strong')) {
    throw new ApiError('captcha_unavailable', 'The CAPTCHA service cannot be reached: retry after Retry-After.', {
      headers: { 'Retry-After': '60' },
    });
  }
}
