import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { safeParse } from 'zod/v4/core';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorSchema } from '../../generated/schemas.js';
import { startMockServer, type MockServer } from '../../scripts/mock-server.js';
import { MAX_FORM_DEPTH, MAX_FORM_PARAMS } from '../../src/wire/form-decode.js';

// The mock server against input meant to hurt it, over real HTTP on 127.0.0.1: every refusal must
// be a 4xx in Stripe's envelope (clients retry 5xx), and no request may make it hold more than
// its limits. Requests go through node:http, since fetch cannot send TRACE or trickle a body.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const MIB = 1_048_576;
let server: MockServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Parameters<typeof startMockServer>[0] = {}): Promise<string> {
  server = await startMockServer({ port: 0, host: '127.0.0.1', ...options });
  return server.url;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: any;
}

/** One request on a fresh connection; the body is sent with its Content-Length unless `chunked`. */
function send(url: string, method: string, path: string, body?: string, chunked = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...FORM };
    if (body !== undefined && !chunked) headers['content-length'] = String(Buffer.byteLength(body));
    const req = request(`${url}${path}`, { method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The body is Stripe's error envelope, as the generated error schema reads it. */
function expectStripeError(answer: Answer, status: number): Record<string, any> {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(safeParse(ErrorSchema, answer.body).success).toBe(true);
  expect(answer.headers['request-id']).toMatch(/^req_/);
  return answer.body.error;
}

/** `a[a][a]...` with `levels` bracket pairs. */
const nested = (levels: number) => `a${'[a]'.repeat(levels)}`;

interface Trickled {
  /** The status line and headers, if the answer came before `maxBytes` were sent. */
  head?: string;
  /** Body bytes written when the answer arrived. */
  sentBefore: number;
  /** Whether the server closed the connection after answering (the client never does here). */
  closedByServer: boolean;
}

/**
 * POSTs `chunk` again and again on a raw socket, never ending the body, until an answer arrives or
 * `maxBytes` are sent. Raw, so that nothing but the server can close the connection.
 */
async function trickle(url: string, header: string, chunk: Buffer, maxBytes: number, pauseMs: number): Promise<Trickled> {
  const socket = connect(Number(new URL(url).port), '127.0.0.1');
  const chunked = !/content-length/i.test(header);
  const result: Trickled = { sentBefore: 0, closedByServer: false };
  let sent = 0;
  let received = '';
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('error', () => undefined); // writes after the server closed: EPIPE or ECONNRESET
  socket.on('data', (data: Buffer) => {
    received += data.toString('latin1');
    const end = received.indexOf('\r\n\r\n');
    if (result.head === undefined && end !== -1) Object.assign(result, { head: received.slice(0, end), sentBefore: sent });
  });
  socket.write(`POST /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n${header}\r\n\r\n`);
  while (result.head === undefined && sent < maxBytes && !socket.destroyed) {
    socket.write(chunked ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]) : chunk);
    sent += chunk.length;
    await delay(pauseMs);
  }
  // A generous bound: the server closes at once; only a server that never closes waits it out.
  if (result.head !== undefined) result.closedByServer = await Promise.race([closed.then(() => true), delay(10_000).then(() => false)]);
  socket.destroy();
  return result;
}

describe('nested brackets and parameter floods', () => {
  it('answers 10,000 levels of brackets in a POST body with a 400 naming the key', async () => {
    const url = await start();
    const error = expectStripeError(await send(url, 'POST', '/v1/customers', `${nested(10_000)}=1`), 400);
    expect(error).toMatchObject({ type: 'invalid_request_error', code: 'parameter_invalid' });
    expect(error.param).toBe(`${nested(10_000).slice(0, 100)}…`);
    expect(error.message).toContain(`at most ${MAX_FORM_DEPTH} levels of brackets`);
  });

  it('answers 5,000 levels in a GET query string with the same 400', async () => {
    // 5,000 levels is 15 KB: node's 16 KiB header limit answers a longer request line with a 431 itself.
    const url = await start();
    const error = expectStripeError(await send(url, 'GET', `/v1/customers?${nested(5_000)}=1`), 400);
    expect(error.param).toMatch(/^a\[a\]\[a\].*…$/);
    expect(error.message).toContain('levels of brackets');
  });

  it('decodes a key of exactly the depth limit and refuses one level more', async () => {
    const url = await start();
    const atLimit = expectStripeError(await send(url, 'POST', '/v1/customers', `${nested(MAX_FORM_DEPTH)}=1`), 400);
    // Decoded, then refused by the schema for what it is: a param the operation does not take.
    expect(atLimit).toMatchObject({ code: 'parameter_unknown', param: 'a' });
    const over = expectStripeError(await send(url, 'POST', '/v1/customers', `${nested(MAX_FORM_DEPTH + 1)}=1`), 400);
    expect(over).toMatchObject({ code: 'parameter_invalid', param: nested(MAX_FORM_DEPTH + 1) });
    // The deepest key the limit lets through, under a param every walk of the mock descends into.
    const deepMetadata = `metadata${'[a]'.repeat(MAX_FORM_DEPTH)}=1&invoice_settings[custom_fields]${'[0][a]'.repeat(MAX_FORM_DEPTH / 2 - 1)}=1`;
    expect(expectStripeError(await send(url, 'POST', '/v1/customers', deepMetadata), 400).type).toBe('invalid_request_error');
  });

  it(`takes ${MAX_FORM_PARAMS} params and refuses one more, naming it`, async () => {
    const url = await start();
    const pairs = Array.from({ length: MAX_FORM_PARAMS + 1 }, (_, i) => `p${i}=1`);
    const atLimit = expectStripeError(await send(url, 'POST', '/v1/customers', pairs.slice(0, -1).join('&')), 400);
    expect(atLimit).toMatchObject({ code: 'parameter_unknown', param: 'p0' });
    const over = expectStripeError(await send(url, 'POST', '/v1/customers', pairs.join('&')), 400);
    expect(over).toMatchObject({ code: 'parameter_invalid', param: `p${MAX_FORM_PARAMS}` });
    expect(over.message).toContain(`at most ${MAX_FORM_PARAMS} parameters`);
    const query = expectStripeError(await send(url, 'GET', `/v1/customers?${pairs.join('&')}`), 400);
    expect(query.message).toContain(`at most ${MAX_FORM_PARAMS} parameters`);
  });
});

