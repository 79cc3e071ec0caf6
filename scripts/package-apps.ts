import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The scratch apps `npm run check:package` installs the tarball for: their sources and tsconfigs.
// Each app is a user's first program against the installed package.

/** Every app prints this last, so an app that exits early cannot pass. */
export const OK_LINE = 'SMOKE OK';

// The apps' shared steps: create a customer with the minimal profile, read it back, and see a bad
// param refused before anything is sent. On Node.js a client given no transport must send with
// node:http (package.json's `node` condition): each app counts the calls that reach
// `https.request` and `globalThis.fetch` (wrapped over MSW's interceptors), and checks that
// `fetch` and `transport` still choose, and that hooks see the calls. `main` is called by each
// app after its own imports.
const JS_MAIN = `
async function main() {
  const mock = createCustomersMock();
  const server = setupServer(...mock.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  const through = { https: 0, fetch: 0, myFetch: 0, myTransport: 0 };
  const mswRequest = https.request;
  const mswFetch = globalThis.fetch;
  https.request = (...args) => (through.https++, mswRequest(...args));
  globalThis.fetch = (...args) => (through.fetch++, mswFetch(...args));
  try {
    const events = [];
    const stripe = createClient({ apiKey: 'sk_test_123', hooks: { onRequest: (e) => events.push(e.operationId), onResponse: (e) => events.push(e.status) } });
    const created = await stripe.customers.create({ email: 'jenny@example.com', name: 'Jenny Rosen', metadata: { app_user_id: 'u_42' } });
    assert.match(created.id, /^cus_/);
    const again = await stripe.customers.retrieve(created.id);
    assert.equal(again.email, 'jenny@example.com');
    assert.equal(again.name, 'Jenny Rosen');
    assert.deepEqual(again.metadata, { app_user_id: 'u_42' });
    assert.equal(mock.store.list().length, 1);
    const error = await stripe.customers.create({ email: 42 }).then(() => undefined, (e) => e);
    assert.ok(error instanceof StripeValidationError, 'a bad param must throw StripeValidationError, got ' + error);
    assert.ok(error.issues.some((issue) => issue.field === 'email'), 'the error must name email: ' + error.message);
    assert.equal(mock.store.list().length, 1, 'a refused call must send nothing');
    assert.deepEqual(through, { https: 2, fetch: 0, myFetch: 0, myTransport: 0 }, 'on Node.js the default client must send with node:http');
    assert.deepEqual(events, ['PostCustomers', 200, 'GetCustomersCustomer', 200], 'the hooks must see both calls');
    const overFetch = createClient({ apiKey: 'sk_test_123', fetch: (...args) => (through.myFetch++, globalThis.fetch(...args)) });
    assert.equal((await overFetch.customers.retrieve(created.id)).email, 'jenny@example.com');
    const canned = JSON.stringify(again);
    const overMine = createClient({ apiKey: 'sk_test_123', transport: async () => (through.myTransport++, { status: 200, headers: {}, body: canned }) });
    assert.equal((await overMine.customers.retrieve(created.id)).email, 'jenny@example.com');
    assert.deepEqual(through, { https: 2, fetch: 1, myFetch: 1, myTransport: 1 }, 'the fetch and transport options must still choose');
    const overNode = createClient({ apiKey: 'sk_test_123', transport: nodeTransport() });
    const viaHttp = await overNode.customers.retrieve(created.id);
    assert.equal(viaHttp.email, 'jenny@example.com', 'nodeTransport must reach the same mock over node:http');
    assert.equal(through.https, 3);
  } finally {
    https.request = mswRequest;
    globalThis.fetch = mswFetch;
    server.close();
  }
  console.log('${OK_LINE}');
}
main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`;

const ESM_APP = `import assert from 'node:assert/strict';
import https from 'node:https';
import { setupServer } from 'msw/node';
import { createClient, StripeValidationError } from 'stripe-customers';
import { createCustomersMock } from 'stripe-customers/msw';
import { nodeTransport } from 'stripe-customers/node';
${JS_MAIN}`;

