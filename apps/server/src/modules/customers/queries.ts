import type { Customer, Organization } from '@switchboard/contracts';
import type { Queryable } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/errors.ts';

interface CustomerRow {
  id: string;
  /** lower(name) as the database sorts it; keyset cursors must carry this, not a JS lower-case. */
  sort_name?: string;
  name: string;
  emails: Customer['emails'];
  phones: Customer['phones'];
  preferred_language: Customer['preferredLanguage'];
  time_zone: string | null;
  tags: string[];
  custom_fields: Record<string, unknown>;
  notes: string;
  owner: Customer['accountOwner'];
  organizations: Customer['organizations'];
  merged_into_id: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

/** One select builds the whole customer: emails, phones, organizations, owner. */
export const customerSelect = `
  select c.id, c.name, c.preferred_language, c.time_zone, c.tags, c.custom_fields, c.notes, c.merged_into_id,
    c.created_at, c.updated_at, c.version,
    coalesce((select jsonb_agg(jsonb_build_object('email', e.email, 'primary', e.is_primary) order by e.is_primary desc, e.created_at, e.email)
      from customer_emails e where e.customer_id = c.id), '[]'::jsonb) as emails,
    coalesce((select jsonb_agg(jsonb_build_object('phone', p.phone, 'label', p.label, 'primary', p.is_primary) order by p.is_primary desc, p.created_at, p.phone)
      from customer_phones p where p.customer_id = c.id), '[]'::jsonb) as phones,
    coalesce((select jsonb_agg(jsonb_build_object('id', o.id, 'name', o.name) order by o.name)
      from customer_organizations co join organizations o on o.id = co.organization_id where co.customer_id = c.id), '[]'::jsonb) as organizations,
    (select jsonb_build_object('id', u.id, 'name', u.name) from users u where u.id = c.account_owner_id) as owner
  from customers c`;

/** Important fields that are still empty, so the agent can complete them during the contact. */
export function missingFields(r: Pick<CustomerRow, 'emails' | 'phones' | 'preferred_language' | 'time_zone' | 'custom_fields'>, importantKeys: readonly string[]): string[] {
  const missing: string[] = [];
  if (r.emails.length === 0) missing.push('email');
  if (r.phones.length === 0) missing.push('phone');
  if (!r.preferred_language) missing.push('preferredLanguage');
  if (!r.time_zone) missing.push('timeZone');
  for (const key of importantKeys) {
    const v = r.custom_fields[key];
    if (v === undefined || v === null || v === '') missing.push(`customFields.${key}`);
  }
  return missing;
}

async function importantCustomerFields(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ key: string }>(
    `select key from custom_field_definitions where entity = 'customer' and important and active order by position, key`,
  );
  return rows.map((r) => r.key);
}

