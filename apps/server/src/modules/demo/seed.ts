import {
  CreateCaseBody,
  CreateCustomerBody,
  CreateCustomStatusBody,
  CreateFieldBody,
  CreateOrganizationBody,
  CreateTeamBody,
  CreateUserBody,
  PutTeamFormBody,
  UpdateCaseBody,
  type Case,
} from '@switchboard/contracts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { systemActor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { addEntry, createCase, linkCases, updateCase } from '../cases/index.ts';
import { backdateDemo } from './backdate.ts';
import { seedAutomationDemo } from '../automation/index.ts';
import { seedRoutingDemo } from '../routing/index.ts';
import { seedSlaDemo } from '../sla/index.ts';
import { seedFlowsDemo } from '../flows/index.ts';
import { seedKnowledgeDemo } from '../knowledge/index.ts';
import { seedMacrosDemo } from '../macros/index.ts';
import { seedChatDemo } from '../chat/index.ts';
import { seedDemoMailboxes } from '../email/index.ts';
import { seedPortalDemo } from '../portal/index.ts';
import { createCustomer, createOrganization } from '../customers/index.ts';
import { createCustomStatus, createField, putTeamForm } from '../fields/index.ts';
import { actorFor, createTeam, createUser } from '../identity/index.ts';
import { salesCases } from './cases-sales.ts';
import { serviceCases } from './cases-service.ts';
import { storeCases } from './cases-store.ts';
import { caseFields, caseLinks, customerFields, customStatuses, teamForms } from './catalog.ts';
import { customers } from './customers-data.ts';
import type { CaseChangeSeed, CaseSeed, StaffKey, StatusKey, StepSeed, TeamKey } from './model.ts';
import { organizations, staff, teams } from './people.ts';

export const DEMO_PASSWORD = 'switchboard-demo';

export interface DemoLogin {
  role: string;
  email: string;
  name: string;
}

const roleRank: Record<string, number> = { admin: 0, supervisor: 1, agent: 2 };

