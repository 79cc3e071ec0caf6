import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, type Customer, type StripeCustomersClient } from '../src/index.js';
import { startMockServer, type MockServer } from './mock-server.js';

// `npm start`: the customer lifecycle of seed 002 ("Customers": a minimal profile, addresses, a
// tax id, find by the app's own id, invoice settings, list, delete) walked through the public
// client. With no STRIPE_SECRET_KEY it runs against the embedded mock on a random loopback port;
// with an sk_test_ key it runs against Stripe's test mode. Live keys are refused: this creates
// and deletes a customer.

const SEARCH_WAIT_MS = 60_000; // Stripe's search index lags writes by up to about a minute.
const SEARCH_POLL_MS = 2_000;

function step(number: number, title: string): void {
  console.log(`\n${number}. ${title}`);
}

function detail(label: string, value: unknown): void {
  console.log(`   ${`${label}:`.padEnd(12)} ${typeof value === 'string' ? value : JSON.stringify(value)}`);
}

function formatAddress(address: Customer['address'] | undefined): string {
  if (!address) return '(none)';
  return [address.line1, address.line2, [address.postal_code, address.city].filter(Boolean).join(' '), address.country]
    .filter(Boolean)
    .join(', ');
}

/**
 * Finds the customer by `metadata['app_user_id']`. Stripe's search is eventually consistent, so
 * against Stripe this polls for up to a minute and then falls back to listing by email (lists are
 * consistent at once); the mock indexes on write, so there a miss is an error.
 */
async function findByAppId(stripe: StripeCustomersClient, appUserId: string, email: string, live: boolean) {
  const query = `metadata['app_user_id']:'${appUserId}'`;
  const giveUpAt = Date.now() + (live ? SEARCH_WAIT_MS : 0);
  for (let attempt = 1; ; attempt++) {
    const result = await stripe.customers.search({ query });
    if (result.data.length > 0) return { query, found: result.data, how: attempt === 1 ? 'search' : `search (attempt ${attempt})` };
    if (Date.now() >= giveUpAt) break;
    await sleep(SEARCH_POLL_MS);
  }
  if (!live) throw new Error(`search for ${query} found nothing`);
  const listed = await stripe.customers.list({ email });
  return { query, found: listed.data, how: 'list by email (the search index had not caught up within 60 s)' };
}

/** The walk itself; every step prints what it did and the key fields of the result. */
async function walk(stripe: StripeCustomersClient, live: boolean): Promise<void> {
  // A fresh app id and email per run, so a run against Stripe finds only its own customer.
  const run = randomBytes(4).toString('hex');
  const appUserId = `u_${run}`;
  const email = `jenny.rosen+${run}@example.com`;

  step(1, 'Create a customer with the minimal profile (email, name, metadata.app_user_id) and a tax id');
  const created = await stripe.customers.create({
    email,
    name: 'Jenny Rosen',
    metadata: { app_user_id: appUserId },
    // tax_id_data is accepted on create only; later tax ids need the tax_ids endpoint, which
    // this SDK does not cover yet, so the tax id goes in here.
    tax_id_data: [{ type: 'eu_vat', value: 'DE123456789' }],
  });
  detail('id', created.id);
  detail('email', created.email ?? '(none)');
  detail('name', created.name ?? '(none)');
  detail('metadata', created.metadata);

  step(2, 'Add a billing address and a shipping address');
  const address = { line1: '10 Rue de Rivoli', postal_code: '75001', city: 'Paris', country: 'FR' };
  const located = await stripe.customers.update(created.id, {
    address,
    shipping: { name: 'Jenny Rosen', phone: '+33 1 23 45 67 89', address },
  });
  detail('address', formatAddress(located.address));
  detail('shipping', `${located.shipping?.name ?? '?'}, ${formatAddress(located.shipping?.address)}`);

  step(3, 'Read back the tax id given at creation (retrieve with expand[]=tax_ids)');
  const withTaxIds = await stripe.customers.retrieve(created.id, { expand: ['tax_ids'] });
  if ('deleted' in withTaxIds) throw new Error(`${created.id} is unexpectedly deleted`);
  for (const taxId of withTaxIds.tax_ids?.data ?? []) {
    detail('tax id', `${taxId.type} ${taxId.value} (country ${taxId.country ?? '?'}, verification ${taxId.verification?.status ?? 'n/a'})`);
  }

  const search = await findByAppId(stripe, appUserId, email, live);
  step(4, `Find the customer by its app id: ${search.query}`);
  detail('found', `${search.found.map((c) => c.id).join(', ') || '(nothing)'} via ${search.how}`);
  if (!search.found.some((c) => c.id === created.id)) throw new Error(`${created.id} was not found by its app id`);

  step(5, 'Update invoice settings: a custom field and a footer');
  const invoiced = await stripe.customers.update(created.id, {
    invoice_settings: { custom_fields: [{ name: 'App user', value: appUserId }], footer: 'Thank you for your business.' },
  });
  const settings = invoiced.invoice_settings;
  detail('fields', (settings?.custom_fields ?? []).map((f) => `${f.name}=${f.value}`).join(', '));
  detail('footer', settings?.footer ?? '(none)');

  step(6, `List customers with email ${email}`);
  const page = await stripe.customers.list({ email, limit: 3 });
  detail('listed', `${page.data.length} customer(s): ${page.data.map((c) => c.id).join(', ')} (has_more: ${page.has_more})`);

  step(7, 'Delete the customer');
  const deleted = await stripe.customers.delete(created.id);
  detail('deleted', `${deleted.id} deleted=${deleted.deleted}`);

  step(8, 'Retrieve the deleted customer: Stripe answers with the deleted stub');
  const stub = await stripe.customers.retrieve(created.id);
  detail('stub', stub);
}

async function main(): Promise<number> {
  const key = process.env.STRIPE_SECRET_KEY || undefined;
  if (key !== undefined && !key.startsWith('sk_test_')) {
    console.error(
      'STRIPE_SECRET_KEY must be a test mode secret key (sk_test_...): npm start creates and deletes a customer, ' +
        'so it refuses live and restricted keys. Unset it to run against the embedded mock.',
    );
    return 1;
  }
  let server: MockServer | undefined;
  try {
    let stripe: StripeCustomersClient;
    if (key) {
      stripe = createClient({ apiKey: key });
      console.log("Customer lifecycle against Stripe's test mode (STRIPE_SECRET_KEY is set)");
    } else {
      server = await startMockServer({ port: 0, host: '127.0.0.1' });
      stripe = createClient({ apiKey: 'sk_test_mock', baseUrl: server.url });
      console.log(`Customer lifecycle against the embedded mock at ${server.url} (set STRIPE_SECRET_KEY=sk_test_... to use Stripe)`);
    }
    await walk(stripe, key !== undefined);
    console.log('\nDone: every step succeeded.');
    return 0;
  } catch (error) {
    console.error(`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await server?.close();
  }
}

process.exitCode = await main();
