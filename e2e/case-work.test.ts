import { expect, test } from 'vitest';
import { apiAs, expectAccessible, logins, newContext, signIn } from './harness.ts';
import { storySetup } from './story.ts';

const env = storySetup();

test('an agent opens a case from the inbox, replies, and sees the reply in the timeline; a note looks different; a draft survives a reload', async () => {
  const charlotte = await apiAs(env.server, logins.charlotte);
  const billing = charlotte.user.teams.find((t) => t.name === 'Billing')!;
  const created = await charlotte.call('POST', '/cases', {
    subject: 'E2E: charged twice for the March invoice',
    requester: { name: 'Erika Mustermann', email: 'erika.e2e@example.com' },
    channel: 'email',
    teamId: billing.id,
    assigneeId: charlotte.user.id,
    message: { body: 'Hello, I see the March invoice twice on my card statement.', direction: 'inbound' },
  });

  const context = await newContext(env.browser, env.server);
  const page = await context.newPage();
  await signIn(page, logins.charlotte);
  await expectAccessible(page, 'inbox');
  await page.locator(`[data-testid="case-row"][data-number="${created.number}"]`).click();
  await expect.poll(() => page.getByTestId('case-subject').textContent()).toContain('charged twice');
  await page.getByTestId('timeline-message').first().waitFor();
  await expectAccessible(page, 'case screen');

  const reply = 'Thank you, Erika. I have refunded the second charge; you will see it in 3–5 days.';
  await page.getByTestId('composer-input').fill(reply);
  await page.getByTestId('composer-send').click();
  await page.locator('[data-testid="timeline-message"][data-direction="outbound"]', { hasText: 'refunded the second charge' }).waitFor();
  await expect.poll(() => page.getByTestId('composer-input').inputValue()).toBe('');
  // The first reply opens a new case.
  await expect.poll(() => page.getByTestId('case-header').getByTestId('status-badge').getAttribute('data-status')).toBe('open');

  // An internal note is marked as such.
  await page.keyboard.press('Escape');
  await page.locator(`[data-testid="case-row"][data-number="${created.number}"]`).click();
  await page.getByTestId('composer-input').waitFor();
  await page.getByTestId('composer-mode').getByText(/internal note/i).click();
  await page.getByTestId('composer-input').fill('Refund booked under ticket FIN-2291.');
  await page.getByTestId('composer-send').click();
  const note = page.locator('[data-testid="timeline-note"]', { hasText: 'FIN-2291' });
  await note.waitFor();
  expect(await note.getAttribute('class')).toContain('sb-note');

  // A draft is kept across a reload.
  await page.getByTestId('composer-mode').getByText(/^reply$/i).click();
  await page.getByTestId('composer-input').fill('Draft that must survive');
  await page.waitForTimeout(400);
  await page.reload();
  await expect.poll(() => page.getByTestId('composer-input').inputValue()).toBe('Draft that must survive');

  // The timeline as the API tells it: the reply went out as a message, the note stayed internal.
  const timeline = await charlotte.call('GET', `/cases/${created.id}/timeline`);
  expect(timeline.items.filter((e: any) => e.kind === 'message').map((e: any) => e.direction)).toEqual(['inbound', 'outbound']);
  expect(timeline.items.some((e: any) => e.kind === 'note' && e.body.includes('FIN-2291'))).toBe(true);
  await context.close();
});

test('bulk assign: select cases in the unassigned view and assign them to me', async () => {
  const charlotte = await apiAs(env.server, logins.charlotte);
  const reservations = charlotte.user.teams.find((t) => t.name === 'Reservations')!;
  const numbers: number[] = [];
  for (const subject of ['E2E bulk: room change request', 'E2E bulk: late check-out']) {
    const c = await charlotte.call('POST', '/cases', { subject, requester: { name: 'Kadri Tamm', email: 'kadri.e2e@example.com' }, channel: 'phone', teamId: reservations.id });
    numbers.push(c.number);
  }
  const context = await newContext(env.browser, env.server);
  const page = await context.newPage();
  await signIn(page, logins.charlotte);
  await page.getByTestId('view-unassigned').click();
  await page.getByTestId('filter-status').waitFor();
  for (const n of numbers) await page.locator(`[data-testid="case-row"][data-number="${n}"] input[type="checkbox"]`).check();
  await page.getByTestId('bulk-bar').waitFor();
  await page.getByTestId('bulk-assign-me').click();
  await page.getByTestId('bulk-bar').waitFor({ state: 'detached' });
  // Assigned cases leave the unassigned view…
  for (const n of numbers) await page.locator(`[data-testid="case-row"][data-number="${n}"]`).waitFor({ state: 'detached' });
  // …and are mine now.
  await page.getByTestId('view-mine').click();
  for (const n of numbers) await page.locator(`[data-testid="case-row"][data-number="${n}"]`).waitFor();
  for (const n of numbers) expect((await charlotte.call('GET', `/cases/${n}`)).assignee?.id).toBe(charlotte.user.id);
  await context.close();
});

test('search from anywhere with Ctrl+K finds a case by number and opens it; ? shows the shortcuts', async () => {
  const charlotte = await apiAs(env.server, logins.charlotte);
  const billing = charlotte.user.teams.find((t) => t.name === 'Billing')!;
  const c = await charlotte.call('POST', '/cases', { subject: 'E2E search: statement discrepancy', requester: { name: 'Mehmet Demir', email: 'mehmet.e2e@example.com' }, teamId: billing.id });
  const context = await newContext(env.browser, env.server);
  const page = await context.newPage();
  await signIn(page, logins.charlotte);
  await page.keyboard.press('Control+k');
  await page.getByTestId('search-input').fill(String(c.number));
  await page.getByTestId('search-result-case').first().waitFor();
  await expectAccessible(page, 'command palette');
  await page.getByTestId('search-result-case').first().click();
  await expect.poll(() => page.getByTestId('case-subject').textContent()).toContain('statement discrepancy');
  await page.getByTestId('search-input').waitFor({ state: 'detached' });
  await page.keyboard.press('Shift+?');
  await page.getByRole('dialog').getByText(/keyboard shortcuts/i).first().waitFor();
  await expectAccessible(page, 'shortcut help');
  await context.close();
});
