/** Demo company data for `npm start` on an empty database. */
export { seedDemoIfEmpty, seedDemo, DEMO_PASSWORD } from './seed.ts';
