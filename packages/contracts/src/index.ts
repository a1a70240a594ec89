export * from './common.ts';
export * from './identity.ts';
export * from './customers.ts';
export * from './cases.ts';
export * from './fields.ts';
export * from './events.ts';
