import { describe, expect, it } from 'vitest';
import { createClient, operations, type StripeCustomersClient } from 'stripe-customers';
import { createCustomersMock, sequentialIds, type CustomersMock } from 'stripe-customers/msw';
import { customersMethods } from '../../generated/methods.js';
import { fakeClock } from '../support/fake-clock.js';
import { useMswServer } from '../support/msw.js';

// Every operation of the spec, called through the public client against the MSW handlers: each
// resolves to the object it promises, with the ids it was given, and the stateful ones show what
// the world below holds.

const server = useMswServer();

const CUSTOMER = 'cus_jenny';
const DISCOUNT = {
  id: 'di_summer',
  object: 'discount',
  coupon: { id: 'SUMMER', object: 'coupon', created: 1_700_000_000, duration: 'forever', livemode: false, percent_off: 10, times_redeemed: 1, valid: true },
  customer: CUSTOMER,
  start: 1_700_000_000,
  end: null,
} as const;

/** One customer that owns one of everything, behind a fresh mock. */
interface World {
  stripe: StripeCustomersClient;
  mock: CustomersMock;
  card: string;
  bank: string;
  taxId: string;
  credit: string;
  method: string;
  cash: string;
}

async function world(): Promise<World> {
  const clock = fakeClock();
  const mock = createCustomersMock({ clock, ids: sequentialIds() });
  server.use(...mock.handlers);
  const stripe = createClient({ apiKey: 'sk_test_123', clock, random: () => 0 });
  mock.seed([{ id: CUSTOMER, email: 'jenny@example.com', discount: DISCOUNT }]);
  const { customers } = stripe;
  const card = (await customers.createSource(CUSTOMER, { source: 'tok_visa' })).id;
  const bank = (await customers.createSource(CUSTOMER, { source: 'btok_us' })).id;
  const taxId = (await customers.createTaxId(CUSTOMER, { type: 'eu_vat', value: 'DE123456789' })).id;
  const credit = (await customers.createBalanceTransaction(CUSTOMER, { amount: -500, currency: 'usd' })).id;
  const method = mock.seedPaymentMethods(CUSTOMER, [{}])[0]!.id;
  const cash = mock.seedCashBalanceTransactions(CUSTOMER, [{ net_amount: 5000 }])[0]!.id;
  return { stripe, mock, card, bank, taxId, credit, method, cash };
}

type Method = keyof typeof customersMethods;

interface Row {
  method: Method;
  call(customers: StripeCustomersClient['customers'], w: World): Promise<unknown>;
  /** What the result must hold (`toMatchObject`: lists must match item for item). */
  expected(w: World): object;
}

const base = `/v1/customers/${CUSTOMER}`;
const list = (url: string, ids: string[]) => ({ object: 'list', url, has_more: false, data: ids.map((id) => ({ id })) });
const SUBSCRIPTION = { items: [{ price: 'price_1' }], metadata: { plan: 'pro' }, collection_method: 'send_invoice' as const, days_until_due: 30 };
const FUNDING = { bank_transfer: { type: 'eu_bank_transfer', eu_bank_transfer: { country: 'DE' } }, currency: 'eur', funding_type: 'bank_transfer' } as const;

