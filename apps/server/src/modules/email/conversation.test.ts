import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, waitFor, type TestApp, type TestUser } from '../../../test/harness.ts';
import { smtpSink } from '../../../test/smtp-sink.ts';

const INGEST_TOKEN = 'test-ingest-token-0123456789abcdef';
const fixtures = new URL('../../../test/fixtures/email/', import.meta.url);

describe('email conversations: rendering, participants, reply-all and templates', () => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  let admin: TestUser;
  let mailboxId: string;
  const ingest = async (raw: Buffer | string) => {
    const res = await fetch(`${t.url}/api/v1/email/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${INGEST_TOKEN}` },
      body: typeof raw === 'string' ? raw : new Uint8Array(raw),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: number }).id;
  };
  const settled = (id: number) =>
    waitFor(async () => {
      const { rows } = await t.app.ctx.db.query<{ state: string; case_id: string | null; entry_id: string | null }>(`select state, case_id, entry_id from inbound_emails where id = $1`, [id]);
      return rows[0] && rows[0].state !== 'received' ? rows[0] : undefined;
    }, 15_000, `message ${id} processed`);
  const messages = async (caseId: string) => (await t.api('GET', `/api/v1/cases/${caseId}/timeline`, { token: admin.token })).body.items.filter((e: any) => e.kind === 'message');
  const mail = (id: string, from: string, extra: string[], body: string, subject = 'Zimmerwechsel') =>
    [`From: ${from}`, 'To: Reservierung <reservations@demo.switchboard.dev>', `Subject: ${subject}`, `Message-ID: <${id}>`, ...extra, 'Content-Type: text/plain; charset=utf-8', '', body].join('\r\n');

  beforeAll(async () => {
    sink = await smtpSink();
    t = await startTestApp({ EMAIL_INGEST_TOKEN: INGEST_TOKEN, SMTP_URL: sink.url, MAIL_FROM: 'Switchboard <noreply@demo.switchboard.dev>', JOBS_POLL_MS: 100 });
    admin = await t.user('admin');
    const team = await t.team('Reservations');
    for (const [name, address] of [['Reservierung', 'reservations@demo.switchboard.dev'], ['Service', 'service@demo.switchboard.dev'], ['Billing', 'billing@demo.switchboard.dev'], ['Returns', 'returns@demo.switchboard.dev']] as const) {
      const res = await t.api('POST', '/api/v1/mailboxes', { token: admin.token, body: { name, address, teamId: team } });
      expect(res.status).toBe(201);
      if (address.startsWith('reservations')) mailboxId = res.body.id;
    }
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('puts every message of the corpus into a case or the quarantine — none is lost or left waiting', async () => {
    const files = readdirSync(fixtures).filter((f) => f.endsWith('.eml'));
    const ids = [];
    for (const f of files) ids.push(await ingest(readFileSync(new URL(f, fixtures))));
    const rows = await Promise.all(ids.map(settled));
    for (const [i, r] of rows.entries()) expect(['processed', 'quarantined', 'duplicate'], files[i]).toContain(r.state);
    const states = Object.fromEntries(files.map((f, i) => [f, rows[i]!.state]));
    expect(states['no-sender.eml']).toBe('quarantined');
    expect(states['gmail-reply-english.eml']).toBe('processed');
    // The HTML an agent sees is sanitized and split from the quoted history.
    const evil = rows[files.indexOf('malicious-html.eml')]!;
    const [entry] = await messages(evil.case_id!);
    expect(entry.email.html).toContain('the portal');
    expect(entry.email.html).not.toMatch(/script|onerror|tracker/);
    const gmail = rows[files.indexOf('gmail-reply-english.eml')]!;
    const [reply] = await messages(gmail.case_id!);
    expect(reply.email).toMatchObject({ from: { address: 'emily.clarke@example.co.uk', name: 'Emily Clarke' }, cc: [{ address: 'james.clarke@example.co.uk' }, { address: 'returns@demo.switchboard.dev' }] });
    expect(reply.email.html).toContain('does not fit the model');
    expect(reply.email.quotedHtml).toContain('we have shipped a replacement charger');
    expect(reply.body.slice(0, reply.email.foldAt)).not.toContain('wrote:');
    // Cc'd people (never our own mailboxes) are the case's participants.
    const participants = await t.api('GET', `/api/v1/cases/${gmail.case_id}/participants`, { token: admin.token });
    expect(participants.body.items.map((p: any) => p.email)).toEqual(['james.clarke@example.co.uk']);
  });

  it('threads a [#number] reply from a Cc of the case, and replies to everyone when the agent replies to all', async () => {
    const first = await settled(
      await ingest(mail('room-1@example.de', 'Petra Hoffmann <petra.hoffmann@example.de>', ['Cc: Uwe Hoffmann <uwe.hoffmann@example.de>', 'Content-Language: de'], 'Bitte ein ruhigeres Zimmer.')),
    );
    const caseId = first.case_id!;
    const c = (await t.api('GET', `/api/v1/cases/${caseId}`, { token: admin.token })).body;
    // The acknowledgement came from the mailbox the customer wrote to, in German.
    const ack = await waitFor(() => sink.received.find((m) => m.to.includes('petra.hoffmann@example.de') && /Ihre Anfrage ist eingegangen/.test(m.raw)), 10_000, 'acknowledgement');
    expect(ack.raw).toMatch(/^From: Reservierung <reservations@demo\.switchboard\.dev>/m);

    const fromCc = await settled(await ingest(mail('room-2@example.de', 'Uwe Hoffmann <uwe.hoffmann@example.de>', [], 'Gerne auch mit Balkon.', `Re: Zimmerwechsel [#${c.number}]`)));
    expect(fromCc.case_id).toBe(caseId);
    const stranger = await settled(await ingest(mail('room-3@example.de', 'Someone Else <else@example.org>', [], 'Me too', `Re: Zimmerwechsel [#${c.number}]`)));
    expect(stranger.case_id).not.toBe(caseId);

    const participants = (await t.api('GET', `/api/v1/cases/${caseId}/participants`, { token: admin.token })).body.items.map((p: any) => p.email);
    expect(participants).toEqual(['uwe.hoffmann@example.de']);
    const sent = await t.api('POST', `/api/v1/cases/${caseId}/entries`, {
      token: admin.token,
      body: { kind: 'message', body: 'Wir haben Zimmer 512 mit Balkon für Sie reserviert.', cc: [...participants, 'Rezeption@Example.de'] },
    });
    expect(sent.status).toBe(201);
    expect(sent.body.email.cc.map((a: any) => a.address)).toEqual(['uwe.hoffmann@example.de', 'rezeption@example.de']);
    const out = await waitFor(() => sink.received.find((m) => m.raw.includes('Zimmer 512')), 10_000, 'the reply');
    expect(out.to.sort()).toEqual(['petra.hoffmann@example.de', 'rezeption@example.de', 'uwe.hoffmann@example.de']);
    expect(out.raw).toMatch(/^Cc: uwe\.hoffmann@example\.de, rezeption@example\.de/m);
    expect(out.raw).toMatch(/^From: Reservierung <reservations@demo\.switchboard\.dev>/m);
    // The German reply template frames the text: signature and the request number.
    expect(out.raw).toContain(`Ihre Anfrage: #${c.number}`);
    expect(out.raw).toMatch(/Content-Type: text\/html/);
    // Whoever the agent copied joins the conversation.
    const after = (await t.api('GET', `/api/v1/cases/${caseId}/participants`, { token: admin.token })).body.items.map((p: any) => p.email);
    expect(after).toEqual(expect.arrayContaining(['uwe.hoffmann@example.de', 'rezeption@example.de']));
    expect((await t.api('DELETE', `/api/v1/cases/${caseId}/participants?email=rezeption@example.de`, { token: admin.token })).status).toBe(204);
    expect((await t.api('GET', `/api/v1/cases/${caseId}/participants`, { token: admin.token })).body.items).toHaveLength(1);
  });

  it('uses the mailbox’s own template in the customer’s language, and refuses a template with an unknown placeholder', async () => {
    const bad = await t.api('PUT', '/api/v1/email/templates', { token: admin.token, body: { mailboxId, kind: 'reply', language: 'de', body: 'Hallo {{customer.fristName}},\n{{message}}' } });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain('{{customer.fristName}}');
    const noMessage = await t.api('PUT', '/api/v1/email/templates', { token: admin.token, body: { mailboxId, kind: 'reply', language: 'de', body: 'Hallo' } });
    expect(noMessage.status).toBe(400);
    const saved = await t.api('PUT', '/api/v1/email/templates', {
      token: admin.token,
      body: { mailboxId, kind: 'reply', language: 'de', body: 'Guten Tag {{customer.name}},\n\n{{message}}\n\nHerzliche Grüße\n{{agent.name}}, {{mailbox.name}}' },
    });
    expect(saved.status).toBe(200);
    const list = await t.api('GET', `/api/v1/email/templates?mailboxId=${mailboxId}`, { token: admin.token });
    expect(list.body.items.find((x: any) => x.kind === 'reply' && x.language === 'de')).toMatchObject({ builtIn: false });
    expect(list.body.items.find((x: any) => x.kind === 'reply' && x.language === 'en')).toMatchObject({ builtIn: true });

    const first = await settled(await ingest(mail('tpl-1@example.de', 'Petra Hoffmann <petra.hoffmann@example.de>', [], 'Noch eine Frage.', 'Frühstück')));
    await t.api('POST', `/api/v1/cases/${first.case_id}/entries`, { token: admin.token, body: { kind: 'message', body: 'Frühstück gibt es ab 6:30 Uhr.' } });
    const out = await waitFor(() => sink.received.find((m) => m.raw.includes('ab 6:30 Uhr')), 10_000, 'the templated reply');
    expect(out.raw).toContain('Guten Tag Petra Hoffmann');
    expect(out.raw).toContain('Herzliche Gr');

    expect((await t.api('POST', '/api/v1/email/templates/reset', { token: admin.token, body: { mailboxId, kind: 'reply', language: 'de' } })).status).toBe(204);
    const reset = await t.api('GET', `/api/v1/email/templates?mailboxId=${mailboxId}`, { token: admin.token });
    expect(reset.body.items.find((x: any) => x.kind === 'reply' && x.language === 'de')).toMatchObject({ builtIn: true });
  });

  it('opens a case for a team whose form requires a field: a message cannot be refused for what only an agent can fill in', async () => {
    const returns = await t.team('Returns desk');
    const field = await t.api('POST', '/api/v1/fields', { token: admin.token, body: { entity: 'case', key: 'order_ref', label: 'Order', type: 'text' } });
    expect(field.status).toBe(201);
    expect((await t.api('PUT', `/api/v1/teams/${returns}/form`, { token: admin.token, body: { fields: [{ fieldId: field.body.id, required: true }] } })).status).toBe(200);
    const box = await t.api('POST', '/api/v1/mailboxes', { token: admin.token, body: { name: 'Returns desk', address: 'desk@demo.switchboard.dev', teamId: returns } });
    expect(box.status).toBe(201);
    const raw = mail('desk-1@example.de', 'Jürgen Weber <juergen.weber@example.de>', [], 'Die Maschine ist kaputt.', 'Rücksendung').replace('To: Reservierung <reservations@demo.switchboard.dev>', 'To: desk@demo.switchboard.dev');
    const row = await settled(await ingest(raw));
    expect(row.state).toBe('processed');
    const c = (await t.api('GET', `/api/v1/cases/${row.case_id}`, { token: admin.token })).body;
    expect(c.team.id).toBe(returns);
    // An agent creating a case for that team still has to fill it in.
    const byHand = await t.api('POST', '/api/v1/cases', {
      token: admin.token,
      body: { subject: 'By hand', requester: { name: 'X', email: 'x@example.org' }, channel: 'phone', priority: 'normal', teamId: returns, tags: [], customFields: {} },
    });
    expect(byHand.status).toBe(400);
  });
});
