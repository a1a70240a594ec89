import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../../../test/harness.ts';
import { expectStatus } from '../../../test/factories.ts';

/** The public help center: pages a search engine and a customer without JavaScript get. */
describe('help center', () => {
  let t: TestApp;
  let supervisor: TestUser;
  let publicArticle: { id: string; slug: string };
  let internalArticle: { id: string; slug: string };
  let draftArticle: { id: string; slug: string };

  const page = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(t.url + path, { redirect: 'manual', ...init });
    return { status: res.status, headers: res.headers, html: await res.text() };
  };

  beforeAll(async () => {
    t = await startTestApp();
    supervisor = await t.user('supervisor');
    const category = expectStatus(
      await t.api('POST', '/api/v1/knowledge/categories', {
        token: supervisor.token,
        body: { slug: 'returns', translations: { de: { name: 'Rückgabe & Erstattung', description: 'Rückgaben im Markt' }, en: { name: 'Returns', description: 'Returns in store' } } },
      }),
      201,
    ).body;
    const create = async (body: Record<string, unknown>) => expectStatus(await t.api('POST', '/api/v1/knowledge/articles', { token: supervisor.token, body: { categoryId: category.id, ...body } }), 201).body;
    publicArticle = await create({
      visibility: 'public',
      sourceLanguage: 'de',
      translations: {
        de: { title: 'Rückgabe im Markt', summary: 'So geben Sie Ware im Markt zurück.', bodyHtml: '<p>Die Rückgabe ist 30 Tage möglich. Bringen Sie den Kassenbon mit.</p>' },
        en: { title: 'Returning in store', summary: 'How to return items in store.', bodyHtml: '<p>Returns are possible for 30 days.</p>' },
      },
    });
    internalArticle = await create({ visibility: 'internal', sourceLanguage: 'de', translations: { de: { title: 'Interne Rückgabe-Kulanz', bodyHtml: '<p>Rückgabe auch nach 40 Tagen bei Stammkunden.</p>' } } });
    draftArticle = await create({ visibility: 'draft', sourceLanguage: 'de', translations: { de: { title: 'Entwurf Rückgabe', bodyHtml: '<p>Rückgabe Entwurf.</p>' } } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends a reader to their language and renders a complete, script-free page with navigation', async () => {
    const root = await page('/help', { headers: { 'accept-language': 'tr-TR,tr;q=0.9,de;q=0.8' } });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/help/tr');
    const home = await page('/help/de');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(home.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(home.html).toContain('<html lang="de">');
    expect(home.html).toMatch(/<title>Hilfe-Center · [^<]+<\/title>/);
    expect(home.html).toContain('<meta name="description"');
    expect(home.html).toContain(`<link rel="alternate" hreflang="tr" href="${t.url}/help/tr">`);
    expect(home.html).toContain('<a href="/help/troubleshoot">Fehlerbehebung</a>');
    expect(home.html).toContain('<a href="/portal">Meine Anfragen</a>');
    expect(home.html).not.toContain('<script');
    expect(home.html).toContain('Rückgabe &amp; Erstattung');
    expect(home.html).toContain('Rückgabe im Markt');
    expect(home.html).not.toContain('Interne Rückgabe-Kulanz');
    expect(home.html).not.toContain('Entwurf Rückgabe');
  });

  it('finds an article by searching in German (stemmed, highlighted) and never shows internal or draft ones', async () => {
    const res = await page(`/help/de/search?q=${encodeURIComponent('Rückgaben')}`);
    expect(res.status).toBe(200);
    expect(res.html).toContain(`<a href="/help/de/articles/${publicArticle.slug}">Rückgabe im Markt</a>`);
    expect(res.html).toContain('<mark>Rückgabe</mark>');
    expect(res.html).toContain('<meta name="robots" content="noindex">');
    expect(res.html).not.toContain('Interne Rückgabe-Kulanz');
    expect(res.html).not.toContain('Entwurf');
    const none = await page(`/help/de/search?q=${encodeURIComponent('<script>alert(1)</script> Zebra')}`);
    expect(none.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Zebra');
    expect(none.html).not.toContain('<script>alert');
  });

  it('shows an article with hreflang and canonical; a missing language falls back and says so', async () => {
    const de = await page(`/help/de/articles/${publicArticle.slug}`);
    expect(de.status).toBe(200);
    expect(de.html).toContain('<title>Rückgabe im Markt · ');
    expect(de.html).toContain('<meta name="description" content="So geben Sie Ware im Markt zurück.">');
    expect(de.html).toContain(`<link rel="alternate" hreflang="en" href="${t.url}/help/en/articles/${publicArticle.slug}">`);
    expect(de.html).not.toContain('hreflang="et" href');
    expect(de.html).toContain(`<link rel="canonical" href="${t.url}/help/de/articles/${publicArticle.slug}">`);
    const et = await page(`/help/et/articles/${publicArticle.slug}`);
    expect(et.status).toBe(200);
    expect(et.html).toContain('Seda artiklit pole veel sinu keeles; see on näidatud keeles: Deutsch.');
    expect(et.html).toContain('<article class="content" lang="de">');
    expect(et.html).toContain(`<link rel="canonical" href="${t.url}/help/de/articles/${publicArticle.slug}">`);
    for (const hidden of [internalArticle, draftArticle]) {
      const res = await page(`/help/de/articles/${hidden.slug}`);
      expect(res.status).toBe(404);
      expect(res.html).toContain('Seite nicht gefunden');
    }
    expect((await page('/help/xx')).status).toBe(404);
  });

  it('"was this helpful?" works as a plain form post, then thanks the reader', async () => {
    const post = await page(`/help/de/articles/${publicArticle.slug}/feedback`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'helpful=yes' });
    expect(post.status).toBe(303);
    expect(post.headers.get('location')).toBe(`/help/de/articles/${publicArticle.slug}?feedback=thanks#feedback`);
    await page(`/help/en/articles/${publicArticle.slug}/feedback`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'helpful=no' });
    const thanked = await page(`/help/de/articles/${publicArticle.slug}?feedback=thanks`);
    expect(thanked.html).toContain('Vielen Dank für Ihre Rückmeldung.');
    const article = expectStatus(await t.api('GET', `/api/v1/knowledge/articles/${publicArticle.id}`, { token: supervisor.token }), 200).body;
    expect(article.stats).toMatchObject({ helpful: 1, notHelpful: 1 });
    const hidden = await page(`/help/de/articles/${internalArticle.slug}/feedback`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'helpful=yes' });
    expect(hidden.status).toBe(404);
    // the API beside it still takes JSON only
    const form = await fetch(`${t.url}/api/v1/knowledge/articles/${publicArticle.id}/feedback`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${supervisor.token}` }, body: 'helpful=yes' });
    expect(form.status).toBe(415);
  });

  it('lists public pages in the sitemap with their language versions', async () => {
    const res = await page('/help/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/xml');
    expect(res.html).toContain(`<loc>${t.url}/help/de/articles/${publicArticle.slug}</loc>`);
    expect(res.html).toContain(`<xhtml:link rel="alternate" hreflang="en" href="${t.url}/help/en/articles/${publicArticle.slug}"/>`);
    expect(res.html).not.toContain(internalArticle.slug);
    expect(res.html).not.toContain(draftArticle.slug);
  });

  it('serves article images with safe headers; files of internal articles only to staff', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const upload = async () => {
      const form = new FormData();
      form.append('file', new Blob([png], { type: 'image/png' }), 'till.png');
      const res = await fetch(`${t.url}/api/v1/knowledge/files`, { method: 'POST', headers: { authorization: `Bearer ${supervisor.token}` }, body: form });
      expect(res.status).toBe(201);
      return (await res.json()) as { id: string; url: string };
    };
    const image = await upload();
    const before = await page(image.url);
    expect(before.status).toBe(404);
    const cur = expectStatus(await t.api('GET', `/api/v1/knowledge/articles/${publicArticle.id}`, { token: supervisor.token }), 200).body;
    expectStatus(
      await t.api('PATCH', `/api/v1/knowledge/articles/${publicArticle.id}`, {
        token: supervisor.token,
        headers: { 'if-match': `"${cur.version}"` },
        body: { translations: { de: { title: 'Rückgabe im Markt', summary: 'So geben Sie Ware im Markt zurück.', bodyHtml: `<p>Der Schalter:</p><img src="${image.url}" alt="Rückgabeschalter">` } } },
      }),
      200,
    );
    const served = await fetch(t.url + image.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    expect((await page(`/help/de/articles/${publicArticle.slug}`)).html).toContain(`<img src="${image.url}" alt="Rückgabeschalter" />`);

    const secret = await upload();
    const cur2 = expectStatus(await t.api('GET', `/api/v1/knowledge/articles/${internalArticle.id}`, { token: supervisor.token }), 200).body;
    expectStatus(await t.api('PATCH', `/api/v1/knowledge/articles/${internalArticle.id}`, { token: supervisor.token, headers: { 'if-match': `"${cur2.version}"` }, body: { fileIds: [secret.id] } }), 200);
    expect((await page(secret.url)).status).toBe(404);
    expect((await fetch(t.url + secret.url, { headers: { authorization: `Bearer ${supervisor.token}` } })).status).toBe(200);
  });
});