// A team that calls Stripe through openapi-fetch: the typed paths, Stripe's serializers and the
// middleware from the installed package, against the MSW mock kit.
const OPENAPI_FETCH_APP = `import assert from 'node:assert/strict';
import createFetchClient from 'openapi-fetch';
import { setupServer } from 'msw/node';
import { StripeNotFoundError } from 'stripe-customers';
import { createCustomersMock } from 'stripe-customers/msw';
import { stripeBodySerializer, stripeMiddleware, stripeQuerySerializer } from 'stripe-customers/openapi-fetch';

const mock = createCustomersMock({ requireApiKey: true });
const server = setupServer(...mock.handlers);
server.listen({ onUnhandledRequest: 'error' });
try {
  const api = createFetchClient({ baseUrl: 'https://api.stripe.com', bodySerializer: stripeBodySerializer, querySerializer: stripeQuerySerializer });
  api.use(stripeMiddleware({ apiKey: 'sk_test_123' }));
  const { data: created } = await api.POST('/v1/customers', { body: { email: 'ada@example.com', metadata: { app_user_id: 'u_42' } } });
  assert.match(created.id, /^cus_/);
  const { data: again } = await api.GET('/v1/customers/{customer}', { params: { path: { customer: created.id }, query: { expand: ['tax_ids'] } } });
  assert.deepEqual(again.metadata, { app_user_id: 'u_42' });
  const missing = await api.GET('/v1/customers/{customer}', { params: { path: { customer: 'cus_missing' } } }).catch((e) => e);
  assert.ok(missing instanceof StripeNotFoundError, 'a 404 must throw StripeNotFoundError');
  assert.equal(mock.store.list().length, 1);
} finally {
  server.close();
}
console.log('${OK_LINE}');
`;

const CJS_APP = `const assert = require('node:assert/strict');
const https = require('node:https');
const { setupServer } = require('msw/node');
const { createClient, StripeValidationError } = require('stripe-customers');
const { createCustomersMock } = require('stripe-customers/msw');
const { nodeTransport } = require('stripe-customers/node');
${JS_MAIN}`;

// The same in TypeScript, plus two lines that must not compile: if the package's types were
// missing or \`any\`, the @ts-expect-error comments would be unused, and that is an error too.
// Used as .mts and .cts under node16 (ESM and CJS resolution of the same source) and as .ts under
// bundler resolution.
const TS_APP = `import assert from 'node:assert/strict';
import https from 'node:https';
import { setupServer } from 'msw/node';
import { createClient, StripeValidationError, type Customer, type HookEvent, type StripeCustomersClient, type Transport } from 'stripe-customers';
import { createCustomersMock, type CustomersMock } from 'stripe-customers/msw';
import { nodeTransport } from 'stripe-customers/node';

function mustNotCompile(stripe: StripeCustomersClient, customer: Customer): void {
  // @ts-expect-error \`nickname\` is not a param of customers.create
  void stripe.customers.create({ email: 'a@example.com', nickname: 'Jen' });
  // @ts-expect-error \`email\` is string | null | undefined, never a number
  const email: number = customer.email;
  void email;
}
void mustNotCompile;

async function main(): Promise<void> {
  const mock: CustomersMock = createCustomersMock();
  const server = setupServer(...mock.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  const through = { https: 0, fetch: 0, myFetch: 0, myTransport: 0 };
  const mswRequest = https.request;
  const mswFetch = globalThis.fetch;
  https.request = ((...args: Parameters<typeof https.request>) => (through.https++, mswRequest(...args))) as typeof https.request;
  globalThis.fetch = ((...args: Parameters<typeof fetch>) => (through.fetch++, mswFetch(...args))) as typeof fetch;
  try {
    const events: HookEvent[] = [];
    const stripe = createClient({ apiKey: 'sk_test_123', hooks: { onRequest: (e) => void events.push(e), onResponse: (e) => void events.push(e) } });
    const created: Customer = await stripe.customers.create({
      email: 'jenny@example.com',
      name: 'Jenny Rosen',
      metadata: { app_user_id: 'u_42' },
    });
    assert.match(created.id, /^cus_/);
    const again = await stripe.customers.retrieve(created.id);
    if (again.deleted) throw new Error('retrieve returned a deleted customer');
    const email: string | null | undefined = again.email;
    assert.equal(email, 'jenny@example.com');
    assert.equal(again.name, 'Jenny Rosen');
    assert.deepEqual(again.metadata, { app_user_id: 'u_42' });
    const error: unknown = await stripe.customers.create({ email: 42 as unknown as string }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof StripeValidationError, 'a bad param must throw StripeValidationError');
    assert.ok(error.issues.some((issue) => issue.field === 'email'), 'the error must name email: ' + error.message);
    assert.equal(mock.store.list().length, 1, 'a refused call must send nothing');
    assert.deepEqual(through, { https: 2, fetch: 0, myFetch: 0, myTransport: 0 }, 'on Node.js the default client must send with node:http');
    assert.deepEqual(events.map((e) => e.operationId), ['PostCustomers', 'PostCustomers', 'GetCustomersCustomer', 'GetCustomersCustomer']);
    const overFetch = createClient({ apiKey: 'sk_test_123', fetch: (...args) => (through.myFetch++, globalThis.fetch(...args)) });
    await overFetch.customers.retrieve(created.id);
    const canned = JSON.stringify(again);
    const mine: Transport = async () => (through.myTransport++, { status: 200, headers: {}, body: canned });
    await createClient({ apiKey: 'sk_test_123', transport: mine }).customers.retrieve(created.id);
    assert.deepEqual(through, { https: 2, fetch: 1, myFetch: 1, myTransport: 1 }, 'the fetch and transport options must still choose');
    const overNode = createClient({ apiKey: 'sk_test_123', transport: nodeTransport() });
    const viaHttp = await overNode.customers.retrieve(created.id);
    if (viaHttp.deleted) throw new Error('retrieve over nodeTransport returned a deleted customer');
    assert.equal(viaHttp.email, 'jenny@example.com', 'nodeTransport must reach the same mock over node:http');
    assert.equal(through.https, 3);
  } finally {
    https.request = mswRequest;
    globalThis.fetch = mswFetch;
    server.close();
  }
  console.log('${OK_LINE}');
}
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`;

