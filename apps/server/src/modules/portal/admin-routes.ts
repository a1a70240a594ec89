import { IdParams, OrganizationSharingBody, PortalAdminConfig, PortalSettings, PutPortalFieldsBody, PutPortalTopicsBody, UpdatePortalSettingsBody } from '@switchboard/contracts';
import { readUpload } from '../../platform/http/multipart.ts';
import { route, type RouteSpec } from '../../platform/http/routes.ts';
import { assertAdmin } from '../identity/index.ts';
import { getPortalSettings } from './branding.ts';
import { getPortalAdminConfig, LOGO_MAX_BYTES, putCustomerVisibleFields, putPortalTopics, setOrganizationSharing, setPortalLogo, updatePortalSettings } from './manage-settings.ts';

const tag = 'Portal administration';

/** Admin → Portal & branding. */
export const portalAdminRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    path: '/api/v1/portal/settings',
    summary: 'Branding and sign-up settings of the portal, with their version',
    tag,
    auth: 'staff',
    response: PortalSettings,
    handler: async ({ app, actor }) => {
      assertAdmin(actor);
      return getPortalSettings(app.db);
    },
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/portal/settings',
    summary: 'Change the branding: company name, colour, welcome texts, self-registration (If-Match)',
    tag,
    auth: 'staff',
    body: UpdatePortalSettingsBody,
    response: PortalSettings,
    versioned: true,
    handler: async ({ actor, body, transaction, expectedVersion }) => {
      const { version, ...changes } = body;
      const expected = expectedVersion(version);
      return transaction((tx) => updatePortalSettings(actor, tx, expected, changes));
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/portal/settings/logo',
    summary: 'Upload the logo (multipart/form-data, field "file"; PNG, JPEG, WebP or GIF up to 512 KiB)',
    tag,
    auth: 'staff',
    multipart: true,
    response: PortalSettings,
    handler: async ({ actor, req, transaction }) => {
      assertAdmin(actor);
      const file = await readUpload(req, 'file', LOGO_MAX_BYTES);
      return transaction((tx) => setPortalLogo(actor, tx, file));
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/portal/admin',
    summary: 'Topics of the new-request form, customer-visible fields, sharing organizations',
    tag,
    auth: 'staff',
    response: PortalAdminConfig,
    handler: async ({ app, actor }) => {
      assertAdmin(actor);
      return getPortalAdminConfig(app.db);
    },
  }),
  route({
    method: 'PUT',
    path: '/api/v1/portal/admin/topics',
    summary: 'Set the teams customers can address a new request to, in order',
    tag,
    auth: 'staff',
    body: PutPortalTopicsBody,
    response: PortalAdminConfig,
    handler: async ({ actor, body, transaction }) => transaction((tx) => putPortalTopics(actor, tx, body.teamIds)),
  }),
  route({
    method: 'PUT',
    path: '/api/v1/portal/admin/fields',
    summary: 'Set which case fields customers see (on the form and on their requests)',
    tag,
    auth: 'staff',
    body: PutPortalFieldsBody,
    response: PortalAdminConfig,
    handler: async ({ actor, body, transaction }) => transaction((tx) => putCustomerVisibleFields(actor, tx, body.customerVisibleFieldIds)),
  }),
  route({
    method: 'PUT',
    path: '/api/v1/portal/admin/organizations/:id',
    summary: "Let an organization's members see each other's requests in the portal (or stop it)",
    tag,
    auth: 'staff',
    params: IdParams,
    body: OrganizationSharingBody,
    response: PortalAdminConfig,
    handler: async ({ app, actor, params, body, transaction }) => transaction((tx) => setOrganizationSharing(app, actor, tx, params.id, body.membersSeeRequests)),
  }),
];
