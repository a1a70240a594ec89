// Takes the screenshots shown in the README from a fresh demo server: `npm run screenshots`.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { apiAs, launchBrowser, logins, newContext, signIn, startServer } from './harness.ts';

const out = 'docs/screenshots';
mkdirSync(out, { recursive: true });
execFileSync(process.execPath, ['apps/web/scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });
const server = await startServer();
const browser = await launchBrowser();
const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${out}/${name}.png` });
  console.log(`${out}/${name}.png`);
};
try {
  const charlotte = await apiAs(server, logins.charlotte);
  const mine = await charlotte.call('GET', '/cases?view=all&limit=30');
  const withMessages = mine.items.find((c: { status: string }) => c.status === 'open') ?? mine.items[0];

  for (const scheme of ['light', 'dark'] as const) {
    const context = await newContext(browser, server, { colorScheme: scheme });
    const page = await context.newPage();
    await signIn(page, logins.charlotte);
    if (scheme === 'light') {
      await page.getByTestId('view-open').click();
      await page.getByTestId('case-row').first().waitFor();
      await shot(page, 'inbox');
    }
    await page.goto(`/cases/${withMessages.number}`);
    await page.getByTestId('timeline').waitFor();
    await page.getByTestId('customer-panel').waitFor();
    await shot(page, scheme === 'light' ? 'case' : 'case-dark');
    if (scheme === 'light') {
      await page.goto(`/customers/${withMessages.requester.id}`);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await shot(page, 'customer');
      await page.goto('/inbox/mine');
      await page.getByTestId('case-list').waitFor();
      await page.keyboard.press('Control+k');
      await page.getByTestId('search-input').fill('refund');
      await page.waitForTimeout(800);
      await shot(page, 'search');
    }
    await context.close();
  }
  const context = await newContext(browser, server);
  const page = await context.newPage();
  await signIn(page, logins.supervisor);
  await page.goto('/supervisor');
  await page.getByTestId('supervisor-team').first().waitFor();
  await shot(page, 'supervisor');
  await context.close();
  const admin = await newContext(browser, server);
  const adminPage = await admin.newPage();
  await signIn(adminPage, logins.admin);
  await adminPage.goto('/admin/users');
  await adminPage.getByTestId('user-row').first().waitFor();
  await shot(adminPage, 'admin-agents');
  for (const section of ['routing', 'sla', 'automation']) {
    await adminPage.goto(`/admin/${section}`);
    await adminPage.waitForLoadState('networkidle');
    await adminPage.waitForTimeout(500);
    await shot(adminPage, `admin-${section}`);
  }
  await admin.close();
} finally {
  await browser.close();
  await server.stop();
}
