import type { StaffKey, StatusKey, TeamKey } from './model.ts';

/** Custom case fields: what an agent records about the order, the device, the money, the room. */
export const caseFields = [
  { key: 'order_number', label: 'Order or receipt number', type: 'text' },
  { key: 'product', label: 'Product', type: 'select', options: ['Laptop', 'Phone', 'TV', 'Coffee machine', 'Headphones'] },
  { key: 'purchase_date', label: 'Purchase date', type: 'date' },
  { key: 'amount_eur', label: 'Amount (EUR)', type: 'number' },
  { key: 'refund_approved', label: 'Refund approved', type: 'checkbox' },
  { key: 'room_number', label: 'Room number', type: 'text' },
] as const;

/** Custom customer fields; the customer number is important, so a record without one asks for it. */
export const customerFields = [
  { key: 'customer_number', label: 'Customer number', type: 'text', important: true },
  { key: 'loyalty_tier', label: 'Loyalty tier', type: 'select', options: ['bronze', 'silver', 'gold'] },
] as const;

export type CaseFieldKey = (typeof caseFields)[number]['key'];

/**
 * Which case fields each team's form shows. Only one is required: a return needs the order or
 * receipt number, and every seeded case that is (or becomes) a Returns case has one.
 */
export const teamForms: Record<TeamKey, Array<{ key: CaseFieldKey; required?: true }>> = {
  returns: [{ key: 'order_number', required: true }, { key: 'product' }, { key: 'purchase_date' }, { key: 'refund_approved' }],
  technical: [{ key: 'order_number' }, { key: 'product' }, { key: 'purchase_date' }],
  billing: [{ key: 'amount_eur' }, { key: 'order_number' }, { key: 'refund_approved' }],
  reservations: [{ key: 'room_number' }],
  sales: [{ key: 'product' }, { key: 'amount_eur' }],
};

export const customStatuses: Array<{ key: StatusKey; name: string; category: 'on_hold' | 'pending' | 'solved' }> = [
  { key: 'waitingForParts', name: 'Waiting for parts', category: 'on_hold' },
  { key: 'awaitingApproval', name: 'Awaiting approval', category: 'pending' },
  { key: 'refundIssued', name: 'Refund issued', category: 'solved' },
];

/** Related cases: the card statement shows the laptop that was returned, so both are linked. */
export const caseLinks: Array<{ cases: [string, string]; by: StaffKey }> = [{ cases: ['card-statement', 'refund'], by: 'jonas' }];
