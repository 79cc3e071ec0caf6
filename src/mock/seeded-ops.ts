import type { CustomerCashBalanceTransaction, PaymentMethod } from '../resources/types.js';
import { resourceMissing } from './envelope.js';
import { checkExpand, expandCustomer } from './expand.js';
import { liveRecord, type Operation } from './operation.js';
import { listEnvelope, paginate, type CursorParams } from './pagination.js';
import type { CustomerRecord } from './store.js';
import type { ExpandOnly, PaymentMethodListParams } from './wire.js';

// Objects a customer owns that no customer endpoint creates: payment methods (attached through
// /v1/payment_methods/{id}/attach) and cash balance transactions (made by bank transfers the mock
// never receives). Tests put them there with `seedPaymentMethods` and `seedCashBalanceTransactions`;
// without a seed the lists are empty and a retrieve is Stripe's 404.

const EXPANDABLE = new Set(['customer']);

type Owned = PaymentMethod | CustomerCashBalanceTransaction;

/** The object with `customer` expanded when asked. */
function shown<T extends Owned>(item: T, record: CustomerRecord, paths: readonly string[]): T {
  return paths.includes('customer') ? { ...item, customer: expandCustomer(record, []) } : item;
}

function find<T extends Owned>(items: readonly T[], id: string, what: string): T {
  const item = items.find((candidate) => candidate.id === id);
  if (!item) throw resourceMissing(what, id);
  return item;
}

function list<T extends Owned>(record: CustomerRecord, items: readonly T[], params: CursorParams & ExpandOnly, visible: (item: T) => boolean, what: string, segment: string) {
  const paths = checkExpand(params.expand, 'data.', EXPANDABLE);
  const { page, hasMore } = paginate([...items].reverse(), visible, (item) => item.id, params, what);
  const data = page.map((item) => shown(item, record, paths));
  return { status: 200, body: listEnvelope(`/v1/customers/${record.customer.id}/${segment}`, data, hasMore) };
}

/**
 * GET /v1/customers/{customer}/payment_methods: the seeded payment methods, newest first, with
 * Stripe's cursors and the `type` and `allow_redisplay` filters.
 * @example GET /v1/customers/cus_123/payment_methods?type=card
 */
export const listPaymentMethods: Operation = (context, { path, params }) => {
  const query = params as PaymentMethodListParams;
  const record = liveRecord(context, path.customer ?? '');
  const visible = (method: PaymentMethod) =>
    (query.type === undefined || method.type === query.type) && (query.allow_redisplay === undefined || method.allow_redisplay === query.allow_redisplay);
  return list(record, record.paymentMethods, query, visible, 'PaymentMethod', 'payment_methods');
};

/**
 * GET /v1/customers/{customer}/payment_methods/{payment_method}: a seeded payment method of this customer.
 * @example GET /v1/customers/cus_123/payment_methods/pm_123
 */
export const retrievePaymentMethod: Operation = (context, { path, params }) => {
  const record = liveRecord(context, path.customer ?? '');
  const paths = checkExpand((params as ExpandOnly).expand, '', EXPANDABLE);
  return { status: 200, body: shown(find(record.paymentMethods, path.payment_method ?? '', 'PaymentMethod'), record, paths) };
};

/**
 * GET /v1/customers/{customer}/cash_balance_transactions: the seeded ones, newest first.
 * @example GET /v1/customers/cus_123/cash_balance_transactions?limit=3
 */
export const listCashBalanceTransactions: Operation = (context, { path, params }) => {
  const record = liveRecord(context, path.customer ?? '');
  const what = 'customer cash balance transaction';
  return list(record, record.cashBalanceTransactions, params as CursorParams & ExpandOnly, () => true, what, 'cash_balance_transactions');
};

/**
 * GET /v1/customers/{customer}/cash_balance_transactions/{transaction}
 * @example GET /v1/customers/cus_123/cash_balance_transactions/ccsbtxn_123
 */
export const retrieveCashBalanceTransaction: Operation = (context, { path, params }) => {
  const record = liveRecord(context, path.customer ?? '');
  const paths = checkExpand((params as ExpandOnly).expand, '', EXPANDABLE);
  const transaction = find(record.cashBalanceTransactions, path.transaction ?? '', 'customer cash balance transaction');
  return { status: 200, body: shown(transaction, record, paths) };
};
