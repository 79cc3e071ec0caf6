import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { createCustomersMock, sequentialIds } from '../../src/msw.js';
import { STRIPE, useMswServer } from '../support/msw.js';
import { describeFirstUse, type StartTarget } from './first-use-cases.js';

// The first-use cases through MSW on Stripe's own URL, and the store's account views, which only
// tests (not the wire) reach.

const server = useMswServer();

const start: StartTarget = async (options = {}) => {
  const mock = createCustomersMock({ ids: sequentialIds(), ...options });
  server.use(...mock.handlers);
  return { base: STRIPE, mock };
};

describe('through MSW', () => {
  describeFirstUse(start);
});

describe('mock.store and the seed calls, per account', () => {
  it('seed into an account that only requests with its Stripe-Account see, keeping the platform default', async () => {
    const mock = createCustomersMock({ ids: sequentialIds() });
    server.use(...mock.handlers);
    const [platform] = mock.seed([{ id: 'cus_shared', email: 'platform@example.com' }]);
    const [connected] = mock.seed([{ id: 'cus_shared', email: 'connected@example.com' }], { account: 'acct_1' });
    const methods = mock.seedPaymentMethods('cus_shared', [{}], { account: 'acct_1' });
    expect(mock.store.get('cus_shared')).toMatchObject({ email: platform!.email });
    expect(mock.store.get('cus_shared', { account: 'acct_1' })).toMatchObject({ email: connected!.email });
    expect(mock.store.list({ account: 'acct_2' })).toEqual([]);

    const stripe = createClient({ apiKey: 'sk_test_123', maxRetries: 0 });
    expect(await stripe.customers.retrieve('cus_shared')).toMatchObject({ email: 'platform@example.com' });
    expect(await stripe.customers.retrieve('cus_shared', {}, { stripeAccount: 'acct_1' })).toMatchObject({ email: 'connected@example.com' });
    const listed = await stripe.customers.listPaymentMethods('cus_shared', {}, { stripeAccount: 'acct_1' });
    expect(listed.data.map((method) => method.id)).toEqual([methods[0]!.id]);
    expect((await stripe.customers.listPaymentMethods('cus_shared')).data).toEqual([]);
  });

  it('refuses an account option that is not acct_ followed by letters and digits', () => {
    const mock = createCustomersMock();
    expect(() => mock.store.list({ account: 'acct-1' })).toThrow(TypeError);
    expect(() => mock.seed([{}], { account: '' })).toThrow(/account must be a connected account id/);
    expect(() => mock.store.get('cus_1', { account: 'cus_1' })).toThrow(TypeError);
    expect(mock.store.list()).toEqual([]);
  });

  it('clears and resets every account', () => {
    const mock = createCustomersMock();
    mock.seed([{}], { account: 'acct_1' });
    mock.seed([{}]);
    mock.store.clear();
    expect(mock.store.list()).toEqual([]);
    expect(mock.store.list({ account: 'acct_1' })).toEqual([]);
    mock.seed([{}], { account: 'acct_1' });
    mock.reset();
    expect(mock.store.list({ account: 'acct_1' })).toEqual([]);
  });
});
