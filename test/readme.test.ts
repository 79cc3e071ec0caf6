// Hand-written MSW handlers that decode the form body with decodeForm, as the README's
// "Testing your app with MSW" section mentions for users who prefer their own handlers.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createClient, decodeForm, operations, StripeNotFoundError } from '../src/index.js';

/** A customer as Stripe returns one: every field the schema requires. */
const customer = (fields: Record<string, unknown>) => ({
  id: 'cus_123', object: 'customer', created: 1700000000, livemode: false, address: null, balance: 0,
  currency: null, default_source: null, delinquent: false, description: null, discount: null,
  email: null, invoice_prefix: null, metadata: {}, name: null, next_invoice_sequence: 1, phone: null,
  invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
  preferred_locales: [], shipping: null, tax_exempt: 'none', test_clock: null, ...fields,
});

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const stripe = createClient({ apiKey: 'sk_test_123' });

it('creates a customer with the minimal profile', async () => {
  server.use(
    http.post('https://api.stripe.com/v1/customers', async ({ request }) => {
      const params = decodeForm(await request.text(), operations.PostCustomers.bodySchema);
      return HttpResponse.json(customer(params as Record<string, unknown>));
    }),
  );
  const created = await stripe.customers.create({ email: 'jenny@example.com', name: 'Jenny', metadata: { app_user_id: 'u_42' } });
  expect(created.metadata).toEqual({ app_user_id: 'u_42' });
});

it('reports a missing customer as a typed error', async () => {
  server.use(
    http.get('https://api.stripe.com/v1/customers/:id', () =>
      HttpResponse.json({ error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such customer' } }, { status: 404 }),
    ),
  );
  await expect(stripe.customers.retrieve('cus_missing')).rejects.toBeInstanceOf(StripeNotFoundError);
});
