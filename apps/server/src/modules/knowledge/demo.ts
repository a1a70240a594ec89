/** The demo company's knowledge base: categories, articles in four languages, policies, figures. */
import { CreateArticleBody, type KnowledgeLanguage } from '@switchboard/contracts';
import { systemActor, type Actor, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { actorFor } from '../identity/index.ts';
import { hotelArticles } from './demo-hotel.ts';
import { internalArticles } from './demo-internal.ts';
import type { DemoCategory } from './demo-model.ts';
import { storeArticles } from './demo-store.ts';
import { createArticle, saveTranslation } from './save-article.ts';
import { sendArticle } from './send-article.ts';

const categories: DemoCategory[] = [
  {
    slug: 'returns-refunds',
    names: {
      de: { name: 'Rückgabe & Erstattung', description: 'Rückgaben im Markt und per Post, Erstattungen, Umtausch' },
      en: { name: 'Returns & refunds', description: 'Returns in store and by post, refunds, exchanges' },
      et: { name: 'Tagastus ja raha tagastamine', description: 'Tagastused poes ja posti teel, raha tagastamine, vahetus' },
      tr: { name: 'İade ve geri ödeme', description: 'Mağazada ve posta ile iadeler, geri ödemeler, değişim' },
    },
  },
  {
    slug: 'payments-bills',
    names: {
      de: { name: 'Zahlung & Rechnungen', description: 'Preise, Kartenabrechnungen, Rechnungen und Mahnungen' },
      en: { name: 'Payments & bills', description: 'Prices, card statements, invoices and reminders' },
      et: { name: 'Maksed ja arved', description: 'Hinnad, kaardi väljavõtted, arved ja meeldetuletused' },
      tr: { name: 'Ödemeler ve faturalar', description: 'Fiyatlar, kart ekstreleri, faturalar ve hatırlatmalar' },
    },
  },
  {
    slug: 'warranty-repairs',
    names: {
      de: { name: 'Garantie & Reparatur', description: 'Defekte Geräte, Reparatur und Ersatz' },
      en: { name: 'Warranty & repairs', description: 'Broken devices, repairs and replacements' },
      et: { name: 'Garantii ja remont', description: 'Katkised seadmed, remont ja asendus' },
      tr: { name: 'Garanti ve onarım', description: 'Bozuk cihazlar, onarım ve değişim' },
    },
  },
  {
    slug: 'hotel-stays',
    names: {
      de: { name: 'Hotelaufenthalte', description: 'Zimmer, Rechnungen und Services in Tallinn und Berlin' },
      en: { name: 'Hotel stays', description: 'Rooms, bills and services in Tallinn and Berlin' },
      et: { name: 'Hotellis peatumine', description: 'Toad, arved ja teenused Tallinnas ja Berliinis' },
      tr: { name: 'Otel konaklaması', description: 'Tallinn ve Berlin’de odalar, faturalar ve hizmetler' },
    },
  },
  {
    slug: 'appointments-services',
    names: {
      de: { name: 'Termine & Services', description: 'Installation, Einweisung und Technikertermine' },
      en: { name: 'Appointments & services', description: 'Installation, set-up and technician visits' },
      et: { name: 'Broneeringud ja teenused', description: 'Paigaldus, juhendamine ja tehniku külastused' },
      tr: { name: 'Randevular ve hizmetler', description: 'Kurulum, tanıtım ve teknisyen ziyaretleri' },
    },
  },
  {
    slug: 'agent-handbook',
    names: {
      de: { name: 'Handbuch für Agents', description: 'Interne Regeln und Abläufe' },
      en: { name: 'Agent handbook', description: 'Internal rules and procedures' },
      et: { name: 'Agendi käsiraamat', description: 'Sisereeglid ja protsessid' },
      tr: { name: 'Temsilci el kitabı', description: 'Şirket içi kurallar ve süreçler' },
    },
  },
];

/** Helpfulness answers per article slug: [yes, no]. */
const feedback: Record<string, [number, number]> = {
  'return-and-refund-policy': [41, 3],
  'price-match-at-the-till': [17, 2],
  'credit-card-statement-discrepancy': [23, 6],
  'broken-device-warranty-replacement': [30, 4],
  'hotel-room-change': [9, 1],
  'hotel-bill-charges-explained': [12, 5],
  'booking-appointments': [14, 0],
};

/** Articles agents already sent on demo cases (by the case's assignee, else the admin). */
const sent: Array<{ subject: string; slug: string; mode: 'text' | 'link' }> = [
  { subject: 'Rücksendung Laptop (Bestellung 10-48213) – Erstattung auf Kreditkarte', slug: 'return-and-refund-policy', mode: 'link' },
  { subject: 'Hotelliarve: arusaamatud tasud minibaari ja hilise väljaregistreerimise eest', slug: 'hotel-bill-charges-explained', mode: 'text' },
];

async function userActor(tx: Tx, id: string | null): Promise<Actor | null> {
  return id ? actorFor(tx, id, 'session') : null;
}

async function staff(tx: Tx, email: string): Promise<Actor> {
  const { rows } = await tx.query<{ id: string }>('select id from users where lower(email) = $1', [email]);
  return (await userActor(tx, rows[0]?.id ?? null)) ?? systemActor;
}

/**
 * Seeds the knowledge base inside the demo transaction: written by the supervisor, the return
 * policy with a second revision (the period went from 14 to 30 days), policies pinned to the
 * Billing, Returns and Technical Support teams, helpfulness answers, and two articles agents sent.
 */
export async function seedKnowledgeDemo(ctx: AppContext, tx: Tx): Promise<void> {
  const author = await staff(tx, 'supervisor@demo.switchboard.dev');
  const categoryIds = new Map<string, string>();
  for (const [position, c] of categories.entries()) {
    const { rows } = await tx.query<{ id: string }>('insert into knowledge_categories (slug, position) values ($1, $2) returning id', [c.slug, position]);
    categoryIds.set(c.slug, rows[0]!.id);
    for (const [language, n] of Object.entries(c.names)) {
      await tx.query('insert into knowledge_category_translations (category_id, language, name, description) values ($1, $2, $3, $4)', [rows[0]!.id, language, n.name, n.description]);
    }
  }
  const teams = new Map((await tx.query<{ id: string; name: string }>('select id, name from teams')).rows.map((t) => [t.name, t.id]));
  const ids = new Map<string, string>();
  for (const a of [...storeArticles, ...hotelArticles, ...internalArticles]) {
    const texts = Object.fromEntries(Object.entries(a.texts).map(([l, t]) => [l, { title: t.title, summary: t.summary, bodyHtml: t.body }]));
    // the return policy's first version said 14 days; revision 2 below is today's text
    if (a.slug === 'return-and-refund-policy') texts.de = { ...texts.de!, bodyHtml: texts.de!.bodyHtml.replace('30 Tagen', '14 Tagen') };
    const body = CreateArticleBody.parse({
      slug: a.slug,
      categoryId: categoryIds.get(a.category) ?? null,
      visibility: a.visibility,
      sourceLanguage: a.source,
      policy: { isPolicy: a.policy !== undefined, teamIds: (a.policy?.teams ?? []).map((n) => teams.get(n)).filter((id): id is string => id !== undefined), tags: a.policy?.tags ?? [] },
      translations: texts,
    });
    ids.set(a.slug, (await createArticle(author, tx, body)).id);
  }
  const returns = storeArticles[0]!;
  await saveTranslation(tx, author, ids.get(returns.slug)!, 'de', { title: returns.texts.de!.title, summary: returns.texts.de!.summary, bodyHtml: returns.texts.de!.body });
  for (const [slug, [yes, no]] of Object.entries(feedback)) {
    const languages: KnowledgeLanguage[] = ['de', 'en', 'et', 'tr'];
    await tx.query(
      `insert into knowledge_feedback (article_id, language, helpful, source, created_at)
       select $1, ($4::text[])[1 + (i % 4)], i <= $2::int, case when i % 3 = 0 then 'portal' else 'help_center' end, now() - (i || ' hours')::interval
       from generate_series(1, $2::int + $3::int) as i`,
      [ids.get(slug), yes, no, languages],
    );
  }
  const baseUrl = (ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`).replace(/\/+$/, '');
  for (const s of sent) {
    const { rows } = await tx.query<{ id: string; assignee_id: string | null }>('select id, assignee_id from cases where subject = $1 limit 1', [s.subject]);
    if (!rows[0]) continue;
    const by = (await userActor(tx, rows[0].assignee_id)) ?? (await staff(tx, 'admin@demo.switchboard.dev'));
    await sendArticle(ctx, by, tx, rows[0].id, { articleId: ids.get(s.slug)!, mode: s.mode }, baseUrl);
  }
}
