/**
 * The organizing team (issue 11): roles and what the team API answers, for the functions and the dashboard alike.
 * owner: everything, people and roles included; organizer: campaigns, dashboard, exports, supporters, deliveries;
 * host: check-in, walk-ins and the attendee list of their own events; volunteer: their own account only (for now).
 */
import * as z from 'zod';
import { LANGS } from './limits.ts';
import { email, optionalLine } from './text.ts';

export const ROLES = ['owner', 'organizer', 'host', 'volunteer'] as const;
export type Role = (typeof ROLES)[number];

export interface TeamAccount {
  id: string;
  email: string;
  /** The name they go by (a follow-up's first text names its sender); null: none given. */
  name: string | null;
  role: Role;
  /** A host's events (campaign slugs). */
  events: string[];
  createdAt: string;
}

/** An API token as listed: never its secret, which is shown once, when it is created. */
export interface TeamToken {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** One line of the audit log: a target is a campaign's slug or an id, never a supporter's personal data. */
export interface AuditEntry {
  id: string;
  at: string;
  /** An account's email, or `token:<name>` for an API token. */
  actor: string;
  action: string;
  target: string | null;
  address: string | null;
}

/** `GET /api/auth/me`: who is signed in. */
export interface Me {
  email: string | null;
  /** The name the account goes by (null: none given, or an API token). */
  name: string | null;
  role: Role;
  events: string[];
}

/** The name a team member goes by: what their first text to a supporter says ("this is Maria from …"). */
export const teamName = optionalLine(80);

export const Invite = z.object({
  email,
  name: teamName,
  role: z.enum(ROLES, { error: 'invalid' }),
  events: z.array(z.string().max(120)).max(100).default([]),
});

/** `PUT /api/auth/me`: the signed-in person sets the name they go by (empty: none). */
export const MeChange = z.object({ name: teamName });

export const NewToken = z.object({
  name: z.string().trim().min(1, { error: 'required' }).max(80),
  role: z.enum(ROLES, { error: 'invalid' }),
});

/** Where a sign-in link opens: hosts at check-in (their events), everyone else at the dashboard in their language. */
export const signInPage = (role: string, lang: string): string =>
  role === 'host'
    ? '/checkin/'
    : `/organize/${(LANGS as readonly string[]).includes(lang) && lang !== 'en' ? `${lang}/` : ''}`;
