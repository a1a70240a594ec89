import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { apiAs, expectAccessible, logins, newContext, signIn } from './harness.ts';
import { storySetup } from './story.ts';

const TOKEN = 'e2e-ingest-token-0123456789abcdef';
const env = storySetup({ EMAIL_INGEST_TOKEN: TOKEN });
const fixture = (name: string) => readFileSync(new URL(`../apps/server/test/fixtures/email/${name}`, import.meta.url));

test('an agent reads a customer’s HTML email with the quoted history folded, and replies to everyone on it', async () => {
  // A Gmail reply with a Cc arrives through HTTP ingest, as an MTA pipe would deliver it.
  const res = await fetch(`${env.server.url}/api/v1/email/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${TOKEN}` },
    body: new Uint8Array(fixture('gmail-reply-english.eml')),
  });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: number };
  const admin = await apiAs(env.server, logins.admin);
  const caseOf = () =>
    admin.call<{ items: Array<{ id: number; caseId: string | null }> }>('GET', '/email/inbound?state=processed').then((r) => r.items.find((m) => m.id === id)?.caseId);
  // The demo's own jobs (routing, SLA clocks of a few hundred cases) run first on a fresh server.
  await expect.poll(caseOf, { timeout: 60_000, interval: 500 }).toBeTruthy();
  const c = await admin.call<{ number: number }>('GET', `/cases/${await caseOf()}`);

  const ctx = await newContext(env.browser, env.server);
  const page = await ctx.newPage();
  await signIn(page, logins.admin);
  await page.goto(`/cases/${c.number}`);
  const message = page.getByTestId('timeline-message').filter({ hasText: 'does not fit the model' });
  await message.waitFor();
  // Who wrote and who was copied, as in a mail program.
  expect(await message.getByTestId('email-envelope').textContent()).toContain('James Clarke <james.clarke@example.co.uk>');
  // The history is folded: shown only on request.
  const html = message.getByTestId('email-html');
  expect(await html.textContent()).not.toContain('we have shipped a replacement charger');
  await message.getByTestId('email-fold-toggle').click();
  await expect.poll(() => html.textContent()).toContain('we have shipped a replacement charger');
  await expectAccessible(page, 'a case with an HTML email');

  // Reply-all is the default once others are on the conversation; the agent can narrow it.
  const cc = page.getByTestId('composer-recipients');
  await expect.poll(() => cc.textContent()).toContain('james.clarke@example.co.uk');
  await page.getByTestId('composer-reply-all').click();
  await expect.poll(() => cc.textContent()).not.toContain('james.clarke@example.co.uk');
  await page.getByTestId('composer-reply-all').click();
  await page.getByTestId('composer-input').fill('We are sending the X200 charger today.');
  await page.getByTestId('composer-send').click();
  const sent = page.getByTestId('timeline-message').filter({ hasText: 'X200 charger today' });
  await sent.waitFor();
  expect(await sent.getByTestId('email-envelope').textContent()).toContain('james.clarke@example.co.uk');
  await ctx.close();
}, 150_000);
