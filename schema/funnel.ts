/**
 * The ladder of engagement (DESIGN.md, "The ladder"). A supporter's rung is computed from what they did, across
 * every campaign; an organizer's override wins. Widget-safe: no imports.
 */
export const RUNGS = ['contact', 'supporter', 'participant', 'volunteer', 'leader'] as const;
export type Rung = (typeof RUNGS)[number];

export const isRung = (value: unknown): value is Rung => (RUNGS as readonly unknown[]).includes(value);

/** What the rung is computed from. */
export interface RungFacts {
  /** Signatures, responses, calls and RSVPs. */
  actions: number;
  /** Checked in at an event at least once. */
  attended: boolean;
  /** Said yes to a high-barrier ask (the survey's "Would you help?"), or tagged `volunteer`. */
  volunteered: boolean;
  /** People who acted after following this supporter's share link. */
  recruits: number;
  /** Tagged `leader` (hosts, leads a team). */
  leads: boolean;
  override: Rung | null;
}

export function rungFor(facts: RungFacts): Rung {
  if (facts.override) return facts.override;
  if (facts.leads) return 'leader';
  if (facts.volunteered || facts.recruits > 0) return 'volunteer';
  if (facts.attended || facts.actions > 1) return 'participant';
  if (facts.actions > 0) return 'supporter';
  return 'contact';
}
