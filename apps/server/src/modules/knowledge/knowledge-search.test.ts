import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../../../test/harness.ts';
import { expectStatus } from '../../../test/factories.ts';

/** Search in each language: stemming per language configuration, Estonian prefixes, typos, ranking, highlights. */
describe('knowledge search', () => {
  let t: TestApp;
  let supervisor: TestUser;
  let agent: TestUser;
  const ids: Record<string, string> = {};

  const search = async (q: string, language?: string, user: TestUser = agent) => {
    const qs = new URLSearchParams({ q, ...(language ? { language } : {}) });
    return expectStatus(await t.api('GET', `/api/v1/knowledge/search?${qs}`, { token: user.token }), 200).body as {
      items: Array<{ id: string; title: string; language: string; fellBack: boolean; highlight: Array<{ text: string; match: boolean }>; matchedBy: string; rank: number }>;
      correctedQuery: string | null;
    };
  };
  const titles = (r: { items: Array<{ title: string }> }) => r.items.map((i) => i.title);

  beforeAll(async () => {
    t = await startTestApp();
    supervisor = await t.user('supervisor');
    agent = await t.user('agent');
    const create = async (key: string, body: Record<string, unknown>) => {
      ids[key] = expectStatus(await t.api('POST', '/api/v1/knowledge/articles', { token: supervisor.token, body: { visibility: 'public', ...body } }), 201).body.id;
    };
    await create('returns', {
      sourceLanguage: 'de',
      translations: {
        de: { title: 'Rückgabe und Erstattung', bodyHtml: '<p>Die Rückgabe ist 30 Tage lang möglich. Bringen Sie den Kassenbon mit.</p>' },
        en: { title: 'Returns and refunds', bodyHtml: '<p>You can return an item within 30 days. The refund goes to your card.</p>' },
        et: { title: 'Toote tagastamine', bodyHtml: '<p>Kauba tagastamine on võimalik 30 päeva jooksul. Raha tagastus kantakse kaardile.</p>' },
        tr: { title: 'İade ve geri ödeme', bodyHtml: '<p>Ürünlerinizi 30 gün içinde iade edebilirsiniz. Faturalar ve fişler gereklidir.</p>' },
      },
    });
    await create('warranty', {
      sourceLanguage: 'en',
      translations: {
        en: { title: 'Broken device: warranty and replacement', bodyHtml: '<p>Every device has a two-year warranty. Within 30 days we replace it.</p>' },
        de: { title: 'Defektes Gerät: Garantie und Ersatz', bodyHtml: '<p>Jedes Gerät hat zwei Jahre Garantie. Innerhalb von 30 Tagen tauschen wir es um.</p>' },
      },
    });
    await create('hotel', {
      sourceLanguage: 'et',
      translations: {
        et: { title: 'Hotellitoa vahetamine', bodyHtml: '<p>Kui tuba on liiga mürarikas, vahetame toa samal päeval. Pöörduge vastuvõttu.</p>' },
        tr: { title: 'Otel odanızı değiştirme', bodyHtml: '<p>Odanız gürültülüyse aynı gün değiştiririz. Faturanız değişmez.</p>' },
      },
    });
    await create('internal', {
      visibility: 'internal',
      sourceLanguage: 'en',
      translations: { en: { title: 'Refund limits for agents', bodyHtml: '<p>Agents may refund goodwill up to 25 euros.</p>' } },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('German stemming: "Rückgaben" finds the article that says "Rückgabe", highlighted', async () => {
    const r = await search('Rückgaben', 'de');
    expect(r.items[0]?.id).toBe(ids.returns);
    expect(r.items[0]?.language).toBe('de');
    expect(r.items[0]?.highlight.filter((p) => p.match).map((p) => p.text)).toContain('Rückgabe');
  });

  it('English stemming: "refunding devices" finds both the refund and the device article', async () => {
    expect(titles(await search('refunds', 'en'))).toContain('Returns and refunds');
    expect((await search('replacing', 'en')).items[0]?.id).toBe(ids.warranty);
  });

  it('Turkish: "faturalar" finds texts that say "Faturanız" and "Faturalar"; the language decides the stemmer', async () => {
    const r = await search('faturalar', 'tr');
    expect(r.items.map((i) => i.id).sort()).toEqual([ids.returns, ids.hotel].sort());
    expect(r.items.every((i) => i.language === 'tr')).toBe(true);
    // searching German: the article with a German text is searched in German (no match); the
    // one without is searched in its other languages and found in Turkish, marked as fallback
    expect((await search('faturalar', 'de')).items.map((i) => [i.id, i.fellBack])).toEqual([[ids.hotel, true]]);
  });

  it('Estonian (no stemmer on PostgreSQL 15): inflected forms are found by prefix', async () => {
    const r = await search('tagastuse', 'et');
    expect(r.items[0]?.id).toBe(ids.returns);
    expect(r.items[0]?.language).toBe('et');
    expect((await search('toavahetus vastuvõtus', 'et')).items.map((i) => i.id)).toContain(ids.hotel);
  });

  it('a language without a translation falls back to another and says so', async () => {
    const r = await search('Garantie', 'et');
    expect(r.items[0]?.id).toBe(ids.warranty);
    expect(r.items[0]?.fellBack).toBe(true);
    const hotel = await search('hotellitoa', 'de');
    expect(hotel.items[0]).toMatchObject({ id: ids.hotel, language: 'et', fellBack: true });
  });

  it('typos: a misspelt title word matches by similarity, a misspelt body word is corrected', async () => {
    const title = await search('waranty', 'en');
    expect(title.items[0]?.id).toBe(ids.warranty);
    expect(title.items[0]?.matchedBy).toBe('title');
    const two = await search('waranty replacment', 'en');
    expect(two.items[0]?.id).toBe(ids.warranty);
    expect(two.correctedQuery).toBe('warranty replacement');
    const body = await search('Kasenbon', 'de');
    expect(body.items[0]?.id).toBe(ids.returns);
    expect(body.correctedQuery).toBe('kassenbon');
  });

  it('ranks a title match above a mention in the text', async () => {
    const r = await search('Garantie Gerät', 'de');
    expect(r.items[0]?.id).toBe(ids.warranty);
  });

  it('search never shows agents drafts, and shows internal articles only to staff', async () => {
    expect(titles(await search('refund limits', 'en'))).toContain('Refund limits for agents');
    const pub = expectStatus(await t.api('GET', '/api/v1/knowledge/public/search?q=refund+limits&language=en'), 200).body as { items: Array<{ title: string }> };
    expect(titles(pub)).not.toContain('Refund limits for agents');
    const draft = expectStatus(
      await t.api('POST', '/api/v1/knowledge/articles', { token: supervisor.token, body: { sourceLanguage: 'en', translations: { en: { title: 'Secret draft about zebras', bodyHtml: '<p>zebras</p>' } } } }),
      201,
    );
    expect(draft.body.visibility).toBe('draft');
    expect((await search('zebras', 'en')).items).toEqual([]);
    expect(titles(await search('zebras', 'en', supervisor))).toEqual(['Secret draft about zebras']);
  });

  // changes the warranty article: last
  it('removing a translation makes the article answer that language in its others; adding one ends it', async () => {
    const patch = async (body: Record<string, unknown>) => {
      const cur = expectStatus(await t.api('GET', `/api/v1/knowledge/articles/${ids.warranty}`, { token: supervisor.token }), 200).body;
      expectStatus(await t.api('PATCH', `/api/v1/knowledge/articles/${ids.warranty}`, { token: supervisor.token, body, headers: { 'if-match': `"${cur.version}"` } }), 200);
    };
    await patch({ translations: { et: { title: 'Katkine seade: garantii', bodyHtml: '<p>Igal seadmel on kaheaastane garantii.</p>' } } });
    // now found in its own Estonian text (the prefix "garan" of Garantie), no longer as a fallback
    expect((await search('Garantie', 'et')).items[0]).toMatchObject({ id: ids.warranty, language: 'et', fellBack: false });
    expect((await search('ersatz', 'et')).items.map((i) => i.id)).not.toContain(ids.warranty);
    await patch({ translations: { et: null, de: null } });
    expect((await search('Garantie', 'de')).items.map((i) => i.id)).not.toContain(ids.warranty);
    expect((await search('warranty', 'de')).items[0]).toMatchObject({ id: ids.warranty, language: 'en', fellBack: true });
    expect((await search('warranty', 'et')).items[0]).toMatchObject({ id: ids.warranty, language: 'en', fellBack: true });
  });
});
