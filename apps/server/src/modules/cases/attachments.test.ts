import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../../../test/harness.ts';
import { countRows, expectStatus, fieldsOf, newCase, sqlRows } from '../../../test/factories.ts';
import { contentDisposition } from '../../platform/http/content-disposition.ts';

describe('attachments', () => {
  let t: TestApp;
  let billing: string;
  let shipping: string;
  let emma: TestUser;
  let ayse: TestUser;
  let mart: TestUser;
  const LIMIT = 4096;

  /** Uploads over real HTTP as the browser would: multipart/form-data. */
  const upload = async (user: TestUser, content: Uint8Array<ArrayBuffer> | string, fileName = 'photo.png', type = 'image/png', field = 'file') => {
    const form = new FormData();
    form.append(field, new Blob([content], { type }), fileName);
    const res = await fetch(`${t.url}/api/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${user.token}` }, body: form });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
  };
  const download = (user: TestUser, id: string) => fetch(`${t.url}/api/v1/attachments/${id}`, { headers: { authorization: `Bearer ${user.token}` } });

  beforeAll(async () => {
    t = await startTestApp({ ATTACHMENT_MAX_BYTES: LIMIT });
    billing = await t.team('Billing');
    shipping = await t.team('Shipping');
    emma = await t.user('agent', [billing]);
    ayse = await t.user('agent', [billing]);
    mart = await t.user('agent', [shipping]);
  });
  afterAll(async () => t?.close());

  it('uploads a file, sends it with a reply, shows it on the timeline and serves it with safe headers', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    const up = expectStatus(await upload(emma, png, 'Rechnung März.png'), 201);
    expect(up.body).toEqual({ id: expect.any(String), fileName: 'Rechnung März.png', contentType: 'image/png', size: png.length, contentId: null, createdAt: expect.any(String) });
    const stored = await sqlRows<{ sha256: string; case_id: string | null }>(t, 'select sha256, case_id from attachments where id = $1', [up.body.id]);
    expect(stored[0]).toEqual({ sha256: createHash('sha256').update(png).digest('hex'), case_id: null });

    // Before it is sent, only the uploader may fetch it.
    expect((await download(emma, up.body.id)).status).toBe(200);
    expect((await download(ayse, up.body.id)).status).toBe(404);

    const c = await newCase(t, emma, { teamId: billing });
    const reply = expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: emma.token, body: { kind: 'message', body: 'Here is the corrected invoice', attachmentIds: [up.body.id] } }), 201);
    expect(reply.body.attachments).toEqual([up.body]);
    const timeline = expectStatus(await t.api('GET', `/api/v1/cases/${c.id}/timeline`, { token: ayse.token }), 200).body.items;
    expect(timeline.find((e: { id: number }) => e.id === reply.body.id).attachments).toEqual([up.body]);
    expect(timeline.filter((e: { id: number }) => e.id !== reply.body.id).every((e: { attachments: unknown[] }) => e.attachments.length === 0)).toBe(true);

    // Now everyone who sees the case may download it.
    const res = await download(ayse, up.body.id);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from(png));
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="Rechnung M_rz.png"; filename*=UTF-8''Rechnung%20M%C3%A4rz.png`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('private, max-age=3600');

    // An HTML file is never served as HTML, and downloads instead of opening.
    const html = expectStatus(await upload(emma, '<script>alert(1)</script>', 'C:\\Users\\ayse\\Überblick.html', 'text/html'), 201);
    expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: emma.token, body: { kind: 'note', body: 'Found this', attachmentIds: [html.body.id] } }), 201);
    const served = await download(ayse, html.body.id);
    expect(served.headers.get('content-type')).toBe('application/octet-stream');
    expect(served.headers.get('content-disposition')).toBe(`attachment; filename="_berblick.html"; filename*=UTF-8''%C3%9Cberblick.html`);
    const pdf = expectStatus(await upload(emma, '%PDF-1.4', 'a.pdf', 'application/pdf'), 201);
    expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: emma.token, body: { kind: 'note', body: 'PDF', attachmentIds: [pdf.body.id] } }), 201);
    const pdfRes = await download(emma, pdf.body.id);
    expect(pdfRes.headers.get('content-type')).toBe('application/pdf');
    expect(pdfRes.headers.get('content-disposition')).toMatch(/^attachment; /);
  });

  it('refuses a file over ATTACHMENT_MAX_BYTES with 413, an empty file or a missing field with 400, and keeps nothing', async () => {
    const before = await countRows(t, 'attachments');
    const big = await upload(emma, new Uint8Array(LIMIT + 1), 'big.bin', 'application/octet-stream');
    expectStatus(big, 413);
    expect(big.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(big.body).toMatchObject({ code: 'payload_too_large', maxBytes: LIMIT });
    expect(big.body.detail).toMatch(/4096 bytes/);
    expectStatus(await upload(emma, new Uint8Array(LIMIT), 'exact.bin', 'application/octet-stream'), 201);

    const empty = expectStatus(await upload(emma, new Uint8Array(0), 'empty.txt', 'text/plain'), 400);
    expect(fieldsOf(empty)).toEqual(['body.file']);
    expect(empty.body.detail).toMatch(/empty/);
    const wrongField = expectStatus(await upload(emma, 'hello', 'a.txt', 'text/plain', 'document'), 400);
    expect(fieldsOf(wrongField)).toEqual(['body.document']);
    const form = new FormData();
    form.append('note', 'no file here');
    const noFile = await fetch(`${t.url}/api/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${emma.token}` }, body: form });
    expect(noFile.status).toBe(400);
    const emptyForm = await fetch(`${t.url}/api/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${emma.token}` }, body: new FormData() });
    expect(emptyForm.status).toBe(400);
    expect(((await emptyForm.json()) as { errors: Array<{ field: string }> }).errors[0]!.field).toBe('body.file');
    const json = await t.api('POST', '/api/v1/attachments', { token: emma.token, body: { file: 'x' } });
    expect(json.status).toBe(415);
    const broken = await fetch(`${t.url}/api/v1/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emma.token}`, 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nunterminated',
    });
    expect(broken.status).toBeGreaterThanOrEqual(400);
    expect(broken.status).toBeLessThan(500);
    // A JSON route does not take multipart.
    expect((await fetch(`${t.url}/api/v1/cases`, { method: 'POST', headers: { authorization: `Bearer ${emma.token}` }, body: new FormData() })).status).toBe(415);
    expect(await countRows(t, 'attachments')).toBe(before + 1);
  });

  it('links only your own unsent uploads: someone else’s, or one already sent, is 422 naming its position', async () => {
    const c = await newCase(t, emma, { teamId: billing });
    const mine = expectStatus(await upload(emma, 'mine', 'mine.txt', 'text/plain'), 201).body;
    const theirs = expectStatus(await upload(ayse, 'theirs', 'theirs.txt', 'text/plain'), 201).body;
    const entriesBefore = await countRows(t, 'case_entries', 'case_id = $1', [c.id]);
    const res = expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: emma.token, body: { kind: 'message', body: 'Two files', attachmentIds: [mine.id, theirs.id] } }), 422);
    expect(fieldsOf(res)).toEqual(['body.attachmentIds.1']);
    // All or nothing: no entry, and my upload is still unsent.
    expect(await countRows(t, 'case_entries', 'case_id = $1', [c.id])).toBe(entriesBefore);
    expect(await countRows(t, 'attachments', 'id = $1 and entry_id is null', [mine.id])).toBe(1);

    expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: emma.token, body: { kind: 'note', body: 'One file', attachmentIds: [mine.id] } }), 201);
    const again = expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: emma.token, body: { kind: 'note', body: 'Again', attachmentIds: [mine.id] } }), 422);
    expect(fieldsOf(again)).toEqual(['body.attachmentIds.0']);
    const unknown = expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: emma.token, body: { kind: 'note', body: 'x', attachmentIds: ['00000000-0000-4000-8000-000000000000'] } }), 422);
    expect(fieldsOf(unknown)).toEqual(['body.attachmentIds.0']);
    const tooMany = expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: emma.token, body: { kind: 'note', body: 'x', attachmentIds: Array.from({ length: 21 }, () => mine.id) } }), 400);
    expect(fieldsOf(tooMany)).toEqual(['body.attachmentIds']);
  });

  it('does not serve an attachment to an agent of another team', async () => {
    const c = await newCase(t, emma, { teamId: billing });
    const file = expectStatus(await upload(emma, 'internal figures', 'figures.txt', 'text/plain'), 201).body;
    expectStatus(await t.api('POST', `/api/v1/cases/${c.id}/entries`, { token: emma.token, body: { kind: 'note', body: 'Figures', attachmentIds: [file.id] } }), 201);
    const res = await download(mart, file.id);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await download(mart, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    // Once the case moves to Shipping, Mart sees it and its files.
    const cur = expectStatus(await t.api('GET', `/api/v1/cases/${c.id}`, { token: emma.token }), 200).body;
    expectStatus(await t.api('PATCH', `/api/v1/cases/${c.id}`, { token: emma.token, headers: { 'if-match': `"${cur.version}"` }, body: { teamId: shipping } }), 200);
    expect((await download(mart, file.id)).status).toBe(200);
  });
});

describe('Content-Disposition', () => {
  it('encodes the file name per RFC 6266 / RFC 8187, with an ASCII fallback', () => {
    expect(contentDisposition('attachment', 'report.pdf')).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    expect(contentDisposition('attachment', "Ayşe's (final) *copy*.txt")).toBe(
      `attachment; filename="Ay_e's (final) *copy*.txt"; filename*=UTF-8''Ay%C5%9Fe%27s%20%28final%29%20%2Acopy%2A.txt`,
    );
    expect(contentDisposition('inline', 'a\\b"c%d.png')).toBe(`inline; filename="a_b_c_d.png"; filename*=UTF-8''a%5Cb%22c%25d.png`);
    expect(contentDisposition('attachment', '日本.txt')).toBe(`attachment; filename="__.txt"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.txt`);
  });
});
