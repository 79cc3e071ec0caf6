// keepInStep end to end: the real Stripe client against the Stripe mock kit and the Lago client
// against the Lago mock, both in one MSW server. Assertions read the two mocks' stores, not what
// keepInStep says it did.
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, StripeNotFoundError, StripeValidationError } from 'stripe-customers';
import { createCustomersMock, customerFixture } from 'stripe-customers/msw';
import type { Customer as LagoCustomer } from './generated/models.js';
import { documentedLagoCustomer, unlinkedLagoCustomer } from './fixtures.js';
import { createLagoClient, LAGO_US, LagoApiError } from './lago-client.js';
import { createLagoMock } from './lago-mock.js';
import { keepInStep } from './sync.js';

const LAGO_KEY = 'lago_test_0d9e4c7b21f84a6e';
const stripeMock = createCustomersMock({ requireApiKey: true });
const lagoMock = createLagoMock({ apiKey: LAGO_KEY });
const server = setupServer(...stripeMock.handlers, ...lagoMock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  stripeMock.reset();
  lagoMock.reset();
});
afterAll(() => server.close());

const EXTERNAL_ID = documentedLagoCustomer().external_id;
const lago = () => createLagoClient({ apiKey: LAGO_KEY });
const stripe = () => createClient({ apiKey: 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', maxRetries: 0 });
const run = () => keepInStep(lago(), stripe(), EXTERNAL_ID);
const lagoPosts = () => lagoMock.requests.filter((request) => request.method === 'POST');
const stored = () => lagoMock.store.get(EXTERNAL_ID)!;

/** What the Stripe customer must hold for the documented Lago customer (with `changes`). */
function expectedStripe(changes: Partial<LagoCustomer> = {}) {
  const lagoCustomer = { ...documentedLagoCustomer(), ...changes };
  return {
    name: lagoCustomer.name ?? null,
    email: lagoCustomer.email ?? null,
    phone: lagoCustomer.phone ?? null,
    address: { line1: '5230 Penfield Ave', line2: null, city: lagoCustomer.city ?? null, state: 'CA', postal_code: '91364', country: 'US' },
    preferred_locales: ['fr'],
    metadata: {
      lago_id: lagoCustomer.lago_id,
      lago_external_id: lagoCustomer.external_id,
      lago_legal_name: 'Coleman-Blair',
      lago_legal_number: '49-008-2965',
      lago_tax_identification_number: 'EU123456789',
    },
  };
}

/** The link keepInStep writes, over the billing settings Lago already had. */
function linkedBilling(stripeId: string) {
  return { ...documentedLagoCustomer().billing_configuration, payment_provider: 'stripe', provider_customer_id: stripeId, sync_with_provider: false };
}

describe('keepInStep', () => {
  it('creates and links on the first run; the second updates and creates nothing', async () => {
    lagoMock.seed([unlinkedLagoCustomer()]);
    const first = await run();
    expect(first.action).toBe('created');
    const [created, ...others] = stripeMock.store.list();
    expect(others).toEqual([]);
    expect(created).toMatchObject(expectedStripe());
    expect(first.stripeCustomer).toEqual(created);
    // The link, with Lago's own sync off; the connection code and grace period Lago had are kept.
    expect(stored().billing_configuration).toEqual(linkedBilling(created!.id));
    expect(first.lagoCustomer).toEqual(stored());

    await lago().POST('/api/v1/customers', { body: { customer: { external_id: EXTERNAL_ID, city: 'Los Angeles', email: null } } });
    const postsBefore = lagoPosts().length;
    const second = await run();
    expect(second.action).toBe('updated');
    expect(stripeMock.store.list().map((customer) => customer.id)).toEqual([created!.id]);
    expect(stripeMock.store.get(created!.id)).toMatchObject(expectedStripe({ city: 'Los Angeles', email: null }));
    // Already linked as it should be: nothing written to Lago.
    expect(lagoPosts()).toHaveLength(postsBefore);
  });

  it('retried after the link failed, makes no second Stripe customer, even with Lago edited in between', async () => {
    lagoMock.seed([unlinkedLagoCustomer()]);
    server.use(http.post(`${LAGO_US}/api/v1/customers`, () => new Response('upstream timed out', { status: 503 }), { once: true }));
    const failed = await run().catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(LagoApiError);
    expect(failed).toMatchObject({ statusCode: 503, documented: false });
    expect(stripeMock.store.list()).toHaveLength(1);
    expect(stored().billing_configuration.provider_customer_id).toBeNull();

    await lago().POST('/api/v1/customers', { body: { customer: { external_id: EXTERNAL_ID, name: 'Gavin Belson Jr.' } } });
    const retried = await run();
    expect(retried.action).toBe('created');
    const [only, ...others] = stripeMock.store.list();
    expect(others).toEqual([]);
    expect(retried.stripeCustomer.id).toBe(only!.id);
    expect(only).toMatchObject(expectedStripe({ name: 'Gavin Belson Jr.' }));
    expect(stored().billing_configuration).toEqual(linkedBilling(only!.id));
  });

  it('updates the documented customer’s cus_12345, keeps Stripe’s other metadata, and turns Lago’s sync off', async () => {
    lagoMock.seed([documentedLagoCustomer()]);
    stripeMock.seed([customerFixture({ id: 'cus_12345', name: 'Old name', preferred_locales: ['en'], metadata: { crm_id: 'c-9' } })]);
    const result = await run();
    expect(result.action).toBe('updated');
    const expected = expectedStripe();
    expect(stripeMock.store.get('cus_12345')).toMatchObject({ ...expected, metadata: { ...expected.metadata, crm_id: 'c-9' } });
    expect(stripeMock.store.list()).toHaveLength(1);
    expect(stored().billing_configuration).toEqual(linkedBilling('cus_12345'));
    expect(lagoPosts()).toHaveLength(1);
    await run();
    expect(lagoPosts()).toHaveLength(1);
  });

  it('clears in Stripe what was cleared in Lago', async () => {
    lagoMock.seed([documentedLagoCustomer()]);
    stripeMock.seed([customerFixture({ id: 'cus_12345' })]);
    await run();
    const cleared = { phone: null, legal_name: null, address_line1: null, city: null, state: null, zipcode: null, country: null };
    await lago().POST('/api/v1/customers', { body: { customer: { external_id: EXTERNAL_ID, ...cleared } } });
    await run();
    const customer = stripeMock.store.get('cus_12345');
    expect(customer).toMatchObject({ phone: null, address: null, name: 'Gavin Belson' });
    expect(customer && 'metadata' in customer ? customer.metadata : undefined).not.toHaveProperty('lago_legal_name');
  });

  it('refuses a customer that pays through another provider, and touches neither side', async () => {
    const customer = documentedLagoCustomer();
    lagoMock.seed([{ ...customer, billing_configuration: { ...customer.billing_configuration, payment_provider: 'gocardless', provider_customer_id: 'CU123' } }]);
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeValidationError);
    expect((error as Error).message).toContain('billing_configuration.payment_provider: is gocardless');
    expect(stripeMock.store.list()).toEqual([]);
    expect(lagoPosts()).toEqual([]);
  });

  it('does not replace a linked Stripe customer that is gone', async () => {
    lagoMock.seed([documentedLagoCustomer()]);
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeNotFoundError);
    expect(stripeMock.store.list()).toEqual([]);
    expect(stored().billing_configuration.provider_customer_id).toBe('cus_12345');
  });

  it('names a Lago customer that does not exist', async () => {
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LagoApiError);
    expect(error).toMatchObject({ statusCode: 404, code: 'customer_not_found' });
    expect(stripeMock.store.list()).toEqual([]);
  });
});
