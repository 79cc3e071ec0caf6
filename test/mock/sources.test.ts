import { describe, expect, it } from 'vitest';
import { StripeCardError, type Customer, type StripeCustomersClient, type StripeError } from 'stripe-customers';
import { useMswServer } from '../support/msw.js';
import { mockStripe, raw, rejection } from './setup.js';

// A customer's sources (cards and bank accounts) through the client: the state they keep, the
// default source Stripe maintains, verification with test microdeposits, and the refusals.

const server = useMswServer();

/** The customer's `default_source`, as retrieve shows it. */
async function defaultSource(customers: StripeCustomersClient['customers'], id: string): Promise<Customer['default_source']> {
  return ((await customers.retrieve(id)) as Customer).default_source;
}

/** What a refused call says: its status, and Stripe's code, param and message as the mock sent them. */
async function failure(call: Promise<unknown>): Promise<Pick<StripeError, 'statusCode' | 'code' | 'param'> & { message?: string }> {
  const { statusCode, code, param, raw: body } = (await rejection(call)) as StripeError;
  return { statusCode, code, param, message: (body as { error?: { message?: string } }).error?.message };
}

describe('sources: /v1/customers/{customer}/sources', () => {
  it('creates, lists, retrieves and deletes a card; the first source attached is the default', async () => {
    const { stripe } = mockStripe(server);
    const { customers } = stripe;
    const { id } = await customers.create({ email: 'jenny@example.com' });
    const card = await customers.createSource(id, { source: 'tok_visa', metadata: { role: 'main' } });
    expect(card).toMatchObject({ id: 'card_00000000000001', object: 'card', brand: 'Visa', last4: '4242', customer: id, metadata: { role: 'main' } });
    expect(await defaultSource(customers, id)).toBe(card.id);

    expect((await customers.listSources(id)).data.map((s) => s.id)).toEqual([card.id]);
    expect(await customers.retrieveSource(id, card.id)).toEqual(card);
    expect(await customers.deleteSource(id, card.id)).toEqual({ id: card.id, object: 'card', deleted: true });
    expect((await customers.listSources(id)).data).toEqual([]);
    expect(await defaultSource(customers, id)).toBeNull();
    expect(await failure(customers.retrieveSource(id, card.id))).toMatchObject({ statusCode: 404, message: `No such source: '${card.id}'` });
  });

  it('keeps the first source as default, and makes the newest remaining one default when the default is deleted', async () => {
    const { customers } = mockStripe(server).stripe;
    const { id } = await customers.create();
    const first = await customers.createSource(id, { source: 'tok_visa' });
    const second = await customers.createSource(id, { source: 'tok_mastercard' });
    const third = await customers.createSource(id, { source: 'btok_us' });
    expect(await defaultSource(customers, id)).toBe(first.id);
    expect((await customers.listSources(id)).data.map((s) => s.id)).toEqual([third.id, second.id, first.id]);
    await customers.deleteSource(id, first.id);
    expect(await defaultSource(customers, id)).toBe(third.id);
    await customers.deleteSource(id, second.id);
    expect(await defaultSource(customers, id)).toBe(third.id);
  });

  it('pages newest first and filters by object', async () => {
    const { customers } = mockStripe(server).stripe;
    const { id } = await customers.create();
    const card = await customers.createSource(id, { source: 'tok_visa' });
    const bank = await customers.createSource(id, { source: 'btok_us' });
    const page = await customers.listSources(id, { limit: 1 });
    expect([page.data.map((s) => s.id), page.has_more]).toEqual([[bank.id], true]);
    expect((await customers.listSources(id, { limit: 1, starting_after: bank.id })).data.map((s) => s.id)).toEqual([card.id]);
    expect((await customers.listSources(id, { object: 'card' })).data.map((s) => s.id)).toEqual([card.id]);
    expect((await customers.listSources(id, { object: 'bank_account' })).data.map((s) => s.id)).toEqual([bank.id]);
    expect(await failure(customers.listSources(id, { object: 'wallet' }))).toMatchObject({ statusCode: 400, param: 'object' });
  });

  it('under the legacy /cards and /bank_accounts paths, sees only that kind', async () => {
    const { customers } = mockStripe(server).stripe;
    const { id } = await customers.create();
    const card = await customers.createCard(id, { source: 'tok_visa' });
    const bank = await customers.createBankAccount(id, { source: 'btok_us' });
    expect((await customers.listCards(id)).data.map((s) => s.id)).toEqual([card.id]);
    expect((await customers.listBankAccounts(id)).data.map((s) => s.id)).toEqual([bank.id]);
    expect(await failure(customers.retrieveCard(id, bank.id))).toMatchObject({ statusCode: 404, message: `No such card: '${bank.id}'` });
    expect(await failure(customers.deleteBankAccount(id, card.id))).toMatchObject({ statusCode: 404, message: `No such bank account: '${card.id}'` });
    expect((await customers.listSources(id)).data).toHaveLength(2);
  });

  it('makes cards and bank accounts from details', async () => {
    const { customers } = mockStripe(server).stripe;
    const { id } = await customers.create();
    const card = await customers.createSource(id, {
      card: { number: '5555 5555 5555 4444', exp_month: 4, exp_year: 31, cvc: '123', name: 'Jenny Rosen', address_zip: '94107', metadata: { a: '1' } },
      metadata: { b: '2' },
    });
    expect(card).toMatchObject({ object: 'card', brand: 'MasterCard', last4: '4444', exp_month: 4, exp_year: 2031, cvc_check: 'pass', address_zip_check: 'pass', name: 'Jenny Rosen', metadata: { a: '1', b: '2' } });
    const bank = await customers.createSource(id, {
      bank_account: { account_number: '000123456789', country: 'de', currency: 'EUR', account_holder_name: 'Jenny Rosen', account_holder_type: 'individual' },
    });
    expect(bank).toMatchObject({ object: 'bank_account', last4: '6789', country: 'DE', currency: 'eur', account_holder_type: 'individual', status: 'new' });
    // The same card twice has the same fingerprint, as on Stripe.
    const again = await customers.createSource(id, { card: { number: '5555555555554444', exp_month: 1, exp_year: 2030 } });
    const { fingerprint } = card as { fingerprint: string };
    expect(fingerprint).toMatch(/^[\w-]{16}$/);
    expect(again).toMatchObject({ fingerprint });
  });

  it('refuses what no source can be made from, leaving nothing behind and no id drawn', async () => {
    const { customers } = mockStripe(server).stripe;
    const { id } = await customers.create();
    expect(await failure(customers.createSource(id, { source: 'src_123' }))).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'source', message: "No such token: 'src_123'" });
    expect(await failure(customers.createSource(id, {}))).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'source' });
    expect(await failure(customers.createSource(id, { source: 'tok_visa', card: 'tok_visa' }))).toMatchObject({ statusCode: 400, param: 'card' });
    expect(await failure(customers.createSource(id, { alipay_account: 'aliacc_1' }))).toMatchObject({ statusCode: 400, param: 'alipay_account' });
    const badNumber = await rejection(customers.createSource(id, { card: { number: '4242-abc', exp_month: 1, exp_year: 2030 } }));
    expect(badNumber).toBeInstanceOf(StripeCardError);
    expect(badNumber).toMatchObject({ statusCode: 402, code: 'incorrect_number' });
    expect(await failure(customers.createSource(id, { card: { number: '4242424242424242', exp_month: 13, exp_year: 2030 } }))).toMatchObject({ code: 'invalid_expiry_month' });
    expect((await customers.listSources(id)).data).toEqual([]);
    expect((await customers.createSource(id, { source: 'tok_visa' })).id).toBe('card_00000000000001');
  });

  it('updates the fields of the source’s kind and refuses the other kind’s', async () => {
    const { customers } = mockStripe(server).stripe;
    const { id } = await customers.create();
    const card = await customers.createSource(id, { source: 'tok_visa', metadata: { keep: '1', drop: '2' } });
    const updated = await customers.updateSource(id, card.id, { name: 'Jenny Rosen', exp_month: '7', exp_year: '33', address_city: 'Paris', metadata: { drop: '' } });
    expect(updated).toMatchObject({ name: 'Jenny Rosen', exp_month: 7, exp_year: 2033, address_city: 'Paris', metadata: { keep: '1' } });
    await customers.updateCard(id, card.id, { name: '' });
    expect((await customers.retrieveCard(id, card.id)).name).toBeNull();
    expect(await failure(customers.updateSource(id, card.id, { exp_month: '13' }))).toMatchObject({ statusCode: 400, param: 'exp_month' });
    expect(await failure(customers.updateSource(id, card.id, { account_holder_name: 'x' }))).toMatchObject({ code: 'parameter_unknown', param: 'account_holder_name' });
    const bank = await customers.createSource(id, { source: 'btok_us' });
    expect(await failure(customers.updateBankAccount(id, bank.id, { name: 'x' }))).toMatchObject({ code: 'parameter_unknown', param: 'name' });
    expect(await failure(customers.updateSource(id, bank.id, { owner: { name: 'x' } }))).toMatchObject({ code: 'parameter_unknown', param: 'owner' });
    expect(await customers.updateBankAccount(id, bank.id, { account_holder_type: 'company' })).toMatchObject({ account_holder_type: 'company' });
  });
});

