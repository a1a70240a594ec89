import { expect, test } from 'vitest';
import { apiAs, expectAccessible, logins, newContext, signIn } from './harness.ts';
import { storySetup } from './story.ts';

const env = storySetup();

test('an agent sees the policies and suggested articles on a case, inserts an article into the reply in the customer’s language, and the timeline shows it', async () => {
  const jonas = await apiAs(env.server, logins.agent);
  const { items: teams } = await jonas.call<{ items: Array<{ id: string; name: string }> }>('GET', '/teams');
  const returns = teams.find((t) => t.name === 'Returns')!;
  const kemal = await jonas.call<{ id: string }>('POST', '/customers', { name: 'Kemal Aydın', emails: ['kemal.kb.e2e@example.com'], preferredLanguage: 'tr' });
  const c = await jonas.call<{ id: string; number: number }>('POST', '/cases', {
    subject: 'İade: kulaklık geri ödemesi ne zaman gelir?',
    requesterId: kemal.id,
    channel: 'email',
    teamId: returns.id,
    assigneeId: jonas.user.id,
    tags: ['refund'],
    customFields: { order_number: '10-77120' },
    message: { body: 'Merhaba, kulaklığı mağazada iade ettim. Geri ödeme kartıma ne zaman yansır? İade fişim var.', direction: 'inbound' },
  });

  const ctx = await newContext(env.browser, env.server);
  const page = await ctx.newPage();
  await signIn(page, logins.agent);
  await page.goto(`/cases/${c.number}`);
  // The side panel: policies pinned to the Returns team and the "refund" tag, in Jonas's own
  // language (German); suggested articles in Turkish, the customer's language.
  const panel = page.getByTestId('knowledge-panel');
  await panel.getByTestId('case-policies').waitFor();
  await expect.poll(() => panel.getByTestId('case-policies').textContent()).toContain('Erstattungs- und Kulanzgrenzen nach Rolle');
  await expect.poll(() => panel.getByTestId('case-suggestions').textContent()).toContain('İade ve geri ödeme: nasıl işler?');
  await expectAccessible(page, 'the case with the knowledge panel');

  await page.getByTestId('composer-input').click();
  await page.getByTestId('knowledge-open').click();
  const picker = page.getByRole('dialog');
  const option = picker.locator('[data-testid="article-option"]', { hasText: 'İade ve geri ödeme: nasıl işler?' });
  await option.waitFor();
  await expectAccessible(page, 'the article picker');
  // searching works too, and finds the Turkish text of the article about a broken device
  await picker.getByTestId('article-picker-search').fill('garanti');
  await picker.locator('[data-testid="article-option"]', { hasText: 'Bozuk cihaz: garanti, onarım ve değişim' }).waitFor();
  await picker.getByTestId('article-picker-search').fill('');
  await option.getByTestId('insert-link').click();
  await page.getByTestId('article-picker').waitFor({ state: 'detached' });

  const text = await page.getByTestId('composer-input').inputValue();
  expect(text).toContain('İade ve geri ödeme: nasıl işler?: ');
  expect(text).toContain('/help/tr/articles/return-and-refund-policy');
  const line = page.locator('[data-testid="timeline-article-sent"]', { hasText: 'İade ve geri ödeme: nasıl işler?' });
  await line.waitFor();
  const server = await jonas.call<{ items: Array<{ kind: string; activity: { type: string; data: { language: string; mode: string } } | null }> }>('GET', `/cases/${c.id}/timeline`);
  const sent = server.items.filter((e) => e.activity?.type === 'knowledge.article_sent');
  expect(sent.map((e) => [e.activity!.data.language, e.activity!.data.mode])).toEqual([['tr', 'link']]);

  // The article counts the use: the knowledge section lists this case under it.
  await page.goto('/knowledge');
  await page.getByTestId('knowledge-search').fill('Rückgabe');
  const row = page.locator('[data-testid="article-row"]', { hasText: 'Rückgabe und Erstattung' }).first();
  await row.waitFor();
  await expectAccessible(page, 'the knowledge section');
  await row.click();
  await page.getByTestId('article-title').waitFor();
  await page.getByRole('tab', { name: /verwendet|used/i }).click();
  await page.getByRole('link', { name: new RegExp(`#${c.number}`) }).waitFor();
  await ctx.close();
});

