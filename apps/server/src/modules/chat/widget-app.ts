/**
 * Serves the widget: the loader a website pastes in (/widget.js), the chat frame page with its
 * own CSP (frame-ancestors = the channel's allowed websites), the frame's hashed assets, and a
 * demo host page (/widget/demo) to try it locally.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { languages } from '@switchboard/contracts/constants';
import type { AppContext } from '../../platform/context.ts';
import { frameAncestors, identitySignature, originAllowed, originOf } from './origins.ts';
import { channelRow, identitySecretOf, widgetConfig, type ChannelRow } from './queries.ts';
import { demoPage } from './demo-page.ts';
import { ownOrigin } from './widget-origin.ts';

/** Where `npm run build -w apps/widget` puts the loader and the frame. */
export const widgetDist = join(dirname(fileURLToPath(import.meta.url)), '../../../../widget/dist');

const types: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

const cache = new Map<string, { mtime: number; content: Buffer; etag: string }>();
/** A built file, re-read when the build changed it (so a rebuild needs no restart). */
function built(dir: string, file: string): { content: Buffer; etag: string } | null {
  const path = join(dir, file);
  if (!existsSync(path)) return null;
  const mtime = statSync(path).mtimeMs;
  const hit = cache.get(path);
  if (hit && hit.mtime === mtime) return hit;
  const content = readFileSync(path);
  const entry = { mtime, content, etag: `"${createHash('sha256').update(content).digest('base64url').slice(0, 22)}"` };
  cache.set(path, entry);
  return entry;
}

const frameCsp = (ch: ChannelRow) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    // Channel colors are set as CSS variables on the root element.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "font-src 'self' data:",
    `frame-ancestors ${frameAncestors(ch.allowed_origins)}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

const simplePage = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body style="font:14px system-ui,sans-serif;margin:1rem"><p>${text}</p></body></html>`;

/** JSON inside a <script type="application/json">: "<" escaped so no text can close the tag. */
const inlineJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** Registers the widget's pages and files (not under /api: browsers load them directly). */
export function registerWidgetApp(http: FastifyInstance, app: AppContext, dir = widgetDist): void {
  const sendBuilt = (reply: FastifyReply, ifNoneMatch: string | undefined, file: { content: Buffer; etag: string }, type: string, cacheControl: string) => {
    reply.header('etag', file.etag).header('cache-control', cacheControl).header('x-content-type-options', 'nosniff').header('cross-origin-resource-policy', 'cross-origin');
    if (ifNoneMatch === file.etag) return reply.status(304).send();
    return reply.type(type).send(file.content);
  };

  http.get('/widget.js', async (req, reply) => {
    const file = built(dir, 'widget.js');
    if (!file) {
      return reply.status(503).type(types['.js']!).header('cache-control', 'no-store').send('console.warn("The Switchboard chat widget is not built yet: run npm run build -w apps/widget");\n');
    }
    // Not hashed (websites paste this URL): cached briefly, revalidated by ETag.
    return sendBuilt(reply, req.headers['if-none-match'], file, types['.js']!, 'public, max-age=300, stale-while-revalidate=86400');
  });

  http.get<{ Params: { file: string } }>('/widget/assets/:file', async (req, reply) => {
    const name = req.params.file;
    const file = /^[\w.-]+$/.test(name) && !name.startsWith('.') ? built(join(dir, 'assets'), name) : null;
    if (!file) return reply.status(404).type('text/plain').send('not found');
    return sendBuilt(reply, req.headers['if-none-match'], file, types[extname(name)] ?? 'application/octet-stream', 'public, max-age=31536000, immutable');
  });

  http.get<{ Querystring: { channel?: string; host?: string; lang?: string } }>('/widget/frame', async (req, reply) => {
    const ch = await channelRow(app.db, String(req.query.channel ?? ''));
    reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
    if (!ch || !ch.active) {
      return reply.status(404).type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'").send(simplePage('Chat', 'This chat is not available.'));
    }
    reply.header('content-security-policy', frameCsp(ch));
    const html = built(dir, 'frame.html');
    if (!html) return reply.status(503).type('text/html; charset=utf-8').send(simplePage('Chat', 'The chat widget is not built yet: run npm run build -w apps/widget.'));
    const asked = String(req.query.lang ?? '').slice(0, 2);
    const lang = ch.languages.includes(asked as (typeof languages)[number]) ? asked : ch.languages[0]!;
    const config = await widgetConfig(app.db, ch, app.config.ATTACHMENT_MAX_BYTES);
    const host = originOf(String(req.query.host ?? ''));
    const boot = { config, host, hostAllowed: originAllowed(host, ch.allowed_origins), language: lang };
    const page = html.content
      .toString('utf8')
      .replace('<html lang="en">', `<html lang="${lang}">`)
      .replace('</head>', `<script id="sb-boot" type="application/json">${inlineJson(boot)}</script></head>`);
    return reply.type('text/html; charset=utf-8').send(page);
  });

  http.get<{ Querystring: { channel?: string; as?: string } }>('/widget/demo', async (req, reply) => {
    const own = ownOrigin(req, app.config);
    let ch = req.query.channel ? await channelRow(app.db, String(req.query.channel)) : null;
    if (!ch) {
      const { rows } = await app.db.query<{ id: string; allowed_origins: string[] }>('select id, allowed_origins from chat_channels where active order by created_at');
      const usable = rows.find((r) => originAllowed(own, r.allowed_origins));
      ch = usable ? await channelRow(app.db, usable.id) : null;
    }
    reply.header('content-security-policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-src 'self'; frame-ancestors 'none'").header('cache-control', 'no-store');
    // The demo shop signs its "signed-in customer" as a real site's server would (the secret never reaches the page).
    const identity = ch && req.query.as === 'customer' ? { userId: 'demo-shop-1001', signature: identitySignature(identitySecretOf(app.secrets, ch), 'demo-shop-1001'), name: 'Tõnu Kuusk', email: 'tonu.kuusk@example.com' } : null;
    return reply.type('text/html; charset=utf-8').send(demoPage(ch?.id ?? null, own, identity));
  });
}
