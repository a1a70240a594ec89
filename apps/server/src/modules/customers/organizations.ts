import type { z } from 'zod';
import type { CreateOrganizationBody, Organization, UpdateOrganizationBody } from '@switchboard/contracts';
import { authorId, type Actor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { assertVersion, notFound } from '../../platform/http/errors.ts';
import { assertStaff } from './policy.ts';
import { getOrganization } from './queries.ts';

const orgEvent = (app: AppContext, tx: Tx, actor: Actor, id: string) =>
  app.events.emit(tx, { type: 'organization.changed', actorId: authorId(actor), audience: { teamIds: [], userIds: [], staff: true }, payload: { organizationId: id } });

export async function createOrganization(app: AppContext, actor: Actor, tx: Tx, input: z.output<typeof CreateOrganizationBody>): Promise<Organization> {
  assertStaff(actor);
  const { rows } = await tx.query<{ id: string }>(
    'insert into organizations (name, domains, tier, notes, tags, custom_fields) values ($1, $2, $3, $4, $5, $6::jsonb) returning id',
    [input.name, input.domains, input.tier, input.notes, input.tags, JSON.stringify(input.customFields)],
  );
  await orgEvent(app, tx, actor, rows[0]!.id);
  return getOrganization(tx, rows[0]!.id);
}

export async function updateOrganization(
  app: AppContext,
  actor: Actor,
  tx: Tx,
  id: string,
  expectedVersion: number,
  input: z.output<typeof UpdateOrganizationBody>,
): Promise<Organization> {
  assertStaff(actor);
  const { rows } = await tx.query<{ version: number; custom_fields: Record<string, unknown> }>('select version, custom_fields from organizations where id = $1 for update', [id]);
  if (!rows[0]) throw notFound('The organization');
  assertVersion('The organization', rows[0].version, expectedVersion);
  const customFields = input.customFields ? { ...rows[0].custom_fields, ...input.customFields } : null;
  await tx.query(
    `update organizations set name = coalesce($2, name), domains = coalesce($3, domains), tier = coalesce($4, tier),
       notes = coalesce($5, notes), tags = coalesce($6, tags), custom_fields = coalesce($7::jsonb, custom_fields),
       updated_at = now(), version = version + 1 where id = $1`,
    [id, input.name ?? null, input.domains ?? null, input.tier ?? null, input.notes ?? null, input.tags ?? null, customFields ? JSON.stringify(customFields) : null],
  );
  await orgEvent(app, tx, actor, id);
  return getOrganization(tx, id);
}
