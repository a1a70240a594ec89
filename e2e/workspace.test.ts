import { expect, test } from 'vitest';
import { apiAs, expectAccessible, logins, newContext, signIn } from './harness.ts';
import { storySetup } from './story.ts';

const env = storySetup();

test('a wrong password gets a clear message; the sign-in page is accessible in light and dark', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await newContext(env.browser, env.server, { colorScheme });
    const page = await context.newPage();
    await page.goto('/');
    await page.locator('input[type="email"]').fill(logins.charlotte);
    await page.locator('input[type="password"]').fill('not-the-password');
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').textContent()).toMatch(/email or password/i);
    await expectAccessible(page, `sign-in (${colorScheme})`);
    await context.close();
  }
});

test('switch the interface to German and back; the choice is kept on the user', async () => {
  const context = await newContext(env.browser, env.server);
  const page = await context.newPage();
  await signIn(page, logins.charlotte);
  expect(await page.getByTestId('view-mine').textContent()).toContain('My cases');
  await page.goto('/settings');
  await page.getByTestId('settings-language').click();
  await page.getByRole('option', { name: 'Deutsch' }).click();
  await page.getByTestId('settings-save').click();
  await expect.poll(() => page.getByTestId('view-mine').textContent()).toContain('Meine Fälle');
  await page.reload();
  await expect.poll(() => page.getByTestId('view-mine').textContent()).toContain('Meine Fälle');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
  await expectAccessible(page, 'settings (German)');
  await page.getByTestId('settings-language').click();
  await page.getByRole('option', { name: 'English' }).click();
  await page.getByTestId('settings-save').click();
  await expect.poll(() => page.getByTestId('view-mine').textContent()).toContain('My cases');
  await context.close();
});

test('create a customer, then complete the missing fields during the contact', async () => {
  const context = await newContext(env.browser, env.server);
  const page = await context.newPage();
  await signIn(page, logins.charlotte);
  await page.goto('/customers');
  await page.getByTestId('new-customer').click();
  await page.getByTestId('new-customer-name').fill('Liis Põder');
  await page.getByTestId('new-customer-email').fill('liis.poder.e2e@example.com');
  await page.getByTestId('new-customer-submit').click();
  await page.getByTestId('customer-page').waitFor();
  await page.getByTestId('missing-fields').waitFor();
  await expectAccessible(page, 'customer page');
  // A new case with nothing filled in names every required field (checked for contrast, too).
  await page.getByTestId('new-case').click();
  await page.getByTestId('new-case-submit').click();
  await expect.poll(() => page.getByTestId('new-case-modal').getByText(/required/i).count()).toBeGreaterThanOrEqual(2);
  await expectAccessible(page, 'new case with errors');
  await page.keyboard.press('Escape');
  await page.getByTestId('new-case-modal').waitFor({ state: 'hidden' });
  await page.getByTestId('missing-field-input-phone').fill('+372 5123 4567');
  await page.getByTestId('save-missing-fields').click();
  await page.getByTestId('missing-field-input-phone').waitFor({ state: 'detached' });
  const charlotte = await apiAs(env.server, logins.charlotte);
  const found = await charlotte.call('GET', '/customers?q=liis.poder.e2e');
  expect(found.items[0].phones.map((p: any) => p.phone)).toEqual(['+372 5123 4567']);
  expect(found.items[0].missingFields).not.toContain('phone');
  await context.close();
});

test('an admin invites an agent, who sets a password from the link and is signed in', async () => {
  const context = await newContext(env.browser, env.server);
  const page = await context.newPage();
  await signIn(page, logins.admin);
  await page.goto('/admin/users');
  await page.getByTestId('user-row').first().waitFor();
  await expectAccessible(page, 'admin: agents');
  await page.getByTestId('invite-agent').click();
  await page.getByTestId('invite-name').fill('Kerli Mets');
  await page.getByTestId('invite-email').fill('kerli.e2e@demo.switchboard.dev');
  await page.getByTestId('invite-submit').click();
  const link = await page.getByTestId('invite-link').inputValue();
  expect(link).toMatch(/\/invite\/[\w-]+$/);
  for (const tab of ['teams', 'fields', 'statuses']) {
    await page.goto(`/admin/${tab}`);
    await page.getByTestId(`admin-tab-${tab}`).waitFor();
    await page.waitForTimeout(300);
    await expectAccessible(page, `admin: ${tab}`);
  }
  await context.close();

  const invited = await newContext(env.browser, env.server);
  const p = await invited.newPage();
  await p.goto(new URL(link).pathname);
  await p.getByTestId('invite-password').fill('a-long-new-password');
  await p.getByTestId('invite-password-repeat').fill('a-long-new-password');
  await p.getByTestId('invite-accept').click();
  await p.getByTestId('case-list').waitFor();
  await invited.close();
});

test('the supervisor sees the teams’ queues and who is working on what; agents do not', async () => {
  const agent = await newContext(env.browser, env.server);
  const a = await agent.newPage();
  await signIn(a, logins.charlotte);
  const charlotte = await apiAs(env.server, logins.charlotte);
  // A Billing case: Billing is one of the supervisor's teams and one of Charlotte's.
  const billing = charlotte.user.teams.find((t) => t.name === 'Billing')!;
  const open = await charlotte.call('GET', `/cases?view=all&teamId=${billing.id}&limit=1`);
  await a.goto(`/cases/${open.items[0].number}`);
  await a.getByTestId('composer-input').waitFor();

  const context = await newContext(env.browser, env.server, { colorScheme: 'dark' });
  const page = await context.newPage();
  await signIn(page, logins.supervisor);
  await page.getByTestId('nav-supervisor').click();
  await page.getByTestId('supervisor-team').first().waitFor();
  await page.getByTestId('supervisor-viewing').first().waitFor();
  await expectAccessible(page, 'supervisor (dark)');
  await context.close();

  await a.goto('/supervisor');
  await a.getByTestId('supervisor-forbidden').waitFor();
  await agent.close();
});

test('filters saved as a view appear in the sidebar with their count', async () => {
  const context = await newContext(env.browser, env.server);
  const page = await context.newPage();
  await signIn(page, logins.charlotte);
  await page.goto('/inbox/all?status=pending');
  await page.getByTestId('save-view').click();
  await page.getByTestId('save-view-name').fill('Waiting on customers');
  await page.getByTestId('save-view-submit').click();
  const link = page.getByRole('link', { name: /Waiting on customers/ });
  await link.waitFor();
  const charlotte = await apiAs(env.server, logins.charlotte);
  const views = await charlotte.call('GET', '/views');
  const saved = views.items.find((v: any) => v.name === 'Waiting on customers');
  expect(saved.filters).toEqual({ statuses: ['pending'] });
  expect(await page.getByTestId(`view-count-${saved.id}`).textContent()).toBe(String(saved.count));
  await context.close();
});
