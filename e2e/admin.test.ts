import { expect, test } from 'vitest';
import { expectAccessible, logins, newContext, signIn } from './harness.ts';
import { storySetup } from './story.ts';

const env = storySetup();

const sections = ['users', 'teams', 'fields', 'statuses', 'mailboxes', 'quarantine', 'routing', 'business-hours', 'sla', 'automation', 'webhooks', 'jobs'];

test('every administration section opens from its tab and is accessible', async () => {
  const context = await newContext(env.browser, env.server);
  const page = await context.newPage();
  await signIn(page, logins.admin);
  await page.goto('/admin/users');
  for (const section of sections) {
    await page.getByTestId(`admin-tab-${section}`).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/admin/${section}`);
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, `admin: ${section}`);
  }
  await context.close();
});

test('an admin checks that the workers run jobs: the test job is gone within seconds', async () => {
  const context = await newContext(env.browser, env.server);
  const page = await context.newPage();
  await signIn(page, logins.admin);
  await page.goto('/admin/jobs');
  await page.getByTestId('job-kind-row').first().or(page.getByTestId('jobs-idle')).waitFor();
  await page.getByTestId('jobs-probe').click();
  await page.locator('.mantine-Notification-root').first().waitFor(); // "a test job is queued" (in the admin's German)
  // The table refreshes every few seconds; the probe has long run by then.
  await expect.poll(async () => page.getByTestId('job-kind-row').filter({ hasText: 'platform.probe' }).count(), { timeout: 15_000 }).toBe(0);
  await page.getByTestId('jobs-state').locator('label').first().click(); // "failed" comes first
  await page.getByTestId('jobs-empty').waitFor();
  await context.close();
});

test('an admin adds a mailbox that fetches by IMAP; the form is accessible and the password is never shown again', async () => {
  const context = await newContext(env.browser, env.server);
  const page = await context.newPage();
  await signIn(page, logins.admin);
  await page.goto('/admin/mailboxes');
  await expect.poll(() => page.getByTestId('mailbox-row').count()).toBeGreaterThanOrEqual(4); // the demo's department addresses
  await page.getByTestId('new-mailbox').click();
  await page.getByTestId('mailbox-name').fill('Vertrieb');
  await page.getByTestId('mailbox-address').fill('vertrieb@demo.switchboard.dev');
  await page.getByTestId('mailbox-imap-enabled').check({ force: true });
  await page.getByLabel(/IMAP-Server/).fill('127.0.0.1');
  await page.getByLabel(/Benutzername/).fill('vertrieb');
  await page.getByLabel(/^Passwort/).fill('geheim-123');
  await expectAccessible(page, 'new mailbox with IMAP');
  await page.getByTestId('mailbox-save').click();
  const row = page.getByTestId('mailbox-row').filter({ hasText: 'vertrieb@demo.switchboard.dev' });
  await row.waitFor();
  // Nothing listens on 127.0.0.1:993: the mailbox says so instead of failing silently.
  await expect.poll(() => row.textContent(), { timeout: 45_000 }).toMatch(/Nicht lesbar|Verbinde/);
  expect(await page.content()).not.toContain('geheim-123');
  await context.close();
});
