/** A call list's outcome reaches Action Network as an outreach with its tags; a text list's does not (no email consent). */
import { describe, expect, it } from 'vitest';
import { actionNetworkRequest } from '../../../functions/outbox/action-network.ts';

const outcome = (channel: 'call' | 'text') => ({
  id: '0192f3c4-5b6a-7c8d-9e0f-1a2b3c4d5e6f',
  type: 'followup.outcome',
  campaign: 'tenants-meeting',
  createdAt: '2026-12-03T15:00:00.000Z',
  payload: {
    supporterId: '0192f3c4-5b6a-7c8d-9e0f-000000000001',
    person: { email: 'ana@example.org', phone: '+14155550101', givenName: 'Ana' },
    consent: { contact: channel === 'call', sms: channel === 'text' },
    followup: { id: 'f', name: 'Did not come', channel },
    outcome: 'talked',
    tags: ['followup:talked', 'coming-back'],
  },
});

describe('Action Network and follow-ups', () => {
  const config = { apiKey: 'k', campaigns: { 'tenants-meeting': { advocacy_campaign: 'ac-1', tags: ['tenants'] } } };

  it('records a call outcome as an outreach with its tags', () => {
    expect(actionNetworkRequest(outcome('call'), config)).toEqual({
      path: 'advocacy_campaigns/ac-1/outreaches',
      body: {
        person: {
          identifiers: ['ladder:0192f3c4-5b6a-7c8d-9e0f-000000000001'],
          given_name: 'Ana',
          email_addresses: [{ address: 'ana@example.org', status: 'subscribed' }],
        },
        add_tags: ['tenants', 'followup:talked', 'coming-back'],
        type: 'phone',
      },
    });
  });

  it('sends nothing for a text list, whose people gave no consent to email', () => {
    expect(actionNetworkRequest(outcome('text'), config)).toBeNull();
  });
});
