import sanitizeHtml from 'sanitize-html';

const fileSrc = /^\/help\/files\/[0-9a-f-]{36}(\/[^\s"'<>]*)?$/;

/**
 * The HTML an article may hold: the formatting the editor makes (headings, lists, quotes, code,
 * tables, links) and images that are the knowledge base's own files or https. No scripts, styles,
 * forms, frames or event handlers. Run on every save, so stored HTML is always safe to render on
 * the public help center and in the agent app.
 */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ['h2', 'h3', 'h4', 'p', 'br', 'hr', 'strong', 'b', 'em', 'i', 'u', 's', 'mark', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sub', 'sup'],
    disallowedTagsMode: 'discard',
    allowedAttributes: { a: ['href', 'title', 'rel', 'target'], img: ['src', 'alt', 'title', 'width', 'height'], ol: ['start'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['https'] },
    allowProtocolRelative: false,
    // h1 is the page's title; an article's own headings start one level below
    transformTags: {
      h1: 'h2',
      a: (tagName, attribs) => {
        const href = attribs.href ?? '';
        const external = /^https?:\/\//i.test(href);
        return { tagName, attribs: external ? { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' } : { href, ...(attribs.title ? { title: attribs.title } : {}) } };
      },
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !(fileSrc.test(frame.attribs.src ?? '') || /^https:\/\//i.test(frame.attribs.src ?? '')),
  });
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return entities[name.toLowerCase()] ?? m;
  });
}

/**
 * Plain text of sanitized article HTML: paragraphs and list items on their own lines, and with
 * `links`, each link's address after its text — what a reply in a plain-text composer needs.
 */
export function htmlToText(html: string, options: { links?: boolean; baseUrl?: string } = {}): string {
  let s = html.replace(/\r?\n/g, ' ');
  if (options.links) {
    s = s.replace(/<a\s[^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/gi, (_m, href: string, inner: string) => {
      const label = inner.replace(/<[^>]+>/g, '').trim();
      const url = decodeEntities(href).startsWith('/') && options.baseUrl ? options.baseUrl + decodeEntities(href) : decodeEntities(href);
      return label && decodeEntities(label) !== url ? `${label} (${url})` : url;
    });
  }
  s = s
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '\n• ')
    .replace(/<\/(p|h[1-6]|li|blockquote|pre|tr|table|ul|ol)>/gi, '\n')
    .replace(/<(p|h[1-6]|blockquote|pre|table|ul|ol|hr)[^>]*>/gi, '\n')
    .replace(/<\/t[dh]>/gi, '\t')
    .replace(/<[^>]+>/g, '');
  // The private-use characters mark search highlights; a body must not contain them itself.
  return decodeEntities(s)
    .replace(/[\uE000\uE001]/g, '')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Ids of knowledge files an article's HTML shows or links to. */
export function referencedFileIds(html: string): string[] {
  return [...new Set([...html.matchAll(/\/help\/files\/([0-9a-f-]{36})/g)].map((m) => m[1]!))];
}
