import type { z } from 'zod';
import type { CreateCustomerBody, Customer, UpdateCustomerBody } from '@switchboard/contracts';
import { authorId, type Actor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, assertVersion, notFound } from '../../platform/http/errors.ts';
import { validateCustomFields } from '../fields/index.ts';
import { assertStaff } from './policy.ts';
import { getCustomer } from './queries.ts';

export const normalizePhone = (phone: string): string => phone.replace(/\D/g, '');

async function setEmails(tx: Tx, customerId: string, emails: readonly string[]): Promise<void> {
  const unique = [...new Set(emails)];
  if (unique.length > 0) {
    const { rows } = await tx.query<{ email: string }>(
      'select lower(email) as email from customer_emails where lower(email) = any($1::text[]) and customer_id <> $2',
      [unique, customerId],
    );
    if (rows[0]) {
      const i = emails.indexOf(rows[0].email); // the position in the request, not in the de-duplicated list
      throw new AppError('conflict', `${rows[0].email} belongs to another customer; merge the two customers instead`, [{ field: `body.emails.${i}`, message: 'belongs to another customer' }]);
    }
  }
  await tx.query('delete from customer_emails where customer_id = $1', [customerId]);
  for (const [i, email] of unique.entries()) {
    await tx.query('insert into customer_emails (customer_id, email, is_primary) values ($1, $2, $3)', [customerId, email, i === 0]);
  }
}

async function setPhones(tx: Tx, customerId: string, phones: ReadonlyArray<{ phone: string; label: string }>): Promise<void> {
  await tx.query('delete from customer_phones where customer_id = $1', [customerId]);
  for (const [i, p] of phones.entries()) {
    await tx.query('insert into customer_phones (customer_id, phone, normalized, label, is_primary) values ($1, $2, $3, $4, $5)', [
      customerId,
      p.phone,
      normalizePhone(p.phone),
      p.label,
      i === 0,
    ]);
  }
}

async function setOrganizations(tx: Tx, customerId: string, organizationIds: readonly string[]): Promise<void> {
  const unique = [...new Set(organizationIds)];
  if (unique.length > 0) {
    const { rows } = await tx.query<{ id: string }>('select id from organizations where id = any($1::uuid[])', [unique]);
    const found = new Set(rows.map((r) => r.id));
    const bad = unique.findIndex((o) => !found.has(o));
    if (bad >= 0) throw new AppError('validation_failed', 'No such organization', [{ field: `body.organizationIds.${bad}`, message: 'no such organization' }]);
  }
  await tx.query('delete from customer_organizations where customer_id = $1', [customerId]);
  if (unique.length > 0) {
    await tx.query('insert into customer_organizations (customer_id, organization_id) select $1, unnest($2::uuid[])', [customerId, unique]);
  }
}

async function checkOwner(tx: Tx, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  const { rowCount } = await tx.query(`select 1 from users where id = $1 and role <> 'customer' and active`, [ownerId]);
  if (rowCount === 0) throw new AppError('validation_failed', 'The account owner must be an active staff user', [{ field: 'body.accountOwnerId', message: 'no such active staff user' }]);
}

const customerEvent = (app: AppContext, tx: Tx, actor: Actor, type: string, customerId: string) =>
  app.events.emit(tx, { type, actorId: authorId(actor), audience: { teamIds: [], userIds: [], staff: true }, payload: { customerId } });

/** Creates a customer with emails, phones and organizations. */
export async function createCustomer(app: AppContext, actor: Actor, tx: Tx, input: z.output<typeof CreateCustomerBody>): Promise<Customer> {
  assertStaff(actor);
  await checkOwner(tx, input.accountOwnerId);
  const customFields = await validateCustomFields(tx, 'customer', {}, input.customFields);
  const { rows } = await tx.query<{ id: string }>(
    `insert into customers (name, preferred_language, time_zone, tags, custom_fields, notes, account_owner_id)
     values ($1, $2, $3, $4, $5::jsonb, $6, $7) returning id`,
    [input.name, input.preferredLanguage, input.timeZone, input.tags, JSON.stringify(customFields), input.notes, input.accountOwnerId],
  );
  const id = rows[0]!.id;
  await setEmails(tx, id, input.emails);
  await setPhones(tx, id, input.phones);
  await setOrganizations(tx, id, input.organizationIds);
  await customerEvent(app, tx, actor, 'customer.created', id);
  return getCustomer(tx, id);
}

