import { expect, test } from 'vitest';
import { expectAccessible, logins, newContext, signIn, storySetup } from './harness.ts';

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
