/**
 * The portal's branding and sign-up settings: one row (portal_settings) the admin edits. The help
 * center (/help), the portal and the sign-in mail all read it through `getBranding`.
 */
import type { PortalBranding, PortalSettings, WelcomeTexts } from '@switchboard/contracts';
import type { Queryable } from '../../platform/db/index.ts';

interface SettingsRow {
  company_name: string;
  primary_color: string;
  welcome: WelcomeTexts;
  self_registration: boolean;
  logo_sha256: string | null;
  updated_at: Date;
  version: number;
}

/** Used before the migration ran (never in a started app) and as the documented defaults. */
export const defaultBranding: PortalBranding = { companyName: 'Switchboard', primaryColor: '#1864ab', logoUrl: null, welcome: {}, selfRegistration: false };

/** Path the logo is served at; the content hash in the query lets browsers cache it for long. */
export const logoPath = '/api/v1/portal/logo';

async function loadRow(db: Queryable): Promise<SettingsRow | undefined> {
  const { rows } = await db.query<SettingsRow>(
    'select company_name, primary_color, welcome, self_registration, logo_sha256, updated_at, version from portal_settings where id',
  );
  return rows[0];
}

const toBranding = (r: SettingsRow): PortalBranding => ({
  companyName: r.company_name,
  primaryColor: r.primary_color,
  logoUrl: r.logo_sha256 ? `${logoPath}?v=${r.logo_sha256.slice(0, 12)}` : null,
  welcome: r.welcome,
  selfRegistration: r.self_registration,
});

/**
 * The company's branding: name, primary colour, logo URL (an absolute path), welcome text per
 * language and whether self-registration is on. Public information: safe to render on any page.
 */
export async function getBranding(db: Queryable): Promise<PortalBranding> {
  const row = await loadRow(db);
  return row ? toBranding(row) : defaultBranding;
}

/** The admin's view: branding plus version and time of the last change. */
export async function getPortalSettings(db: Queryable): Promise<PortalSettings> {
  const row = await loadRow(db);
  if (!row) return { ...defaultBranding, updatedAt: new Date(0).toISOString(), version: 0 };
  return { ...toBranding(row), updatedAt: row.updated_at.toISOString(), version: row.version };
}
