import type { Action, AutomationRule, Conditions } from '@switchboard/contracts';
import type { Queryable } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { CaseFacts } from './conditions.ts';

export interface RuleRow {
  id: string;
  name: string;
  description: string;
  kind: 'trigger' | 'time';
  event: AutomationRule['event'];
  conditions: Conditions;
  actions: Action[];
  time_zone: string;
  enabled: boolean;
  position: number;
  fired_count: number;
  last_fired_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const ruleSelect = `select r.*,
    (select count(*)::int from automation_firings f where f.rule_id = r.id and f.acted) as fired_count,
    (select max(f.fired_at) from automation_firings f where f.rule_id = r.id and f.acted) as last_fired_at
  from automation_rules r`;

/** The rules as the runners need them, without the firing statistics (cheap, per event). */
export const activeRuleSelect = `select r.*, 0 as fired_count, null::timestamptz as last_fired_at from automation_rules r`;

export const toRule = (r: RuleRow): AutomationRule => ({
  id: r.id,
  name: r.name,
  description: r.description,
  kind: r.kind,
  event: r.event,
  conditions: r.conditions,
  actions: r.actions,
  timeZone: r.time_zone,
  enabled: r.enabled,
  position: r.position,
  firedCount: r.fired_count,
  lastFiredAt: r.last_fired_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

/** Every rule, in the order they run (triggers and time rules each in their own order). */
export async function listRules(db: Queryable): Promise<AutomationRule[]> {
  const { rows } = await db.query<RuleRow>(`${ruleSelect} order by r.position, r.created_at`);
  return rows.map(toRule);
}

export async function getRule(db: Queryable, id: string): Promise<AutomationRule> {
  const { rows } = await db.query<RuleRow>(`${ruleSelect} where r.id = $1`, [id]);
  if (!rows[0]) throw notFound('The rule');
  return toRule(rows[0]);
}

/** A case with what conditions look at, plus what email templates and notes need. */
export interface CaseSnapshot {
  id: string;
  number: number;
  subject: string;
  status: string;
  mergedIntoId: string | null;
  version: number;
  customerName: string;
  customerEmail: string | null;
  assigneeName: string | null;
  facts: CaseFacts;
}

interface SnapshotRow {
  id: string;
  number: string | number;
  subject: string;
  status: string;
  priority: string;
  channel: string;
  team_id: string | null;
  assignee_id: string | null;
  tags: string[];
  custom_fields: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
  solved_at: Date | null;
  status_changed_at: Date;
  merged_into_id: string | null;
  version: number;
  customer_name: string;
  customer_language: string | null;
  customer_tags: string[];
  customer_org_ids: string[];
  customer_email: string | null;
  assignee_name: string | null;
  body: string | null;
}

/** When the status last changed: the newest change entry naming it, else the case's creation. */
export const statusChangedAtSql = `coalesce((select max(e.created_at) from case_entries e
    where e.case_id = c.id and e.kind = 'change' and e.changes @> '[{"field":"status"}]'), c.created_at)`;

export const snapshotColumns = `c.id, c.number, c.subject, c.status, c.priority, c.channel, c.team_id, c.assignee_id, c.tags,
    c.custom_fields, c.created_at, c.updated_at, c.solved_at, c.merged_into_id, c.version, ${statusChangedAtSql} as status_changed_at,
    cu.name as customer_name, cu.preferred_language as customer_language, cu.tags as customer_tags,
    array(select co.organization_id from customer_organizations co where co.customer_id = c.requester_id
          union select c.organization_id where c.organization_id is not null) as customer_org_ids,
    (select ce.email from customer_emails ce where ce.customer_id = c.requester_id order by ce.is_primary desc, ce.created_at limit 1) as customer_email,
    u.name as assignee_name,
    (select e.body from case_entries e where e.case_id = c.id and e.kind = 'message' order by e.id desc limit 1) as body`;
export const snapshotFrom = 'from cases c join customers cu on cu.id = c.requester_id left join users u on u.id = c.assignee_id';
export const snapshotSelect = `select ${snapshotColumns} ${snapshotFrom}`;

export const toSnapshot = (r: SnapshotRow, changed: readonly string[] = []): CaseSnapshot => ({
  id: r.id,
  number: Number(r.number),
  subject: r.subject,
  status: r.status,
  mergedIntoId: r.merged_into_id,
  version: r.version,
  customerName: r.customer_name,
  customerEmail: r.customer_email,
  assigneeName: r.assignee_name,
  facts: {
    status: r.status,
    priority: r.priority,
    channel: r.channel,
    teamId: r.team_id,
    assigneeId: r.assignee_id,
    tags: r.tags,
    subject: r.subject,
    body: r.body ?? '',
    customFields: r.custom_fields,
    customer: { language: r.customer_language, tags: r.customer_tags, organizationIds: r.customer_org_ids },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    statusChangedAt: r.status_changed_at,
    solvedAt: r.solved_at,
    changed,
  },
});

/** One case as conditions see it now, or undefined when there is no such case. */
export async function loadSnapshot(db: Queryable, caseId: string, changed: readonly string[] = []): Promise<CaseSnapshot | undefined> {
  const { rows } = await db.query<SnapshotRow>(`${snapshotSelect} where c.id = $1`, [caseId]);
  return rows[0] ? toSnapshot(rows[0], changed) : undefined;
}

export type { SnapshotRow };
