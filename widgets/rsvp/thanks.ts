/**
 * The confirmation after an RSVP: "You're going" (or waitlisted), the calendar file and links, the
 * private link to change or cancel, the share link and the next ask. Loaded once the supporter starts the form
 * (see `LadderRsvp`), so the widget's first download stays within its budget.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { RsvpResult } from '../../schema/actions.ts';
import type { PublicCampaign } from '../../schema/campaign.ts';
import { googleUrl, outlookUrl } from './calendar.ts';
import type { RsvpMessages } from './i18n/en.ts';

export function thanks(
  t: RsvpMessages & { next: string },
  data: PublicCampaign & { event: NonNullable<PublicCampaign['event']> },
  result: RsvpResult,
  /** `webUrl` (links.ts) against the API: passed in, so that this chunk imports nothing from the widget's. */
  webUrl: (url: string | undefined) => string | undefined,
): TemplateResult {
  const { event } = data;
  const status = result.rsvp.status === 'waitlisted' ? t.waitlisted : t.going;
  const { startsAt: start, endsAt: end } = event.shifts.find(({ id }) => id === result.rsvp.shift) ?? event;
  const { name, address, online } = event.location;
  const details = {
    title: data.title,
    details: `${data.summary}\n\n${webUrl(data.url) ?? ''}`,
    location: online ?? [name, address].filter(Boolean).join(', '),
    start,
    end,
  };
  const share = webUrl(result.shareUrl);
  const next = result.nextAsk;
  const nextUrl = webUrl(next?.url);
  const link = (href: string, text: string) =>
    html`<li><a href=${href} target="_blank" rel="noopener">${text}</a></li>`;
  return html`<div part="thanks">
    <h2 tabindex="-1">${status}</h2>
    <p>${t.calendar}</p>
    <ul part="calendar">
      <li><a href=${webUrl(result.icsUrl) ?? nothing} download>${t.ics}</a></li>
      ${link(googleUrl(details), 'Google Calendar')} ${link(outlookUrl(details), 'Outlook.com')}
    </ul>
    <p><a part="manage" href=${webUrl(result.rsvp.manageUrl) ?? nothing}>${t.manage}</a></p>
    ${share ? html`<p>${t.share} <a part="share" href=${share} dir="ltr">${share}</a></p>` : nothing}
    ${next && nextUrl ? html`<p part="next">${t.next} <a href=${nextUrl} dir="auto">${next.title}</a></p>` : nothing}
  </div>`;
}
