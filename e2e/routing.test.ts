import { expect, test } from 'vitest';
import { apiAs, expectAccessible, logins, newContext, signIn } from './harness.ts';
import { storySetup } from './story.ts';

const env = storySetup();

test('an online agent gets a new customer case routed to them and sees it appear live in “My cases”, with the reason', async () => {
  const admin = await apiAs(env.server, logins.admin);
  const { items: teams } = await admin.call<{ items: Array<{ id: string; name: string }> }>('GET', '/teams');
  const reservations = teams.find((t) => t.name === 'Reservations')!;
  await admin.call('PATCH', `/routing/rules/${reservations.id}`, { enabled: true, strategy: 'least_busy' });

  // Charlotte signs in: the app's heartbeat makes her available to routing.
  const ctx = await newContext(env.browser, env.server);
  const page = await ctx.newPage();
  await signIn(page, logins.charlotte);
  await page.goto('/inbox/mine');
  await page.getByTestId('case-list').waitFor();
  await page.locator('[data-testid="presence-dot"][data-presence="online"]').waitFor();

  // The presence picker: away for a meeting, then back online.
  await page.getByTestId('user-menu').click();
  await page.getByTestId('presence-away-meeting').click();
  await page.locator('[data-testid="presence-dot"][data-presence="away"]').waitFor();
  await page.getByTestId('user-menu').click();
  await expect.poll(() => page.getByTestId('presence-current').textContent()).toContain('Away – meeting');
  await page.getByTestId('presence-online').click();
  await page.locator('[data-testid="presence-dot"][data-presence="online"]').waitFor();

  // A customer writes in (as the email channel would open it): nobody touches it by hand.
  const subject = 'E2E routing: late check-in on Friday';
  const c = await admin.call<{ id: string; number: number }>('POST', '/cases', {
    subject,
    requester: { name: 'Grace Wilson', email: 'grace.e2e@example.com' },
    channel: 'email',
    teamId: reservations.id,
    message: { body: 'We will arrive after midnight. Can someone keep our room?', direction: 'inbound' },
  });

  // The routing job assigns it to Charlotte, and her list shows it without a reload.
  const row = page.locator('[data-testid="case-row"]', { hasText: subject });
  await row.waitFor({ timeout: 20_000 });
  const assigned = await admin.call<{ assignee: { name: string } | null }>('GET', `/cases/${c.id}`);
  expect(assigned.assignee?.name).toBe('Charlotte Davies');

  // On the case, the decision is explained.
  await row.click();
  const why = page.getByTestId('timeline-routing');
  await why.waitFor();
  expect(await why.textContent()).toMatch(/Assigned to Charlotte Davies: least busy, \d+ of 20 emails/);
  await expectAccessible(page, 'a routed case');

  // She transfers it to Billing with a note; Jonas sees the note first, until he acknowledges it.
  await page.getByTestId('transfer-open').click();
  await page.getByTestId('transfer-save').click();
  await page.getByRole('dialog').getByText('a transfer needs a note for the receiving team').waitFor();
  await page.getByTestId('transfer-team').click();
  await page.getByRole('option', { name: 'Billing' }).click();
  await page.getByTestId('transfer-note').fill('Guest asked for a refund of the first night, please check the invoice.');
  await page.getByTestId('transfer-save').click();
  await page.locator('[data-testid="timeline-transfer"]', { hasText: 'refund of the first night' }).waitFor();
  await ctx.close();

  const ctxJonas = await newContext(env.browser, env.server);
  const jonas = await ctxJonas.newPage();
  await signIn(jonas, logins.agent);
  await jonas.goto(`/cases/${c.number}`);
  await jonas.getByTestId('transfer-banner').waitFor();
  expect(await jonas.getByTestId('transfer-banner-note').textContent()).toContain('refund of the first night');
  await expectAccessible(jonas, 'a case with a transfer note');
  await jonas.getByTestId('transfer-ack').click();
  await jonas.getByTestId('transfer-banner').waitFor({ state: 'detached' });

  // He escalates to Billing's supervisor with a reason: it shows on the case, and Sabine is notified.
  await jonas.getByTestId('escalate-open').click();
  await jonas.getByTestId('escalate-reason').fill('Gast droht mit einer schlechten Bewertung');
  await jonas.getByTestId('escalate-save').click();
  await jonas.locator('[data-testid="timeline-escalation"]', { hasText: 'Sabine Hoffmann' }).waitFor();
  await jonas.getByTestId('escalated-badge').waitFor();
  const sabine = await apiAs(env.server, logins.supervisor);
  const inbox = await sabine.call<{ items: Array<{ kind: string; case: { id: string } }> }>('GET', '/notifications');
  expect(inbox.items.some((n) => n.kind === 'escalated' && n.case.id === c.id)).toBe(true);
  await ctxJonas.close();
});

test('admins see and change routing rules, skills and capacity', async () => {
  const ctx = await newContext(env.browser, env.server);
  const page = await ctx.newPage();
  await signIn(page, logins.admin);
  await page.goto('/admin/routing');
  const technical = page.locator('[data-testid="routing-rule-row"]', { hasText: 'Technical Support' });
  await technical.waitFor();
  expect(await technical.textContent()).toMatch(/On|An/);
  await page.locator('[data-testid="routing-agent-row"]', { hasText: 'Mari Kask' }).waitFor();
  await expectAccessible(page, 'Admin → Routing');
  await technical.getByTestId('routing-rule-edit').click();
  await page.getByTestId('rule-enabled').click();
  await page.getByTestId('rule-save').click();
  await expect.poll(() => technical.textContent()).toMatch(/Off|Aus/);
  await ctx.close();
});
