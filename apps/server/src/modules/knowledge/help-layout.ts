/**
 * The frame of every public help-center page (/help/…): header with search, navigation to the
 * articles, troubleshooting flows and the customer portal, a language switcher, and one small
 * stylesheet. Pages are plain HTML without scripts so search engines and screen readers get
 * everything, and forms (search, "was this helpful") work without JavaScript.
 */
import type { FastifyReply } from 'fastify';
import { helpLanguages, helpText, isHelpLanguage, languageNames, type HelpLanguage } from './help-strings.ts';
import { helpCss } from './help-css.ts';

/** What the layout shows of the company; the portal module's branding when present. */
export interface HelpBranding {
  companyName: string;
  /** A CSS hex colour (#rgb or #rrggbb); anything else falls back to the default. */
  primaryColor: string;
  /** An absolute path or https URL of the logo. */
  logoUrl?: string | null;
}

/** The branding used when no other is configured. */
export const defaultHelpBranding: HelpBranding = { companyName: 'Switchboard', primaryColor: '#1864ab', logoUrl: null };

/** Which navigation entry is the current one. */
export type HelpNavKey = 'articles' | 'troubleshoot' | 'requests' | 'search';

/** The same page in another language, for hreflang links and the language switcher. */
export interface HelpAlternate {
  lang: HelpLanguage | 'x-default';
  href: string;
}

export interface HelpPageOptions {
  /** Page language; anything other than de/en/et/tr renders in English. */
  lang: string;
  /** Plain text: escaped here. The company name is appended. */
  title: string;
  /** Plain text for <meta name="description">. */
  description?: string;
  /** Trusted, already escaped HTML of the page's main content. */
  body: string;
  active?: HelpNavKey;
  /** KnowledgeLanguage versions of this page; without them the switcher links to each language's start page. */
  alternates?: HelpAlternate[];
  /** Absolute path of this page for <link rel="canonical">. */
  canonical?: string;
  branding?: HelpBranding;
  /** Keep this page out of search engines (search results, not-found pages). */
  noindex?: boolean;
  /** What the search box shows (the search results page). */
  query?: string;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const hexColor = /^#(?:[0-9a-fA-F]{3}){1,2}$/;
const safeLogo = /^(?:\/(?!\/)[^\s"'<>]*|https:\/\/[^\s"'<>]+)$/;

/**
 * Returns the full HTML document of a help-center page: `<title>`, description, hreflang links,
 * header with search, navigation (Articles, Troubleshooting → /help/troubleshoot, My requests →
 * /portal), the body and a footer with the language switcher.
 */
export function renderHelpCenterPage(options: HelpPageOptions): string {
  const lang: HelpLanguage = isHelpLanguage(options.lang) ? options.lang : 'en';
  const brand = options.branding ?? defaultHelpBranding;
  const color = hexColor.test(brand.primaryColor) ? brand.primaryColor : defaultHelpBranding.primaryColor;
  const t = (key: Parameters<typeof helpText>[1], vars?: Record<string, string | number>) => escapeHtml(helpText(lang, key, vars));
  const company = escapeHtml(brand.companyName || defaultHelpBranding.companyName);
  const fullTitle = `${escapeHtml(options.title)} · ${company}`;
  const alternates = options.alternates ?? [];
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${fullTitle}</title>`,
    options.description ? `<meta name="description" content="${escapeHtml(options.description.slice(0, 300))}">` : '',
    options.noindex ? '<meta name="robots" content="noindex">' : '',
    options.canonical ? `<link rel="canonical" href="${escapeHtml(options.canonical)}">` : '',
    ...alternates.map((a) => `<link rel="alternate" hreflang="${a.lang}" href="${escapeHtml(a.href)}">`),
    `<style>:root{--brand:${color}}${helpCss}</style>`,
  ].filter(Boolean);
  const nav: { key: HelpNavKey; href: string; label: string }[] = [
    { key: 'articles', href: `/help/${lang}`, label: t('home') },
    { key: 'troubleshoot', href: '/help/troubleshoot', label: t('troubleshooting') },
    { key: 'requests', href: '/portal', label: t('myRequests') },
  ];
  const logo = brand.logoUrl && safeLogo.test(brand.logoUrl) ? `<img src="${escapeHtml(brand.logoUrl)}" alt="" class="logo">` : '';
  const switcher = helpLanguages
    .map((l) => {
      const href = alternates.find((a) => a.lang === l)?.href ?? `/help/${l}`;
      const current = l === lang ? ' aria-current="true"' : '';
      return `<li><a href="${escapeHtml(href)}" hreflang="${l}" lang="${l}"${current}>${escapeHtml(languageNames[l])}</a></li>`;
    })
    .join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
${head.join('\n')}
</head>
<body>
<a class="skip" href="#main">${t('skip')}</a>
<header class="site">
  <div class="bar">
    <a class="brand" href="/help/${lang}">${logo}<span>${company}</span> <span class="muted">${t('helpCenter')}</span></a>
    <nav aria-label="${t('mainNav')}"><ul>${nav
      .map((n) => `<li><a href="${n.href}"${options.active === n.key ? ' aria-current="page"' : ''}>${n.label}</a></li>`)
      .join('')}</ul></nav>
  </div>
  <form class="search" role="search" action="/help/${lang}/search" method="get">
    <label for="help-q" class="sr-only">${t('searchLabel')}</label>
    <input id="help-q" type="search" name="q" value="${escapeHtml(options.query ?? '')}" placeholder="${t('searchPlaceholder')}" autocomplete="off">
    <button type="submit">${t('search')}</button>
  </form>
</header>
<main id="main" tabindex="-1">
${options.body}
</main>
<footer class="site">
  <nav aria-label="${t('language')}"><ul class="langs">${switcher}</ul></nav>
  <p class="muted">© ${company}</p>
</footer>
</body>
</html>`;
}

// No scripts at all; inline styles only because the page carries its brand colour and stylesheet.
const helpCsp = ["default-src 'none'", "style-src 'unsafe-inline'", "img-src 'self' https: data:", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'"].join('; ');

/** Sends a help-center page with its security headers (no scripts, no framing, no sniffing). */
export function sendHelpCenterPage(reply: FastifyReply, html: string, status = 200): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', helpCsp)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('cache-control', 'no-cache')
    .send(html);
}
