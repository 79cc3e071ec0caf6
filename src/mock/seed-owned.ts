import type { $ZodType } from 'zod/v4/core';
import { CustomerCashBalanceTransactionSchema, PaymentMethodSchema } from '../../generated/schemas.js';
import type { CustomerCashBalanceTransaction, PaymentMethod } from '../resources/types.js';
import { issueLines } from '../validation/issue-text.js';
import { zodIssues } from '../validation/validate.js';
import type { MockIds } from './ids.js';
import type { AccountStore, CustomerRecord } from './store.js';

// Seeding for what a customer owns but no customer endpoint creates (see seeded-ops.ts). A seeded
// object the client would reject is a mistake in the test, so it throws here, where it is made.

/** What seeding reads of a mock. */
export interface SeedContext {
  store: AccountStore;
  ids: MockIds;
  /** Now, in Unix seconds. */
  nowSeconds(): number;
}

function liveCustomer(context: SeedContext, id: string, what: string): CustomerRecord {
  const record = context.store.get(id);
  if (!record || record.deleted) throw new Error(`Cannot seed ${what}: the mock has no customer ${id}`);
  return record;
}

function checked<T>(schema: $ZodType, value: T, what: string): T {
  const issues = zodIssues(schema, value);
  if (!issues.length) return value;
  throw new TypeError(`Not a valid ${what} to seed:\n${issueLines(issues)}`);
}

/**
 * Attaches payment methods to a customer, as /v1/payment_methods/{id}/attach would: each gets a
 * `pm_` id, `created` now, empty billing details and metadata, type `card` with a Visa ending 4242
 * unless `fields` say otherwise; `customer` is always `customerId`. Newest last, so the last one
 * seeded lists first. Throws for an unknown customer, an invalid payment method, or past `maxObjects`.
 * @example seedPaymentMethods(context, 'cus_123', [{ type: 'card' }, { type: 'sepa_debit', sepa_debit: {...} }])
 */
export function seedPaymentMethods(context: SeedContext, customerId: string, methods: readonly Partial<PaymentMethod>[]): PaymentMethod[] {
  const record = liveCustomer(context, customerId, 'payment methods');
  const year = new Date(context.nowSeconds() * 1000).getUTCFullYear() + 1;
  const made = methods.map((fields) => {
    const type = fields.type ?? 'card';
    const card = type === 'card' ? { brand: 'visa', country: 'US', exp_month: 12, exp_year: year, funding: 'credit', last4: '4242' } : undefined;
    const method: PaymentMethod = {
      id: context.ids.object('pm'),
      object: 'payment_method',
      billing_details: { address: null, email: null, name: null, phone: null },
      created: context.nowSeconds(),
      livemode: false,
      metadata: {},
      type,
      ...(card ? { card } : {}),
      ...fields,
      customer: customerId,
    };
    return checked(PaymentMethodSchema as $ZodType, method, 'payment method');
  });
  context.store.add(record, 'paymentMethods', ...made);
  return structuredClone(made);
}

/**
 * Adds cash balance transactions to a customer, as bank transfers into its cash balance would:
 * each gets a `ccsbtxn_` id, `created` now, type `funded`, the customer's currency (else `usd`),
 * and an `ending_balance` that adds `net_amount` (default 0) to the one before it in that
 * currency, unless `fields` say otherwise. The cash balance's `available` then shows the newest
 * ending balance per currency. Throws like {@link seedPaymentMethods}.
 * @example seedCashBalanceTransactions(context, 'cus_123', [{ net_amount: 5000 }]) // available: { usd: 5000 }
 */
export function seedCashBalanceTransactions(
  context: SeedContext,
  customerId: string,
  transactions: readonly Partial<CustomerCashBalanceTransaction>[],
): CustomerCashBalanceTransaction[] {
  const record = liveCustomer(context, customerId, 'cash balance transactions');
  const balances = new Map(record.cashBalanceTransactions.map((transaction) => [transaction.currency, transaction.ending_balance]));
  const made = transactions.map((fields) => {
    const currency = fields.currency ?? record.customer.currency ?? 'usd';
    const netAmount = fields.net_amount ?? 0;
    const transaction: CustomerCashBalanceTransaction = {
      id: context.ids.object('ccsbtxn'),
      object: 'customer_cash_balance_transaction',
      created: context.nowSeconds(),
      currency,
      ending_balance: (balances.get(currency) ?? 0) + netAmount,
      livemode: false,
      net_amount: netAmount,
      type: 'funded',
      ...fields,
      customer: customerId,
    };
    balances.set(currency, transaction.ending_balance);
    return checked(CustomerCashBalanceTransactionSchema as $ZodType, transaction, 'cash balance transaction');
  });
  context.store.add(record, 'cashBalanceTransactions', ...made);
  return structuredClone(made);
}
