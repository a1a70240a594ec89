import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, waitFor, type TestApp, type TestUser } from '../../../test/harness.ts';
import { parseEmail } from './parse-email.ts';
import { smtpSink } from '../../../test/smtp-sink.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/email/${name}`, import.meta.url));
const INGEST_TOKEN = 'test-ingest-token-0123456789abcdef';

describe('parsing real-world messages', () => {
  it('decodes encoded words, quoted-printable UTF-8 and picks the text part of multipart/alternative', async () => {
    const email = await parseEmail(fixture('gmail-turkish.eml'));
    expect(email.subject).toBe('Faturamda çift ücret alındı');
    expect(email.from).toEqual({ name: 'Ayşe Yılmaz', address: 'ayse.yilmaz@example.com' });
    expect(email.messageId).toBe('CAFx8q9uT2g1kLw+Xh0Z0pQ@mail.gmail.com');
    expect(email.text).toContain('iki kez ücret alındı');
  });

  it('turns an HTML-only ISO-8859-1 message into readable text', async () => {
    const email = await parseEmail(fixture('outlook-german-html.eml'));
    expect(email.subject).toBe('Kaffeemaschine defekt - Rücksendung');
    expect(email.text).toContain('meine Kaffeemaschine läuft nach drei Wochen aus');
    expect(email.text).toContain('Mit freundlichen Grüßen');
    expect(email.text).not.toMatch(/<p>|margin:0/);
  });
});

