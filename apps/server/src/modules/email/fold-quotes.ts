/**
 * Finds where a customer's own words end and the quoted history or signature begins, in the
 * languages we serve and the mail programs they use: Gmail/Apple "On … wrote:", German
 * "Am … schrieb …:", Turkish "… tarihinde … yazdı:", Estonian "… kirjutas …:", Outlook's
 * "Von:/Gesendet:" header block and "-----Original Message-----", "> " quoting, the "-- " signature
 * delimiter and "Sent from my phone" lines. Everything from there on is shown folded.
 */

const attribution = [
  /^on\b.{4,300}\bwrote:\s*$/i,
  /^am\b.{4,300}\bschrieb\b.{0,300}:\s*$/i,
  /^.{4,300}\btarihinde\b.{0,300}\b(şunu )?yazdı:\s*$/i,
  /^.{4,300}\bkirjutas\b.{0,300}:\s*$/i,
  /^le\b.{4,300}\ba écrit\s*:\s*$/i,
];

const originalMessage = /^-{2,}\s*(original message|ursprüngliche nachricht|originalnachricht|originaalsõnum|algne sõnum|özgün ileti|orijinal mesaj|forwarded message|weitergeleitete nachricht)\s*-{2,}\s*$/i;
const headerFrom = /^\*?(from|von|kimden|saatja|kellelt):\*?\s+\S/i;
const headerSent = /^\*?(sent|gesendet|gönderildi|gönderilme|saadetud|date|datum|tarih|kuupäev):\*?\s+\S/i;
const mobileSignature = /^(sent from my \w+|von meinem \w+ gesendet|gesendet von meinem \w+|saadetud minu \w+|iphone'umdan gönderildi|get outlook for \w+)/i;

/** The index in `text` where quoted history or a signature starts, or null when there is none to fold. */
export function foldPoint(text: string): number | null {
  const lines = text.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  const hasTextBefore = (i: number) => lines.slice(0, i).some((l) => l.trim() !== '');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    // Gmail wraps a long attribution: "On Tue, 1 Dec 2026 at 10:00, Jane <j@x>\nwrote:".
    const joined = i + 1 < lines.length ? `${line} ${lines[i + 1]!.trim()}` : line;
    const cut =
      attribution.some((re) => re.test(line) || (line.length > 20 && re.test(joined))) ||
      originalMessage.test(line) ||
      (headerFrom.test(line) && lines.slice(i + 1, i + 4).some((l) => headerSent.test(l.trim()))) ||
      // Outlook draws a line of underscores above the quoted message's header block.
      (/^_{10,}$/.test(line) && lines.slice(i + 1, i + 3).some((l) => headerFrom.test(l.trim()))) ||
      line === '--' ||
      lines[i] === '-- ' ||
      mobileSignature.test(line) ||
      (line.startsWith('>') && lines.slice(i).every((l) => l.trim() === '' || l.trimStart().startsWith('>')));
    if (cut) return hasTextBefore(i) ? starts[i]! : null;
  }
  return null;
}

/** Markup mail programs put where the quoted history begins. */
const htmlMarkers = [
  /<div[^>]*class="[^"]*\bgmail_quote\b[^"]*"/i,
  /<div[^>]*class="[^"]*\bgmail_signature\b[^"]*"/i,
  /<blockquote[^>]*type="cite"/i,
  /<div[^>]*class="[^"]*\bmoz-cite-prefix\b[^"]*"/i,
  /<div[^>]*class="[^"]*\bmoz-signature\b[^"]*"/i,
  /<div[^>]*id="(divRplyFwdMsg|appendonsend|mail-editor-reference-message-container)"/i,
  /<hr[^>]*id="stopSpelling"/i,
  /<div[^>]*id="Signature"/i,
  /<div[^>]*style="[^"]*border:\s*none;\s*border-top:\s*solid\s*#(e1e1e1|b5c4df)/i,
  /<div[^>]*class="[^"]*\byahoo_quoted\b/i,
];

/** Where an attribution line sits in HTML text: we cut at the start of the element holding it. */
const htmlAttribution = [
  /(?:^|>)\s*On\b[^<]{4,300}\bwrote:/i,
  /(?:^|>)\s*Am\b[^<]{4,300}\bschrieb\b[^<]{0,300}:/i,
  /(?:^|>)[^<]{4,300}\btarihinde\b[^<]{0,300}yazdı:/i,
  /(?:^|>)[^<]{4,300}\bkirjutas\b[^<]{0,300}:/i,
  /(?:^|>)\s*-{2,}\s*(Original Message|Ursprüngliche Nachricht|Originalnachricht|Özgün İleti)\s*-{2,}/i,
  /(?:^|>)\s*(<[^>]+>\s*)*(From|Von|Kimden|Saatja):\s*(<\/[^>]+>\s*)*[^<]*(<[^>]+>\s*)*\s*(Sent|Gesendet|Gönderildi|Saadetud|Date|Datum|Tarih):/i,
];

const blockStart = /<(div|p|blockquote|table|hr|span|font)\b[^>]*>\s*$/i;

/** Splits HTML into what the sender wrote and the quoted history/signature after it (null: nothing to fold). */
export function splitHtml(html: string): { main: string; quoted: string | null } {
  let cut: number | null = null;
  for (const re of htmlMarkers) {
    const m = re.exec(html);
    if (m && (cut === null || m.index < cut)) cut = m.index;
  }
  for (const re of htmlAttribution) {
    const m = re.exec(html);
    if (!m) continue;
    // Step back to the tag that opens the attribution's block, so the cut falls between elements.
    const textStart = m.index + (m[0].startsWith('>') ? 1 : 0);
    const before = html.slice(Math.max(0, textStart - 400), textStart);
    const opener = /<(div|p|blockquote|table)\b[^>]*>(\s*<[^/][^>]*>)*\s*$/i.exec(before) ?? blockStart.exec(before);
    const at = opener ? textStart - before.length + opener.index : textStart;
    if (cut === null || at < cut) cut = at;
  }
  if (cut === null) return { main: html, quoted: null };
  const main = html.slice(0, cut);
  if (!visibleText(main)) return { main: html, quoted: null };
  return { main, quoted: html.slice(cut) };
}

/** Text a reader would see in an HTML fragment (for "is anything left above the fold?"). */
function visibleText(html: string): string {
  return html
    .replace(/<(style|script|head|title)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|&#160;/g, ' ')
    .trim();
}
