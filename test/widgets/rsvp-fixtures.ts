/**
 * The event campaigns the RSVP browser tests use (spread into campaigns.ts), validated by the real schema: a
 * meeting in Chicago, a tiny one for the waitlist, one with volunteer shifts, one online, one for the offline
 * outbox, one closed. Dates are in 2027, ahead of any run.
 */
import { Campaign, type CampaignEntry } from '../../schema/campaign.ts';

const event = (slug: string, fields: Record<string, unknown> = {}, details: Record<string, unknown> = {}) =>
  ({
    ...Campaign.parse({
      kind: 'event',
      title: `Event ${slug}`,
      summary: 'Tenants meet to vote on our demands.',
      region: 'US',
      consent: { text: 'Keep me updated about the tenants’ union.', version: '2026-12-01' },
      event: {
        start: '2027-02-18 18:30',
        end: '2027-02-18 20:30',
        timezone: 'America/Chicago',
        location: { name: 'Eastside Branch Library', address: '1420 Alder Avenue, Riverton' },
        host: 'Maple Court Tenants’ Union',
        capacity: 40,
        maxGuests: 3,
        ...details,
      },
      ...fields,
    }),
    slug,
  }) as CampaignEntry;

export const rsvpCampaigns: CampaignEntry[] = [
  event('rsvp-meeting', { nextAsks: ['library'] }),
  event('rsvp-small', {}, { capacity: 2, maxGuests: 2 }),
  event(
    'rsvp-shifts',
    { title: 'Canvass day' },
    {
      capacity: undefined,
      shifts: [
        { id: 'morning', label: 'Morning canvass', start: '2027-03-06 09:00', end: '2027-03-06 12:00', capacity: 1 },
        { id: 'afternoon', label: 'Afternoon canvass', start: '2027-03-06 13:00', end: '2027-03-06 16:00' },
      ],
      start: '2027-03-06 09:00',
      end: '2027-03-06 16:00',
    },
  ),
  event(
    'rsvp-online',
    { lang: 'fr', title: 'Réunion en ligne' },
    {
      timezone: 'Europe/Paris',
      location: { online: 'https://meet.example.org/locataires' },
      host: undefined,
      capacity: undefined,
      maxGuests: 0,
    },
  ),
  event('rsvp-offline'),
  event('rsvp-closed', { status: 'closed' }),
];
