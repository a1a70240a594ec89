/**
 * The public help center: server-rendered pages under /help/<lang>/… (start page, categories,
 * articles, search), "was this helpful?" as a plain POST form, a sitemap and article files. Only
 * public articles ever appear. No scripts: search engines and screen readers get the whole page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import { makeAuthenticator } from '../identity/index.ts';
import { getBranding } from '../portal/index.ts';
import { recordFeedback } from './article-usage.ts';
import { publicBaseUrl } from './case-routes.ts';
import { loadKnowledgeFile } from './files.ts';
import { defaultHelpBranding, renderHelpCenterPage, sendHelpCenterPage, type HelpAlternate, type HelpBranding, type HelpPageOptions } from './help-layout.ts';
import { articleBody, articlePath, categoryBody, categoryName, categoryPath, categoryTrail, homeBody, notFoundBody, searchBody } from './help-pages.ts';
import { helpLanguages, helpText, isHelpLanguage, type HelpLanguage } from './help-strings.ts';
import { helpSitemap } from './help-sitemap.ts';
import { chooseTranslation, findArticle, listArticles, listCategories } from './queries.ts';
import { searchArticles } from './search-articles.ts';

/** The company's branding from the portal settings; the default when they cannot be read. */
export async function loadHelpBranding(ctx: Pick<AppContext, 'db'>): Promise<HelpBranding> {
  try {
    const b = await getBranding(ctx.db);
    return { companyName: b.companyName, primaryColor: b.primaryColor, logoUrl: b.logoUrl };
  } catch {
    return defaultHelpBranding;
  }
}

