import type { Tx } from '../../platform/db/index.ts';

/** Teams the demo portal offers as topics, in this order. */
const demoTopics = ['Technical Support', 'Returns', 'Billing', 'Reservations'];
/** Case fields a customer can fill in and see; amounts and refund decisions stay internal. */
const demoVisibleFields = ['order_number', 'product', 'purchase_date', 'room_number'];
/** The hotel's staff see each other's requests (one front desk, several people writing). */
const demoSharingOrganizations = ['Hotel Kaiserhof Lübeck GmbH'];

const demoWelcome = {
  en: 'Questions about an order, a repair or your booking? Search our help center, or send us a request: we answer within one business day.',
  de: 'Fragen zu einer Bestellung, einer Reparatur oder Ihrer Buchung? Durchsuchen Sie unser Hilfe-Center oder senden Sie uns eine Anfrage: Wir antworten innerhalb eines Werktags.',
  et: 'Küsimusi tellimuse, remondi või broneeringu kohta? Otsige meie abikeskusest või saatke meile pöördumine: vastame ühe tööpäeva jooksul.',
  tr: 'Bir sipariş, onarım veya rezervasyonunuz hakkında sorunuz mu var? Yardım merkezimizde arama yapın veya bize bir talep gönderin: bir iş günü içinde yanıt veriyoruz.',
};

/** Seeds the portal of the demo company (part of the demo transaction). */
export async function seedPortalDemo(tx: Tx): Promise<void> {
  await tx.query(`update portal_settings set welcome = $1::jsonb where id`, [JSON.stringify(demoWelcome)]);
  await tx.query(
    `insert into portal_teams (team_id, position) select t.id, u.ord from unnest($1::text[]) with ordinality as u(name, ord) join teams t on t.name = u.name
     on conflict do nothing`,
    [demoTopics],
  );
  await tx.query(`update custom_field_definitions set customer_visible = true where entity = 'case' and key = any($1::text[])`, [demoVisibleFields]);
  await tx.query('update organizations set members_see_requests = true where name = any($1::text[])', [demoSharingOrganizations]);
}