describe('inbound email', () => {
  let t: TestApp;
  let admin: TestUser;
  let billingId: string;
  const ingest = (raw: Buffer | string, token = INGEST_TOKEN) =>
    fetch(`${t.url}/api/v1/email/inbound`, { method: 'POST', headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${token}` }, body: typeof raw === 'string' ? raw : new Uint8Array(raw) });
  const inbound = async (id: number) =>
    (await t.app.ctx.db.query<{ state: string; case_id: string | null; error: string | null }>(`select state, case_id, error from inbound_emails where id = $1`, [id])).rows[0]!;
  const processed = (id: number) => waitFor(async () => ((await inbound(id)).state !== 'received' ? inbound(id) : undefined), 10_000, `message ${id} processed`);
  const timeline = async (caseId: string) => (await t.api('GET', `/api/v1/cases/${caseId}/timeline`, { token: admin.token })).body.items.filter((e: any) => e.kind === 'message');

  beforeAll(async () => {
    t = await startTestApp({ EMAIL_INGEST_TOKEN: INGEST_TOKEN, JOBS_POLL_MS: 100, ATTACHMENT_MAX_BYTES: 2000 });
    admin = await t.user('admin');
    billingId = await t.team('Billing');
    const mailbox = await t.api('POST', '/api/v1/mailboxes', { token: admin.token, body: { name: 'Service', address: 'Service@Demo.Switchboard.dev', teamId: billingId } });
    expect(mailbox.status).toBe(201);
  });
  afterAll(async () => t?.close());

  it('refuses HTTP ingest without the token, and takes a message with it: a new case for the mailbox’s team', async () => {
    expect((await ingest(fixture('gmail-turkish.eml'), 'wrong-token')).status).toBe(401);
    const json = await fetch(`${t.url}/api/v1/email/inbound`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${INGEST_TOKEN}` }, body: '{}' });
    expect(json.status).toBe(415);
    const res = await ingest(fixture('gmail-turkish.eml'));
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: number };
    // processed on receipt: the case is there when the sender is told the message arrived
    const row = await inbound(id);
    expect(row.state).toBe('processed');
    expect((await t.app.ctx.db.query(`select 1 from jobs where name = 'email.process'`)).rowCount).toBe(0);
    const c = (await t.api('GET', `/api/v1/cases/${row.case_id}`, { token: admin.token })).body;
    expect(c).toMatchObject({ subject: 'Faturamda çift ücret alındı', channel: 'email', team: { id: billingId }, requester: { name: 'Ayşe Yılmaz', email: 'ayse.yilmaz@example.com' } });
    const messages = await timeline(row.case_id!);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ direction: 'inbound', channel: 'email' });
    expect(messages[0].body).toContain('iki kez ücret alındı');
  });

  it('keeps attachments and inline images on the message, served safely; a file over the limit is named in a note', async () => {
    const row = await processed(((await (await ingest(fixture('attachments-related.eml'))).json()) as { id: number }).id);
    const entries = (await t.api('GET', `/api/v1/cases/${row.case_id}/timeline`, { token: admin.token })).body.items;
    const message = entries.find((e: any) => e.kind === 'message');
    expect(message.body).toContain('Kviitung on lisatud');
    expect(message.attachments.map((a: any) => [a.fileName, a.contentType]).sort()).toEqual([
      ['attachment-1.png', 'image/png'],
      ['kviitung.pdf', 'application/pdf'],
    ]);
    const pdf = message.attachments.find((a: any) => a.fileName === 'kviitung.pdf');
    const file = await fetch(`${t.url}/api/v1/attachments/${pdf.id}`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await file.text()).startsWith('%PDF-1.4')).toBe(true);
    expect(entries.find((e: any) => e.kind === 'note')?.body).toMatch(/larger than the upload limit: suur\.bin/);
  });

  it('does not create a second entry when the same message is delivered again', async () => {
    const first = await processed(((await (await ingest(fixture('outlook-german-html.eml'))).json()) as { id: number }).id);
    const again = await processed(((await (await ingest(fixture('outlook-german-html.eml'))).json()) as { id: number }).id);
    expect(again).toMatchObject({ state: 'duplicate', case_id: first.case_id });
    expect(await timeline(first.case_id!)).toHaveLength(1);
  });

  it('threads a reply by In-Reply-To onto its case and reopens it; a [#number] tag counts only from the requester', async () => {
    const first = await processed(((await (await ingest(fixture('gmail-turkish.eml').toString().replace('CAFx8q9uT2g1kLw+Xh0Z0pQ', 'thread-start-1'))).json()) as { id: number }).id);
    const c = (await t.api('GET', `/api/v1/cases/${first.case_id}`, { token: admin.token })).body;
    await t.api('PATCH', `/api/v1/cases/${c.id}`, { token: admin.token, headers: { 'if-match': `"${c.version}"` }, body: { status: 'pending' } });
    const reply = [
      'From: Ayşe Yılmaz <ayse.yilmaz@example.com>',
      'To: service@demo.switchboard.dev',
      'Subject: Re: Faturamda çift ücret alındı',
      'Message-ID: <reply-1@mail.gmail.com>',
      'In-Reply-To: <our-answer@switchboard.invalid>',
      'References: <thread-start-1@mail.gmail.com> <our-answer@switchboard.invalid>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hâlâ bekliyorum.',
    ].join('\r\n');
    const threaded = await processed(((await (await ingest(reply)).json()) as { id: number }).id);
    expect(threaded.case_id).toBe(c.id);
    expect((await t.api('GET', `/api/v1/cases/${c.id}`, { token: admin.token })).body.status).toBe('open');
    expect((await timeline(c.id)).map((m: any) => m.body)).toContain('Hâlâ bekliyorum.');

    const tagged = (from: string, id: string) =>
      [`From: ${from}`, 'To: service@demo.switchboard.dev', `Subject: Nachtrag [#${c.number}]`, `Message-ID: <${id}@example.com>`, '', 'Noch eine Frage.'].join('\r\n');
    const byRequester = await processed(((await (await ingest(tagged('ayse.yilmaz@example.com', 'tag-1'))).json()) as { id: number }).id);
    expect(byRequester.case_id).toBe(c.id);
    const byStranger = await processed(((await (await ingest(tagged('someone.else@example.org', 'tag-2'))).json()) as { id: number }).id);
    expect(byStranger.case_id).not.toBe(c.id);
  });

  it('opens a new linked case when a customer writes to a closed case', async () => {
    const first = await processed(((await (await ingest(fixture('gmail-turkish.eml').toString().replace('CAFx8q9uT2g1kLw+Xh0Z0pQ', 'closed-start'))).json()) as { id: number }).id);
    const c = (await t.api('GET', `/api/v1/cases/${first.case_id}`, { token: admin.token })).body;
    await t.api('PATCH', `/api/v1/cases/${c.id}`, { token: admin.token, headers: { 'if-match': `"${c.version}"` }, body: { status: 'closed' } });
    const reply = ['From: ayse.yilmaz@example.com', 'Subject: Re: again', 'Message-ID: <closed-reply@example.com>', 'In-Reply-To: <closed-start@mail.gmail.com>', '', 'Tekrar oldu.'].join('\r\n');
    const followUp = await processed(((await (await ingest(reply)).json()) as { id: number }).id);
    expect(followUp.case_id).not.toBe(c.id);
    const links = (await t.api('GET', `/api/v1/cases/${followUp.case_id}/links`, { token: admin.token })).body;
    expect(JSON.stringify(links)).toContain(c.id);
  });

  it('keeps a message it cannot use in quarantine with the reason, and can process it again', async () => {
    const { id } = (await (await ingest(fixture('no-sender.eml'))).json()) as { id: number };
    const row = await processed(id);
    expect(row.state).toBe('quarantined');
    const list = await t.api('GET', '/api/v1/email/inbound?state=quarantined', { token: admin.token });
    expect(list.body.items.find((m: any) => m.id === id)).toMatchObject({ subject: 'no sender here', error: expect.stringMatching(/no sender address/) });
    const raw = await fetch(`${t.url}/api/v1/email/inbound/${id}/raw`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(raw.headers.get('content-disposition')).toMatch(/attachment/);
    expect(Buffer.from(await raw.arrayBuffer()).equals(fixture('no-sender.eml'))).toBe(true);
    expect((await t.api('POST', `/api/v1/email/inbound/${id}/reprocess`, { token: admin.token })).status).toBe(204);
    expect((await processed(id)).state).toBe('quarantined'); // still no sender: back with the same reason
    expect((await t.api('POST', `/api/v1/email/inbound/${id}/reprocess`, { token: (await t.user('agent')).token })).status).toBe(403);
  });

  it('accepts mail over SMTP on the built-in server and answers only after storing it', async () => {
    const port = await t.app.startSmtp(0);
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    const info = await transport.sendMail({
      from: 'Mari Tamm <mari.tamm@example.ee>',
      to: 'service@demo.switchboard.dev',
      subject: 'Arve küsimus',
      text: 'Tere! Mul on arve kohta küsimus.',
      messageId: '<smtp-1@example.ee>',
    });
    expect(info.response).toMatch(/^250/);
    const row = await waitFor(async () => {
      const { rows } = await t.app.ctx.db.query<{ case_id: string | null }>(`select case_id from inbound_emails where message_id = 'smtp-1@example.ee' and state = 'processed'`);
      return rows[0];
    }, 10_000, 'the SMTP message processed');
    expect((await t.api('GET', `/api/v1/cases/${row.case_id}`, { token: admin.token })).body).toMatchObject({ subject: 'Arve küsimus', team: { id: billingId } });
    transport.close();
  });
});

