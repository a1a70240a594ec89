/**
 * The help center's troubleshooting pages under /help/troubleshoot: the list of public flows, one
 * page per step, and the request form when a flow does not solve the problem. Plain HTML forms
 * (POST, then 303 to the next page), so they work without JavaScript and survive reload and the
 * browser's back button. Registered as exact paths inside their own plugin scope, so the
 * knowledge module's /help routes and parsers are not affected.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { renderHelpCenterPage, sendHelpCenterPage, type HelpAlternate } from '../../knowledge/index.ts';
import { flowLanguages, isFlowLanguage, localize, type FlowLanguage } from '../engine.ts';
import { presentRun } from '../present-run.ts';
import { publishedFlows } from '../queries.ts';
import { answerPublicRun, backPublicRun, loadPublicRun, markSolved, requestNumber, startPublicRun } from './public-run.ts';
import { endedBody, introBody, listBody, problemBody, stepBody, troubleshootBase, type FormState } from './render.ts';
import { requestHelp } from './request-help.ts';
import { ssText } from './strings.ts';

type Params = { lang?: string; slug?: string; token?: string };
type Req = FastifyRequest<{ Params: Params; Querystring: { lang?: string; moved?: string }; Body: Record<string, string> | undefined }>;

/** The customer's language: ?lang=, else the first of Accept-Language we speak, else English. */
export function negotiateLanguage(query: string | undefined, acceptLanguage: string | undefined): FlowLanguage {
  if (isFlowLanguage(query)) return query;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { lang: (tag ?? '').slice(0, 2).toLowerCase(), q: q ? Number(q) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return wanted.find((w) => isFlowLanguage(w.lang))?.lang as FlowLanguage | undefined ?? 'en';
}

const alternates = (path: (lang: string) => string): HelpAlternate[] => [
  ...flowLanguages.map((l) => ({ lang: l, href: path(l) })),
  { lang: 'x-default' as const, href: path('en') },
];

function page(reply: FastifyReply, lang: FlowLanguage, title: string, body: string, extra: { status?: number; path?: (l: string) => string; noindex?: boolean; description?: string } = {}) {
  const html = renderHelpCenterPage({
    lang,
    title,
    body,
    active: 'troubleshoot',
    ...(extra.path ? { alternates: alternates(extra.path), canonical: extra.path(lang) } : {}),
    ...(extra.description ? { description: extra.description } : {}),
    noindex: extra.noindex ?? false,
  });
  return sendHelpCenterPage(reply, html, extra.status ?? 200);
}

function langOf(req: Req): FlowLanguage {
  const l = req.params.lang;
  if (l !== undefined && !isFlowLanguage(l)) throw new AppError('not_found');
  return l ?? negotiateLanguage(req.query.lang, req.headers['accept-language']);
}

/** Form posts must come from our own pages (a cross-site form could open cases in a customer's name). */
function assertSameOrigin(req: FastifyRequest): void {
  if (req.headers['sec-fetch-site'] === 'cross-site') throw new AppError('forbidden', 'Cross-site form posts are refused');
  const origin = req.headers.origin;
  if (origin && origin !== 'null' && new URL(origin).host !== req.headers.host) throw new AppError('forbidden', 'Cross-site form posts are refused');
}

async function listPage(app: AppContext, req: Req, reply: FastifyReply) {
  const lang = langOf(req);
  const flows = (await publishedFlows(app.db, { publicOnly: true }))
    .map((f) => ({ slug: f.slug, title: localize(f.definition.title, lang), description: localize(f.definition.description, lang) }))
    .sort((a, b) => a.title.localeCompare(b.title, lang));
  return page(reply, lang, ssText(lang, 'listTitle'), listBody(lang, flows), { path: (l) => `${troubleshootBase}/${l}`, description: ssText(lang, 'listIntro') });
}

async function publicFlow(app: AppContext, slug: string) {
  const flow = (await publishedFlows(app.db, { publicOnly: true, slug }))[0];
  if (!flow) throw new AppError('not_found');
  return flow;
}

async function runPage(app: AppContext, req: Req, reply: FastifyReply, form?: FormState) {
  const lang = langOf(req);
  const { slug, token } = req.params as Required<Params>;
  const run = await loadPublicRun(app.db, slug, token);
  const title = localize(run.def.title, lang);
  const path = (l: string) => `${troubleshootBase}/${l}/${slug}/run/${token}`;
  if (run.row.status !== 'active') {
    const number = await requestNumber(app, run.row.case_id);
    return page(reply, lang, title, endedBody(lang, slug, title, { solved: run.row.status === 'completed', requestNumber: number }), { path, noindex: true });
  }
  const view = await presentRun(app.db, { ...run.row, language: lang });
  const notice = req.query.moved ? ssText(lang, 'moved') : undefined;
  return page(reply, lang, `${view.current.text} · ${title}`, stepBody(lang, slug, token, view, { ...(notice ? { notice } : {}), ...(form ? { form } : {}) }), {
    path,
    noindex: true,
    status: form ? 422 : 200,
  });
}

async function runPost(app: AppContext, req: Req, reply: FastifyReply) {
  assertSameOrigin(req);
  const lang = langOf(req);
  const { slug, token } = req.params as Required<Params>;
  const body = req.body ?? {};
  const step = body.step ?? '';
  const here = `${troubleshootBase}/${lang}/${slug}/run/${token}`;
  try {
    if (body.action === 'answer') await app.db.transaction((tx) => answerPublicRun(tx, slug, token, step, body.answer ?? ''));
    else if (body.action === 'back') await app.db.transaction((tx) => backPublicRun(tx, slug, token, step));
    else if (body.action === 'solved') await app.db.transaction((tx) => markSolved(tx, slug, token, step));
    else if (body.action === 'request') {
      // A filled honeypot is a bot: it gets the same page back and opens nothing.
      if (!body.website) {
        const values = { name: body.name ?? '', email: body.email ?? '', message: body.message ?? '', wishedAt: body.wishedAt ?? '' };
        try {
          await app.db.transaction((tx) => requestHelp(app, tx, slug, token, lang, values));
        } catch (err) {
          if (err instanceof AppError && err.code === 'validation_failed') return runPage(app, req, reply, { values, errors: err.errors });
          throw err;
        }
      }
    } else throw new AppError('validation_failed', 'Unknown action');
  } catch (err) {
    // A second tab or a double submit: show where the run is now instead of an error.
    if (err instanceof AppError && err.code === 'conflict') return reply.redirect(`${here}?moved=1`, 303);
    throw err;
  }
  return reply.redirect(here, 303);
}

/** Mounts the troubleshooting pages on the server. */
export async function registerTroubleshootPages(http: FastifyInstance, app: AppContext): Promise<void> {
  await http.register(async (scope) => {
    if (!scope.hasContentTypeParser('application/x-www-form-urlencoded')) {
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      });
    }
    scope.setErrorHandler((err, req, reply) => {
      const status = err instanceof AppError ? err.status : 500;
      if (status >= 500) req.log.error({ err }, 'troubleshooting page failed');
      const raw = (req.params as Params).lang;
      const lang = isFlowLanguage(raw) ? raw : negotiateLanguage((req.query as { lang?: string }).lang, req.headers['accept-language']);
      const shown = status === 404 || status === 403 || status >= 500 ? status : 400;
      return page(reply, lang, ssText(lang, shown === 404 ? 'notFound' : 'badRequest'), problemBody(lang, shown), { status: shown, noindex: true });
    });
    scope.get<{ Params: Params; Querystring: { lang?: string } }>(troubleshootBase, (req, reply) => listPage(app, req as Req, reply));
    scope.get<{ Params: Params }>(`${troubleshootBase}/:lang`, (req, reply) => listPage(app, req as Req, reply));
    scope.get<{ Params: Params }>(`${troubleshootBase}/:lang/:slug`, async (req, reply) => {
      const lang = langOf(req as Req);
      const flow = await publicFlow(app, req.params.slug!);
      const listed = { slug: flow.slug, title: localize(flow.definition.title, lang), description: localize(flow.definition.description, lang) };
      return page(reply, lang, listed.title, introBody(lang, listed), { path: (l) => `${troubleshootBase}/${l}/${flow.slug}`, description: listed.description || listed.title });
    });
    scope.post<{ Params: Params }>(`${troubleshootBase}/:lang/:slug/start`, async (req, reply) => {
      assertSameOrigin(req);
      const lang = langOf(req as Req);
      const flow = await publicFlow(app, req.params.slug!);
      const token = await app.db.transaction((tx) => startPublicRun(tx, flow, lang));
      return reply.redirect(`${troubleshootBase}/${lang}/${flow.slug}/run/${token}`, 303);
    });
    scope.get<{ Params: Params }>(`${troubleshootBase}/:lang/:slug/run/:token`, (req, reply) => runPage(app, req as Req, reply));
    scope.post<{ Params: Params }>(`${troubleshootBase}/:lang/:slug/run/:token`, (req, reply) => runPost(app, req as Req, reply));
  });
}
