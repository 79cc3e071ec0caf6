import type { Customer } from '../resources/types.js';
import { invalidParam } from './envelope.js';
import { listEnvelope } from './pagination.js';
import type { CustomerRecord } from './store.js';

// What `expand[]` may name on a customer (docs/stripe-wire.md#objects-and-versions). Ids the mock
// holds no object for (a default payment method, a default source set by id) stay ids when
// expanded, and a discount exists only when a test seeds one, since the mock keeps no coupons.
const EXPANDABLE = new Set([
  'cash_balance',
  'default_source',
  'discount',
  'discount.customer',
  'discount.promotion_code',
  'invoice_settings.default_payment_method',
  'sources',
  'subscriptions',
  'tax',
  'tax_ids',
  'test_clock',
]);

/**
 * Checks `expand` against what may be expanded and returns the item-level paths. Lists and search
 * results name paths under `data.` (`data.tax_ids`); `extra` are top-level names such as search's
 * `total_count`. Anything else is Stripe's 400 "This property cannot be expanded".
 * @example checkExpand(['data.customer'], 'data.', new Set(['customer'])) // ['customer']
 */
export function checkExpand(
  expand: readonly string[] | undefined,
  prefix: '' | 'data.',
  expandable: ReadonlySet<string>,
  extra: readonly string[] = [],
): string[] {
  const paths: string[] = [];
  for (const path of expand ?? []) {
    if (extra.includes(path)) continue;
    const inner = path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
    if (inner === undefined || !expandable.has(inner)) throw invalidParam('expand', `This property cannot be expanded (${path}).`);
    paths.push(inner);
  }
  return paths;
}

/**
 * {@link checkExpand} for customers.
 * @example customerExpansions(['data.tax_ids'], 'data.') // ['tax_ids']
 */
export function customerExpansions(expand: readonly string[] | undefined, prefix: '' | 'data.', extra: readonly string[] = []): string[] {
  return checkExpand(expand, prefix, EXPANDABLE, extra);
}

/**
 * The customer's cash balance object. The mock receives no bank transfers, so funds are available
 * only from seeded cash balance transactions: the newest one's `ending_balance` per currency.
 * @example cashBalanceObject(record).settings // { reconciliation_mode: 'automatic', using_merchant_default: true }
 */
export function cashBalanceObject(record: CustomerRecord): NonNullable<Customer['cash_balance']> {
  const mode = record.reconciliationMode;
  const transactions = record.cashBalanceTransactions;
  return {
    object: 'cash_balance',
    available: transactions.length ? Object.fromEntries(transactions.map((t) => [t.currency, t.ending_balance])) : null,
    customer: record.customer.id,
    livemode: false,
    settings: { reconciliation_mode: mode === 'manual' ? 'manual' : 'automatic', using_merchant_default: mode === 'merchant_default' },
  };
}

function taxDetails(record: CustomerRecord): NonNullable<Customer['tax']> {
  const { address, shipping } = record.customer;
  const country = address?.country ?? shipping?.address?.country ?? null;
  const fromBilling = Boolean(address?.country);
  const state = (fromBilling ? address?.state : shipping?.address?.state) ?? null;
  return {
    // Without Stripe Tax registrations (a mock has none) a located customer is "not collecting".
    automatic_tax: country ? 'not_collecting' : 'unrecognized_location',
    ip_address: record.ipAddress,
    location: country ? { country, source: fromBilling ? 'billing_address' : 'shipping_destination', state } : null,
  };
}

/**
 * The customer as a response shows it: the stored object plus each expansion asked for.
 * @example expandCustomer(record, ['tax_ids']).tax_ids?.data // the tax ids made at creation
 */
export function expandCustomer(record: CustomerRecord, paths: readonly string[]): Customer {
  const customer: Customer = { ...record.customer };
  const base = `/v1/customers/${customer.id}`;
  for (const path of paths) {
    if (path === 'tax_ids') customer.tax_ids = listEnvelope(`${base}/tax_ids`, [...record.taxIds].reverse(), false);
    // Like Stripe, the customer shows its 10 newest sources; the sources list pages through the rest.
    if (path === 'sources') customer.sources = listEnvelope(`${base}/sources`, [...record.sources].reverse().slice(0, 10), record.sources.length > 10);
    if (path === 'default_source') customer.default_source = record.sources.find((source) => source.id === customer.default_source) ?? customer.default_source;
    if (path === 'subscriptions') customer.subscriptions = listEnvelope(`${base}/subscriptions`, [], false);
    if (path === 'tax') customer.tax = taxDetails(record);
    if (path === 'cash_balance') customer.cash_balance = cashBalanceObject(record);
    if (path === 'test_clock' && typeof customer.test_clock === 'string') {
      const created = customer.created;
      customer.test_clock = {
        id: customer.test_clock,
        object: 'test_helpers.test_clock',
        created,
        deletes_after: created + 30 * 24 * 3600,
        frozen_time: created,
        livemode: false,
        name: null,
        status: 'ready',
      };
    }
  }
  return customer;
}
