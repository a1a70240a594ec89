import type { OrganizationSeed, StaffSeed, TeamSeed } from './model.ts';

/**
 * The demo company, "Nordlicht": electronics and household appliances in stores and online, and
 * hotels in Tallinn and Berlin. Its service staff work from Berlin, Tallinn, Istanbul and London.
 */
export const teams: TeamSeed[] = [
  { key: 'billing', name: 'Billing', description: 'Invoices, payments, price corrections, credit-card and billing disputes' },
  { key: 'technical', name: 'Technical Support', description: 'Troubleshooting laptops, phones, TVs, coffee machines and headphones' },
  { key: 'returns', name: 'Returns', description: 'Returns at the counter and by post, refunds, free replacements' },
  { key: 'reservations', name: 'Reservations', description: 'Hotel bookings, room changes, installation and service appointments' },
  { key: 'sales', name: 'Sales', description: 'Quotes, business accounts and better-fitting products for customers' },
];

/** Staff; `agent@` is the typical agent the README's tour signs in as. */
export const staff: StaffSeed[] = [
  { key: 'admin', email: 'admin@demo.switchboard.dev', name: 'Thomas Krüger', role: 'admin', language: 'de', timeZone: 'Europe/Berlin', teams: [] },
  {
    key: 'sabine',
    email: 'supervisor@demo.switchboard.dev',
    name: 'Sabine Hoffmann',
    role: 'supervisor',
    language: 'de',
    timeZone: 'Europe/Berlin',
    teams: ['billing', 'returns', 'technical'],
  },
  { key: 'elif', email: 'elif@demo.switchboard.dev', name: 'Elif Şahin', role: 'supervisor', language: 'tr', timeZone: 'Europe/Istanbul', teams: ['reservations', 'sales', 'technical'] },
  { key: 'jonas', email: 'agent@demo.switchboard.dev', name: 'Jonas Becker', role: 'agent', language: 'de', timeZone: 'Europe/Berlin', teams: ['billing', 'returns'] },
  { key: 'lukas', email: 'lukas@demo.switchboard.dev', name: 'Lukas Schäfer', role: 'agent', language: 'de', timeZone: 'Europe/Berlin', teams: ['technical', 'sales', 'returns'] },
  { key: 'mari', email: 'mari@demo.switchboard.dev', name: 'Mari Kask', role: 'agent', language: 'et', timeZone: 'Europe/Tallinn', teams: ['technical', 'billing'] },
  { key: 'andres', email: 'andres@demo.switchboard.dev', name: 'Andres Saar', role: 'agent', language: 'et', timeZone: 'Europe/Tallinn', teams: ['reservations', 'sales'] },
  { key: 'emre', email: 'emre@demo.switchboard.dev', name: 'Emre Yılmaz', role: 'agent', language: 'tr', timeZone: 'Europe/Istanbul', teams: ['technical', 'reservations'] },
  { key: 'ayse', email: 'ayse@demo.switchboard.dev', name: 'Ayşe Kaya', role: 'agent', language: 'tr', timeZone: 'Europe/Istanbul', teams: ['returns', 'sales'] },
  { key: 'oliver', email: 'oliver@demo.switchboard.dev', name: 'Oliver Bennett', role: 'agent', language: 'en', timeZone: 'Europe/London', teams: ['sales'] },
  { key: 'charlotte', email: 'charlotte@demo.switchboard.dev', name: 'Charlotte Davies', role: 'agent', language: 'en', timeZone: 'Europe/London', teams: ['reservations', 'billing'] },
];

/**
 * Business customers. Domains use the reserved `.example` top-level domain (RFC 2606), so no
 * message written in the demo can ever reach a real company.
 */
export const organizations: OrganizationSeed[] = [
  {
    key: 'kaiserhof',
    name: 'Hotel Kaiserhof Lübeck GmbH',
    domains: ['kaiserhof-luebeck.example'],
    tier: 'gold',
    notes: 'Business customer since 2019: coffee machines in the breakfast room, TVs in all 86 guest rooms. Invoices go to the accounting department.',
    tags: ['hotel', 'b2b'],
  },
  {
    key: 'mueller',
    name: 'Müller & Söhne Elektro GmbH',
    domains: ['mueller-soehne-elektro.example'],
    tier: 'platinum',
    notes: 'Electrical retailer in Leipzig reselling our headphones and coffee machines. Orders weekly, pays within 30 days net.',
    tags: ['retailer', 'b2b', 'reseller'],
  },
  {
    key: 'hansen',
    name: 'Bäckerei Hansen KG',
    domains: ['baeckerei-hansen.example'],
    tier: 'standard',
    notes: 'Bakery with a café in each of its three Hamburg branches. Coffee machines on a maintenance contract.',
    tags: ['b2b', 'gastro'],
  },
  {
    key: 'pohja',
    name: 'Põhja Tarkvara AS',
    domains: ['pohjatarkvara.example'],
    tier: 'gold',
    notes: 'Software company in Tallinn, about 120 employees. Buys laptops and headsets under a framework agreement.',
    tags: ['b2b', 'framework-agreement'],
  },
  {
    key: 'anadolu',
    name: 'Anadolu Lojistik A.Ş.',
    domains: ['anadolulojistik.example'],
    tier: 'gold',
    notes: 'Logistics company in Istanbul. Phones for its field staff; wants two-year warranty on every device.',
    tags: ['b2b', 'logistics'],
  },
  {
    key: 'bogazici',
    name: 'Boğaziçi Turizm Ltd. Şti.',
    domains: ['bogaziciturizm.example'],
    tier: 'platinum',
    notes: 'Tour operator from Istanbul. Group bookings for our hotels in Tallinn and Berlin, several per year.',
    tags: ['tour-operator', 'groups'],
  },
  {
    key: 'thornbury',
    name: 'Thornbury Accountants LLP',
    domains: ['thornbury-accountants.example'],
    tier: 'standard',
    notes: 'Accounting firm in London, 40 staff. Laptops for new starters every January and September.',
    tags: ['b2b'],
  },
  {
    key: 'greenfield',
    name: 'Greenfield Coworking Ltd',
    domains: ['greenfield-coworking.example', 'greenfield-space.example'],
    tier: 'standard',
    notes: 'Coworking spaces in Manchester and Leeds. Coffee machines and TVs for the members’ kitchens and meeting rooms.',
    tags: ['b2b', 'coworking'],
  },
];