describe('methods', () => {
  it('answers TRACE, PUT, PATCH and HEAD, on any path, with a 405 listing Stripe\'s methods in Allow', async () => {
    const url = await start();
    for (const [method, path] of [['TRACE', '/v1/customers'], ['PUT', '/v1/customers/cus_1'], ['PATCH', '/v2/elsewhere']] as const) {
      const answer = await send(url, method, path, method === 'TRACE' ? undefined : 'email=a%40example.com');
      const error = expectStripeError(answer, 405);
      expect(answer.headers['allow']).toBe('GET, POST, DELETE');
      expect(error).toMatchObject({ type: 'invalid_request_error' });
      expect(error.message).toContain(method);
    }
    const head = await send(url, 'HEAD', '/v1/customers');
    expect([head.status, head.headers['allow'], head.body]).toEqual([405, 'GET, POST, DELETE', undefined]);
    // Stripe's methods on a path it does not serve are still the 404.
    expect((await send(url, 'DELETE', '/v2/elsewhere')).status).toBe(404);
  });
});

describe('request body size', () => {
  it(`refuses a body of the default limit + 1 byte (${MIB + 1}) with a 413 and closes, and takes one of exactly the limit`, async () => {
    const url = await start();
    const over = await send(url, 'POST', '/v1/customers', `description=${'x'.repeat(MIB + 1 - 'description='.length)}`);
    expect(expectStripeError(over, 413)).toMatchObject({ type: 'invalid_request_error', message: expect.stringContaining(`${MIB} bytes`) });
    expect(over.headers['connection']).toBe('close');
    // Without Content-Length the bytes are counted as they arrive.
    const chunked = await send(url, 'POST', '/v1/customers', `description=${'x'.repeat(MIB + 1 - 'description='.length)}`, true);
    expect(expectStripeError(chunked, 413).message).toContain(`${MIB} bytes`);
    // Exactly the limit is read and decoded: Stripe's own rule then refuses the long description.
    const exact = await send(url, 'POST', '/v1/customers', `description=${'x'.repeat(MIB - 'description='.length)}`);
    expect(expectStripeError(exact, 400)).toMatchObject({ param: 'description' });
  });

  it('answers Content-Length: 600000000 with a 413 before the body is sent, then closes the connection', async () => {
    const url = await start();
    const result = await trickle(url, 'Content-Length: 600000000', Buffer.alloc(1024, 'a'), 256 * 1024, 10);
    expect(result.head).toMatch(/^HTTP\/1\.1 413 [\s\S]*\r\nconnection: close/i);
    expect(result.sentBefore).toBeLessThanOrEqual(64 * 1024);
    expect(result.closedByServer).toBe(true);
  });

  it('answers a chunked body that passes a configured limit while it is still arriving, then closes', async () => {
    const maxBodyBytes = 64 * 1024;
    const url = await start({ maxBodyBytes });
    const result = await trickle(url, 'Transfer-Encoding: chunked', Buffer.alloc(16 * 1024, 'a'), 64 * maxBodyBytes, 5);
    expect(result.head).toMatch(/^HTTP\/1\.1 413 /);
    expect(result.sentBefore).toBeLessThan(64 * maxBodyBytes);
    expect(result.closedByServer).toBe(true);
    // The server is not worn out: the next connection is served.
    expect((await send(url, 'POST', '/v1/customers', 'email=a%40example.com')).status).toBe(200);
  });

  it('does not invite a body over the limit with 100 Continue', async () => {
    const url = await start({ maxBodyBytes: 10 });
    const req = request(`${url}/v1/customers`, { method: 'POST', agent: false, headers: { ...FORM, 'content-length': '11', expect: '100-continue' } });
    req.flushHeaders();
    const continued = once(req, 'continue').then(() => 'invited to send the body' as const);
    const first = await Promise.race([once(req, 'response').then(([res]) => res as IncomingMessage), continued]);
    req.destroy();
    expect(first).not.toBe('invited to send the body');
    expect((first as IncomingMessage).statusCode).toBe(413);
  });
});