/** Changes a customer; lists given (emails, phones, organizations) replace the current ones. */
export async function updateCustomer(
  app: AppContext,
  actor: Actor,
  tx: Tx,
  id: string,
  expectedVersion: number,
  input: z.output<typeof UpdateCustomerBody>,
): Promise<Customer> {
  assertStaff(actor);
  const { rows } = await tx.query<{ version: number; custom_fields: Record<string, unknown>; merged_into_id: string | null }>(
    'select version, custom_fields, merged_into_id from customers where id = $1 for update',
    [id],
  );
  const cur = rows[0];
  if (!cur) throw notFound('The customer');
  if (cur.merged_into_id) throw new AppError('unprocessable', 'This customer was merged into another; change that one', [], { mergedIntoId: cur.merged_into_id });
  assertVersion('The customer', cur.version, expectedVersion);
  await checkOwner(tx, input.accountOwnerId);
  const customFields = input.customFields ? await validateCustomFields(tx, 'customer', cur.custom_fields, input.customFields) : null;
  await tx.query(
    `update customers set
       name = coalesce($2, name),
       preferred_language = case when $3::boolean then $4 else preferred_language end,
       time_zone = case when $5::boolean then $6 else time_zone end,
       tags = coalesce($7, tags),
       custom_fields = coalesce($8::jsonb, custom_fields),
       notes = coalesce($9, notes),
       account_owner_id = case when $10::boolean then $11::uuid else account_owner_id end,
       updated_at = now(), version = version + 1
     where id = $1`,
    [
      id,
      input.name ?? null,
      input.preferredLanguage !== undefined,
      input.preferredLanguage ?? null,
      input.timeZone !== undefined,
      input.timeZone ?? null,
      input.tags ?? null,
      customFields ? JSON.stringify(customFields) : null,
      input.notes ?? null,
      input.accountOwnerId !== undefined,
      input.accountOwnerId ?? null,
    ],
  );
  if (input.emails) await setEmails(tx, id, input.emails);
  if (input.phones) await setPhones(tx, id, input.phones);
  if (input.organizationIds) await setOrganizations(tx, id, input.organizationIds);
  await customerEvent(app, tx, actor, 'customer.updated', id);
  return getCustomer(tx, id);
}

/**
 * Merges `sourceId` into `targetId`: cases, emails, phones and organizations follow; tags and
 * custom fields are combined (the target wins); the source stays as a pointer to the target.
 */
