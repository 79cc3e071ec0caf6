import { mergeMetadata } from './customer-object.js';
import { invalidParam, resourceMissing } from './envelope.js';
import { cashBalanceObject, checkExpand, expandCustomer } from './expand.js';
import { liveRecord, type Operation } from './operation.js';
import { listEnvelope, paginate } from './pagination.js';
import { checkMetadata } from './param-rules.js';
import type { BalanceTransactionObject, CustomerRecord } from './store.js';
import type { BalanceCreateParams, BalanceListParams, BalanceUpdateParams, CashBalanceUpdateParams, ExpandOnly } from './wire.js';

// Balance transactions adjust the customer's credit balance (`customer.balance`), in the
// customer's currency: the first one sets that currency, later ones must use it.

const EXPANDABLE = new Set(['customer', 'credit_note', 'invoice']);

/** The transaction with `customer` expanded when asked (credit notes and invoices are always null here). */
function shown(transaction: BalanceTransactionObject, record: CustomerRecord, paths: readonly string[]): BalanceTransactionObject {
  return paths.includes('customer') ? { ...transaction, customer: expandCustomer(record, []) } : transaction;
}

function findTransaction(record: CustomerRecord, id: string): BalanceTransactionObject {
  const transaction = record.balanceTransactions.find((candidate) => candidate.id === id);
  if (!transaction) throw resourceMissing('customer balance transaction', id);
  return transaction;
}

/**
 * GET /v1/customers/{customer}/balance_transactions: newest first, with Stripe's cursors.
 * @example GET /v1/customers/cus_123/balance_transactions?limit=3
 */
export const listBalanceTransactions: Operation = (context, { path, params }) => {
  const query = params as BalanceListParams;
  const record = liveRecord(context, path.customer ?? '');
  const paths = checkExpand(query.expand, 'data.', EXPANDABLE);
  const newestFirst = [...record.balanceTransactions].reverse();
  const { page, hasMore } = paginate(newestFirst, () => true, (transaction) => transaction.id, query, 'customer balance transaction');
  const data = page.map((transaction) => shown(transaction, record, paths));
  return { status: 200, body: listEnvelope(`/v1/customers/${record.customer.id}/balance_transactions`, data, hasMore) };
};

/**
 * POST /v1/customers/{customer}/balance_transactions: adds `amount` to the customer's balance.
 * @example POST /v1/customers/cus_123/balance_transactions  amount=-500&currency=eur&description=Goodwill
 */
export const createBalanceTransaction: Operation = (context, { path, params }) => {
  const body = params as BalanceCreateParams;
  const record = liveRecord(context, path.customer ?? '');
  const paths = checkExpand(body.expand, '', EXPANDABLE);
  checkMetadata(body.metadata);
  const currency = body.currency.toLowerCase();
  if (!/^[a-z]{3}$/.test(currency)) throw invalidParam('currency', `Invalid currency: ${body.currency}`);
  const { customer } = record;
  if (customer.currency && customer.currency !== currency) {
    throw invalidParam('currency', `The customer's currency is ${customer.currency}; a balance transaction cannot use ${currency}.`);
  }
  const endingBalance = (customer.balance ?? 0) + body.amount;
  // A balance must stay an exact integer in JSON, which every client can read without loss.
  if (!Number.isSafeInteger(endingBalance)) throw invalidParam('amount', `This amount would take the balance out of range: ${body.amount}.`);
  context.store.ensureRoom(1);
  const transaction: BalanceTransactionObject = {
    id: context.ids.balanceTransaction(),
    object: 'customer_balance_transaction',
    amount: body.amount,
    created: context.nowSeconds(),
    credit_note: null,
    currency,
    customer: customer.id,
    description: body.description || null,
    ending_balance: endingBalance,
    invoice: null,
    livemode: false,
    metadata: mergeMetadata({}, body.metadata),
    type: 'adjustment',
  };
  context.store.add(record, 'balanceTransactions', transaction);
  record.customer = { ...customer, balance: endingBalance, currency };
  return { status: 200, body: shown(transaction, record, paths) };
};

/**
 * GET /v1/customers/{customer}/balance_transactions/{transaction}
 * @example GET /v1/customers/cus_123/balance_transactions/cbtxn_123
 */
export const retrieveBalanceTransaction: Operation = (context, { path, params }) => {
  const record = liveRecord(context, path.customer ?? '');
  const paths = checkExpand((params as ExpandOnly).expand, '', EXPANDABLE);
  return { status: 200, body: shown(findTransaction(record, path.transaction ?? ''), record, paths) };
};

/**
 * POST /v1/customers/{customer}/balance_transactions/{transaction}: description and metadata only.
 * @example POST /v1/customers/cus_123/balance_transactions/cbtxn_123  metadata[ticket]=T-1
 */
export const updateBalanceTransaction: Operation = (context, { path, params }) => {
  const body = params as BalanceUpdateParams;
  const record = liveRecord(context, path.customer ?? '');
  const paths = checkExpand(body.expand, '', EXPANDABLE);
  checkMetadata(body.metadata);
  const current = findTransaction(record, path.transaction ?? '');
  const next: BalanceTransactionObject = {
    ...current,
    ...(body.description === undefined ? {} : { description: body.description || null }),
    metadata: mergeMetadata(current.metadata ?? {}, body.metadata),
  };
  record.balanceTransactions = record.balanceTransactions.map((candidate) => (candidate === current ? next : candidate));
  return { status: 200, body: shown(next, record, paths) };
};

/**
 * GET /v1/customers/{customer}/cash_balance
 * @example GET /v1/customers/cus_123/cash_balance
 */
export const retrieveCashBalance: Operation = (context, { path, params }) => {
  const record = liveRecord(context, path.customer ?? '');
  checkExpand((params as ExpandOnly).expand, '', new Set());
  return { status: 200, body: cashBalanceObject(record) };
};

/**
 * POST /v1/customers/{customer}/cash_balance: `settings[reconciliation_mode]`.
 * @example POST /v1/customers/cus_123/cash_balance  settings[reconciliation_mode]=manual
 */
export const updateCashBalance: Operation = (context, { path, params }) => {
  const body = params as CashBalanceUpdateParams;
  const record = liveRecord(context, path.customer ?? '');
  checkExpand(body.expand, '', new Set());
  const mode = body.settings?.reconciliation_mode;
  if (mode !== undefined) record.reconciliationMode = mode;
  return { status: 200, body: cashBalanceObject(record) };
};
