/**
 * Admin → Portal & branding: company name, colour, logo, welcome texts, self-registration, the
 * topics offered on the new-request form, which case fields customers see, and which
 * organizations let their members see each other's requests.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { PortalAdminConfig, PortalSettings, UpdatePortalSettingsBody } from '@switchboard/contracts';
import { authorId, type Actor, type AppContext } from '../../platform/context.ts';
import type { Queryable, Tx } from '../../platform/db/index.ts';
import { assertVersion, invalid, notFound } from '../../platform/http/errors.ts';
import type { UploadedFile } from '../../platform/http/multipart.ts';
import { assertAdmin } from '../identity/index.ts';
import { getPortalSettings } from './branding.ts';
import { hiddenRequiredFields } from './form.ts';

/** Raster images only: an SVG logo could carry script, and it is served on our own origin. */
export const logoTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export const LOGO_MAX_BYTES = 512 * 1024;

type SettingsChanges = Omit<z.output<typeof UpdatePortalSettingsBody>, 'version'>;

/** Changes the branding when the admin's version is current. */
export async function updatePortalSettings(actor: Actor, tx: Tx, expectedVersion: number, input: SettingsChanges): Promise<PortalSettings> {
  assertAdmin(actor);
  const { rows } = await tx.query<{ version: number }>('select version from portal_settings where id for update');
  assertVersion('The portal settings', rows[0]!.version, expectedVersion);
  await tx.query(
    `update portal_settings set company_name = coalesce($1, company_name), primary_color = coalesce($2, primary_color),
       welcome = coalesce($3::jsonb, welcome), self_registration = coalesce($4, self_registration),
       logo = case when $5 then null else logo end, logo_type = case when $5 then null else logo_type end,
       logo_sha256 = case when $5 then null else logo_sha256 end,
       updated_by = $6, updated_at = now(), version = version + 1
     where id`,
    [
      input.companyName ?? null,
      input.primaryColor?.toLowerCase() ?? null,
      input.welcome ? JSON.stringify(Object.fromEntries(Object.entries(input.welcome).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ''))) : null,
      input.selfRegistration ?? null,
      input.removeLogo === true,
      authorId(actor),
    ],
  );
  return getPortalSettings(tx);
}

/** Replaces the logo (PNG, JPEG, WebP or GIF, at most 512 KiB). */
export async function setPortalLogo(actor: Actor, tx: Tx, file: UploadedFile): Promise<PortalSettings> {
  assertAdmin(actor);
  if (!(logoTypes as readonly string[]).includes(file.contentType)) throw invalid('body.file', 'must be a PNG, JPEG, WebP or GIF image');
  const hash = createHash('sha256').update(file.content).digest('hex');
  await tx.query(
    `update portal_settings set logo = decode($1, 'base64'), logo_type = $2, logo_sha256 = $3, updated_by = $4, updated_at = now(), version = version + 1 where id`,
    [file.content.toString('base64'), file.contentType, hash, authorId(actor)],
  );
  return getPortalSettings(tx);
}

/** The logo's bytes (public: it is on every portal and help-center page). */
export async function loadLogo(db: Queryable): Promise<{ type: string; content: Buffer } | null> {
  const { rows } = await db.query<{ logo_type: string; content: string }>(`select logo_type, encode(logo, 'base64') as content from portal_settings where id and logo is not null`);
  return rows[0] ? { type: rows[0].logo_type, content: Buffer.from(rows[0].content, 'base64') } : null;
}

/** Topics, customer-visible fields and sharing organizations, for the admin screen. */
export async function getPortalAdminConfig(db: Queryable): Promise<PortalAdminConfig> {
  const { rows: topics } = await db.query<{ id: string; name: string }>('select t.id, t.name from portal_teams pt join teams t on t.id = pt.team_id order by pt.position, t.name');
  const hidden = await hiddenRequiredFields(db, topics.map((t) => t.id));
  const { rows: fields } = await db.query<{ id: string; key: string; label: string; active: boolean; customer_visible: boolean }>(
    `select id, key, label, active, customer_visible from custom_field_definitions where entity = 'case' order by position, label`,
  );
  const { rows: orgs } = await db.query<{ id: string; name: string }>('select id, name from organizations where members_see_requests order by name');
  return {
    topics: topics.map((t) => ({ teamId: t.id, name: t.name, hiddenRequiredFields: hidden.get(t.id) ?? [] })),
    fields: fields.map((f) => ({ id: f.id, key: f.key, label: f.label, active: f.active, customerVisible: f.customer_visible })),
    sharingOrganizations: orgs,
  };
}

/** Sets the teams offered as topics, in this order. */
export async function putPortalTopics(actor: Actor, tx: Tx, teamIds: readonly string[]): Promise<PortalAdminConfig> {
  assertAdmin(actor);
  const ids = [...new Set(teamIds)];
  const { rows } = await tx.query<{ id: string }>('select id from teams where id = any($1::uuid[])', [ids]);
  const known = new Set(rows.map((r) => r.id));
  const bad = ids.findIndex((id) => !known.has(id));
  if (bad >= 0) throw invalid(`body.teamIds.${bad}`, 'no such team');
  await tx.query('delete from portal_teams');
  await tx.query('insert into portal_teams (team_id, position) select id, ord from unnest($1::uuid[]) with ordinality as u(id, ord)', [ids]);
  return getPortalAdminConfig(tx);
}

/** Marks exactly these case fields customer-visible (all others hidden). */
export async function putCustomerVisibleFields(actor: Actor, tx: Tx, fieldIds: readonly string[]): Promise<PortalAdminConfig> {
  assertAdmin(actor);
  const ids = [...new Set(fieldIds)];
  const { rows } = await tx.query<{ id: string }>(`select id from custom_field_definitions where id = any($1::uuid[]) and entity = 'case'`, [ids]);
  const known = new Set(rows.map((r) => r.id));
  const bad = ids.findIndex((id) => !known.has(id));
  if (bad >= 0) throw invalid(`body.customerVisibleFieldIds.${bad}`, 'no such case field');
  await tx.query(`update custom_field_definitions set customer_visible = (id = any($1::uuid[])) where entity = 'case'`, [ids]);
  return getPortalAdminConfig(tx);
}

/** Lets (or stops) the members of an organization see each other's requests in the portal. */
export async function setOrganizationSharing(app: AppContext, actor: Actor, tx: Tx, organizationId: string, membersSeeRequests: boolean): Promise<PortalAdminConfig> {
  assertAdmin(actor);
  const { rowCount } = await tx.query('update organizations set members_see_requests = $2, updated_at = now() where id = $1', [organizationId, membersSeeRequests]);
  if (rowCount === 0) throw notFound('The organization');
  await app.events.emit(tx, { type: 'organization.changed', actorId: authorId(actor), audience: { teamIds: [], userIds: [], staff: true }, payload: { organizationId } });
  return getPortalAdminConfig(tx);
}