describe('verifying a bank account with test microdeposits', () => {
  it('verifies with [32, 45]; other amounts are a 400 and leave it unverified; verifying twice is a 400', async () => {
    const { customers } = mockStripe(server).stripe;
    const { id } = await customers.create();
    const bank = await customers.createSource(id, { source: 'btok_us' });
    expect(await failure(customers.verifySource(id, bank.id, { amounts: [45, 32] }))).toMatchObject({
      statusCode: 400,
      code: 'bank_account_verification_failed',
      param: 'amounts',
    });
    expect(await failure(customers.verifySource(id, bank.id, {}))).toMatchObject({ code: 'parameter_missing', param: 'amounts' });
    expect(await customers.retrieveBankAccount(id, bank.id)).toMatchObject({ status: 'new' });
    expect(await customers.verifyBankAccount(id, bank.id, { amounts: [32, 45] })).toMatchObject({ id: bank.id, status: 'verified' });
    expect(await customers.retrieveSource(id, bank.id)).toMatchObject({ status: 'verified' });
    expect(await failure(customers.verifySource(id, bank.id, { amounts: [32, 45] }))).toMatchObject({ statusCode: 400, message: 'This bank account has already been verified.' });
  });

  it('does not verify a card', async () => {
    const { customers } = mockStripe(server).stripe;
    const { id } = await customers.create();
    const card = await customers.createSource(id, { source: 'tok_visa' });
    expect(await failure(customers.verifySource(id, card.id, { amounts: [32, 45] }))).toMatchObject({ statusCode: 404, message: `No such bank account: '${card.id}'` });
  });
});

