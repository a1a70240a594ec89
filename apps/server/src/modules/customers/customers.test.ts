import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../../../test/harness.ts';
import { allPages, countRows, defineField, expectStatus, fieldsOf, newCase, sqlRows, uniq } from '../../../test/factories.ts';

describe('customers', () => {
  let t: TestApp;
  let admin: TestUser;
  let agent: TestUser;
  let team: string;

  const createOrg = async (name: string, domains: string[] = []) =>
    expectStatus(await t.api('POST', '/api/v1/organizations', { token: agent.token, body: { name, domains } }), 201).body;
  const createCustomer = async (body: Record<string, unknown>) => expectStatus(await t.api('POST', '/api/v1/customers', { token: agent.token, body }), 201).body;
  const search = async (q: string): Promise<string[]> =>
    expectStatus(await t.api('GET', `/api/v1/customers?q=${encodeURIComponent(q)}&limit=200`, { token: agent.token }), 200).body.items.map((c: { name: string }) => c.name);

  beforeAll(async () => {
    t = await startTestApp();
    team = await t.team('Support');
    admin = await t.user('admin');
    agent = await t.user('agent', [team], { name: 'Olga Owner' });
  });
  afterAll(async () => t?.close());

  it('creates a customer with two emails, two phones, organizations and an account owner', async () => {
    const bau = await createOrg('Müller Bau GmbH', ['mueller-bau.de']);
    const alpha = await createOrg('Alpha Holding');
    const c = await createCustomer({
      name: 'Hans Müller',
      emails: ['Hans.Mueller@Example.com', 'hm@mueller-bau.de'],
      phones: [{ phone: '030/1234-5678', label: 'office' }, { phone: '+49 171 9876543', label: 'mobile' }],
      organizationIds: [bau.id, alpha.id],
      accountOwnerId: agent.id,
      preferredLanguage: 'de',
      timeZone: 'Europe/Berlin',
    });
    expect(c.emails).toEqual([
      { email: 'hans.mueller@example.com', primary: true },
      { email: 'hm@mueller-bau.de', primary: false },
    ]);
    expect(c.phones).toEqual([
      { phone: '030/1234-5678', label: 'office', primary: true },
      { phone: '+49 171 9876543', label: 'mobile', primary: false },
    ]);
    expect(c.organizations).toEqual([{ id: alpha.id, name: 'Alpha Holding' }, { id: bau.id, name: 'Müller Bau GmbH' }]);
    expect(c.accountOwner).toEqual({ id: agent.id, name: 'Olga Owner' });
    expect(c.version).toBe(1);

    const got = expectStatus(await t.api('GET', `/api/v1/customers/${c.id}`, { token: agent.token }), 200);
    expect(got.headers.get('etag')).toBe('"1"');
    expect(got.body).toEqual(c);
    const org = expectStatus(await t.api('GET', `/api/v1/organizations/${bau.id}`, { token: agent.token }), 200).body;
    expect(org.memberCount).toBe(1);
    const owned = expectStatus(await t.api('GET', '/api/v1/customers?accountOwnerId=me', { token: agent.token }), 200).body;
    expect(owned.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
  });

  it('finds customers by partial name, email and phone digits however they are typed', async () => {
    await createCustomer({ name: 'Erika Mustermann', emails: ['erika.mustermann@example.net'], phones: [{ phone: '+49 (30) 1288-0000' }] });
    await createCustomer({ name: 'Mülleimer Service' });
    await createCustomer({ name: 'Ann Other', emails: ['ann@other.example'], phones: [{ phone: '0711 555 666' }] });
    await createCustomer({ name: 'İlkay Yıldız' });

    expect((await search('müll')).sort()).toEqual(['Hans Müller', 'Mülleimer Service']);
    expect((await search('MÜLLER')).sort()).toEqual(['Hans Müller']);
    expect(await search('mustermann@exa')).toEqual(['Erika Mustermann']);
    expect(await search('İlkay')).toEqual(['İlkay Yıldız']); // Turkish capital İ, as typed by a Turkish agent
    expect(await search('ilkay y')).toEqual(['İlkay Yıldız']);
    expect(await search('MUELLER@example')).toEqual(['Hans Müller']); // any of the emails, case-insensitive
    expect(await search('bau.de')).toEqual(['Hans Müller']); // the second email
    // Phones match on digits only: spaces, slashes, dashes and brackets do not matter.
    expect(await search('(030) 12-34')).toEqual(['Hans Müller']); // stored as 030/1234-5678
    expect(await search('+49 30 12')).toEqual(['Erika Mustermann']); // stored as +49 (30) 1288-0000
    expect(await search('555-666')).toEqual(['Ann Other']);
    expect(await search('+49.171/98')).toEqual(['Hans Müller']); // the second phone
    // An email with digits in it is not a phone number: it does not find phones with those digits.
    await createCustomer({ name: 'Ivan Digits', emails: ['ivan1234@example.org'] });
    expect(await search('ivan1234@exam')).toEqual(['Ivan Digits']);
    expect(await search('ivan1234')).toEqual(['Ivan Digits']);
    // LIKE wildcards in the input are literal characters, not "match everything".
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
    expect(await search('nobody-by-this-name')).toEqual([]);
    // The combined search finds the same customer.
    const all = expectStatus(await t.api('GET', `/api/v1/search?q=${encodeURIComponent('mustermann@exa')}`, { token: agent.token }), 200).body;
    expect(all.customers.map((c: { name: string }) => c.name)).toEqual(['Erika Mustermann']);
  });

  it('lists the important fields still missing and empties the list once they are filled via PATCH', async () => {
    await defineField(t, admin, { entity: 'customer', key: 'customer_number', label: 'Customer number', type: 'text', important: true });
    await defineField(t, admin, { entity: 'customer', key: 'hobby', label: 'Hobby', type: 'text' });
    const org = await createOrg('Complete Corp');
    const c = await createCustomer({ name: 'Bare Customer' });
    expect(c.missingFields).toEqual(['email', 'phone', 'preferredLanguage', 'timeZone', 'customFields.customer_number']);

    const path = `/api/v1/customers/${c.id}`;
    expectStatus(await t.api('PATCH', path, { token: agent.token, body: { name: 'Bare Customer' } }), 428);
    const filled = expectStatus(
      await t.api('PATCH', path, {
        token: agent.token,
        headers: { 'if-match': '"1"' },
        body: {
          emails: [`bare.${uniq()}@example.com`],
          phones: [{ phone: '+90 212 555 0101', label: 'mobile' }],
          preferredLanguage: 'tr',
          timeZone: 'Europe/Istanbul',
          organizationIds: [org.id],
          customFields: { customer_number: 'K-1001' },
        },
      }),
      200,
    );
    expect(filled.body.missingFields).toEqual([]);
    expect(filled.body.version).toBe(2);
    expect(filled.headers.get('etag')).toBe('"2"');
    expect((await t.api('GET', path, { token: agent.token })).body.missingFields).toEqual([]);

    const stale = expectStatus(await t.api('PATCH', path, { token: agent.token, headers: { 'if-match': '"1"' }, body: { timeZone: null } }), 412);
    expect(stale.body.currentVersion).toBe(2);
    const cleared = expectStatus(await t.api('PATCH', path, { token: agent.token, body: { version: 2, timeZone: null, customFields: { customer_number: null } } }), 200);
    expect(cleared.body.missingFields).toEqual(['timeZone', 'customFields.customer_number']);
  });

  it('refuses an email that belongs to another customer with 409 naming body.emails.N, writing nothing', async () => {
    const taken = `taken.${uniq()}@example.com`;
    const owner = await createCustomer({ name: 'Email Owner', emails: [taken] });
    const name = `Would-be ${uniq()}`;
    const res = expectStatus(await t.api('POST', '/api/v1/customers', { token: agent.token, body: { name, emails: [`free.${uniq()}@example.com`, taken.toUpperCase()] } }), 409);
    expect(res.body.code).toBe('conflict');
    expect(fieldsOf(res)).toEqual(['body.emails.1']);
    expect(await countRows(t, 'customers', 'name = $1', [name])).toBe(0);

    // The index names the position in the request, also when the request repeats an email.
    const dup = `dup.${uniq()}@example.com`;
    const repeated = expectStatus(await t.api('POST', '/api/v1/customers', { token: agent.token, body: { name, emails: [dup, dup, taken] } }), 409);
    expect(fieldsOf(repeated)).toEqual(['body.emails.2']);

    const other = await createCustomer({ name: 'Other One' });
    const patch = expectStatus(await t.api('PATCH', `/api/v1/customers/${other.id}`, { token: agent.token, body: { version: 1, emails: [taken] } }), 409);
    expect(fieldsOf(patch)).toEqual(['body.emails.0']);
    // Keeping one's own email is no conflict.
    expectStatus(await t.api('PATCH', `/api/v1/customers/${owner.id}`, { token: agent.token, body: { version: 1, emails: [taken, `second.${uniq()}@example.com`] } }), 200);
  });

  it('merges two customers: cases, emails, phones and organizations follow; the source points to the target', async () => {
    const orgT = await createOrg('Target Org');
    const orgS = await createOrg('Source Org');
    const targetEmail = `target.${uniq()}@example.com`;
    const sourceEmails = [`source.${uniq()}@example.com`, `source2.${uniq()}@example.com`];
    const target = await createCustomer({ name: 'Merge Target', emails: [targetEmail], organizationIds: [orgT.id], tags: ['gold'] });
    const source = await createCustomer({
      name: 'Merge Source Duplicate',
      emails: sourceEmails,
      phones: [{ phone: '089 4444 5555' }],
      organizationIds: [orgS.id],
      tags: ['newsletter'],
      preferredLanguage: 'de',
    });
    const c1 = await newCase(t, agent, { requesterId: source.id, teamId: team });
    const c2 = await newCase(t, agent, { requesterId: source.id, teamId: team });
    const c3 = await newCase(t, agent, { requesterId: target.id, teamId: team });

    const merged = expectStatus(await t.api('POST', `/api/v1/customers/${target.id}/merge`, { token: agent.token, body: { sourceId: source.id } }), 200).body;
    expect(merged.id).toBe(target.id);
    expect(merged.emails.map((e: { email: string }) => e.email).sort()).toEqual([targetEmail, ...sourceEmails].sort());
    expect(merged.emails.filter((e: { primary: boolean }) => e.primary)).toEqual([{ email: targetEmail, primary: true }]);
    expect(merged.phones.map((p: { phone: string }) => p.phone)).toEqual(['089 4444 5555']);
    expect(merged.organizations.map((o: { id: string }) => o.id).sort()).toEqual([orgT.id, orgS.id].sort());
    expect(merged.tags.sort()).toEqual(['gold', 'newsletter']);
    expect(merged.preferredLanguage).toBe('de');

    for (const c of [c1, c2]) {
      const got = expectStatus(await t.api('GET', `/api/v1/cases/${c.id}`, { token: agent.token }), 200).body;
      expect(got.requester).toEqual({ id: target.id, name: 'Merge Target', email: targetEmail });
    }
    const ofTarget = await allPages(t, agent, `/api/v1/cases?view=all&requesterId=${target.id}`);
    expect(ofTarget.map((c) => c.id).sort()).toEqual([c1.id, c2.id, c3.id].sort());
    expect(await allPages(t, agent, `/api/v1/cases?view=all&requesterId=${source.id}`)).toEqual([]);

    const src = expectStatus(await t.api('GET', `/api/v1/customers/${source.id}`, { token: agent.token }), 200).body;
    expect(src.mergedIntoId).toBe(target.id);
    expect(src.emails).toEqual([]);
    expect(await search('Merge Source Duplicate')).toEqual([]); // merged customers leave the list
    expect(await search(sourceEmails[0]!)).toEqual(['Merge Target']);

    // A new contact from a moved email lands on the target.
    const later = await newCase(t, agent, { requester: { name: 'Someone', email: sourceEmails[1] } });
    expect(later.requester.id).toBe(target.id);
    const bySourceId = await newCase(t, agent, { requesterId: source.id });
    expect(bySourceId.requester.id).toBe(target.id);

    for (const [into, from] of [[target.id, source.id], [source.id, target.id]]) {
      const again = expectStatus(await t.api('POST', `/api/v1/customers/${into}/merge`, { token: agent.token, body: { sourceId: from } }), 422);
      expect(again.body.code).toBe('unprocessable');
      expect(again.body.detail).toMatch(/already merged/);
    }
    const self = expectStatus(await t.api('POST', `/api/v1/customers/${target.id}/merge`, { token: agent.token, body: { sourceId: target.id } }), 400);
    expect(fieldsOf(self)).toEqual(['body.sourceId']);
    const edit = expectStatus(await t.api('PATCH', `/api/v1/customers/${source.id}`, { token: agent.token, body: { version: src.version, name: 'X' } }), 422);
    expect(edit.body.mergedIntoId).toBe(target.id);
  });

  it('creates, lists, searches and updates organizations', async () => {
    const acme = await createOrg('ACME Rockets AG', ['acme-rockets.de', 'acme.example']);
    await createOrg('Zenith Tools');
    const ist = await createOrg('İstanbul Lojistik');
    await createOrg('Izmir Tekstil'); // sorts right after "İstanbul…": a page boundary there must not skip it
    const istHits = expectStatus(await t.api('GET', `/api/v1/organizations?q=${encodeURIComponent('İstanbul')}`, { token: agent.token }), 200).body.items;
    expect(istHits.map((o: { id: string }) => o.id)).toEqual([ist.id]);
    // Every organization once, in name order, also when a page ends on "İstanbul…".
    const inOrder = (await sqlRows<{ id: string }>(t, 'select id from organizations order by lower(name), id')).map((r) => r.id);
    expect(inOrder).toContain(acme.id);
    for (const limit of [1, 2]) {
      expect((await allPages(t, agent, `/api/v1/organizations?limit=${limit}`)).map((o) => o.id)).toEqual(inOrder);
    }

    const byName = expectStatus(await t.api('GET', '/api/v1/organizations?q=rOCKet', { token: agent.token }), 200).body.items;
    expect(byName.map((o: { id: string }) => o.id)).toEqual([acme.id]);
    const byDomain = expectStatus(await t.api('GET', '/api/v1/organizations?q=acme.exa', { token: agent.token }), 200).body.items;
    expect(byDomain.map((o: { id: string }) => o.id)).toEqual([acme.id]);

    const path = `/api/v1/organizations/${acme.id}`;
    expectStatus(await t.api('PATCH', path, { token: agent.token, body: { tier: 'gold' } }), 428);
    const updated = expectStatus(await t.api('PATCH', path, { token: agent.token, headers: { 'if-match': '"1"' }, body: { name: 'ACME Space AG', tier: 'gold', domains: ['ACME.Space'] } }), 200).body;
    expect(updated).toMatchObject({ name: 'ACME Space AG', tier: 'gold', domains: ['acme.space'], version: 2 });
    const stale = expectStatus(await t.api('PATCH', path, { token: agent.token, headers: { 'if-match': '"1"' }, body: { tier: 'silver' } }), 412);
    expect(stale.body.currentVersion).toBe(2);
    const got = expectStatus(await t.api('GET', path, { token: agent.token }), 200);
    expect(got.headers.get('etag')).toBe('"2"');
    expect(got.body.tier).toBe('gold');
    expect(expectStatus(await t.api('GET', '/api/v1/organizations?q=rocket', { token: agent.token }), 200).body.items).toEqual([]);
  });

  it('pages over customers by keyset without duplicates or gaps, also across equal and non-ASCII names', async () => {
    const org = await createOrg(`Pager ${uniq()}`);
    const names = [
      'Ida', 'İlker', 'Ilse', 'imke', 'Iris', 'İpek', 'Zoe', 'zoe', 'ZOE', 'Zoë', 'Ärzte Team', 'anna', 'Anna', 'ANNA', 'Özlem',
      'Bob', 'bob', 'Çelik', 'Şule', 'Ute', 'Ümit', 'Xaver', 'Yvonne', 'Maria', 'María', 'Marie', 'Mark', 'Nils', 'Ole', 'Paul',
    ];
    const ids: string[] = [];
    for (const name of names) ids.push((await createCustomer({ name, organizationIds: [org.id] })).id);
    const expected = (
      await sqlRows<{ id: string }>(
        t,
        'select c.id from customers c join customer_organizations co on co.customer_id = c.id where co.organization_id = $1 order by lower(c.name), c.id',
        [org.id],
      )
    ).map((r) => r.id);
    expect(expected.sort()).toEqual([...ids].sort());
    const ordered = (
      await sqlRows<{ id: string }>(t, 'select c.id from customers c where c.id = any($1::uuid[]) order by lower(c.name), c.id', [ids])
    ).map((r) => r.id);

    for (const limit of [7, 1]) {
      const pages = await allPages(t, agent, `/api/v1/customers?organizationId=${org.id}&limit=${limit}`);
      expect(pages.map((c) => c.id)).toEqual(ordered);
    }
    // The unfiltered list too: every active customer exactly once, in name order.
    const everyone = (await sqlRows<{ id: string }>(t, 'select id from customers where merged_into_id is null order by lower(name), id')).map((r) => r.id);
    expect((await allPages(t, agent, '/api/v1/customers?limit=7')).map((c) => c.id)).toEqual(everyone);
  });
});
