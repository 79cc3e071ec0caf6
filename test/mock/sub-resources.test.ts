import { describe, expect, it } from 'vitest';
import { useMswServer } from '../support/msw.js';
import { mockStripe, raw } from './setup.js';

const server = useMswServer();

const post = (path: string, body = '') => raw(path, { method: 'POST', body });
const del = (path: string) => raw(path, { method: 'DELETE' });

describe('tax ids: /v1/customers/{customer}/tax_ids', () => {
  it('creates, lists newest first (with those from tax_id_data), retrieves and deletes', async () => {
    const { stripe } = mockStripe(server);
    const { id } = await stripe.customers.create({ tax_id_data: [{ type: 'eu_vat', value: 'FR12345678901' }] });
    const created = await post(`/v1/customers/${id}/tax_ids`, 'type=gb_vat&value=GB123456789');
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ object: 'tax_id', type: 'gb_vat', value: 'GB123456789', country: 'GB', customer: id, livemode: false });

    const list = await raw(`/v1/customers/${id}/tax_ids`);
    expect(list.body).toMatchObject({ object: 'list', has_more: false, url: `/v1/customers/${id}/tax_ids` });
    expect(list.body.data.map((t: { value: string }) => t.value)).toEqual(['GB123456789', 'FR12345678901']);
    expect((await raw(`/v1/customers/${id}/tax_ids?limit=1`)).body.has_more).toBe(true);

    expect((await raw(`/v1/customers/${id}/tax_ids/${created.body.id}?expand[]=customer`)).body.customer).toMatchObject({ id, object: 'customer' });
    expect((await del(`/v1/customers/${id}/tax_ids/${created.body.id}`)).body).toEqual({ id: created.body.id, object: 'tax_id', deleted: true });
    const again = await del(`/v1/customers/${id}/tax_ids/${created.body.id}`);
    expect(again.status).toBe(404);
    expect(again.body.error).toMatchObject({ code: 'resource_missing', message: `No such tax id: '${created.body.id}'` });
  });

  it('answers 404 for the tax ids of a deleted customer', async () => {
    const { stripe } = mockStripe(server);
    const { id } = await stripe.customers.create();
    await stripe.customers.delete(id);
    const { status, body } = await raw(`/v1/customers/${id}/tax_ids`);
    expect(status).toBe(404);
    expect(body.error.message).toBe(`No such customer: '${id}'`);
  });
});

describe('balance transactions: /v1/customers/{customer}/balance_transactions', () => {
  it('adjusts the balance, sets the currency once, and keeps the history newest first', async () => {
    const { stripe } = mockStripe(server);
    const { id } = await stripe.customers.create();
    const credit = await post(`/v1/customers/${id}/balance_transactions`, 'amount=-500&currency=EUR&description=Goodwill&metadata[ticket]=T-1');
    expect(credit.body).toMatchObject({ object: 'customer_balance_transaction', amount: -500, currency: 'eur', ending_balance: -500, type: 'adjustment', metadata: { ticket: 'T-1' } });
    const debit = await post(`/v1/customers/${id}/balance_transactions`, 'amount=200&currency=eur');
    expect(debit.body.ending_balance).toBe(-300);
    expect(await stripe.customers.retrieve(id)).toMatchObject({ balance: -300, currency: 'eur' });

    const wrong = await post(`/v1/customers/${id}/balance_transactions`, 'amount=1&currency=usd');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ param: 'currency' });

    const list = await raw(`/v1/customers/${id}/balance_transactions?limit=1`);
    expect(list.body.data.map((t: { id: string }) => t.id)).toEqual([debit.body.id]);
    expect(list.body.has_more).toBe(true);
    const older = await raw(`/v1/customers/${id}/balance_transactions?starting_after=${debit.body.id}`);
    expect(older.body.data.map((t: { id: string }) => t.id)).toEqual([credit.body.id]);
  });

  it('updates only the description and metadata, with the metadata merge rules', async () => {
    const { stripe } = mockStripe(server);
    const { id } = await stripe.customers.create();
    const { body: created } = await post(`/v1/customers/${id}/balance_transactions`, 'amount=-100&currency=usd&metadata[a]=1&metadata[b]=2');
    const path = `/v1/customers/${id}/balance_transactions/${created.id}`;
    const updated = await post(path, 'description=Refund+for+order+42&metadata[a]=');
    expect(updated.body).toMatchObject({ description: 'Refund for order 42', metadata: { b: '2' }, amount: -100 });
    expect((await raw(path)).body).toEqual(updated.body);
    expect((await post(path, 'amount=5')).body.error).toMatchObject({ code: 'parameter_unknown', param: 'amount' });
    expect((await raw(`/v1/customers/${id}/balance_transactions/cbtxn_nope`)).status).toBe(404);
  });
});

describe('cash balance and discount', () => {
  it('reads and changes the cash balance settings, which expand[]=cash_balance then shows', async () => {
    const { stripe } = mockStripe(server);
    const { id } = await stripe.customers.create();
    expect((await raw(`/v1/customers/${id}/cash_balance`)).body).toEqual({
      object: 'cash_balance',
      available: null,
      customer: id,
      livemode: false,
      settings: { reconciliation_mode: 'automatic', using_merchant_default: true },
    });
    const updated = await post(`/v1/customers/${id}/cash_balance`, 'settings[reconciliation_mode]=manual');
    expect(updated.body.settings).toEqual({ reconciliation_mode: 'manual', using_merchant_default: false });
    const customer = await stripe.customers.retrieve(id, { expand: ['cash_balance'] });
    expect(customer).toMatchObject({ cash_balance: { settings: { reconciliation_mode: 'manual' } } });
  });

  it('deletes a seeded discount, then answers 404', async () => {
    const { stripe, mock } = mockStripe(server);
    const coupon = { id: 'SUMMER', object: 'coupon', created: 1, duration: 'once', livemode: false, times_redeemed: 1, valid: true, percent_off: 10 } as const;
    const [customer] = mock.seed([{ discount: { id: 'di_1', object: 'discount', coupon, customer: 'cus_x', start: 1 } }]);
    const removed = await del(`/v1/customers/${customer!.id}/discount`);
    expect(removed.body).toMatchObject({ id: 'di_1', object: 'discount', deleted: true, coupon: { id: 'SUMMER' } });
    expect(await stripe.customers.retrieve(customer!.id)).toMatchObject({ discount: null });
    const again = await del(`/v1/customers/${customer!.id}/discount`);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('resource_missing');
  });
});
