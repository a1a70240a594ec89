import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../../../test/harness.ts';
import { expectStatus, newCase, timelineOf } from '../../../test/factories.ts';

/** Articles, roles, revisions and the knowledge base on a case. */
describe('knowledge base', () => {
  let t: TestApp;
  let admin: TestUser;
  let supervisor: TestUser;
  let agent: TestUser;
  let customer: TestUser;
  let returnsTeam: string;
  let billingTeam: string;

  const createArticle = async (body: Record<string, unknown>, user = supervisor) => t.api('POST', '/api/v1/knowledge/articles', { token: user.token, body });
  const getArticle = async (id: string, user = supervisor) => expectStatus(await t.api('GET', `/api/v1/knowledge/articles/${id}`, { token: user.token }), 200).body;
  const patchArticle = async (id: string, body: Record<string, unknown>, user = supervisor) => {
    const cur = await getArticle(id);
    return t.api('PATCH', `/api/v1/knowledge/articles/${id}`, { token: user.token, body, headers: { 'if-match': `"${cur.version}"` } });
  };

  beforeAll(async () => {
    t = await startTestApp();
    returnsTeam = await t.team('Returns');
    billingTeam = await t.team('Billing');
    admin = await t.user('admin');
    supervisor = await t.user('supervisor', [returnsTeam]);
    agent = await t.user('agent', [returnsTeam]);
    customer = await t.user('customer');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('only supervisors and admins write; agents read public and internal, never drafts; customers use the public API only', async () => {
    const body = { sourceLanguage: 'en', visibility: 'internal', translations: { en: { title: 'Till procedures', bodyHtml: '<p>Count the till at 18:00.</p>' } } };
    expect((await createArticle(body, agent)).status).toBe(403);
    const internal = expectStatus(await createArticle(body, admin), 201).body;
    const draft = expectStatus(await createArticle({ ...body, visibility: 'draft', translations: { en: { title: 'Unfinished', bodyHtml: '<p>x</p>' } } }), 201).body;
    expect((await t.api('GET', `/api/v1/knowledge/articles/${internal.id}`, { token: agent.token })).status).toBe(200);
    expect((await t.api('GET', `/api/v1/knowledge/articles/${draft.id}`, { token: agent.token })).status).toBe(404);
    const list = expectStatus(await t.api('GET', '/api/v1/knowledge/articles', { token: agent.token }), 200).body.items.map((a: { id: string }) => a.id);
    expect(list).toContain(internal.id);
    expect(list).not.toContain(draft.id);
    expect((await t.api('GET', '/api/v1/knowledge/articles', { token: customer.token })).status).toBe(403);
    expect((await t.api('GET', `/api/v1/knowledge/public/articles/${internal.id}`)).status).toBe(404);
    expect((await t.api('GET', `/api/v1/knowledge/public/articles/${draft.id}`)).status).toBe(404);
    expect((await t.api('POST', `/api/v1/knowledge/articles/${internal.id}/feedback`, { token: customer.token, body: { helpful: true, language: 'en' } })).status).toBe(404);
  });

  it('stores sanitized HTML: scripts, handlers and foreign images are gone, links to other sites get rel=noopener', async () => {
    const res = expectStatus(
      await createArticle({
        sourceLanguage: 'en',
        translations: { en: { title: 'Unsafe', bodyHtml: '<h1>Big</h1><p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:alert(1)">bad</a> <a href="https://example.com/x">ok</a></p><img src="http://tracker.example/p.gif"><iframe src="https://x"></iframe>' } },
      }),
      201,
    );
    const html: string = res.body.translations[0].bodyHtml;
    expect(html).not.toMatch(/script|onclick|javascript:|iframe|tracker/);
    expect(html).toContain('<h2>Big</h2>');
    expect(html).toContain('<a href="https://example.com/x" rel="noopener noreferrer nofollow" target="_blank">ok</a>');
  });

  it('keeps every saved version: diff against the one before, restore as a new revision', async () => {
    const a = expectStatus(await createArticle({ visibility: 'internal', sourceLanguage: 'de', translations: { de: { title: 'Rückgabefrist', bodyHtml: '<p>Sie haben 14 Tage Zeit.</p>' } } }), 201).body;
    expectStatus(await patchArticle(a.id, { translations: { de: { title: 'Rückgabefrist', bodyHtml: '<p>Sie haben 30 Tage Zeit.</p>' } } }), 200);
    // a save that changes nothing writes no revision
    expectStatus(await patchArticle(a.id, { translations: { de: { title: 'Rückgabefrist', bodyHtml: '<p>Sie haben 30 Tage Zeit.</p>' } } }), 200);
    const revisions = expectStatus(await t.api('GET', `/api/v1/knowledge/articles/${a.id}/revisions`, { token: agent.token }), 200).body.items;
    expect(revisions.map((r: { number: number }) => r.number)).toEqual([2, 1]);
    const diff = expectStatus(await t.api('GET', `/api/v1/knowledge/articles/${a.id}/revisions/${revisions[0].id}/diff`, { token: agent.token }), 200).body;
    expect(diff.body.filter((p: { removed: boolean }) => p.removed).map((p: { value: string }) => p.value.trim())).toEqual(['14']);
    expect(diff.body.filter((p: { added: boolean }) => p.added).map((p: { value: string }) => p.value.trim())).toEqual(['30']);

    const cur = await getArticle(a.id);
    expect((await t.api('POST', `/api/v1/knowledge/articles/${a.id}/revisions/${revisions[1].id}/restore`, { token: agent.token, body: {}, headers: { 'if-match': `"${cur.version}"` } })).status).toBe(403);
    const stale = await t.api('POST', `/api/v1/knowledge/articles/${a.id}/revisions/${revisions[1].id}/restore`, { token: supervisor.token, body: {}, headers: { 'if-match': `"${cur.version - 1}"` } });
    expect(stale.status).toBe(412);
    const restored = expectStatus(await t.api('POST', `/api/v1/knowledge/articles/${a.id}/revisions/${revisions[1].id}/restore`, { token: supervisor.token, body: {}, headers: { 'if-match': `"${cur.version}"` } }), 200).body;
    expect(restored.translations[0]).toMatchObject({ bodyHtml: '<p>Sie haben 14 Tage Zeit.</p>', revision: 3 });
    const after = expectStatus(await t.api('GET', `/api/v1/knowledge/articles/${a.id}/revisions?language=de`, { token: agent.token }), 200).body.items;
    expect(after[0]).toMatchObject({ number: 3, restoredFrom: revisions[1].id });
    // the restored text is what search finds now
    const found = expectStatus(await t.api('GET', `/api/v1/knowledge/search?q=${encodeURIComponent('14 Tage Rückgabefrist')}&language=de`, { token: agent.token }), 200).body;
    expect(found.items[0]?.id).toBe(a.id);
  });

  it('inserting an article into a reply uses the customer’s language, writes knowledge.article_sent on the timeline and counts the use', async () => {
    const article = expectStatus(
      await createArticle({
        visibility: 'public',
        sourceLanguage: 'en',
        translations: {
          en: { title: 'Refunds to your card', bodyHtml: '<p>Refunds take 3–5 days. See <a href="/help/en/articles/x">more</a>.</p>' },
          tr: { title: 'Kartınıza iade', bodyHtml: '<p>İadeler 3–5 gün sürer.</p>' },
        },
      }),
      201,
    ).body;
    const turkish = expectStatus(await t.api('POST', '/api/v1/customers', { token: agent.token, body: { name: 'Ayşe Demir', emails: ['ayse.demir@example.com'], preferredLanguage: 'tr' } }), 201).body;
    const c = await newCase(t, agent, { subject: 'Kart iadesi gelmedi', requesterId: turkish.id, teamId: returnsTeam, message: { body: 'İadem hâlâ kartıma yansımadı.' } });

    const sent = expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/knowledge/send`, { token: agent.token, body: { articleId: article.id, mode: 'link' } }), 200).body;
    expect(sent).toMatchObject({ language: 'tr', fellBack: false });
    expect(sent.text).toBe(`Kartınıza iade: ${t.url}/help/tr/articles/${article.slug}`);
    const text = expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/knowledge/send`, { token: agent.token, body: { articleId: article.id, mode: 'text', language: 'de' } }), 200).body;
    // no German text: English (the source) is sent and the answer says it fell back
    expect(text).toMatchObject({ language: 'en', fellBack: true });
    expect(text.text).toContain('Refunds take 3–5 days. See more (' + t.url + '/help/en/articles/x).');

    const timeline = await timelineOf(t, agent, c.id);
    const activities = timeline.filter((e) => e.kind === 'activity') as unknown as Array<{ body: string; activity: { type: string; data: Record<string, unknown> } }>;
    expect(activities.map((a) => a.activity.type)).toEqual(['knowledge.article_sent', 'knowledge.article_sent']);
    expect(activities[0]!.activity.data).toMatchObject({ articleId: article.id, title: 'Kartınıza iade', language: 'tr', mode: 'link' });
    expect(activities[1]!.body).toContain('no Deutsch version');
    const after = await getArticle(article.id, agent);
    expect(after.stats.uses).toBe(2);
    const uses = expectStatus(await t.api('GET', `/api/v1/knowledge/articles/${article.id}/uses`, { token: agent.token }), 200).body.items;
    expect(uses.map((u: { caseNumber: number }) => u.caseNumber)).toEqual([c.number, c.number]);

    // internal articles are for agents' eyes: not sent to customers
    const internal = expectStatus(await createArticle({ visibility: 'internal', sourceLanguage: 'en', translations: { en: { title: 'Internal', bodyHtml: '<p>x</p>' } } }), 201).body;
    expect((await t.api('POST', `/api/v1/cases/${c.id}/knowledge/send`, { token: agent.token, body: { articleId: internal.id, mode: 'text' } })).status).toBe(422);
    // a case the agent may not see: not found
    const other = await newCase(t, admin, { subject: 'Billing only', teamId: billingTeam });
    expect((await t.api('POST', `/api/v1/cases/${other.id}/knowledge/send`, { token: agent.token, body: { articleId: article.id, mode: 'link' } })).status).toBe(404);
  });

  it('suggests articles from the case’s subject and messages, in the customer’s language', async () => {
    const refund = expectStatus(
      await createArticle({
        visibility: 'public',
        sourceLanguage: 'de',
        translations: {
          de: { title: 'Erstattung auf die Kreditkarte', bodyHtml: '<p>Die Erstattung nach einer Rückgabe erscheint nach 3–5 Tagen auf der Kreditkartenabrechnung.</p>' },
          en: { title: 'Refund to your credit card', bodyHtml: '<p>After a return the refund shows on your card statement after 3–5 days.</p>' },
        },
      }),
      201,
    ).body;
    const c = await newCase(t, agent, {
      subject: 'Laptop zurückgegeben, Erstattung fehlt',
      teamId: returnsTeam,
      message: { body: 'Guten Tag, ich habe den Laptop vor zwei Wochen zurückgegeben, aber die Erstattung ist noch nicht auf meiner Kreditkarte. Bitte prüfen Sie das.' },
    });
    const s = expectStatus(await t.api('GET', `/api/v1/cases/${c.id}/knowledge/suggestions`, { token: agent.token }), 200).body;
    // no preferred language: guessed from the German text
    expect(s.language).toBe('de');
    expect(s.items[0]).toMatchObject({ id: refund.id, language: 'de', title: 'Erstattung auf die Kreditkarte' });
  });

  it('shows the policies pinned to the case’s team or tags, and only those', async () => {
    const pinned = (title: string, policy: Record<string, unknown>, visibility = 'internal') =>
      createArticle({ visibility, sourceLanguage: 'en', policy: { isPolicy: true, teamIds: [], tags: [], ...policy }, translations: { en: { title, bodyHtml: `<p>${title}</p>` } } }).then((r) => expectStatus(r, 201).body);
    const byTeam = await pinned('Returns team policy', { teamIds: [returnsTeam] });
    const byTag = await pinned('Price match policy', { tags: ['wrong-price'] }, 'public');
    await pinned('Billing team policy', { teamIds: [billingTeam] });
    const bad = await createArticle({ sourceLanguage: 'en', policy: { isPolicy: true, teamIds: ['6f1c2b3a-0000-4000-8000-000000000000'], tags: [] }, translations: { en: { title: 'x', bodyHtml: 'x' } } });
    expect(bad.status).toBe(400);

    const c = await newCase(t, agent, { subject: 'Till charged the wrong price', teamId: returnsTeam, tags: ['wrong-price'] });
    const p = expectStatus(await t.api('GET', `/api/v1/cases/${c.id}/knowledge/policies`, { token: agent.token }), 200).body;
    expect(p.items.map((i: { id: string }) => i.id).sort()).toEqual([byTeam.id, byTag.id].sort());
    expect(p.items.find((i: { id: string }) => i.id === byTag.id).pinnedBy).toEqual({ team: false, tags: ['wrong-price'] });
    expect(p.items.find((i: { id: string }) => i.id === byTeam.id).pinnedBy).toEqual({ team: true, tags: [] });
    const plain = await newCase(t, agent, { subject: 'Something else', teamId: returnsTeam });
    expect(expectStatus(await t.api('GET', `/api/v1/cases/${plain.id}/knowledge/policies`, { token: agent.token }), 200).body.items.map((i: { id: string }) => i.id)).toEqual([byTeam.id]);
  });
});
