import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../scripts/mock-server.js';
import { createClient } from '../../src/index.js';
import { fakeClock } from '../support/fake-clock.js';

// The HTTP server, driven the way curl, other languages and other Stripe clients drive it: plain
// fetch with hand-written form bodies, on 127.0.0.1 with a random port. No MSW in this file.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Bearer sk_test_123' };
let server: MockServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Parameters<typeof startMockServer>[0] = {}): Promise<MockServer> {
  server = await startMockServer({ port: 0, host: '127.0.0.1', ...options });
  return server;
}

describe('the mock server over HTTP', () => {
  it('listens on a random loopback port and serves raw curl-style form bodies', async () => {
    const { url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const body = 'email=jenny%40example.com&name=Jenny+Rosen&metadata[app_user_id]=u_42&expand[]=tax_ids' +
      '&tax_id_data[0][type]=eu_vat&tax_id_data[0][value]=DE123456789&preferred_locales[]=fr&preferred_locales[]=en';
    const response = await fetch(`${url}/v1/customers`, { method: 'POST', headers: FORM, body });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('request-id')).toMatch(/^req_/);
    const customer = await response.json();
    expect(customer).toMatchObject({ name: 'Jenny Rosen', email: 'jenny@example.com', metadata: { app_user_id: 'u_42' }, preferred_locales: ['fr', 'en'] });
    expect(customer.tax_ids.data[0]).toMatchObject({ type: 'eu_vat', value: 'DE123456789' });

    const retrieved = await fetch(`${url}/v1/customers/${customer.id}?expand%5B%5D=tax_ids`);
    expect((await retrieved.json()).tax_ids.data).toHaveLength(1);
    const search = await fetch(`${url}/v1/customers/search?query=${encodeURIComponent("name~'jenny'")}`);
    expect((await search.json()).data.map((c: { id: string }) => c.id)).toEqual([customer.id]);
  });

  it('answers errors with Stripe\'s envelope and a Request-Id, and unknown paths with a 404', async () => {
    const { url } = await start();
    const bad = await fetch(`${url}/v1/customers`, { method: 'POST', headers: FORM, body: 'address[planet]=Mars' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('request-id')).toMatch(/^req_/);
    expect((await bad.json()).error).toMatchObject({ type: 'invalid_request_error', code: 'parameter_unknown', param: 'address[planet]' });
    const unknown = await fetch(`${url}/v2/anything`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.type).toBe('invalid_request_error');
  });

  it('serves the public client pointed at it, idempotency and all', async () => {
    const { url, mock } = await start();
    const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: url, clock: fakeClock() });
    const first = await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'k' });
    const again = await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'k' });
    expect(again.id).toBe(first.id);
    expect(mock.store.list()).toHaveLength(1);
  });

  it('drops the connection for a network fault, which the client retries', async () => {
    const { url, mock } = await start();
    mock.faults.failNext(1, { network: true });
    await expect(fetch(`${url}/v1/customers`)).rejects.toThrow(TypeError);
    mock.faults.failNext(1, { network: true });
    const stripe = createClient({ apiKey: 'sk_test_123', baseUrl: url, clock: fakeClock() });
    expect((await stripe.customers.list()).object).toBe('list');
  });

  it('requires a test key when asked, accepting curl\'s -u sk_test_...: Basic auth', async () => {
    const { url } = await start({ requireApiKey: true });
    expect((await fetch(`${url}/v1/customers`)).status).toBe(401);
    const basic = `Basic ${Buffer.from('sk_test_123:').toString('base64')}`;
    expect((await fetch(`${url}/v1/customers`, { headers: { Authorization: basic } })).status).toBe(200);
  });
});

describe('the stripe-customers bin', () => {
  it('runs `stripe-customers mock --port 0`, prints its URL, serves, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['bin/stripe-customers.mjs', 'mock', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match) resolve(match[1]!);
        });
        child.once('exit', () => reject(new Error(`exited before listening:\n${output}`)));
      });
      const response = await fetch(`${url}/v1/customers`, { method: 'POST', headers: FORM, body: 'email=a%40example.com' });
      expect((await response.json()).email).toBe('a@example.com');
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      expect((await exited)[0]).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 30_000);

  it('prints usage and fails for an unknown command', async () => {
    const child = spawn(process.execPath, ['bin/stripe-customers.mjs', 'serve'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(errors).toContain('Usage: npx stripe-customers mock');
  });
});