const toCustomer = (r: CustomerRow, important: readonly string[]): Customer => ({
  id: r.id,
  name: r.name,
  emails: r.emails,
  phones: r.phones,
  preferredLanguage: r.preferred_language,
  timeZone: r.time_zone,
  tags: r.tags,
  customFields: r.custom_fields,
  notes: r.notes,
  accountOwner: r.owner,
  organizations: r.organizations,
  missingFields: missingFields(r, important),
  mergedIntoId: r.merged_into_id,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

export async function getCustomer(db: Queryable, id: string): Promise<Customer> {
  const { rows } = await db.query<CustomerRow>(`${customerSelect} where c.id = $1`, [id]);
  if (!rows[0]) throw notFound('The customer');
  return toCustomer(rows[0], await importantCustomerFields(db));
}

/** A LIKE pattern for partial input; compare it as lower(x) like lower(pattern), both in SQL. */
const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface CustomerFilter {
  q?: string | undefined;
  organizationId?: string | undefined;
  accountOwnerId?: string | undefined;
  limit: number;
  cursor?: { name: string; id: string } | undefined;
}

/**
 * Lists customers by name, or searches with partial input over name, any email and any phone
 * (digits only, so "(030) 12-34" finds "030/1234…"; a country code is not translated: "+49 30"
 * does not find the national form "030").
 */
export async function listCustomers(db: Queryable, f: CustomerFilter): Promise<{ items: Customer[]; next: { name: string; id: string } | null }> {
  const params: unknown[] = [];
  const where = ['c.merged_into_id is null'];
  const p = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  let from = 'customers c';
  if (f.q) {
    const pattern = p(likePattern(f.q));
    // Only input that could be a phone number searches phones: "anna1985@…" must not find "…1985…".
    const digits = /^\+?[0-9 ()./-]+$/.test(f.q) ? f.q.replace(/\D/g, '') : '';
    const phoneBranch = digits.length >= 3 ? `union select customer_id from customer_phones where normalized like ${p(`%${digits}%`)}` : '';
    from = `(select id from customers where name ilike ${pattern}
              union select customer_id from customer_emails where lower(email) like lower(${pattern}) ${phoneBranch}) hits
            join customers c on c.id = hits.id`;
  }
  if (f.organizationId) where.push(`exists (select 1 from customer_organizations co where co.customer_id = c.id and co.organization_id = ${p(f.organizationId)})`);
  if (f.accountOwnerId) where.push(`c.account_owner_id = ${p(f.accountOwnerId)}`);
  if (f.cursor) where.push(`(lower(c.name), c.id) > (${p(f.cursor.name)}, ${p(f.cursor.id)}::uuid)`);
  const limit = p(f.limit + 1);
  const { rows } = await db.query<CustomerRow>(
    `${customerSelect.replace('from customers c', `, lower(c.name) as sort_name from ${from}`)} where ${where.join(' and ')} order by lower(c.name), c.id limit ${limit}`,
    params,
  );
  const important = await importantCustomerFields(db);
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toCustomer(r, important)),
    next: rows.length > f.limit && last ? { name: last.sort_name!, id: last.id } : null,
  };
}

interface OrganizationRow {
  id: string;
  sort_name: string;
  name: string;
  domains: string[];
  tier: string;
  notes: string;
  tags: string[];
  custom_fields: Record<string, unknown>;
  member_count: number;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const organizationSelect = `
  select o.id, o.name, o.domains, o.tier, o.notes, o.tags, o.custom_fields, o.created_at, o.updated_at, o.version,
    (select count(*) from customer_organizations co where co.organization_id = o.id)::int as member_count, lower(o.name) as sort_name
  from organizations o`;

const toOrganization = (r: OrganizationRow): Organization => ({
  id: r.id,
  name: r.name,
  domains: r.domains,
  tier: r.tier,
  notes: r.notes,
  tags: r.tags,
  customFields: r.custom_fields,
  memberCount: r.member_count,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

export async function getOrganization(db: Queryable, id: string): Promise<Organization> {
  const { rows } = await db.query<OrganizationRow>(`${organizationSelect} where o.id = $1`, [id]);
  if (!rows[0]) throw notFound('The organization');
  return toOrganization(rows[0]);
}

export async function listOrganizations(
  db: Queryable,
  f: { q?: string | undefined; limit: number; cursor?: { name: string; id: string } | undefined },
): Promise<{ items: Organization[]; next: { name: string; id: string } | null }> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (f.q) {
    params.push(likePattern(f.q));
    where.push(`(lower(o.name) like lower($${params.length}) or exists (select 1 from unnest(o.domains) d where d like lower($${params.length})))`);
  }
  if (f.cursor) {
    params.push(f.cursor.name, f.cursor.id);
    where.push(`(lower(o.name), o.id) > ($${params.length - 1}, $${params.length}::uuid)`);
  }
  params.push(f.limit + 1);
  const { rows } = await db.query<OrganizationRow>(
    `${organizationSelect} ${where.length ? `where ${where.join(' and ')}` : ''} order by lower(o.name), o.id limit $${params.length}`,
    params,
  );
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return { items: page.map(toOrganization), next: rows.length > f.limit && last ? { name: last.sort_name, id: last.id } : null };
}
