/**
 * The bodies of the help center's pages (home, category, article, search, not found) as HTML.
 * Everything dynamic is escaped here; article HTML is stored sanitized and inserted as it is.
 */
import type { ArticleSearchHit, ArticleSummary, KnowledgeArticle, KnowledgeCategory, KnowledgeHighlightPart } from '@switchboard/contracts';
import { escapeHtml as e } from './help-layout.ts';
import { helpText, languageNames, type HelpLanguage } from './help-strings.ts';

/** The name of a category in a language, else in any it has. */
export function categoryName(c: KnowledgeCategory, lang: HelpLanguage): { name: string; description: string; language: HelpLanguage } {
  const own = c.translations[lang];
  if (own) return { ...own, language: lang };
  const [language, other] = (Object.entries(c.translations) as Array<[HelpLanguage, { name: string; description: string }]>)[0] ?? ['en', { name: c.slug, description: '' }];
  return { ...other, language };
}

const langAttr = (shown: string, page: HelpLanguage) => (shown !== page ? ` lang="${shown}"` : '');
const dateText = (iso: string, lang: HelpLanguage) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));

export const articlePath = (lang: string, slug: string) => `/help/${lang}/articles/${slug}`;
export const categoryPath = (lang: string, slug: string) => `/help/${lang}/categories/${slug}`;

function articleList(items: readonly ArticleSummary[], lang: HelpLanguage): string {
  if (items.length === 0) return `<p>${e(helpText(lang, 'noArticles'))}</p>`;
  return `<ul class="list">${items
    .map((a) => `<li${langAttr(a.language, lang)}><a href="${articlePath(lang, a.slug)}">${e(a.title)}</a>${a.summary ? `<p>${e(a.summary)}</p>` : ''}</li>`)
    .join('')}</ul>`;
}

/** Categories holding public articles themselves or below them; empty ones are not shown. */
export function withArticles(categories: readonly KnowledgeCategory[]): KnowledgeCategory[] {
  const total = new Map(categories.map((c) => [c.id, c.articleCount]));
  const byId = new Map(categories.map((c) => [c.id, c]));
  for (const c of categories) {
    for (let p = c.parentId ? byId.get(c.parentId) : undefined, guard = 0; p && guard < 20; p = p.parentId ? byId.get(p.parentId) : undefined, guard++) {
      total.set(p.id, (total.get(p.id) ?? 0) + c.articleCount);
    }
  }
  return categories.filter((c) => (total.get(c.id) ?? 0) > 0);
}

function categoryCards(categories: readonly KnowledgeCategory[], lang: HelpLanguage): string {
  return `<ul class="cards">${withArticles(categories)
    .map((c) => {
      const n = categoryName(c, lang);
      return `<li class="card"${langAttr(n.language, lang)}><h3><a href="${categoryPath(lang, c.slug)}">${e(n.name)}</a></h3>${n.description ? `<p>${e(n.description)}</p>` : ''}<p class="muted">${e(helpText(lang, 'articleCount', { n: c.articleCount }))}</p></li>`;
    })
    .join('')}</ul>`;
}

/** Start page: top-level categories and the latest changed articles. */
export function homeBody(lang: HelpLanguage, categories: readonly KnowledgeCategory[], recent: readonly ArticleSummary[]): string {
  const top = categories.filter((c) => c.parentId === null);
  return `<h1>${e(helpText(lang, 'helpCenter'))}</h1>
<p>${e(helpText(lang, 'homeIntro'))}</p>
<section aria-labelledby="cats"><h2 id="cats">${e(helpText(lang, 'categories'))}</h2>${categoryCards(top, lang)}</section>
<section aria-labelledby="recent"><h2 id="recent">${e(helpText(lang, 'popular'))}</h2>${articleList(recent, lang)}</section>`;
}

function crumbs(lang: HelpLanguage, trail: ReadonlyArray<{ href: string | null; label: string }>): string {
  return `<nav class="crumbs" aria-label="${e(helpText(lang, 'breadcrumb'))}"><ol><li><a href="/help/${lang}">${e(helpText(lang, 'helpCenter'))}</a></li>${trail
    .map((t) => (t.href ? `<li><a href="${t.href}">${e(t.label)}</a></li>` : `<li aria-current="page">${e(t.label)}</li>`))
    .join('')}</ol></nav>`;
}

/** The categories above and including `id`, root first. */
export function categoryTrail(categories: readonly KnowledgeCategory[], id: string | null, lang: HelpLanguage): Array<{ href: string; label: string }> {
  const out: Array<{ href: string; label: string }> = [];
  const byId = new Map(categories.map((c) => [c.id, c]));
  for (let c = id ? byId.get(id) : undefined, guard = 0; c && guard < 20; c = c.parentId ? byId.get(c.parentId) : undefined, guard++) {
    out.unshift({ href: categoryPath(lang, c.slug), label: categoryName(c, lang).name });
  }
  return out;
}