/** Admin first, then supervisors, then agents; within a role the memorable `role@` login first, then by name. */
function byRoleThenName(a: DemoLogin, b: DemoLogin): number {
  const rank = (roleRank[a.role] ?? 9) - (roleRank[b.role] ?? 9);
  if (rank !== 0) return rank;
  const generic = (l: DemoLogin) => (l.email.startsWith(`${l.role}@`) ? 0 : 1);
  if (generic(a) !== generic(b)) return generic(a) - generic(b);
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Seeds the demo company when the configuration asks for it and no user exists yet. */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<{ password: string; logins: DemoLogin[] } | null> {
  const wanted = ctx.config.DEMO_DATA === 'true' || (ctx.config.DEMO_DATA === 'auto' && ctx.db.kind === 'pglite');
  if (!wanted) return null;
  const { rows } = await ctx.db.query<{ n: number }>('select count(*)::int as n from users');
  if ((rows[0]?.n ?? 0) > 0) {
    const logins = await ctx.db.query<DemoLogin>(`select role, email, name from users where email like '%@demo.switchboard.dev' and role <> 'customer' order by role, name`);
    return logins.rows.length ? { password: DEMO_PASSWORD, logins: [...logins.rows].sort(byRoleThenName) } : null;
  }
  return { password: DEMO_PASSWORD, logins: await seedDemo(ctx) };
}

/** Ids of what was created so far, by the keys the data files use. */
interface Refs {
  teams: Map<TeamKey, string>;
  staff: Map<StaffKey, Actor>;
  statuses: Map<StatusKey, string>;
  organizations: Map<string, string>;
  customers: Map<string, string>;
  cases: Map<string, Case>;
}

function get<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo data refers to an unknown ${what}: ${String(key)}`);
  return value;
}

/**
 * The demo company: teams, staff, business customers and customers, custom fields and statuses,
 * and cases with their timelines (see the data files beside this one). Every row is written through the
 * modules' use-cases, in one transaction, so a failure leaves the database empty. Inputs go
 * through the same zod contracts as API requests, which fills in defaults and normalises
 * emails and tags exactly as the API would.
 */
export async function seedDemo(ctx: AppContext): Promise<DemoLogin[]> {
  return ctx.db.transaction(async (tx) => {
    const refs: Refs = { teams: new Map(), staff: new Map(), statuses: new Map(), organizations: new Map(), customers: new Map(), cases: new Map() };
    const logins = await seedPeople(ctx, tx, refs);
    await seedFields(tx, refs);
    await seedCustomers(ctx, tx, refs);
    for (const seed of [...storeCases, ...serviceCases, ...salesCases]) refs.cases.set(seed.key, await seedCase(ctx, tx, refs, seed));
    for (const link of caseLinks) {
      const [a, b] = link.cases.map((key) => get(refs.cases, key, 'case'));
      await linkCases(ctx, get(refs.staff, link.by, 'staff member'), tx, a!.id, b!.id, true);
    }
    await seedDemoMailboxes(tx);
    await backdateDemo(tx);
    await seedAutomationDemo(tx);
    await seedRoutingDemo(tx);
    await seedSlaDemo(ctx, tx);
    await seedKnowledgeDemo(ctx, tx);
    await seedFlowsDemo(ctx, tx);
    await seedMacrosDemo(tx);
    await seedChatDemo(ctx, tx);
    await seedPortalDemo(tx);
    return logins.sort(byRoleThenName);
  });
}

async function seedPeople(ctx: AppContext, tx: Tx, refs: Refs): Promise<DemoLogin[]> {
  for (const t of teams) {
    const team = await createTeam(ctx, systemActor, tx, CreateTeamBody.parse({ name: t.name, description: t.description }));
    refs.teams.set(t.key, team.id);
  }
  const logins: DemoLogin[] = [];
  for (const s of staff) {
    const user = await createUser(
      ctx,
      systemActor,
      tx,
      CreateUserBody.parse({
        email: s.email,
        name: s.name,
        role: s.role,
        password: DEMO_PASSWORD,
        language: s.language,
        timeZone: s.timeZone,
        teamIds: s.teams.map((t) => get(refs.teams, t, 'team')),
      }),
    );
    // 'session': the entries these staff write show up as theirs, as if typed in the workspace.
    const actor = await actorFor(tx, user.id, 'session');
    if (!actor) throw new Error(`The demo user ${s.email} was not found after creating it`);
    refs.staff.set(s.key, actor);
    logins.push({ role: user.role, email: user.email, name: user.name });
  }
  return logins;
}

async function seedFields(tx: Tx, refs: Refs): Promise<void> {
  const fieldIds = new Map<string, string>();
  for (const [position, f] of caseFields.entries()) {
    const field = await createField(systemActor, tx, CreateFieldBody.parse({ entity: 'case', position, ...f }));
    fieldIds.set(f.key, field.id);
  }
  for (const [position, f] of customerFields.entries()) {
    await createField(systemActor, tx, CreateFieldBody.parse({ entity: 'customer', position, ...f }));
  }
  for (const [team, fields] of Object.entries(teamForms) as Array<[TeamKey, (typeof teamForms)[TeamKey]]>) {
    const form = PutTeamFormBody.parse({ fields: fields.map((f) => ({ fieldId: get(fieldIds, f.key, 'case field'), required: f.required ?? false })) });
    await putTeamForm(systemActor, tx, get(refs.teams, team, 'team'), form);
  }
  for (const [position, s] of customStatuses.entries()) {
    const status = await createCustomStatus(systemActor, tx, CreateCustomStatusBody.parse({ name: s.name, category: s.category, position }));
    refs.statuses.set(s.key, status.id);
  }
}

async function seedCustomers(ctx: AppContext, tx: Tx, refs: Refs): Promise<void> {
  for (const o of organizations) {
    const org = await createOrganization(ctx, systemActor, tx, CreateOrganizationBody.parse({ name: o.name, domains: o.domains, tier: o.tier, notes: o.notes, tags: o.tags }));
    refs.organizations.set(o.key, org.id);
  }
  for (const c of customers) {
    const customFields: Record<string, string> = {};
    if (c.customerNumber) customFields.customer_number = c.customerNumber;
    if (c.loyaltyTier) customFields.loyalty_tier = c.loyaltyTier;
    const customer = await createCustomer(
      ctx,
      systemActor,
      tx,
      CreateCustomerBody.parse({
        name: c.name,
        emails: c.emails ?? [],
        phones: c.phones ?? [],
        preferredLanguage: c.language ?? null,
        timeZone: c.timeZone ?? null,
        tags: c.tags ?? [],
        customFields,
        notes: c.notes ?? '',
        accountOwnerId: c.owner ? get(refs.staff, c.owner, 'staff member').id : null,
        organizationIds: (c.organizations ?? []).map((o) => get(refs.organizations, o, 'organization')),
      }),
    );
    refs.customers.set(c.key, customer.id);
  }
}

/** Opens the case as the customer's contact arrived, then plays its timeline step by step. */
async function seedCase(ctx: AppContext, tx: Tx, refs: Refs, seed: CaseSeed): Promise<Case> {
  const staffActor = (key: StaffKey) => get(refs.staff, key, 'staff member');
  const opener = seed.openedBy ? staffActor(seed.openedBy) : systemActor;
  let current = await createCase(
    ctx,
    opener,
    tx,
    CreateCaseBody.parse({
      subject: seed.subject,
      requesterId: get(refs.customers, seed.requester, 'customer'),
      channel: seed.channel,
      priority: seed.priority ?? 'normal',
      teamId: seed.team ? get(refs.teams, seed.team, 'team') : null,
      ...(seed.assignee ? { assigneeId: staffActor(seed.assignee).id } : {}),
      tags: seed.tags ?? [],
      customFields: seed.fields ?? {},
      message: { body: seed.first.body, direction: seed.first.direction ?? 'inbound' },
    }),
  );
  for (const step of seed.steps ?? []) {
    current = await playStep(ctx, tx, refs, current, step);
  }
  return current;
}

async function playStep(ctx: AppContext, tx: Tx, refs: Refs, current: Case, step: StepSeed): Promise<Case> {
  const staffActor = (key: StaffKey) => get(refs.staff, key, 'staff member');
  if ('set' in step) {
    return updateCase(ctx, staffActor(step.by), tx, current.id, 'current', changesFor(refs, current, step.set));
  }
  if ('note' in step) {
    await addEntry(ctx, staffActor(step.by), tx, current.id, { kind: 'note', body: step.note });
  } else if ('out' in step) {
    await addEntry(ctx, staffActor(step.by), tx, current.id, { kind: 'message', direction: 'outbound', body: step.out, channel: step.channel });
  } else {
    // A call or a counter visit is logged by the agent; an email, chat or portal message arrives by itself.
    const actor = step.by ? staffActor(step.by) : systemActor;
    await addEntry(ctx, actor, tx, current.id, { kind: 'message', direction: 'inbound', body: step.in, channel: step.channel });
  }
  return current;
}

function changesFor(refs: Refs, current: Case, set: CaseChangeSeed) {
  const body: Record<string, unknown> = {};
  if (set.status) body.status = set.status;
  if (set.customStatus !== undefined) body.customStatusId = set.customStatus === null ? null : get(refs.statuses, set.customStatus, 'status');
  if (set.assignee !== undefined) body.assigneeId = set.assignee === null ? null : get(refs.staff, set.assignee, 'staff member').id;
  if (set.team) body.teamId = get(refs.teams, set.team, 'team');
  if (set.priority) body.priority = set.priority;
  if (set.addTags) body.tags = [...new Set([...current.tags, ...set.addTags])];
  if (set.fields) body.customFields = set.fields;
  const { version: _version, ...changes } = UpdateCaseBody.parse(body);
  return changes;
}
