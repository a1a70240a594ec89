import { expect, test } from 'vitest';
import { apiAs, logins, newContext, signIn } from './harness.ts';
import { storySetup } from './story.ts';

const env = storySetup();

const MARI = 'mari@demo.switchboard.dev';

test('two agents on one case see each other, typing, and each other’s changes live; sending over an unseen change asks first', async () => {
  const charlotte = await apiAs(env.server, logins.charlotte);
  const billing = charlotte.user.teams.find((t) => t.name === 'Billing')!;
  const c = await charlotte.call('POST', '/cases', {
    subject: 'E2E collision: wrong price at the till',
    requester: { name: 'Ayla Öztürk', email: 'ayla.e2e@example.com' },
    channel: 'walk_in',
    teamId: billing.id,
    message: { body: 'The shelf said 19.99, the till charged 24.99.', direction: 'inbound' },
  });

  const ctxA = await newContext(env.browser, env.server);
  const ctxB = await newContext(env.browser, env.server);
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();
  await signIn(a, logins.charlotte);
  await signIn(b, MARI);
  await a.goto(`/cases/${c.number}`);
  await a.getByTestId('composer-input').waitFor();
  await b.goto(`/cases/${c.number}`);
  await b.getByTestId('composer-input').waitFor();

  // Each sees the other on the case.
  await a.getByTestId('presence').getByLabel('Mari Kask').waitFor();
  await b.getByTestId('presence').getByLabel('Charlotte Davies').waitFor();

  // B types: A sees it.
  await b.getByTestId('composer-input').fill('Checking the price list');
  await a.locator('[data-testid="presence"] [aria-label="Mari Kask"]').waitFor();
  await expect.poll(() => a.getByTestId('presence-text').textContent(), { timeout: 10_000 }).toMatch(/typing/i);

  // A starts a reply; meanwhile B changes the priority and adds a note.
  await a.getByTestId('composer-input').fill('We will refund the difference of 5.00.');
  const fresh = await charlotte.call('GET', `/cases/${c.id}`);
  const mari = await apiAs(env.server, MARI);
  await mari.call('PATCH', `/cases/${c.id}`, { priority: 'high' }, { 'if-match': `"${fresh.version}"` });
  await mari.call('POST', `/cases/${c.id}/entries`, { kind: 'note', body: 'Till 3 had the old price file.' });

  // A sees both live, marked as not seen yet.
  await a.getByTestId('unseen-banner').waitFor();
  await a.locator('[data-testid="timeline-note"]', { hasText: 'old price file' }).waitFor();
  await expect.poll(async () => (await a.getByTestId('prop-priority').inputValue()).toLowerCase()).toBe('high');

  // Sending now asks first; "send anyway" sends.
  await a.getByTestId('composer-send').click();
  await a.getByTestId('send-anyway').click();
  await a.locator('[data-testid="timeline-message"][data-direction="outbound"]', { hasText: 'refund the difference' }).waitFor();
  await a.getByTestId('unseen-banner').waitFor({ state: 'detached' });

  // B sees A's reply arrive without reloading.
  await b.locator('[data-testid="timeline-message"][data-direction="outbound"]', { hasText: 'refund the difference' }).waitFor();

  // When A leaves, B no longer sees A.
  await a.goto('/inbox/mine');
  await b.getByTestId('presence').waitFor({ state: 'detached' });
  await ctxA.close();
  await ctxB.close();
});
