/** Customers and organizations: the customer database, account owners, merge, search. */
export { customerRoutes } from './routes.ts';
export { createCustomer, findOrCreateCustomer, findOrCreateRequester, mergeCustomers, updateCustomer } from './write-customer.ts';
export { createOrganization } from './organizations.ts';
export { getCustomer, listCustomers, listOrganizations } from './queries.ts';
