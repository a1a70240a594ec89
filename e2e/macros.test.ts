import { expect, test } from 'vitest';
import { apiAs, expectAccessible, logins, newContext, signIn } from './harness.ts';
import { storySetup } from './story.ts';

const env = storySetup();

test('an agent opens the macro picker by keyboard in the composer, applies a macro, and gets the filled-in reply and the case changes', async () => {
  const jonas = await apiAs(env.server, logins.agent);
  const { items: teams } = await jonas.call<{ items: Array<{ id: string; name: string }> }>('GET', '/teams');
  const returns = teams.find((t) => t.name === 'Returns')!;
  const greta = await jonas.call<{ id: string }>('POST', '/customers', { name: 'Greta Vogel', emails: ['greta.e2e@example.com'], preferredLanguage: 'de' });
  const c = await jonas.call<{ id: string; number: number }>('POST', '/cases', {
    subject: 'E2E Makro: Erstattung für den zurückgegebenen Wasserkocher',
    requesterId: greta.id,
    channel: 'email',
    teamId: returns.id,
    assigneeId: jonas.user.id,
    tags: ['kettle'],
    customFields: { order_number: '10-55871' },
    message: { body: 'Ich habe den Wasserkocher am Schalter zurückgegeben. Wann bekomme ich mein Geld?', direction: 'inbound' },
  });

  const ctx = await newContext(env.browser, env.server);
  const page = await ctx.newPage();
  await signIn(page, logins.agent);
  await page.goto(`/cases/${c.number}`);
  const composer = page.getByTestId('composer-input');
  await composer.click();
  await composer.fill('');

  // Ctrl+/ while typing in the composer opens the picker with the search focused.
  await page.keyboard.press('Control+/');
  const search = page.getByTestId('macro-search');
  await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.type('refund');
  const first = page.getByTestId('macro-option').first();
  await expect.poll(() => first.textContent()).toContain('Refund confirmed');
  // Arrow keys move the choice, and the preview follows it: the German text, for this customer.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => first.getAttribute('aria-selected')).toBe('true');
  const preview = page.getByTestId('macro-preview');
  await expect.poll(() => preview.getByTestId('macro-preview-text').textContent()).toContain('Guten Tag Greta Vogel,');
  await expect.poll(() => preview.getByTestId('macro-language-note').getAttribute('data-fell-back')).toBe('false');
  expect(await preview.getByTestId('macro-actions').textContent()).toContain('refund');
  await expectAccessible(page, 'the macro picker');

  await page.keyboard.press('Enter');
  await page.getByTestId('macro-picker').waitFor({ state: 'detached' });
  const text = await composer.inputValue();
  expect(text).toContain('Guten Tag Greta Vogel,');
  expect(text).toContain(`Fallnummer ${c.number}`);
  expect(text).toContain('Jonas Becker');
  expect(text).not.toContain('{{');
  await expect.poll(() => composer.evaluate((el) => el === document.activeElement)).toBe(true);

  // The case changed: solved and tagged, and the timeline says which macro did it.
  await expect.poll(() => page.getByTestId('case-header').getByTestId('status-badge').getAttribute('data-status')).toBe('solved');
  await expect.poll(() => page.getByTestId('properties').textContent()).toContain('refund');
  await page.locator('[data-testid="timeline-macro"]', { hasText: 'Refund confirmed' }).waitFor();
  const server = await jonas.call<{ status: string; tags: string[] }>('GET', `/cases/${c.id}`);
  expect(server.status).toBe('solved');
  expect(server.tags.sort()).toEqual(['kettle', 'refund']);

  // His personal macro has no Turkish text: for a Turkish customer the picker says it falls back.
  const ayse = await jonas.call<{ id: string }>('POST', '/customers', { name: 'Ayşe Demir', emails: ['ayse.e2e@example.com'], preferredLanguage: 'tr' });
  const tr = await jonas.call<{ number: number }>('POST', '/cases', {
    subject: 'E2E: iade nerede?',
    requesterId: ayse.id,
    teamId: returns.id,
    assigneeId: jonas.user.id,
    customFields: { order_number: '10-55872' },
  });
  await page.goto(`/cases/${tr.number}`);
  await page.getByTestId('composer-input').click();
  await page.keyboard.press('Control+/');
  await page.getByTestId('macro-search').fill('Rückruf');
  await expect.poll(() => page.getByTestId('macro-option').first().textContent()).toContain('Rückruf morgen Vormittag');
  await expect.poll(() => page.getByTestId('macro-language-note').getAttribute('data-fell-back')).toBe('true');
  expect(await page.getByTestId('macro-preview-text').textContent()).toContain('Hello Ayşe,');
  await page.keyboard.press('Escape');
  await page.getByTestId('macro-picker').waitFor({ state: 'detached' });
  expect(await page.getByTestId('composer-input').inputValue()).toBe('');
  await ctx.close();
});

test('a supervisor writes a shared macro: language tabs, a placeholder from the menu, a live preview, and a clear error for an unknown placeholder', async () => {
  const ctx = await newContext(env.browser, env.server);
  const page = await ctx.newPage();
  await signIn(page, logins.supervisor);
  await page.getByTestId('nav-macros').click();
  // Away from the link: its hover colour is the theme's, not this screen's.
  await page.mouse.move(700, 10);
  await page.locator('[data-testid="macro-row"]', { hasText: 'Escalate to Billing' }).waitFor();
  await expectAccessible(page, 'shared macros');

  await page.getByTestId('macro-new-shared').click();
  await page.getByTestId('macro-name').fill('E2E Lieferung verspätet');
  const en = page.getByTestId('macro-text-en');
  await en.fill('Hello ');
  await page.getByTestId('macro-insert-placeholder').click();
  await page.getByRole('menuitem', { name: /Vorname des Kunden/ }).click();
  await en.pressSequentially(', your parcel for case {{case.nummer}} is late.');
  await expect.poll(() => page.getByTestId('macro-live-preview-text').textContent()).toContain('Hello Anna, your parcel');
  await expect.poll(() => page.getByTestId('macro-live-problem').first().textContent()).toContain('{{case.nummer}}');
  await page.getByTestId('macro-save').click();
  await page.getByText(/unknown placeholder \{\{case\.nummer\}\}/).first().waitFor();

  await en.fill('Hello {{customer.firstName}}, your parcel for case {{case.number}} is late.');
  await page.getByTestId('macro-tab-de').click();
  await page.getByTestId('macro-text-de').fill('Guten Tag {{customer.name}}, Ihr Paket zu Fall {{case.number}} verspätet sich.');
  await page.getByTestId('macro-add-action').click();
  await page.getByTestId('macro-save').click();
  const row = page.locator('[data-testid="macro-row"]', { hasText: 'E2E Lieferung verspätet' });
  await row.waitFor();
  expect(await row.textContent()).toMatch(/en.*de/);
  await ctx.close();
});
