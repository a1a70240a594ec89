import sanitizeHtml from 'sanitize-html';
import type { EntryEmail } from '@switchboard/contracts';
import { foldPoint, splitHtml } from './fold-quotes.ts';
import type { InboundEmail } from './parse-email.ts';

const length = /^(\d+(\.\d+)?)(px|pt|em|rem|%)?$/;
const colour = /^(#[0-9a-f]{3,8}|rgba?\([\d\s.,%]+\)|[a-z]{3,20})$/i;

/**
 * The HTML an agent's browser may render: formatting, tables, links and inline (cid:) images only.
 * No scripts, forms, frames, style sheets or event handlers; no remote images (they track the
 * reader and load from strangers' servers) — they become their alt text; links open in a new tab
 * without a referrer. Stored sanitized, so nothing unsafe ever reaches a browser from the API.
 */
export function sanitizeEmailHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      ...sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'main'),
      'img', 'font', 'center', 'u', 's', 'strike', 'span', 'del', 'ins', 'small', 'big', 'sub', 'sup',
    ],
    disallowedTagsMode: 'discard',
    allowedAttributes: {
      a: ['href', 'title', 'target', 'rel'],
      img: ['src', 'alt', 'width', 'height', 'title'],
      font: ['color'],
      table: ['width', 'border', 'cellpadding', 'cellspacing', 'align'],
      td: ['colspan', 'rowspan', 'align', 'valign', 'width'],
      th: ['colspan', 'rowspan', 'align', 'valign', 'width'],
      ol: ['start', 'type'],
      '*': ['style', 'dir', 'lang', 'align', 'title'],
    },
    allowedStyles: {
      '*': {
        color: [colour],
        'background-color': [colour],
        'font-weight': [/^(bold|bolder|normal|lighter|\d{3})$/],
        'font-style': [/^(italic|normal|oblique)$/],
        'text-decoration': [/^(underline|line-through|none)$/],
        'text-align': [/^(left|right|center|justify|start|end)$/],
        'font-size': [length],
        'font-family': [/^[\w\s,'"-]{1,200}$/],
        'line-height': [length],
        'padding-left': [length],
        'margin-left': [length],
        'vertical-align': [/^(top|middle|bottom|baseline)$/],
        'border-left': [/^[\w\s#.,()%-]{1,60}$/],
      },
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['cid'] },
    allowProtocolRelative: false,
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer nofollow' } }),
      img: (tagName, attribs) =>
        /^cid:/i.test(attribs.src ?? '')
          ? { tagName, attribs }
          : { tagName: 'span', attribs: { class: 'sb-blocked-image', title: 'Remote image not loaded' }, text: attribs.alt ? `[${attribs.alt}]` : '' },
    },
    allowedClasses: { span: ['sb-blocked-image'] },
  });
}

/** Sanitized HTML that still has something to show after sanitizing, else null. */
function cleaned(html: string | null): string | null {
  if (!html) return null;
  const out = sanitizeEmailHtml(html).trim();
  return out.replace(/<[^>]*>|&nbsp;|\s/g, '') ? out : null;
}

/**
 * What the timeline keeps of a received message besides its text: the envelope, the sanitized HTML
 * split into what the sender wrote and the folded history, and where the text's history starts.
 */
export function entryEmailOf(email: InboundEmail, body: string): EntryEmail {
  const parts = email.html ? splitHtml(email.html) : null;
  const html = cleaned(parts?.main ?? null);
  return {
    from: { address: email.from.address, name: email.from.name || null },
    to: email.to.map((a) => ({ address: a.address, name: a.name || null })).slice(0, 50),
    cc: email.cc.map((a) => ({ address: a.address, name: a.name || null })).slice(0, 50),
    subject: email.subject.slice(0, 500) || null,
    html,
    quotedHtml: html ? cleaned(parts?.quoted ?? null) : null,
    foldAt: foldPoint(body),
  };
}
