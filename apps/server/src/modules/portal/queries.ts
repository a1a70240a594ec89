/**
 * Read side of the portal. Every query starts from the customer: lists filter by requester (or a
 * sharing organization) in SQL, single reads check `canSeeRequest`, and the conversation selects
 * `kind = 'message'` only — notes, activities and changes are never read, so they cannot leak.
 */
import type { PortalCustomer, PortalMessage, PortalRequest, PortalRequestSummary, Status } from '@switchboard/contracts';
import type { Queryable } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { getBranding } from './branding.ts';
import { canSeeRequest, mayReply, maySolve, type PortalViewer } from './policy.ts';
import type { CustomerPrincipal } from './sessions.ts';

/** The organizations of a customer whose members see each other's requests. */
export async function sharingOrganizations(db: Queryable, customerId: string): Promise<Array<{ id: string; name: string }>> {
  const { rows } = await db.query<{ id: string; name: string }>(
    `select o.id, o.name from customer_organizations co join organizations o on o.id = co.organization_id
     where co.customer_id = $1 and o.members_see_requests order by o.name`,
    [customerId],
  );
  return rows;
}

export async function viewerOf(db: Queryable, principal: CustomerPrincipal): Promise<PortalViewer> {
  return { customerId: principal.customerId, sharingOrganizationIds: (await sharingOrganizations(db, principal.customerId)).map((o) => o.id) };
}

export async function portalCustomer(db: Queryable, principal: CustomerPrincipal): Promise<PortalCustomer> {
  return {
    id: principal.customerId,
    name: principal.name,
    email: principal.email,
    language: principal.language === 'en' || principal.language === 'de' || principal.language === 'et' || principal.language === 'tr' ? principal.language : null,
    sharingOrganizations: await sharingOrganizations(db, principal.customerId),
  };
}

interface RequestRow {
  id: string;
  number: number;
  subject: string;
  status: Status;
  requester_id: string;
  requester_name: string;
  organization_id: string | null;
  organization_name: string | null;
  topic: string | null;
  merged_into_id: string | null;
  custom_fields: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

// The topic is the team's name only while the team is offered in the portal: internal team names
// (after a transfer to "2nd level") are not the customer's business.
const requestSelect = `
  select c.id, c.number::int as number, c.subject, c.status, c.requester_id, r.name as requester_name, c.organization_id,
    (select o.name from organizations o where o.id = c.organization_id) as organization_name,
    (select t.name from portal_teams pt join teams t on t.id = pt.team_id where pt.team_id = c.team_id) as topic,
    c.merged_into_id, c.custom_fields, c.created_at, c.updated_at
  from cases c join customers r on r.id = c.requester_id`;

const toSummary = (r: RequestRow, viewer: PortalViewer): PortalRequestSummary => ({
  id: r.id,
  number: r.number,
  subject: r.subject,
  status: r.status,
  requester: { name: r.requester_name, isYou: r.requester_id === viewer.customerId },
  organization: r.organization_name,
  topic: r.topic,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export interface RequestFilter {
  scope: 'mine' | 'organization';
  state: 'open' | 'solved' | 'all';
  limit: number;
  cursor?: string | undefined;
}

const encodeCursor = (r: RequestRow): string => Buffer.from(`${r.updated_at.toISOString()}|${r.id}`).toString('base64url');
function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) throw new AppError('validation_failed', 'query.cursor: is not a cursor of this list', [{ field: 'query.cursor', message: 'not a cursor of this list' }]);
  return { at, id };
}

/** The customer's requests (or their sharing organizations'), most recently updated first. */
export async function listRequests(db: Queryable, viewer: PortalViewer, f: RequestFilter): Promise<{ items: PortalRequestSummary[]; nextCursor: string | null }> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = ['c.merged_into_id is null'];
  if (f.scope === 'mine') where.push(`c.requester_id = ${p(viewer.customerId)}`);
  else where.push(`c.organization_id = any(${p(viewer.sharingOrganizationIds)}::uuid[])`);
  if (f.state === 'open') where.push(`c.status not in ('solved', 'closed')`);
  if (f.state === 'solved') where.push(`c.status in ('solved', 'closed')`);
  if (f.cursor) {
    const c = decodeCursor(f.cursor);
    where.push(`(c.updated_at, c.id) < (${p(c.at)}::timestamptz, ${p(c.id)}::uuid)`);
  }
  const { rows } = await db.query<RequestRow>(`${requestSelect} where ${where.join(' and ')} order by c.updated_at desc, c.id desc limit ${p(f.limit + 1)}`, params);
  const page = rows.slice(0, f.limit);
  return { items: page.map((r) => toSummary(r, viewer)), nextCursor: rows.length > f.limit ? encodeCursor(page[page.length - 1]!) : null };
}

