import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, waitFor, type TestApp, type TestUser } from '../../../test/harness.ts';

const run = promisify(execFile);

/** swaks (Debian) is the SMTP client here; `.ci/run` installs it and sets REQUIRE_SWAKS=1. */
function swaksAvailable(): boolean {
  const ok = existsSync('/usr/bin/swaks');
  if (!ok && process.env.REQUIRE_SWAKS === '1') throw new Error('REQUIRE_SWAKS=1 but swaks is not installed: apt-get install swaks');
  return ok;
}

describe.skipIf(!swaksAvailable())('the built-in SMTP server with a real SMTP client (swaks)', () => {
  let t: TestApp;
  let admin: TestUser;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp({ JOBS_POLL_MS: 100, EMAIL_MAX_BYTES: 50_000 });
    admin = await t.user('admin');
    port = await t.app.startSmtp(0);
  });
  afterAll(async () => t?.close());

  it('accepts a message (250 after storing it) and opens a case from it', async () => {
    const { stdout } = await run('swaks', [
      '--server', `127.0.0.1:${port}`,
      '--from', 'deniz.arslan@example.com.tr',
      '--to', 'service@demo.switchboard.dev',
      '--header', 'Subject: =?UTF-8?B?RmF0dXJhIGhhdGFzxLE=?=',
      '--header', 'Message-Id: <swaks-1@example.com.tr>', // replaces the one swaks makes up
      '--body', 'Merhaba, faturamda bir hata var.',
      '--silent', '1',
    ]);
    expect(stdout).toBe('');
    const caseId = await waitFor(async () => {
      const { rows } = await t.app.ctx.db.query<{ case_id: string }>(`select case_id from inbound_emails where message_id = 'swaks-1@example.com.tr' and state = 'processed'`);
      return rows[0]?.case_id;
    }, 10_000, 'the case');
    expect((await t.api('GET', `/api/v1/cases/${caseId}`, { token: admin.token })).body).toMatchObject({ subject: 'Fatura hatası', channel: 'email' });
  });

  it('refuses a message over the size limit with 552, and stores nothing of it', async () => {
    const before = (await t.app.ctx.db.query<{ n: number }>(`select count(*)::int as n from inbound_emails`)).rows[0]!.n;
    const result = await run('swaks', ['--server', `127.0.0.1:${port}`, '--from', 'big@example.com', '--to', 'service@demo.switchboard.dev', '--body', 'x'.repeat(80_000)]).catch((err: { stdout: string }) => err);
    expect((result as { stdout: string }).stdout).toMatch(/<\*\* 552/);
    expect((await t.app.ctx.db.query<{ n: number }>(`select count(*)::int as n from inbound_emails`)).rows[0]!.n).toBe(before);
  });
});
