import { describe, expect, it } from 'vitest';
import { rungFor, type RungFacts } from '../../schema/funnel.ts';

const facts = (over: Partial<RungFacts> = {}): RungFacts => ({
  actions: 0,
  attended: false,
  volunteered: false,
  recruits: 0,
  leads: false,
  override: null,
  ...over,
});

describe('the ladder of engagement', () => {
  it('climbs with what people do', () => {
    expect(rungFor(facts())).toBe('contact');
    expect(rungFor(facts({ actions: 1 }))).toBe('supporter');
    expect(rungFor(facts({ actions: 2 }))).toBe('participant');
    expect(rungFor(facts({ actions: 1, attended: true }))).toBe('participant');
    expect(rungFor(facts({ actions: 1, volunteered: true }))).toBe('volunteer');
    expect(rungFor(facts({ actions: 1, recruits: 1 }))).toBe('volunteer');
    expect(rungFor(facts({ actions: 1, leads: true }))).toBe('leader');
  });

  it("lets an organizer's word win, both ways", () => {
    expect(rungFor(facts({ actions: 5, recruits: 3, override: 'supporter' }))).toBe('supporter');
    expect(rungFor(facts({ override: 'leader' }))).toBe('leader');
  });
});