describe('the object limit', () => {
  it('refuses the object past maxObjects with a 400 until a delete makes room, and keeps serving', async () => {
    const url = await start({ maxObjects: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await send(url, 'POST', '/v1/customers', `email=c${i}%40example.com`);
      expect(created.status).toBe(200);
      ids.push(created.body.id);
    }
    const full = expectStripeError(await send(url, 'POST', '/v1/customers', 'email=c3%40example.com'), 400);
    expect(full).toMatchObject({ type: 'invalid_request_error', code: 'mock_object_limit' });
    expect(full.message).toMatch(/at most 3 objects.*--max-objects/);
    // Tax ids and balance transactions count too.
    const taxId = await send(url, 'POST', `/v1/customers/${ids[0]}/tax_ids`, 'type=eu_vat&value=DE123456789');
    expect(expectStripeError(taxId, 400).code).toBe('mock_object_limit');
    const credit = await send(url, 'POST', `/v1/customers/${ids[0]}/balance_transactions`, 'amount=-500&currency=eur');
    expect(expectStripeError(credit, 400).code).toBe('mock_object_limit');

    expect((await send(url, 'DELETE', `/v1/customers/${ids[0]}`)).status).toBe(200);
    const again = await send(url, 'POST', '/v1/customers', 'email=c3%40example.com');
    expect(again.status).toBe(200);
    // The deleted customer is remembered (its stub) without taking a place.
    expect((await send(url, 'GET', `/v1/customers/${ids[0]}`)).body).toEqual({ id: ids[0], object: 'customer', deleted: true });
    const list = await send(url, 'GET', '/v1/customers');
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([again.body.id, ids[2], ids[1]]);
  });

  it('counts the tax ids a create would make, and frees them with their customer', async () => {
    const url = await start({ maxObjects: 3 });
    const taxIds = (n: number) => Array.from({ length: n }, (_, i) => `tax_id_data[${i}][type]=eu_vat&tax_id_data[${i}][value]=DE12345678${i}`).join('&');
    expect(expectStripeError(await send(url, 'POST', '/v1/customers', taxIds(3)), 400).code).toBe('mock_object_limit');
    const created = await send(url, 'POST', '/v1/customers', taxIds(2));
    expect(created.status).toBe(200);
    expect(expectStripeError(await send(url, 'POST', '/v1/customers', ''), 400).code).toBe('mock_object_limit');
    const taxId = (await send(url, 'GET', `/v1/customers/${created.body.id}/tax_ids`)).body.data[0].id;
    expect((await send(url, 'DELETE', `/v1/customers/${created.body.id}/tax_ids/${taxId}`)).status).toBe(200);
    expect((await send(url, 'POST', '/v1/customers', '')).status).toBe(200);
    expect((await send(url, 'DELETE', `/v1/customers/${created.body.id}`)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await send(url, 'POST', '/v1/customers', '')).status).toBe(200);
  });
});

describe('the mock CLI flags', () => {
  it('serves with --max-objects and --max-body-bytes', async () => {
    const args = ['bin/stripe-customers.mjs', 'mock', '--port', '0', '--max-objects', '1', '--max-body-bytes', '40'];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
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
      expect((await send(url, 'POST', '/v1/customers', 'email=a%40example.com')).status).toBe(200);
      expect((await send(url, 'POST', '/v1/customers', 'email=b%40example.com')).body.error.code).toBe('mock_object_limit');
      expect((await send(url, 'POST', '/v1/customers', `description=${'x'.repeat(41)}`)).status).toBe(413);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);

  it('refuses a flag value that is not a whole number, and lists the flags in its usage', async () => {
    const child = spawn(process.execPath, ['bin/stripe-customers.mjs', 'mock', '--max-objects', 'lots'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(errors).toContain("--max-objects must be an integer from 0 to");
    const { main } = await import('../../scripts/mock-server.js');
    const printed: string[] = [];
    const log = console.log;
    console.log = (line: string) => void printed.push(line);
    try {
      await main(['--help']);
    } finally {
      console.log = log;
    }
    expect(printed.join('\n')).toMatch(/--max-body-bytes[\s\S]*--max-objects/);
  }, 30_000);
});