export function categoryBody(lang: HelpLanguage, category: KnowledgeCategory, all: readonly KnowledgeCategory[], articles: readonly ArticleSummary[]): string {
  const n = categoryName(category, lang);
  const trail = categoryTrail(all, category.parentId, lang);
  const children = all.filter((c) => c.parentId === category.id);
  return `${crumbs(lang, [...trail, { href: null, label: n.name }])}
<h1${langAttr(n.language, lang)}>${e(n.name)}</h1>${n.description ? `<p${langAttr(n.language, lang)}>${e(n.description)}</p>` : ''}
${children.length ? categoryCards(children, lang) : ''}
${articleList(articles, lang)}`;
}

export interface ArticlePageInput {
  article: KnowledgeArticle;
  translation: KnowledgeArticle['translations'][number];
  fellBack: boolean;
  trail: Array<{ href: string; label: string }>;
  thanked: boolean;
}

const sizeText = (bytes: number) => (bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** An article with its fallback notice, files and the "was this helpful?" form (works without JavaScript). */
export function articleBody(lang: HelpLanguage, p: ArticlePageInput): string {
  const t = p.translation;
  const shown = langAttr(t.language, lang);
  const inline = new Set([...t.bodyHtml.matchAll(/\/help\/files\/([0-9a-f-]{36})/g)].map((m) => m[1]));
  const files = p.article.files.filter((f) => !inline.has(f.id));
  const action = `${articlePath(lang, p.article.slug)}/feedback`;
  const feedback = p.thanked
    ? `<p role="status">${e(helpText(lang, 'thanks'))}</p>`
    : `<form method="post" action="${action}"><p id="helpful-q">${e(helpText(lang, 'helpful'))}</p>
<button type="submit" name="helpful" value="yes" aria-describedby="helpful-q">${e(helpText(lang, 'yes'))}</button>
<button type="submit" name="helpful" value="no" aria-describedby="helpful-q">${e(helpText(lang, 'no'))}</button></form>`;
  return `${crumbs(lang, [...p.trail, { href: null, label: t.title }])}
${p.fellBack ? `<p class="notice">${e(helpText(lang, 'fallback', { lang: languageNames[t.language] }))}</p>` : ''}
<article class="content"${shown}>
<h1>${e(t.title)}</h1>
<p class="muted">${e(helpText(lang, 'updated', { date: dateText(t.updatedAt, lang) }))}</p>
${t.bodyHtml}
${files.length ? `<h2>${e(helpText(lang, 'attachments'))}</h2><ul>${files.map((f) => `<li><a href="${e(f.url)}">${e(f.fileName)}</a> <span class="muted">(${sizeText(f.size)})</span></li>`).join('')}</ul>` : ''}
</article>
<section class="feedback" id="feedback" aria-label="${e(helpText(lang, 'helpful'))}">${feedback}</section>
<p><strong>${e(helpText(lang, 'stillNeedHelp'))}</strong> <a href="/portal">${e(helpText(lang, 'contact'))}</a></p>`;
}

const highlight = (parts: readonly KnowledgeHighlightPart[]) => parts.map((p) => (p.match ? `<mark>${e(p.text)}</mark>` : e(p.text))).join('');

export function searchBody(lang: HelpLanguage, q: string, hits: readonly ArticleSearchHit[] | null, corrected: string | null): string {
  const heading = q ? helpText(lang, 'results', { q }) : helpText(lang, 'search');
  let content: string;
  if (!q) content = `<p>${e(helpText(lang, 'enterQuery'))}</p>`;
  else if (!hits?.length) content = `<p>${e(helpText(lang, 'noResults', { q }))}</p><p><a href="/portal">${e(helpText(lang, 'contact'))}</a></p>`;
  else
    content = `${corrected ? `<p class="notice">${e(helpText(lang, 'showingFor'))} <a href="/help/${lang}/search?q=${encodeURIComponent(corrected)}">${e(corrected)}</a></p>` : ''}<ol class="list" data-testid="help-results">${hits
      .map((h) => `<li${langAttr(h.language, lang)}><a href="${articlePath(lang, h.slug)}">${e(h.title)}</a><p>${highlight(h.highlight)}</p></li>`)
      .join('')}</ol>`;
  return `<h1>${e(heading)}</h1>
${content}`;
}

export function notFoundBody(lang: HelpLanguage): string {
  return `<h1>${e(helpText(lang, 'notFound'))}</h1><p>${e(helpText(lang, 'notFoundText'))}</p><p><a href="/help/${lang}">${e(helpText(lang, 'helpCenter'))}</a></p>`;
}
