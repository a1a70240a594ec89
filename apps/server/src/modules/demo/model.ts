import type { Case } from '@switchboard/contracts';

/** The shapes the demo data files are written in; seed.ts turns them into use-case calls. */

export type TeamKey = 'billing' | 'technical' | 'returns' | 'reservations' | 'sales';

export type StaffKey = 'admin' | 'sabine' | 'elif' | 'jonas' | 'lukas' | 'mari' | 'andres' | 'emre' | 'ayse' | 'oliver' | 'charlotte';

export type StatusKey = 'waitingForParts' | 'awaitingApproval' | 'refundIssued';

export type Language = 'en' | 'de' | 'et' | 'tr';

export type FieldValue = string | number | boolean;

export interface TeamSeed {
  key: TeamKey;
  name: string;
  description: string;
}

export interface StaffSeed {
  key: StaffKey;
  email: string;
  name: string;
  role: 'admin' | 'supervisor' | 'agent';
  language: Language;
  timeZone: string;
  teams: TeamKey[];
}

export interface OrganizationSeed {
  key: string;
  name: string;
  domains: string[];
  tier: 'standard' | 'gold' | 'platinum';
  notes: string;
  tags: string[];
}

/** A customer; what is left out stays empty on purpose, so "missing fields" has work to show. */
export interface CustomerSeed {
  key: string;
  name: string;
  emails?: string[];
  phones?: Array<{ phone: string; label: string }>;
  language?: Language;
  timeZone?: string;
  tags?: string[];
  notes?: string;
  customerNumber?: string;
  loyaltyTier?: 'bronze' | 'silver' | 'gold';
  organizations?: string[];
  /** The agent whose assigned customer base this customer belongs to. */
  owner?: StaffKey;
}

/** Property changes an agent (or the system) makes on a case. */
export interface CaseChangeSeed {
  status?: 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';
  /** A custom status (its category becomes the status); null clears it. */
  customStatus?: StatusKey | null;
  assignee?: StaffKey | null;
  team?: TeamKey;
  priority?: Case['priority'];
  addTags?: string[];
  fields?: Record<string, FieldValue>;
}

/**
 * One thing that happens on a case, in order:
 * - `in`: the customer writes or says something; `by` is the agent who logged it (a call, the counter),
 *   otherwise it arrived by itself (email, chat, portal);
 * - `out`: an agent's reply (or what the agent said on the phone / at the counter);
 * - `note`: an internal note, e.g. a troubleshooting step;
 * - `set`: property changes.
 */
export type StepSeed =
  | { in: string; by?: StaffKey; channel?: Case['channel'] }
  | { out: string; by: StaffKey; channel?: Case['channel'] }
  | { note: string; by: StaffKey }
  | { set: CaseChangeSeed; by: StaffKey };

export interface CaseSeed {
  key: string;
  subject: string;
  requester: string;
  channel: Exclude<Case['channel'], 'api'>;
  team: TeamKey | null;
  priority?: Case['priority'];
  tags?: string[];
  fields?: Record<string, FieldValue>;
  /** The agent who opened the case (logging a call or a counter visit); unset: it arrived by itself. */
  openedBy?: StaffKey;
  /** Assigned when opened (only together with openedBy). */
  assignee?: StaffKey;
  /** The first message: what the customer said, or (outbound) what we said first. */
  first: { body: string; direction?: 'inbound' | 'outbound' };
  steps?: StepSeed[];
}
