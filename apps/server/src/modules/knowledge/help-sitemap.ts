/** /help/sitemap.xml: every public page in every language, with hreflang alternates. */
import type { Queryable } from '../../platform/db/index.ts';
import { escapeHtml as x } from './help-layout.ts';
import { articlePath, categoryPath } from './help-pages.ts';
import { helpLanguages } from './help-strings.ts';

interface Url {
  loc: string;
  lastmod?: Date;
  alternates: Array<{ lang: string; href: string }>;
}

const entry = (u: Url) =>
  `<url><loc>${x(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.toISOString()}</lastmod>` : ''}${u.alternates
    .map((a) => `<xhtml:link rel="alternate" hreflang="${a.lang}" href="${x(a.href)}"/>`)
    .join('')}</url>`;

/**
 * The sitemap of the help center: start pages and categories in all four languages, and each
 * public article in each language it is written in (the sitemap protocol allows 50,000 URLs).
 */
export async function helpSitemap(db: Queryable, base: string): Promise<string> {
  const urls: Url[] = [];
  const all = (path: (l: string) => string) => helpLanguages.map((l) => ({ lang: l, href: base + path(l) }));
  for (const l of helpLanguages) urls.push({ loc: `${base}/help/${l}`, alternates: all((k) => `/help/${k}`) });
  const categories = await db.query<{ slug: string; updated_at: Date }>('select slug, updated_at from knowledge_categories order by position, slug');
  for (const c of categories.rows) for (const l of helpLanguages) urls.push({ loc: base + categoryPath(l, c.slug), lastmod: c.updated_at, alternates: all((k) => categoryPath(k, c.slug)) });
  const articles = await db.query<{ slug: string; languages: string[]; updated: Date[] }>(
    `select a.slug, array_agg(t.language order by t.language) as languages, array_agg(t.updated_at order by t.language) as updated
     from knowledge_articles a join knowledge_translations t on t.article_id = a.id
     where a.visibility = 'public' group by a.slug order by a.slug limit 12000`,
  );
  for (const a of articles.rows) {
    const alternates = a.languages.map((l) => ({ lang: l, href: base + articlePath(l, a.slug) }));
    a.languages.forEach((l, i) => urls.push({ loc: base + articlePath(l, a.slug), lastmod: new Date(a.updated[i]!), alternates }));
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.map(entry).join('\n')}
</urlset>
`;
}