test('a customer finds an article in the German help center by searching, reads it and says it helped — no JavaScript needed', async () => {
  const ctx = await env.browser.newContext({ baseURL: env.server.url, javaScriptEnabled: false, locale: 'de-DE', viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  await page.goto('/help');
  expect(new URL(page.url()).pathname).toBe('/help/de');
  expect(await page.title()).toContain('Hilfe-Center');
  expect(await page.locator('html').getAttribute('lang')).toBe('de');
  expect(await page.getByRole('link', { name: 'Fehlerbehebung' }).getAttribute('href')).toBe('/help/troubleshoot');
  expect(await page.getByRole('link', { name: 'Meine Anfragen' }).getAttribute('href')).toBe('/portal');
  // internal articles never appear to customers
  expect(await page.content()).not.toContain('Kulanzgrenzen');

  await page.getByRole('searchbox', { name: 'Artikel suchen' }).fill('Rückgaben Kreditkarte');
  await page.getByRole('button', { name: 'Suchen' }).click();
  await page.waitForURL(/\/help\/de\/search\?q=/);
  const result = page.getByTestId('help-results').getByRole('link', { name: 'Rückgabe und Erstattung: so funktioniert es' });
  await result.waitFor();
  expect(await page.getByTestId('help-results').locator('mark').count()).toBeGreaterThan(0);
  await result.click();
  await page.waitForURL(/\/help\/de\/articles\/return-and-refund-policy/);
  expect(await page.locator('h1').textContent()).toBe('Rückgabe und Erstattung: so funktioniert es');
  expect(await page.locator('link[rel="alternate"][hreflang="tr"]').getAttribute('href')).toContain('/help/tr/articles/return-and-refund-policy');
  expect(await page.content()).toContain('30 Tagen');

  await page.getByRole('button', { name: 'Ja' }).click();
  await page.getByRole('status').filter({ hasText: 'Vielen Dank für Ihre Rückmeldung.' }).waitFor();
  await ctx.close();

  // axe needs script: the same page with JavaScript on, checked as it is
  const jsCtx = await newContext(env.browser, env.server);
  const jsPage = await jsCtx.newPage();
  await jsPage.goto('/help/de/articles/return-and-refund-policy');
  await expectAccessible(jsPage, 'a help-center article');
  await jsPage.goto(`/help/de/search?q=${encodeURIComponent('Rückgaben')}`);
  await expectAccessible(jsPage, 'help-center search results');
  await jsCtx.close();
});

test('a supervisor edits the German text of an article in the rich-text editor, sees the change in the history and restores the earlier revision', async () => {
  const ctx = await newContext(env.browser, env.server);
  const page = await ctx.newPage();
  await signIn(page, logins.supervisor);
  await page.getByTestId('nav-knowledge').click();
  await page.getByTestId('knowledge-search').fill('Preisversprechen');
  await page.locator('[data-testid="article-row"]', { hasText: 'Falscher Preis an der Kasse' }).click();
  await page.getByTestId('article-edit').click();
  const title = page.getByTestId('editor-title');
  await expect.poll(() => title.inputValue()).toBe('Falscher Preis an der Kasse: unser Preisversprechen');
  await expectAccessible(page, 'the article editor');
  await title.fill('Falscher Preis an der Kasse: so erstatten wir die Differenz');
  const body = page.getByTestId('article-body-editor');
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Gilt auch für Online-Bestellungen.');
  await page.getByTestId('editor-save').click();
  await expect.poll(() => page.getByTestId('article-title').textContent()).toBe('Falscher Preis an der Kasse: so erstatten wir die Differenz');
  expect(await page.locator('.mantine-Paper-root').first().textContent()).toContain('Gilt auch für Online-Bestellungen.');

  // History: revision 2 is current, its diff shows the added sentence; restoring revision 1 brings the old title back
  const items = page.getByTestId('revision-item');
  await expect.poll(() => items.count()).toBe(2);
  await expect.poll(() => page.getByTestId('revision-diff').last().textContent()).toContain('Gilt auch für Online-Bestellungen.');
  expect((await page.locator('[data-testid="revision-diff"] ins').allTextContents()).join(' ')).toContain('Gilt auch für Online-Bestellungen.');
  await expectAccessible(page, 'the article history');
  await items.nth(1).click();
  await page.getByTestId('revision-restore').click();
  await expect.poll(() => page.getByTestId('article-title').textContent()).toBe('Falscher Preis an der Kasse: unser Preisversprechen');
  await expect.poll(() => items.count()).toBe(3);
  expect(await items.first().textContent()).toMatch(/Revision 1/);
  await ctx.close();
});