/**
 * The newest TypeScript at the time of writing, beside the repository's own: a user's
 * `tsc --declaration` must name our types with both.
 */
export const NEWEST_TYPESCRIPT = '7.0.2';

// A user's library that returns our results without annotating them: `tsc --declaration` must be
// able to name every inferred type through the package's own entry points, or it fails with
// TS2742 / TS2883 ("cannot be named without a reference to ...dist/chunk...").
const LIBRARY = `import { createClient, type StripeCustomersClient } from 'stripe-customers';

export const stripe = createClient({ apiKey: 'sk_test_123' });
export async function onboard(client: StripeCustomersClient, email: string) {
  const customer = await client.customers.create({ email, metadata: { app_user_id: 'u_42' } });
  return { customer, again: await client.customers.retrieve(customer.id, { expand: ['tax_ids'] }) };
}
export function everyCustomer(client: StripeCustomersClient) {
  return client.customers.list({ limit: 100, expand: ['data.default_source'] });
}
export const taxIds = (client: StripeCustomersClient, id: string) => client.customers.listTaxIds(id);
export const sources = (client: StripeCustomersClient, id: string) => client.customers.retrieveSource(id, 'src_1');
`;

/** A tsconfig that emits declarations for the library, under `module` resolution. */
function libraryTsconfig(name: string, module: string): object {
  const moduleResolution = module === 'esnext' ? 'bundler' : module;
  const compilerOptions = { module, moduleResolution, target: 'es2022', strict: true, declaration: true, emitDeclarationOnly: true };
  return { compilerOptions: { ...compilerOptions, types: ['node'], skipLibCheck: true, outDir: `decl-${name}` }, files: ['library.mts'] };
}

/** A strict tsconfig for one resolution mode, emitting to `out-<name>`. */
function tsconfig(name: string, module: string, files: string[], skipLibCheck = false): object {
  const compilerOptions = { module, moduleResolution: module === 'esnext' ? 'bundler' : module, target: 'es2022' };
  return { compilerOptions: { ...compilerOptions, types: ['node'], strict: true, skipLibCheck, outDir: `out-${name}` }, files };
}

