import { execFileSync } from 'node:child_process';
import PostalMime from 'postal-mime';
import { afterAll, expect, test } from 'vitest';
import { smtpSink } from '../apps/server/test/smtp-sink.ts';
import { apiAs, expectAccessible, logins, newContext, signIn } from './harness.ts';
import { storySetup } from './story.ts';

// The server sends its mail to this sink (the sign-in link is read from it) and refuses customer
// files over 100 KB. Both are set before the server starts, which inherits the environment.
const sink = await smtpSink();
process.env.SMTP_URL = sink.url;
process.env.PORTAL_ATTACHMENT_MAX_BYTES = String(100 * 1024);
// The portal is served from its build; the global setup builds only the agent app.
execFileSync(process.execPath, ['apps/portal/scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });

// Registered first, so it runs after the story's server stopped (after-hooks run in reverse).
afterAll(() => sink.close());
const env = storySetup();

/** The sign-in link of the newest mail to `address` (after `after` mails). */
async function signInLink(address: string, after: number): Promise<string> {
  await expect.poll(() => sink.received.slice(after).some((m) => m.to.includes(address)), { timeout: 20_000 }).toBe(true);
  const raw = sink.received.slice(after).findLast((m) => m.to.includes(address))!.raw;
  const text = (await PostalMime.parse(raw)).text ?? '';
  const link = /https?:\/\/\S+\/portal\/sign-in#token=[A-Za-z0-9_-]+/.exec(text)?.[0];
  if (!link) throw new Error(`no sign-in link in the mail:\n${text}`);
  return link;
}

test('a customer signs in by link, sends a request, an agent answers it and the answer appears without a reload', async () => {
  const admin = await apiAs(env.server, logins.admin);
  const email = `paula.e2e.${Date.now()}@example.com`;
  await admin.call('POST', '/customers', { name: 'Paula Portal', emails: [email] });

  const customer = await newContext(env.browser, env.server);
  const page = await customer.newPage();
  await page.goto('/portal');
  await page.getByTestId('welcome-text').waitFor();
  expect(await page.getByTestId('help-search').getAttribute('action')).toBe('/help/en/search');
  await expectAccessible(page, 'portal home');

  // Sign-in without a password: the link comes by mail.
  await page.getByTestId('tile-sign-in').click();
  const before = sink.received.length;
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('link-sent').waitFor();
  await expectAccessible(page, 'portal: link sent');
  const link = await signInLink(email, before);
  await page.goto(link);
  await page.getByTestId('requests-empty').waitFor();
  expect(new URL(page.url()).hash).toBe(''); // the token does not stay in the address bar

  // A new request about billing, with a file that is too large (refused) and one that fits.
  await page.getByTestId('new-request').click();
  await page.getByTestId('topic').selectOption({ label: 'Billing' });
  const subject = `E2E portal: charged twice ${Date.now()}`;
  await page.getByTestId('subject').fill(subject);
  await page.getByTestId('body').fill('My card statement shows the November invoice twice.');
  await page.getByTestId('file-input').setInputFiles({ name: 'statement-scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(300 * 1024, 1) });
  await expect.poll(() => page.getByTestId('upload-error').textContent()).toContain('statement-scan.pdf is too large');
  await page.getByTestId('file-input').setInputFiles({ name: 'statement.txt', mimeType: 'text/plain', buffer: Buffer.from('November: 49.90 EUR, 49.90 EUR') });
  await page.getByTestId('pending-file').waitFor();
  await expectAccessible(page, 'portal: new request');
  await page.getByTestId('submit-request').click();
  await expect.poll(() => page.getByTestId('request-subject').textContent()).toBe(subject);
  const number = Number(new URL(page.url()).pathname.split('/').pop());
  expect(await page.getByTestId('message-attachment').textContent()).toContain('statement.txt');
  await expectAccessible(page, 'portal: a request');

  // The agent (Jonas, Billing) answers in the workspace.
  const agentContext = await newContext(env.browser, env.server);
  const agent = await agentContext.newPage();
  await signIn(agent, logins.agent);
  await agent.goto(`/cases/${number}`);
  await expect.poll(() => agent.getByTestId('case-subject').textContent()).toContain('charged twice');
  const answer = 'Dear Paula, the second charge is refunded; you will see it within 3–5 days.';
  await agent.getByTestId('composer-input').fill(answer);
  await agent.getByTestId('composer-send').click();
  await expect.poll(() => agent.getByTestId('composer-input').inputValue()).toBe('');

  // The customer's open page shows it without a reload (the portal's own WebSocket).
  await expect.poll(() => page.getByTestId('message-body').allTextContents(), { timeout: 15_000 }).toContain(answer);
  expect(await page.getByTestId('message').last().getAttribute('data-author')).toBe('agent');

  // She answers from the portal: the agent sees an inbound portal message on the case.
  await page.getByTestId('reply-body').fill('Thank you, I see the refund now.');
  await page.getByTestId('reply-send').click();
  await expect.poll(() => agent.getByTestId('timeline-message').allTextContents(), { timeout: 15_000 }).toEqual(expect.arrayContaining([expect.stringContaining('I see the refund now')]));

  // Someone else's request: a clear refusal, nothing of it shown.
  const { items } = await admin.call<{ items: Array<{ number: number; requester: { name: string } }> }>('GET', '/cases?view=all&limit=5');
  const foreign = items.find((c) => c.requester.name !== 'Paula Portal')!;
  await page.goto(`/portal/requests/${foreign.number}`);
  await page.getByTestId('request-not-found').waitFor();
  expect(await page.getByTestId('request-not-found').textContent()).toContain(`We could not find request ${foreign.number} among your requests`);
  await expectAccessible(page, 'portal: request not found');

  // The same portal in German, chosen with the language switcher.
  await page.goto('/portal/requests');
  await page.getByTestId('language-switcher').selectOption('de');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Meine Anfragen');
  await agentContext.close();
  await customer.close();
});

test('an admin brands the portal: name, a light brand colour and the welcome text reach customers, still accessible', async () => {
  const adminContext = await newContext(env.browser, env.server);
  const admin = await adminContext.newPage();
  await signIn(admin, logins.admin);
  await admin.goto('/admin/portal');
  await admin.getByTestId('portal-company-name').waitFor();
  await admin.waitForLoadState('networkidle');
  await expectAccessible(admin, 'admin: portal & branding');
  await admin.getByTestId('portal-company-name').fill('Kaiserhof Service');
  // A light colour: white text on it would be unreadable, so the portal darkens it for buttons and links.
  await admin.getByTestId('portal-primary-color').fill('#f5c518');
  await admin.getByTestId('portal-welcome-en').fill('Welcome to the Kaiserhof service desk. We answer within a day.');
  await admin.getByTestId('portal-branding-save').click();
  await admin.locator('.mantine-Notification-root').first().waitFor();

  const customer = await newContext(env.browser, env.server);
  const page = await customer.newPage();
  await page.goto('/portal');
  await expect.poll(() => page.getByTestId('welcome-text').textContent()).toBe('Welcome to the Kaiserhof service desk. We answer within a day.');
  expect(await page.getByTestId('portal-home-link').textContent()).toContain('Kaiserhof Service');
  await expectAccessible(page, 'portal home with a light brand colour');
  await adminContext.close();
  await customer.close();
});

test('the portal fits a phone screen', async () => {
  const phone = await newContext(env.browser, env.server, { width: 375, height: 740 });
  const page = await phone.newPage();
  await page.goto('/portal');
  await page.getByTestId('welcome-text').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, 'portal home on a phone');
  await page.goto('/portal/sign-in');
  await page.getByTestId('sign-in-email').waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await phone.close();
});