describe('the customer’s source and default_source params', () => {
  it('attaches a create’s source as the default, and expands it', async () => {
    const { customers } = mockStripe(server).stripe;
    const created = await customers.create({ source: 'tok_visa', expand: ['default_source', 'sources'] });
    expect(created.default_source).toMatchObject({ object: 'card', last4: '4242', customer: created.id });
    expect(created.sources).toMatchObject({ object: 'list', data: [{ object: 'card' }], url: `/v1/customers/${created.id}/sources` });
    expect(await failure(customers.create({ source: 'pm_card_visa' }))).toMatchObject({ statusCode: 400, param: 'source' });
    expect((await customers.list()).data.map((c) => c.id)).toEqual([created.id]);
  });

  it('replaces the default with an update’s source, deleting the old default as Stripe does', async () => {
    const { customers } = mockStripe(server).stripe;
    const { id } = await customers.create();
    const old = await customers.createSource(id, { source: 'tok_visa' });
    const other = await customers.createSource(id, { source: 'btok_us' });
    const updated = await customers.update(id, { source: 'tok_mastercard' });
    const sources = (await customers.listSources(id)).data.map((s) => s.id);
    expect(sources).toEqual([updated.default_source, other.id]);
    expect(sources).not.toContain(old.id);
  });

  it('switches default_source to an attached source, and refuses one the customer does not have', async () => {
    const { customers } = mockStripe(server).stripe;
    const { id } = await customers.create();
    await customers.createSource(id, { source: 'tok_visa' });
    const bank = await customers.createSource(id, { source: 'btok_us' });
    expect((await customers.update(id, { default_source: bank.id })).default_source).toBe(bank.id);
    expect(await failure(customers.update(id, { default_source: 'card_nope' }))).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'default_source' });
    expect((await customers.update(id, { default_source: '' })).default_source).toBeNull();
  });
});

describe('sources and the object limit', () => {
  it('counts sources against maxObjects, and deleting one makes room', async () => {
    const { customers } = mockStripe(server, { maxObjects: 2 }).stripe;
    const { id } = await customers.create();
    const card = await customers.createSource(id, { source: 'tok_visa' });
    expect(await failure(customers.createSource(id, { source: 'tok_visa' }))).toMatchObject({ statusCode: 400, code: 'mock_object_limit' });
    await customers.deleteSource(id, card.id);
    expect((await customers.createSource(id, { source: 'tok_visa' })).object).toBe('card');
  });

  it('answers sources of a deleted customer with 404', async () => {
    const { stripe } = mockStripe(server);
    const { id } = await stripe.customers.create({ source: 'tok_visa' });
    await stripe.customers.del(id);
    const { status, body } = await raw(`/v1/customers/${id}/sources`);
    expect([status, body.error.message]).toEqual([404, `No such customer: '${id}'`]);
  });
});