describe('replies by email', () => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  let agent: TestUser;
  const ingest = (raw: string) =>
    fetch(`${t.url}/api/v1/email/inbound`, { method: 'POST', headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${INGEST_TOKEN}` }, body: raw });
  const caseOf = (messageId: string) =>
    waitFor(async () => {
      const { rows } = await t.app.ctx.db.query<{ case_id: string }>(`select case_id from inbound_emails where message_id = $1 and state = 'processed'`, [messageId]);
      return rows[0]?.case_id;
    }, 10_000, `case of ${messageId}`);
  const customerMail = (id: string, headers: string[], body: string) =>
    ['From: Jürgen Weber <juergen.weber@example.de>', 'To: service@demo.switchboard.dev', 'Subject: Rechnung doppelt', `Message-ID: <${id}>`, ...headers, 'Content-Type: text/plain; charset=utf-8', '', body].join('\r\n');

  beforeAll(async () => {
    sink = await smtpSink();
    t = await startTestApp({ EMAIL_INGEST_TOKEN: INGEST_TOKEN, SMTP_URL: sink.url, MAIL_FROM: 'Kundenservice <service@demo.switchboard.dev>', JOBS_POLL_MS: 100 });
    agent = await t.user('admin');
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('sends the agent’s reply in the thread, and the customer’s answer to it comes back to the case', async () => {
    await ingest(customerMail('first@example.de', [], 'Ich wurde doppelt belastet.'));
    const caseId = await caseOf('first@example.de');
    const reply = await t.api('POST', `/api/v1/cases/${caseId}/entries`, { token: agent.token, body: { kind: 'message', direction: 'outbound', body: 'Wir prüfen das und melden uns.' } });
    expect(reply.status).toBe(201);
    const sent = await waitFor(() => sink.received.find((m) => m.raw.includes('Wir pr')), 10_000, 'the reply at the relay');
    expect(sent.to).toEqual(['juergen.weber@example.de']);
    expect(sent.raw).toMatch(/^In-Reply-To: <first@example\.de>/m);
    expect(sent.raw).toMatch(/^References: <first@example\.de>/m);
    const ourId = /^Message-ID: <(sb\.\d+\.[0-9a-f]{20}@demo\.switchboard\.dev)>/m.exec(sent.raw)?.[1];
    expect(ourId).toBeDefined();
    expect(sent.raw).toMatch(/^Subject: Re: Rechnung doppelt \[#\d+\]/m);

    await ingest(customerMail('second@example.de', [`In-Reply-To: <${ourId}>`, `References: <first@example.de> <${ourId}>`], 'Danke!'));
    expect(await caseOf('second@example.de')).toBe(caseId);
    // A made-up id in our format does not verify: that message starts a case of its own.
    const forged = ourId!.replace(/\.[0-9a-f]{20}@/, '.0123456789abcdef0123@');
    await ingest(customerMail('third@example.de', [`In-Reply-To: <${forged}>`], 'Forged thread'));
    expect(await caseOf('third@example.de')).not.toBe(caseId);
  });

  it('shows on the case when the reply could not be delivered', async () => {
    await ingest(customerMail('bounce-start@example.de', [], 'Hallo'));
    const caseId = await caseOf('bounce-start@example.de');
    sink.refuseWith({ code: 550, message: 'no such user' });
    await t.api('POST', `/api/v1/cases/${caseId}/entries`, { token: agent.token, body: { kind: 'message', direction: 'outbound', body: 'Antwort, die nicht ankommt' } });
    const note = await waitFor(async () => {
      const entries = (await t.api('GET', `/api/v1/cases/${caseId}/timeline`, { token: agent.token })).body.items;
      return entries.find((e: any) => e.kind === 'note' && e.body.includes('could not be sent'));
    }, 15_000, 'the failure note');
    expect(note.body).toContain('juergen.weber@example.de');
    expect(note.body).toContain('no such user');
    sink.refuseWith(null);
  });
});

describe('automatic acknowledgements, loops and bounces', () => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  let admin: TestUser;
  const ingest = (lines: string[]) =>
    fetch(`${t.url}/api/v1/email/inbound`, { method: 'POST', headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${INGEST_TOKEN}` }, body: lines.join('\r\n') });
  const row = (messageId: string) =>
    waitFor(async () => {
      const { rows } = await t.app.ctx.db.query<{ case_id: string; no_auto_reply: string | null; state: string }>(
        `select case_id, no_auto_reply, state from inbound_emails where message_id = $1 and state <> 'received'`,
        [messageId],
      );
      return rows[0];
    }, 10_000, messageId);
  const mail = (id: string, from: string, extra: string[] = []) => [`From: ${from}`, 'To: service@demo.switchboard.dev', `Subject: Frage ${id}`, `Message-ID: <${id}>`, ...extra, '', 'Text'];

  beforeAll(async () => {
    sink = await smtpSink();
    t = await startTestApp({ EMAIL_INGEST_TOKEN: INGEST_TOKEN, SMTP_URL: sink.url, MAIL_FROM: 'Kundenservice <service@demo.switchboard.dev>', JOBS_POLL_MS: 100 });
    admin = await t.user('admin');
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('acknowledges a new case in the sender’s language, marked as an automatic reply', async () => {
    await ingest(mail('ack-1@example.de', 'Anna Schulz <anna.schulz@example.de>', ['Content-Language: de-DE']));
    const r = await row('ack-1@example.de');
    expect(r.no_auto_reply).toBeNull();
    const sent = await waitFor(() => sink.received.find((m) => m.to.includes('anna.schulz@example.de')), 10_000, 'the acknowledgement');
    expect(sent.raw).toMatch(/^Auto-Submitted: auto-replied/m);
    expect(sent.raw).toMatch(/^X-Loop: switchboard/m);
    expect(sent.raw).toMatch(/^In-Reply-To: <ack-1@example\.de>/m);
    expect(sent.raw).toContain('Vielen Dank f');
    const timeline = (await t.api('GET', `/api/v1/cases/${r.case_id}/timeline`, { token: admin.token })).body.items;
    expect(timeline.filter((e: any) => e.kind === 'message').map((e: any) => e.direction)).toEqual(['inbound', 'outbound']);
  });

  it('never answers automatic mail, lists, bounces or itself — but still makes cases of them', async () => {
    const cases: [string, string[], string, RegExp][] = [
      ['auto-1@example.com', ['Auto-Submitted: auto-replied'], 'ooo@example.com', /Auto-Submitted/],
      ['list-1@example.com', ['List-Id: <news.example.com>', 'Precedence: list'], 'news@example.com', /Precedence: list|List-Id/],
      ['loop-1@example.com', ['X-Loop: helpdesk'], 'other-helpdesk@example.com', /X-Loop/],
      ['own-1@example.com', [], 'service@demo.switchboard.dev', /our own addresses/],
      ['noreply-1@example.com', [], 'no-reply@shop.example.com', /sent by no-reply/],
    ];
    for (const [id, headers, from, reason] of cases) {
      await ingest(mail(id, from, headers));
      const r = await row(id);
      expect(r.state, id).toBe('processed');
      expect(r.case_id, id).not.toBeNull();
      expect(r.no_auto_reply, id).toMatch(reason);
    }
    expect(sink.received.filter((m) => cases.some(([, , from]) => m.to.includes(from)))).toEqual([]);
  });

  it('acknowledges one sender at most three times a day', async () => {
    for (let i = 1; i <= 4; i++) await ingest(mail(`limit-${i}@example.com`, 'busy.writer@example.com'));
    const rows = await Promise.all([1, 2, 3, 4].map((i) => row(`limit-${i}@example.com`)));
    // Processed in parallel on a server: which one is refused varies, that one is refused does not.
    expect(rows.filter((r) => /limit/.test(r.no_auto_reply ?? ''))).toHaveLength(1);
    await waitFor(() => sink.received.filter((m) => m.to.includes('busy.writer@example.com')).length === 3, 10_000, 'three acknowledgements');
  });

  it('attaches a bounce to the case of the message that bounced and flags the address', async () => {
    await ingest(mail('bounce-origin@example.com', 'Kadri Kask <kadri.kask@example.ee>'));
    const origin = await row('bounce-origin@example.com');
    const ack = await waitFor(() => sink.received.find((m) => m.to.includes('kadri.kask@example.ee')), 10_000, 'the acknowledgement');
    const ourId = /^Message-ID: <([^>]+)>/m.exec(ack.raw)![1]!;
    const report = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.ee>',
      'To: service@demo.switchboard.dev',
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <bounce-report-1@mx.example.ee>',
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'I could not deliver your message.',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.ee',
      '',
      'Final-Recipient: rfc822; kadri.kask@example.ee',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 <kadri.kask@example.ee>: Recipient address rejected',
      '--b1',
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: <${ourId}>`,
      'Subject: Teie pöördumine',
      '--b1--',
    ];
    await ingest(report);
    const r = await row('bounce-report-1@mx.example.ee');
    expect(r).toMatchObject({ state: 'processed', case_id: origin.case_id });
    const timeline = (await t.api('GET', `/api/v1/cases/${origin.case_id}/timeline`, { token: admin.token })).body.items;
    expect(timeline.find((e: any) => e.kind === 'note')?.body).toMatch(/bounced: 5\.1\.1 550 5\.1\.1 .*Recipient address rejected/);
    const { rows } = await t.app.ctx.db.query<{ bounced_at: Date | null }>(`select bounced_at from customer_emails where email = 'kadri.kask@example.ee'`);
    expect(rows[0]!.bounced_at).not.toBeNull();
    // A bounce for something we never sent is not a customer's case: it waits in quarantine.
    await ingest(report.map((l) => l.replace(ourId, 'someone-else@example.org').replace('bounce-report-1', 'bounce-report-2')));
    expect((await row('bounce-report-2@mx.example.ee')).state).toBe('quarantined');
  });
});
