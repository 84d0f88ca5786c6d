/**
 * The editor says the build's messages in the organizer's language (site/lib/editor/issues.ts): every message the
 * campaign schema gives for these broken campaigns, of every kind, has its Spanish, French and Arabic words, and
 * the parts of the file in a message (ids, field names) stay as written.
 */
import { describe, expect, it } from 'vitest';
import { Campaign } from '../../schema/campaign.ts';
import { issueMessage } from '../../schema/authoring.ts';
import { localizeIssue } from '../../site/lib/editor/issues.ts';

const consent = { text: 'Keep me updated.', version: '2026-12-01' };
const base = { title: 'T', summary: 'S', consent };
const broken: unknown[] = [
  {},
  { kind: 'petition' },
  {
    kind: 'petition',
    title: '',
    summary: '',
    consent: { text: '', version: '' },
    petition: { to: '', ask: '' },
    partners: ['https://partner.example/page'],
    lang: 'xx',
    status: 'paused',
    goal: 'many',
    deadline: 'soon',
    region: 'usa',
    retentionDays: 0,
    doubleOptIn: 'yes',
    dealine: 1,
    coalition: [{ name: '', origin: '' }],
    strategy: { benchmarks: [{ label: '', type: 'other' }], allies: 5 },
  },
  { ...base, title: 'x'.repeat(201), summary: 'x'.repeat(501), kind: 'petition', petition: { to: 'a', ask: 'b' } },
  { ...base, kind: 'survey' },
  { ...base, kind: 'survey', survey: { pages: [] } },
  {
    ...base,
    kind: 'survey',
    survey: {
      pages: [
        { questions: [] },
        {
          questions: [
            { id: 'a', type: 'single', label: '' },
            { id: 'a', type: 'bogus', label: 'x' },
            { id: 'b', type: 'text', label: 'x', showIf: { question: 'z', equals: '1' } },
            { id: 'c', type: 'scale', label: 'x', min: 1, max: 50 },
            { id: '-', type: 'single', label: 'x', options: [{ value: 'v', label: '' }, 5] },
          ],
        },
      ],
    },
  },
  { ...base, kind: 'event' },
  {
    ...base,
    kind: 'event',
    event: {
      start: 'tomorrow',
      end: '2020-01-01 10:00',
      timezone: 'Mars/Olympus',
      location: {},
      shifts: [
        { id: 'a', label: 'A', start: '2031-01-01 10:00', end: '2031-01-01 09:00' },
        { id: 'a', label: 'B', start: '2031-01-01 10:00', end: '2031-01-01 11:00' },
      ],
    },
  },
  { ...base, kind: 'call' },
  { ...base, kind: 'call', call: { script: '' } },
  {
    ...base,
    kind: 'call',
    call: { script: '', targets: [{ id: '', name: '', title: '', phones: [{ number: '' }], offices: [{}] }, {}] },
  },
  { ...base, kind: 'letter' },
  {
    ...base,
    kind: 'letter',
    letter: {
      subject: '',
      text: '',
      editing: 'maybe',
      sending: { from: 'nobody' },
      targets: [{ id: 'a', name: 'n', title: 't', email: 'bad', contactForm: 'x' }],
    },
  },
  {
    ...base,
    kind: 'letter',
    letter: {
      subject: 's',
      text: 't',
      sending: { from: 'a@b.example' },
      targets: [{ id: 'a', name: 'n', title: 't' }],
    },
  },
];

const messages = [
  ...new Set(
    broken.flatMap((input) => Campaign.safeParse(input, { reportInput: true }).error?.issues.map(issueMessage) ?? []),
  ),
];

describe('the editor says the build’s messages in es, fr and ar', () => {
  it('finds many messages to check', () => {
    expect(messages.length).toBeGreaterThan(40);
  });
  for (const lang of ['es', 'fr', 'ar'] as const) {
    it(`translates every one into ${lang}`, () => {
      expect(messages.filter((message) => localizeIssue(message, lang) === message)).toEqual([]);
    });
  }
  it('keeps the file’s own words (ids, values) in a message', () => {
    expect(localizeIssue('a is used twice', 'fr')).toBe('a est utilisé deux fois');
    expect(localizeIssue('no campaign file is named fix-it.md', 'es')).toBe(
      'ningún archivo de campaña se llama fix-it.md',
    );
    expect(localizeIssue('write the demand in one sentence', 'en')).toBe('write the demand in one sentence');
  });
});