export async function mergeCustomers(app: AppContext, actor: Actor, tx: Tx, targetId: string, sourceId: string): Promise<Customer> {
  assertStaff(actor);
  if (targetId === sourceId) throw new AppError('validation_failed', 'A customer cannot be merged into itself', [{ field: 'body.sourceId', message: 'is the same customer' }]);
  const { rows } = await tx.query<{ id: string; merged_into_id: string | null; tags: string[]; custom_fields: Record<string, unknown>; notes: string; account_owner_id: string | null; preferred_language: string | null; time_zone: string | null }>(
    'select id, merged_into_id, tags, custom_fields, notes, account_owner_id, preferred_language, time_zone from customers where id = any($1::uuid[]) order by id for update',
    [[targetId, sourceId]],
  );
  const target = rows.find((r) => r.id === targetId);
  const source = rows.find((r) => r.id === sourceId);
  if (!target) throw notFound('The customer');
  if (!source) throw new AppError('validation_failed', 'No such customer', [{ field: 'body.sourceId', message: 'no such customer' }]);
  if (target.merged_into_id || source.merged_into_id) throw new AppError('unprocessable', 'One of the customers was already merged into another');
  await tx.query('update cases set requester_id = $1, updated_at = now(), version = version + 1 where requester_id = $2', [targetId, sourceId]);
  await tx.query('update customer_emails set customer_id = $1, is_primary = false where customer_id = $2', [targetId, sourceId]);
  await tx.query('update customer_phones set customer_id = $1, is_primary = false where customer_id = $2', [targetId, sourceId]);
  await tx.query(
    `insert into customer_organizations (customer_id, organization_id)
     select $1, organization_id from customer_organizations where customer_id = $2 on conflict do nothing`,
    [targetId, sourceId],
  );
  await tx.query('delete from customer_organizations where customer_id = $1', [sourceId]);
  const tags = [...new Set([...target.tags, ...source.tags])];
  const notes = [target.notes, source.notes].filter(Boolean).join('\n\n');
  await tx.query(
    `update customers set tags = $2, custom_fields = $3::jsonb, notes = $4,
       account_owner_id = coalesce(account_owner_id, $5), preferred_language = coalesce(preferred_language, $6),
       time_zone = coalesce(time_zone, $7), updated_at = now(), version = version + 1 where id = $1`,
    [targetId, tags, JSON.stringify({ ...source.custom_fields, ...target.custom_fields }), notes, source.account_owner_id, source.preferred_language, source.time_zone],
  );
  await tx.query('update customers set merged_into_id = $1, updated_at = now(), version = version + 1 where id = $2', [targetId, sourceId]);
  await tx.query('update customers set merged_into_id = $1 where merged_into_id = $2', [targetId, sourceId]);
  await app.events.emit(tx, { type: 'customer.merged', actorId: authorId(actor), audience: { teamIds: [], userIds: [], staff: true }, payload: { customerId: targetId, sourceId } });
  return getCustomer(tx, targetId);
}

/**
 * The customer with this email or phone, or a new one. Used where contacts arrive (cases by API,
 * email, chat): one customer, one history.
 */
export async function findOrCreateCustomer(
  app: AppContext,
  actor: Actor,
  tx: Tx,
  who: { name: string; email?: string | undefined; phone?: string | undefined },
): Promise<string> {
  return (await findOrCreateRequester(app, actor, tx, who)).id;
}

/**
 * findOrCreateCustomer, also telling the customer's organizations when that came for free (found
 * or created by email; null otherwise) — what a new case needs of its requester.
 */
export async function findOrCreateRequester(
  app: AppContext,
  actor: Actor,
  tx: Tx,
  who: { name: string; email?: string | undefined; phone?: string | undefined },
): Promise<{ id: string; organizationIds: string[] | null }> {
  if (who.email) {
    // Found, or created with its address: one round trip (a new sender is the common case of
    // inbound mail). A concurrent creation of the same address fails on the unique index.
    const { rows } = await tx.query<{ id: string; created: boolean; org_ids: string[] }>(
      `with found as (
         select coalesce(c.merged_into_id, c.id) as id from customer_emails e join customers c on c.id = e.customer_id where lower(e.email) = lower($2)
       ), made as (
         insert into customers (name) select $1 where not exists (select 1 from found) returning id
       ), mail as (
         insert into customer_emails (customer_id, email, is_primary) select id, lower($2), true from made
       )
       select id, false as created, coalesce((select array_agg(organization_id) from customer_organizations where customer_id = found.id), '{}') as org_ids from found
       union all select id, true, '{}' from made`,
      [who.name, who.email],
      { prepare: true },
    );
    const row = rows[0]!;
    if (row.created) await customerEvent(app, tx, actor, 'customer.created', row.id);
    return { id: row.id, organizationIds: row.org_ids };
  } else if (who.phone) {
    const { rows } = await tx.query<{ id: string }>(
      `select coalesce(c.merged_into_id, c.id) as id from customer_phones p join customers c on c.id = p.customer_id
       where p.normalized = $1 order by c.created_at limit 1`,
      [normalizePhone(who.phone)],
    );
    if (rows[0]) return { id: rows[0].id, organizationIds: null };
  }
  const { rows } = await tx.query<{ id: string }>('insert into customers (name) values ($1) returning id', [who.name]);
  const id = rows[0]!.id;
  if (who.phone) await setPhones(tx, id, [{ phone: who.phone, label: '' }]);
  await customerEvent(app, tx, actor, 'customer.created', id);
  return { id, organizationIds: [] };
}