// skipLibCheck is off, so the package's .d.ts files (and msw's and zod's) are type-checked as a
// strict user project would have them. The default lib (with DOM) is kept: msw's types need DOM.
const TSCONFIGS: Record<string, object> = {
  'tsconfig.node16-esm.json': tsconfig('node16-esm', 'node16', ['node16-esm.mts']),
  // CommonJS under node16 has skipLibCheck on: msw's own CJS typings import the ESM-only `rettime`
  // and `type-fest` (TS1479 in node_modules/msw/lib/**/*.d.ts), whoever imports msw/node from CJS.
  // The package's .d.cts files still type this app's code, so the @ts-expect-error lines hold.
  'tsconfig.node16-cjs.json': tsconfig('node16-cjs', 'node16', ['node16-cjs.cts'], true),
  'tsconfig.bundler.json': tsconfig('bundler', 'esnext', ['bundler.ts']),
};

/** Writes every scratch app, its tsconfigs and inputs into `app` (the package already installed there). */
export function writeApps(app: string): void {
  writeFileSync(join(app, 'esm.mjs'), ESM_APP);
  writeFileSync(join(app, 'cjs.cjs'), CJS_APP);
  writeFileSync(join(app, 'openapi-fetch.mjs'), OPENAPI_FETCH_APP);
  writeFileSync(join(app, 'small.openapi.json'), SMALL_SPEC);
  writeFileSync(join(app, 'generated-check.mts'), GENERATED_CHECK);
  const generatedConfig = { module: 'node16', moduleResolution: 'node16', target: 'es2022', strict: true, skipLibCheck: true, outDir: 'out-generated' };
  writeFileSync(join(app, 'tsconfig.generated.json'), JSON.stringify({ compilerOptions: { ...generatedConfig, types: ['node'] }, include: ['generated-check.mts', 'gen/*.ts'] }, null, 2));
  writeFileSync(join(app, 'node16-esm.mts'), TS_APP);
  writeFileSync(join(app, 'node16-cjs.cts'), TS_APP);
  writeFileSync(join(app, 'bundler.ts'), TS_APP);
  for (const [name, config] of Object.entries(TSCONFIGS)) writeFileSync(join(app, name), JSON.stringify(config, null, 2));
  writeFileSync(join(app, 'library.mts'), LIBRARY);
  writeFileSync(join(app, 'tsconfig.library-node16.json'), JSON.stringify(libraryTsconfig('node16', 'node16'), null, 2));
  writeFileSync(join(app, 'tsconfig.library-bundler.json'), JSON.stringify(libraryTsconfig('bundler', 'esnext'), null, 2));
}

// A small API for the installed generator: one JSON operation with a $ref, enough to see types,
// schemas, the operation table and the methods come out and type-check against the package.
const SMALL_SPEC = JSON.stringify({
  openapi: '3.1.0',
  info: { title: 'Small API', version: '1.0.0' },
  paths: {
    '/v1/widgets/{widget}': {
      get: {
        operationId: 'GetWidget',
        parameters: [{ name: 'widget', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'A widget', content: { 'application/json': { schema: { $ref: '#/components/schemas/widget' } } } } },
      },
    },
  },
  components: {
    schemas: {
      widget: {
        type: 'object',
        required: ['id', 'object'],
        properties: { id: { type: 'string' }, object: { const: 'widget' }, name: { type: ['string', 'null'] }, created: { type: 'string', format: 'date-time' } },
      },
    },
  },
});

const GENERATED_CHECK = `import { safeParse } from 'zod/v4/core';
import { operations } from './gen/operations.js';
import type { paths } from './gen/types.js';

const widget: paths['/v1/widgets/{widget}']['get']['responses'][200]['content']['application/json'] = { id: 'w_1', object: 'widget', name: null, created: '2024-01-01T00:00:00Z' };
if (!safeParse(operations.GetWidget.responseSchema!, widget).success) throw new Error('the generated schema refused a valid widget');
if (safeParse(operations.GetWidget.responseSchema!, { id: 1 }).success) throw new Error('the generated schema took a broken widget');
console.log('${OK_LINE}');
`;

