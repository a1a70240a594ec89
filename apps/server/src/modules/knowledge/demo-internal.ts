import type { DemoArticle } from './demo-model.ts';

/**
 * Articles for agents only: limits, the card-dispute procedure, the abusive-caller rule, and a
 * draft. Written in English and German; the others fall back (and say so).
 */
export const internalArticles: DemoArticle[] = [
  {
    slug: 'refund-and-goodwill-limits',
    category: 'returns-refunds',
    visibility: 'internal',
    source: 'en',
    policy: { teams: ['Returns', 'Billing'], tags: ['refund', 'wrong-price'] },
    texts: {
      en: {
        title: 'Refund and goodwill limits by role',
        summary: 'How much you may refund or give as goodwill on your own, and when a supervisor approves.',
        body: `<p>Refunds of the purchase price after an accepted return are never limited. <strong>Goodwill</strong> (a discount, a voucher, an extra percentage off the bill) is:</p>
<table><thead><tr><th>Role</th><th>Goodwill per case</th></tr></thead><tbody><tr><td>Agent</td><td>up to 10 % or €25</td></tr><tr><td>Supervisor</td><td>up to 25 % or €150</td></tr><tr><td>Above that</td><td>store or hotel manager</td></tr></tbody></table>
<p>Always note the reason on the case. For a wrong price at the till, refund the difference first, then offer goodwill within your limit.</p>`,
      },
      de: {
        title: 'Erstattungs- und Kulanzgrenzen nach Rolle',
        summary: 'Wie viel Sie selbst erstatten oder als Kulanz geben dürfen und wann eine Supervisorin freigibt.',
        body: `<p>Erstattungen des Kaufpreises nach angenommener Rückgabe sind nie begrenzt. <strong>Kulanz</strong> (Rabatt, Gutschein, zusätzliche Prozente auf die Rechnung) ist begrenzt:</p>
<table><thead><tr><th>Rolle</th><th>Kulanz pro Fall</th></tr></thead><tbody><tr><td>Agent</td><td>bis 10 % oder 25 €</td></tr><tr><td>Supervisor</td><td>bis 25 % oder 150 €</td></tr><tr><td>Darüber</td><td>Markt- bzw. Hotelleitung</td></tr></tbody></table>
<p>Notieren Sie immer den Grund im Fall. Bei falschem Preis an der Kasse erst die Differenz erstatten, dann Kulanz im Rahmen Ihrer Grenze anbieten.</p>`,
      },
    },
  },
  {
    slug: 'card-dispute-procedure',
    category: 'payments-bills',
    visibility: 'internal',
    source: 'de',
    policy: { teams: ['Billing'], tags: ['billing-dispute', 'credit-card'] },
    texts: {
      de: {
        title: 'Ablauf bei Kreditkarten-Reklamationen und Rückbuchungen',
        summary: 'Prüfen, dokumentieren, erstatten: die Schritte bei einer Abrechnungsreklamation.',
        body: `<ol><li>Identität prüfen (Name, Kundennummer, letzte vier Kartenziffern) und im Fall vermerken.</li><li>Buchungen im Zahlungssystem mit der Bestellung abgleichen: Reservierung, Doppelbuchung oder fehlende Gutschrift?</li><li>Doppelbuchung: zweite Buchung sofort erstatten, Erstattungs-ID in den Fall schreiben.</li><li>Fehlende Gutschrift: Datum der Rückgabe prüfen; nach mehr als 5 Bankarbeitstagen an die Buchhaltung eskalieren.</li><li>Hat der Kunde bereits eine Rückbuchung (Chargeback) bei seiner Bank eingeleitet, <strong>nicht zusätzlich erstatten</strong> – sonst zahlen wir doppelt. Fall an die Buchhaltung übergeben.</li></ol>
<p>Niemals vollständige Kartennummern in Notizen oder Antworten schreiben.</p>`,
      },
      en: {
        title: 'Card disputes and chargebacks: the procedure',
        summary: 'Check, document, refund: the steps for a billing dispute.',
        body: `<ol><li>Verify the caller's identity (name, customer number, last four card digits) and note it on the case.</li><li>Match the charges in the payment system against the order: reserved amount, double charge or missing refund?</li><li>Double charge: refund the second charge at once and write the refund id on the case.</li><li>Missing refund: check the date of the return; after more than 5 banking days, escalate to accounting.</li><li>If the customer has already started a chargeback with their bank, <strong>do not refund as well</strong> — we would pay twice. Hand the case to accounting.</li></ol>
<p>Never write full card numbers into notes or replies.</p>`,
      },
    },
  },
  {
    slug: 'abusive-customers-rule',
    category: 'agent-handbook',
    visibility: 'internal',
    source: 'en',
    policy: { teams: ['Billing', 'Returns', 'Technical Support', 'Reservations', 'Sales'], tags: ['abusive'] },
    texts: {
      en: {
        title: 'When a customer becomes abusive',
        summary: 'You do not have to take insults or threats: warn once, then hand over to a supervisor.',
        body: `<p>Our rule: agents do not have to deal with customers who become aggressive or insulting.</p>
<ol><li>Stay calm and name the behaviour once: “I want to help you, but I will not continue if you insult me.”</li><li>If it goes on, tell the customer you are handing over, and transfer the case to your supervisor.</li><li>Tag the case <code>abusive</code> and write a short, factual note of what was said. Recordings and messages are kept as evidence.</li></ol>
<p>Threats of violence: end the contact and inform your supervisor immediately.</p>`,
      },
      de: {
        title: 'Wenn ein Kunde ausfällig wird',
        summary: 'Beleidigungen und Drohungen müssen Sie nicht hinnehmen: einmal ermahnen, dann an die Supervisorin übergeben.',
        body: `<p>Unsere Regel: Servicemitarbeiter müssen nicht mit Kunden umgehen, die angriffslustig oder beleidigend werden.</p>
<ol><li>Ruhig bleiben und das Verhalten einmal benennen: „Ich möchte Ihnen helfen, aber wenn Sie mich beleidigen, beende ich das Gespräch.“</li><li>Geht es weiter, kündigen Sie die Übergabe an und übertragen Sie den Fall an Ihre Supervisorin.</li><li>Fall mit <code>abusive</code> markieren und eine kurze, sachliche Notiz schreiben. Aufzeichnungen und Nachrichten bleiben als Beleg erhalten.</li></ol>
<p>Bei Gewaltandrohung: Kontakt beenden und sofort die Supervisorin informieren.</p>`,
      },
    },
  },
  {
    slug: 'saturday-phone-support',
    category: 'agent-handbook',
    visibility: 'draft',
    source: 'en',
    texts: {
      en: {
        title: 'Phone support on Saturdays (from March)',
        summary: 'Draft: opening hours and rota for the Saturday phone line suggested in the customer survey.',
        body: `<p>From March the phone line opens on Saturdays from 10:00 to 16:00. Two agents per Saturday, rotating; supervisors on call.</p><p><em>To be confirmed by management before publishing.</em></p>`,
      },
    },
  },
];