const ROWS: Row[] = [
  { method: 'list', call: (c) => c.list(), expected: () => list('/v1/customers', [CUSTOMER]) },
  { method: 'create', call: (c) => c.create({ email: 'ada@example.com' }), expected: () => ({ object: 'customer', email: 'ada@example.com' }) },
  { method: 'search', call: (c) => c.search({ query: "email:'jenny@example.com'" }), expected: () => ({ object: 'search_result', data: [{ id: CUSTOMER }] }) },
  { method: 'retrieve', call: (c) => c.retrieve(CUSTOMER), expected: (w) => ({ object: 'customer', id: CUSTOMER, default_source: w.card }) },
  { method: 'update', call: (c) => c.update(CUSTOMER, { name: 'Jenny Rosen' }), expected: () => ({ object: 'customer', id: CUSTOMER, name: 'Jenny Rosen' }) },
  { method: 'del', call: (c) => c.del(CUSTOMER), expected: () => ({ object: 'customer', id: CUSTOMER, deleted: true }) },

  { method: 'listBalanceTransactions', call: (c) => c.listBalanceTransactions(CUSTOMER), expected: (w) => list(`${base}/balance_transactions`, [w.credit]) },
  {
    method: 'createBalanceTransaction',
    call: (c) => c.createBalanceTransaction(CUSTOMER, { amount: 100, currency: 'usd' }),
    expected: () => ({ object: 'customer_balance_transaction', customer: CUSTOMER, amount: 100, ending_balance: -400 }),
  },
  { method: 'retrieveBalanceTransaction', call: (c, w) => c.retrieveBalanceTransaction(CUSTOMER, w.credit), expected: (w) => ({ object: 'customer_balance_transaction', id: w.credit }) },
  {
    method: 'updateBalanceTransaction',
    call: (c, w) => c.updateBalanceTransaction(CUSTOMER, w.credit, { description: 'Goodwill' }),
    expected: (w) => ({ object: 'customer_balance_transaction', id: w.credit, description: 'Goodwill' }),
  },

  { method: 'listSources', call: (c) => c.listSources(CUSTOMER), expected: (w) => list(`${base}/sources`, [w.bank, w.card]) },
  { method: 'createSource', call: (c) => c.createSource(CUSTOMER, { source: 'tok_amex' }), expected: () => ({ object: 'card', customer: CUSTOMER, brand: 'American Express' }) },
  { method: 'retrieveSource', call: (c, w) => c.retrieveSource(CUSTOMER, w.bank), expected: (w) => ({ object: 'bank_account', id: w.bank, customer: CUSTOMER }) },
  { method: 'updateSource', call: (c, w) => c.updateSource(CUSTOMER, w.card, { metadata: { role: 'backup' } }), expected: (w) => ({ object: 'card', id: w.card, metadata: { role: 'backup' } }) },
  { method: 'deleteSource', call: (c, w) => c.deleteSource(CUSTOMER, w.card), expected: (w) => ({ object: 'card', id: w.card, deleted: true }) },
  { method: 'verifySource', call: (c, w) => c.verifySource(CUSTOMER, w.bank, { amounts: [32, 45] }), expected: (w) => ({ object: 'bank_account', id: w.bank, status: 'verified' }) },

  { method: 'listCards', call: (c) => c.listCards(CUSTOMER), expected: (w) => list(`${base}/cards`, [w.card]) },
  { method: 'createCard', call: (c) => c.createCard(CUSTOMER, { source: 'tok_mastercard' }), expected: () => ({ object: 'card', customer: CUSTOMER, brand: 'MasterCard', last4: '4444' }) },
  { method: 'retrieveCard', call: (c, w) => c.retrieveCard(CUSTOMER, w.card), expected: (w) => ({ object: 'card', id: w.card, last4: '4242' }) },
  {
    method: 'updateCard',
    call: (c, w) => c.updateCard(CUSTOMER, w.card, { name: 'Jenny Rosen', exp_year: '2031' }),
    expected: (w) => ({ object: 'card', id: w.card, name: 'Jenny Rosen', exp_year: 2031 }),
  },
  { method: 'deleteCard', call: (c, w) => c.deleteCard(CUSTOMER, w.card), expected: (w) => ({ object: 'card', id: w.card, deleted: true }) },

  { method: 'listBankAccounts', call: (c) => c.listBankAccounts(CUSTOMER), expected: (w) => list(`${base}/bank_accounts`, [w.bank]) },
  {
    method: 'createBankAccount',
    call: (c) => c.createBankAccount(CUSTOMER, { bank_account: { account_number: '000123456789', country: 'US', routing_number: '110000000' } }),
    expected: () => ({ object: 'bank_account', customer: CUSTOMER, last4: '6789', status: 'new' }),
  },
  { method: 'retrieveBankAccount', call: (c, w) => c.retrieveBankAccount(CUSTOMER, w.bank), expected: (w) => ({ object: 'bank_account', id: w.bank }) },
  {
    method: 'updateBankAccount',
    call: (c, w) => c.updateBankAccount(CUSTOMER, w.bank, { account_holder_name: 'Jenny Rosen' }),
    expected: (w) => ({ object: 'bank_account', id: w.bank, account_holder_name: 'Jenny Rosen' }),
  },
  { method: 'deleteBankAccount', call: (c, w) => c.deleteBankAccount(CUSTOMER, w.bank), expected: (w) => ({ object: 'bank_account', id: w.bank, deleted: true }) },
  {
    method: 'verifyBankAccount',
    call: (c, w) => c.verifyBankAccount(CUSTOMER, w.bank, { amounts: [32, 45] }),
    expected: (w) => ({ object: 'bank_account', id: w.bank, status: 'verified' }),
  },

  { method: 'retrieveCashBalance', call: (c) => c.retrieveCashBalance(CUSTOMER), expected: () => ({ object: 'cash_balance', customer: CUSTOMER, available: { usd: 5000 } }) },
  {
    method: 'updateCashBalance',
    call: (c) => c.updateCashBalance(CUSTOMER, { settings: { reconciliation_mode: 'manual' } }),
    expected: () => ({ object: 'cash_balance', customer: CUSTOMER, settings: { reconciliation_mode: 'manual' } }),
  },
  { method: 'listCashBalanceTransactions', call: (c) => c.listCashBalanceTransactions(CUSTOMER), expected: (w) => list(`${base}/cash_balance_transactions`, [w.cash]) },
  {
    method: 'retrieveCashBalanceTransaction',
    call: (c, w) => c.retrieveCashBalanceTransaction(CUSTOMER, w.cash),
    expected: (w) => ({ object: 'customer_cash_balance_transaction', id: w.cash, customer: CUSTOMER, ending_balance: 5000 }),
  },
  { method: 'listPaymentMethods', call: (c) => c.listPaymentMethods(CUSTOMER), expected: (w) => list(`${base}/payment_methods`, [w.method]) },
  {
    method: 'retrievePaymentMethod',
    call: (c, w) => c.retrievePaymentMethod(CUSTOMER, w.method),
    expected: (w) => ({ object: 'payment_method', id: w.method, customer: CUSTOMER, type: 'card' }),
  },

  { method: 'retrieveDiscount', call: (c) => c.retrieveDiscount(CUSTOMER), expected: () => ({ object: 'discount', id: DISCOUNT.id, customer: CUSTOMER }) },
  { method: 'deleteDiscount', call: (c) => c.deleteDiscount(CUSTOMER), expected: () => ({ object: 'discount', id: DISCOUNT.id, deleted: true }) },

  { method: 'listTaxIds', call: (c) => c.listTaxIds(CUSTOMER), expected: (w) => list(`${base}/tax_ids`, [w.taxId]) },
  { method: 'createTaxId', call: (c) => c.createTaxId(CUSTOMER, { type: 'gb_vat', value: 'GB123456789' }), expected: () => ({ object: 'tax_id', customer: CUSTOMER, value: 'GB123456789' }) },
  { method: 'retrieveTaxId', call: (c, w) => c.retrieveTaxId(CUSTOMER, w.taxId), expected: (w) => ({ object: 'tax_id', id: w.taxId }) },
  { method: 'deleteTaxId', call: (c, w) => c.deleteTaxId(CUSTOMER, w.taxId), expected: (w) => ({ object: 'tax_id', id: w.taxId, deleted: true }) },

  {
    method: 'createFundingInstructions',
    call: (c) => c.createFundingInstructions(CUSTOMER, FUNDING),
    expected: () => ({ object: 'funding_instructions', currency: 'eur', funding_type: 'bank_transfer', bank_transfer: { type: 'eu_bank_transfer' } }),
  },
  { method: 'listSubscriptions', call: (c) => c.listSubscriptions(CUSTOMER), expected: () => list(`${base}/subscriptions`, []) },
  {
    method: 'createSubscription',
    call: (c) => c.createSubscription(CUSTOMER, SUBSCRIPTION),
    expected: () => ({ object: 'subscription', id: 'sub_00000000000001', customer: CUSTOMER, metadata: { plan: 'pro' }, collection_method: 'send_invoice', days_until_due: 30 }),
  },
  { method: 'retrieveSubscription', call: (c) => c.retrieveSubscription(CUSTOMER, 'sub_123'), expected: () => ({ object: 'subscription', id: 'sub_123', customer: CUSTOMER }) },
  {
    method: 'updateSubscription',
    call: (c) => c.updateSubscription(CUSTOMER, 'sub_123', { metadata: { plan: 'team' }, cancel_at_period_end: true }),
    expected: () => ({ object: 'subscription', id: 'sub_123', customer: CUSTOMER, metadata: { plan: 'team' }, cancel_at_period_end: true }),
  },
  { method: 'deleteSubscription', call: (c) => c.deleteSubscription(CUSTOMER, 'sub_123'), expected: () => ({ object: 'subscription', id: 'sub_123', customer: CUSTOMER }) },
  {
    method: 'retrieveSubscriptionDiscount',
    call: (c) => c.retrieveSubscriptionDiscount(CUSTOMER, 'sub_123'),
    expected: () => ({ object: 'discount', subscription: 'sub_123', customer: CUSTOMER }),
  },
  {
    method: 'deleteSubscriptionDiscount',
    call: (c) => c.deleteSubscriptionDiscount(CUSTOMER, 'sub_123'),
    expected: () => ({ object: 'discount', subscription: 'sub_123', customer: CUSTOMER, deleted: true }),
  },
];

describe('every operation, through the client and the MSW handlers', () => {
  it('has one row per operation of the spec', () => {
    const covered = ROWS.map((row) => customersMethods[row.method].operation.id).sort();
    expect(covered).toEqual(Object.keys(operations).sort());
  });

  it.each(ROWS.map((row) => [row.method, row] as const))('%s resolves to the object it promises, with the ids it was sent', async (_, row) => {
    const w = await world();
    const result = await row.call(w.stripe.customers, w);
    expect(result).toMatchObject(row.expected(w));
  });

  it.each(ROWS.filter((row) => !['list', 'create', 'search', 'retrieve'].includes(row.method)).map((row) => [row.method, row] as const))(
    '%s answers 404 for a deleted customer',
    async (_, row) => {
      const w = await world();
      await w.stripe.customers.del(CUSTOMER);
      await expect(row.call(w.stripe.customers, w)).rejects.toMatchObject({ statusCode: 404 });
    },
  );
});