/** A request the customer may see, by number or id; anything else is "not found" (existence does not leak). */
export async function loadRequest(db: Queryable, viewer: PortalViewer, ref: string | number): Promise<RequestRow> {
  const byNumber = typeof ref === 'number';
  const { rows } = await db.query<RequestRow>(`${requestSelect} where ${byNumber ? 'c.number = $1' : 'c.id = $1'}`, [ref]);
  const r = rows[0];
  if (!r || !canSeeRequest(viewer, { requesterId: r.requester_id, organizationId: r.organization_id })) throw notFound(`Request ${byNumber ? `#${ref}` : ref}`);
  return r;
}

interface MessageRow {
  id: number;
  case_id: string;
  direction: 'inbound' | 'outbound';
  author_user_id: string | null;
  author_customer_id: string | null;
  user_name: string | null;
  customer_name: string | null;
  body: string;
  fold_at: number | null;
  created_at: Date;
}

/**
 * Messages of the public conversation: `kind = 'message'` of the case and of cases merged into
 * it — of those only the ones the customer may see (a merged case may have been someone else's).
 * Quoted email history is cut at the fold the email module marked.
 */
export async function conversation(db: Queryable, viewer: PortalViewer, caseId: string, after = 0): Promise<PortalMessage[]> {
  const { rows } = await db.query<MessageRow & { requester_id: string; organization_id: string | null }>(
    `select e.id::int as id, e.case_id, e.direction, e.author_user_id, e.author_customer_id, u.name as user_name, cu.name as customer_name,
       e.body, (e.email->>'foldAt')::int as fold_at, e.created_at, s.requester_id, s.organization_id
     from case_entries e join cases s on s.id = e.case_id
     left join users u on u.id = e.author_user_id left join customers cu on cu.id = e.author_customer_id
     where e.case_id = any(array[$1::uuid] || array(select m.id from cases m where m.merged_into_id = $1)) and e.kind = 'message' and e.id > $2
     order by e.id`,
    [caseId, after],
  );
  const visible = rows.filter((r) => canSeeRequest(viewer, { requesterId: r.requester_id, organizationId: r.organization_id }));
  const files = await attachmentsOf(db, visible.map((r) => r.id));
  const company = (await getBranding(db)).companyName;
  return visible.map((r) => toMessage(r, viewer, company, files.get(r.id) ?? []));
}

export function toMessage(r: MessageRow, viewer: PortalViewer, company: string, attachments: PortalMessage['attachments']): PortalMessage {
  const fromCustomer = r.direction === 'inbound';
  const author: PortalMessage['author'] = fromCustomer
    ? { type: 'customer', name: r.customer_name ?? '', isYou: r.author_customer_id === viewer.customerId }
    : r.author_user_id
      ? { type: 'agent', name: r.user_name ?? company, isYou: false }
      : { type: 'system', name: company, isYou: false };
  const body = r.fold_at !== null && r.fold_at > 0 && r.fold_at < r.body.length ? r.body.slice(0, r.fold_at).trimEnd() : r.body;
  return { id: r.id, author, body, createdAt: r.created_at.toISOString(), attachments };
}

async function attachmentsOf(db: Queryable, entryIds: number[]): Promise<Map<number, PortalMessage['attachments']>> {
  const out = new Map<number, PortalMessage['attachments']>();
  if (entryIds.length === 0) return out;
  const { rows } = await db.query<{ id: string; entry_id: number; file_name: string; content_type: string; size: number }>(
    `select a.id, a.entry_id::int as entry_id, a.file_name, a.content_type, a.size from attachments a where a.entry_id = any($1::int8[]) order by a.created_at, a.id`,
    [entryIds],
  );
  for (const r of rows) {
    const list = out.get(r.entry_id) ?? [];
    list.push({ id: r.id, fileName: r.file_name, contentType: r.content_type, size: r.size });
    out.set(r.entry_id, list);
  }
  return out;
}

/** One request with its public conversation and the values of its customer-visible fields. */
export async function getRequest(db: Queryable, viewer: PortalViewer, ref: string | number): Promise<PortalRequest> {
  const r = await loadRequest(db, viewer, ref);
  const { rows: defs } = await db.query<{ key: string; label: string; type: PortalRequest['fields'][number]['type'] }>(
    `select key, label, type from custom_field_definitions where entity = 'case' and customer_visible and active order by position, label`,
  );
  const fields = defs.flatMap((d) => {
    const value = r.custom_fields[d.key];
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? [{ key: d.key, label: d.label, type: d.type, value }] : [];
  });
  let mergedInto: PortalRequest['mergedInto'] = null;
  if (r.merged_into_id) {
    const { rows } = await db.query<{ number: number; requester_id: string; organization_id: string | null }>(
      'select number::int as number, requester_id, organization_id from cases where id = $1',
      [r.merged_into_id],
    );
    const target = rows[0];
    if (target && canSeeRequest(viewer, { requesterId: target.requester_id, organizationId: target.organization_id })) mergedInto = { number: target.number };
  }
  const scope = { requesterId: r.requester_id, organizationId: r.organization_id, status: r.status, merged: r.merged_into_id !== null };
  return {
    ...toSummary(r, viewer),
    messages: await conversation(db, viewer, r.id),
    fields,
    canReply: mayReply(viewer, scope),
    canSolve: maySolve(viewer, scope),
    mergedInto,
  };
}