/** The reader's language from Accept-KnowledgeLanguage, English when none of ours is asked for. */
export function negotiateLanguage(header: string | undefined): HelpLanguage {
  const wanted = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { lang: (tag ?? '').slice(0, 2).toLowerCase(), q: q ? Number(q) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return wanted.find((w) => isHelpLanguage(w.lang))?.lang as HelpLanguage | undefined ?? 'en';
}

const LangParams = z.object({ lang: z.string() });
const SlugParams = z.object({ lang: z.string(), slug: z.string().max(200) });
const SearchQuery = z.object({ q: z.string().max(300).optional().catch(undefined) });
const FeedbackForm = z.object({ helpful: z.enum(['yes', 'no']) });

/** Registers the help center's pages on the HTTP server (outside the JSON API). */
export async function registerHelpCenter(http: FastifyInstance, ctx: AppContext): Promise<void> {
  const authenticate = makeAuthenticator(ctx);
  await http.register(async (scope) => {
    // The feedback form posts urlencoded; only this scope parses it, the API stays JSON-only.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    const page = async (req: FastifyRequest, reply: FastifyReply, options: Omit<HelpPageOptions, 'branding'>, status = 200) => {
      const base = publicBaseUrl(ctx.config.PUBLIC_URL, req);
      const absolute = (href: string) => (href.startsWith('/') ? base + href : href);
      const html = renderHelpCenterPage({
        ...options,
        canonical: options.canonical ? absolute(options.canonical) : undefined,
        alternates: options.alternates?.map((a) => ({ ...a, href: absolute(a.href) })),
        branding: await loadHelpBranding(ctx),
      });
      return sendHelpCenterPage(reply, html, status);
    };
    const notFound = (req: FastifyRequest, reply: FastifyReply, lang: HelpLanguage) =>
      page(req, reply, { lang, title: helpText(lang, 'notFound'), body: notFoundBody(lang), noindex: true }, 404);
    /** The same path in every language, for hreflang and the switcher. */
    const everyLanguage = (path: (l: HelpLanguage) => string, langs: readonly HelpLanguage[] = helpLanguages, xDefault?: HelpLanguage): HelpAlternate[] => [
      ...langs.map((l) => ({ lang: l, href: path(l) })),
      { lang: 'x-default' as const, href: path(xDefault ?? (langs.includes('en') ? 'en' : (langs[0] ?? 'en'))) },
    ];

    scope.get('/help', async (req, reply) => reply.redirect(`/help/${negotiateLanguage(req.headers['accept-language'])}`, 302));

    scope.get('/help/sitemap.xml', async (req, reply) =>
      reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600').header('x-content-type-options', 'nosniff').send(await helpSitemap(ctx.db, publicBaseUrl(ctx.config.PUBLIC_URL, req))),
    );

    scope.get('/help/files/:id/*', async (req, reply) => {
      const { id } = req.params as { id: string };
      if (!/^[0-9a-f-]{36}$/i.test(id)) return notFound(req, reply, 'en');
      const auth = await authenticate(req).catch(() => null);
      const file = await loadKnowledgeFile(ctx.db, auth?.actor ?? null, id).catch(() => null);
      if (!file) return notFound(req, reply, 'en');
      return reply
        .headers({
          'content-type': file.servedType,
          'content-disposition': contentDisposition(file.disposition, file.fileName),
          'x-content-type-options': 'nosniff',
          'content-security-policy': "sandbox; default-src 'none'",
          'cache-control': file.public ? 'public, max-age=86400' : 'private, max-age=3600',
        })
        .send(file.content);
    });

    scope.get('/help/:lang', async (req, reply) => {
      const { lang } = LangParams.parse(req.params);
      if (!isHelpLanguage(lang)) return notFound(req, reply, 'en');
      const [categories, recent] = await Promise.all([listCategories(ctx.db, ['public']), listArticles(ctx.db, { visibilities: ['public'], language: lang, limit: 8 })]);
      return page(req, reply, {
        lang,
        title: helpText(lang, 'helpCenter'),
        description: helpText(lang, 'homeIntro'),
        body: homeBody(lang, categories, recent),
        active: 'articles',
        canonical: `/help/${lang}`,
        alternates: everyLanguage((l) => `/help/${l}`),
      });
    });

    scope.get('/help/:lang/categories/:slug', async (req, reply) => {
      const { lang, slug } = SlugParams.parse(req.params);
      if (!isHelpLanguage(lang)) return notFound(req, reply, 'en');
      const categories = await listCategories(ctx.db, ['public']);
      const category = categories.find((c) => c.slug === slug);
      if (!category) return notFound(req, reply, lang);
      const articles = await listArticles(ctx.db, { visibilities: ['public'], language: lang, categoryId: category.id, limit: 200 });
      const n = categoryName(category, lang);
      return page(req, reply, {
        lang,
        title: n.name,
        description: n.description || undefined,
        body: categoryBody(lang, category, categories, articles),
        active: 'articles',
        canonical: categoryPath(lang, slug),
        alternates: everyLanguage((l) => categoryPath(l, slug)),
      });
    });

    scope.get('/help/:lang/articles/:slug', async (req, reply) => {
      const { lang, slug } = SlugParams.parse(req.params);
      if (!isHelpLanguage(lang)) return notFound(req, reply, 'en');
      const article = await findArticle(ctx.db, slug);
      if (!article || article.visibility !== 'public' || article.slug !== slug) return notFound(req, reply, lang);
      const { translation, fellBack } = chooseTranslation(article, lang);
      const categories = await listCategories(ctx.db, ['public']);
      const langs = article.translations.map((t) => t.language);
      return page(req, reply, {
        lang,
        title: translation.title,
        description: translation.summary || undefined,
        body: articleBody(lang, { article, translation, fellBack, trail: categoryTrail(categories, article.categoryId, lang), thanked: (req.query as { feedback?: string }).feedback === 'thanks' }),
        active: 'articles',
        // a fallback page shows another language's text: the canonical page is that language's
        canonical: articlePath(translation.language, slug),
        alternates: everyLanguage((l) => articlePath(l, slug), langs, article.sourceLanguage),
      });
    });

    scope.post('/help/:lang/articles/:slug/feedback', async (req, reply) => {
      const { lang, slug } = SlugParams.parse(req.params);
      const form = FeedbackForm.safeParse(req.body);
      if (!isHelpLanguage(lang) || !form.success) return notFound(req, reply, isHelpLanguage(lang) ? lang : 'en');
      const recorded = await recordFeedback(ctx.db, ['public'], slug, { helpful: form.data.helpful === 'yes', language: lang, source: 'help_center' }).then(
        () => true,
        () => false,
      );
      if (!recorded) return notFound(req, reply, lang);
      // Post/Redirect/Get: a reload does not answer twice
      return reply.redirect(`${articlePath(lang, slug)}?feedback=thanks#feedback`, 303);
    });

    scope.get('/help/:lang/search', async (req, reply) => {
      const { lang } = LangParams.parse(req.params);
      if (!isHelpLanguage(lang)) return notFound(req, reply, 'en');
      const q = (SearchQuery.parse(req.query).q ?? '').trim();
      const result = q ? await searchArticles(ctx.db, { q, language: lang, visibilities: ['public'], limit: 20 }) : null;
      return page(req, reply, {
        lang,
        title: q ? helpText(lang, 'results', { q }) : helpText(lang, 'search'),
        body: searchBody(lang, q, result?.items ?? null, result?.correctedQuery ?? null),
        active: 'search',
        noindex: true,
        query: q,
        alternates: everyLanguage((l) => `/help/${l}/search${q ? `?q=${encodeURIComponent(q)}` : ''}`),
      });
    });

    // Anything else below /help is an HTML "not found", not the agent app
    scope.get('/help/*', async (req, reply) => {
      const first = req.url.split('/')[2] ?? '';
      return notFound(req, reply, isHelpLanguage(first) ? first : 'en');
    });
  });
}
