// The transport a client takes when given none: node:http on Node.js (the main entry as Node.js
// resolves it, src/client/node-entry.ts, behind package.json's `node` condition), fetch everywhere
// else (src/index.ts itself); `fetch` and `transport` still choose. Real servers on 127.0.0.1 tell
// the two apart by what arrives: Node's fetch (undici) sends `sec-fetch-mode`, node:http does not.
import { readFileSync } from 'node:fs';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { describe, expect, it, vi } from 'vitest';
import tsupConfig from '../../tsup.config.js';
import * as nodeEntry from '../../src/client/node-entry.js';
import * as mainEntry from '../../src/index.js';
import type { HttpRequest, Transport } from '../../src/index.js';
import { customerJson } from '../support/fixtures.js';
import { answerJson, useLoopbackServers } from '../support/loopback.js';
import { STRIPE, stripeJson } from '../support/msw.js';

const serve = useLoopbackServers();
const apiKey = 'sk_test_123';
const customer = customerJson({ id: 'cus_default' });

/** A loopback API that answers every request with the customer and notes each one's client port. */
async function api() {
  const ports: number[] = [];
  const answer = answerJson(200, customer);
  const server = await serve((req, res, received) => {
    ports.push(req.socket.remotePort!);
    answer(req, res, received);
  });
  return { ...server, ports };
}

describe('the default transport', () => {
  it('on Node.js is node:http: no fetch headers arrive, and the connection is kept alive', async () => {
    const server = await api();
    const stripe = nodeEntry.createClient({ apiKey, baseUrl: server.url });
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      expect((await stripe.customers.retrieve('cus_default')).id).toBe('cus_default');
      await stripe.customers.retrieve('cus_default');
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
    expect(server.received.map((r) => r.headers['sec-fetch-mode'])).toEqual([undefined, undefined]);
    expect(server.received[0]!.headers.connection).toBe('keep-alive');
    expect(server.ports[1]).toBe(server.ports[0]);
  });

  it('on Node.js is shared by every client that takes it: a second client reuses the warm connection', async () => {
    const server = await api();
    await nodeEntry.createClient({ apiKey, baseUrl: server.url }).customers.retrieve('cus_default');
    await nodeEntry.createClient({ apiKey, baseUrl: server.url }).withOptions({ maxRetries: 0 }).customers.retrieve('cus_default');
    expect(server.ports).toHaveLength(2);
    expect(server.ports[1]).toBe(server.ports[0]);
  });

  it('off Node.js (the main entry itself) is fetch: its headers arrive', async () => {
    const server = await api();
    const stripe = mainEntry.createClient({ apiKey, baseUrl: server.url });
    expect((await stripe.customers.retrieve('cus_default')).id).toBe('cus_default');
    expect(server.received[0]!.headers['sec-fetch-mode']).toBe('cors');
  });

  it('gives way to the fetch option on Node.js', async () => {
    const server = await api();
    const myFetch = vi.fn((url: string | URL | Request, init?: RequestInit) => fetch(url, init));
    const stripe = nodeEntry.createClient({ apiKey, baseUrl: server.url, fetch: myFetch });
    await stripe.customers.retrieve('cus_default');
    expect(myFetch).toHaveBeenCalledTimes(1);
    expect(String(myFetch.mock.calls[0]![0])).toBe(`${server.url}/v1/customers/cus_default`);
    expect(server.received[0]!.headers['sec-fetch-mode']).toBe('cors');
  });

  it('gives way to the transport option on Node.js: nothing else is sent', async () => {
    const server = await api();
    const seen: HttpRequest[] = [];
    const transport: Transport = async (request) => {
      seen.push(request);
      return { status: 200, headers: { 'request-id': 'req_custom' }, body: JSON.stringify(customer) };
    };
    const stripe = nodeEntry.createClient({ apiKey, baseUrl: server.url, transport });
    const { requestId } = await mainEntry.withResponse(stripe.customers.retrieve('cus_default'));
    expect(requestId).toBe('req_custom');
    expect(seen.map((r) => r.url)).toEqual([`${server.url}/v1/customers/cus_default`]);
    expect(server.received).toEqual([]);
  });

  it('on Node.js is intercepted by MSW like fetch is', async () => {
    const msw = setupServer(http.get(`${STRIPE}/v1/customers/:id`, ({ params }) => stripeJson(customerJson({ id: params.id }))));
    msw.listen({ onUnhandledRequest: 'error' });
    try {
      const stripe = nodeEntry.createClient({ apiKey });
      const { data, requestId } = await mainEntry.withResponse(stripe.customers.retrieve('cus_mocked'));
      expect(data.id).toBe('cus_mocked');
      expect(requestId).toBe('req_test123');
    } finally {
      msw.close();
    }
  });

  it('on Node.js leaves the checks of createClient as they are: the same issues for the same bad options', () => {
    const issues = (create: (options: never) => unknown, options: unknown) => {
      try {
        create(options as never);
      } catch (error) {
        expect(error).toBeInstanceOf(mainEntry.StripeValidationError);
        return (error as mainEntry.StripeValidationError).issues.map((i) => `${i.field}: ${i.message}`);
      }
      throw new Error('createClient accepted the options');
    };
    const bad = [undefined, null, 'sk_test_123', ['sk_test_123'], {}, { apiKey: 'pk_test_1' }, { apiKey, fetch: null }, { apiKey, transpor: () => {} }];
    for (const options of [...bad, { apiKey, fetch, transport: async () => ({ status: 200, headers: {}, body: '' }) }]) {
      const expected = issues(mainEntry.createClient, options);
      expect(expected.length).toBeGreaterThan(0);
      expect(issues(nodeEntry.createClient, options)).toEqual(expected);
    }
  });
});

describe('the Node.js build of the main entry', () => {
  it('exports the same names, each the same value but createClient', () => {
    expect(Object.keys(nodeEntry).sort()).toEqual(Object.keys(mainEntry).sort());
    const differing = Object.keys(mainEntry).filter((name) => (nodeEntry as Record<string, unknown>)[name] !== (mainEntry as Record<string, unknown>)[name]);
    expect(differing).toEqual(['createClient']);
  });

  it('is what package.json gives Node.js for `stripe-customers`, ESM and CommonJS, with the same types', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, Record<string, Record<string, string>>>;
    };
    const root = pkg.exports['.']!;
    for (const [format, ext] of [
      ['import', 'js'],
      ['require', 'cjs'],
    ] as const) {
      const branch = root[format]!;
      const conditions = Object.keys(branch);
      expect(conditions[0]).toBe('types');
      expect(conditions.at(-1)).toBe('default');
      expect(branch.node).toBe(`./dist/index.node.${ext}`);
      expect(branch.default).toBe(`./dist/index.${ext}`);
      // Runtimes that also answer to `node` (Bun, Deno) and the web-like ones keep fetch: their
      // conditions come first.
      for (const runtime of ['browser', 'worker', 'workerd', 'edge-light', 'bun', 'deno']) {
        expect(branch[runtime], runtime).toBe(branch.default);
        expect(conditions.indexOf(runtime), runtime).toBeLessThan(conditions.indexOf('node'));
      }
    }
  });

  it('is built from src/client/node-entry.ts, with the other entries, and without types of its own', () => {
    const [library] = tsupConfig as unknown as { entry: Record<string, string>; dts: { entry: Record<string, string> } }[];
    expect(library!.entry['index.node']).toBe('src/client/node-entry.ts');
    expect(library!.entry.index).toBe('src/index.ts');
    expect(library!.dts.entry).not.toHaveProperty('index.node');
    expect(library!.dts.entry.index).toBe('src/index.ts');
  });
});
