import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { clientOperations } from '../../generated/checks.js';
import { specInfo } from '../../generated/operations.js';
import { encodeForm } from '../../src/form-encode.js';
import { buildHeaders } from '../../src/headers.js';
import type { RawResponse } from '../../src/transport.js';
import type { Dispatcher } from './transports.js';
import { validateParams } from '../../src/validate-params.js';
import { validateResponse } from '../../src/validate-response.js';

// A prototype for the end-to-end investigation, not a client: our own steps for `retrieve`
// (validate params, build headers, encode, send, validate the response), composed from src/ the
// way request.ts composes them, but sent without openapi-fetch. It answers "what would our client
// cost with a leaner transport?" in two forms:
//   - over fetch, called as fetch(url, init) (no Request built first for fetch to re-wrap), with the
//     per-attempt timeout as setTimeout + AbortController (cleared when the answer is in) instead of
//     AbortSignal.timeout (whose timer stays armed for the full 80 s);
//   - over node:http with a keep-alive agent, as stripe-node sends, with no Request/Response at all;
//   - over undici's `Dispatcher.request` (the engine under Node's fetch, minus the fetch layer).
// Retries, error classes and response metadata are left out: on this benchmark's 200s they do no
// work in the real client either.

const op = clientOperations.GetCustomersCustomer;
const TIMEOUT_MS = 80_000;

function steps(apiKey: string, id: string) {
  const params = { path: { customer: id }, query: undefined };
  validateParams(op, params);
  const headers = buildHeaders({ apiKey, apiVersion: specInfo.version }, 'get', {});
  const query = encodeForm({});
  const path = `/v1/customers/${encodeURIComponent(id)}${query ? `?${query}` : ''}`;
  return { headers, path };
}

/** Response headers as our RawResponse holds them: lower-case names, one string each. */
function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (typeof value === 'string') flat[name] = value;
  return flat;
}

// No fetch Response exists on the node:http and undici paths; validateResponse does not read it.
const NO_RESPONSE = undefined as unknown as Response;

function finish(raw: RawResponse): unknown {
  if (raw.status !== 200) throw new Error(`HTTP ${raw.status}`);
  return validateResponse(op, raw);
}

/** `retrieve` over fetch(url, init). */
export function leanFetchRetrieve(baseUrl: string, apiKey: string): (id: string) => Promise<unknown> {
  return async (id) => {
    const { headers, path } = steps(apiKey, id);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const response = await fetch(baseUrl + path, { method: 'GET', headers, signal: controller.signal });
      const body = await response.text();
      return finish({ status: response.status, headers: Object.fromEntries(response.headers), body, response });
    } finally {
      clearTimeout(timer);
    }
  };
}

/** `retrieve` over node:http with a keep-alive agent (http: only). */
export function leanNodeHttpRetrieve(baseUrl: string, apiKey: string): (id: string) => Promise<unknown> {
  const agent = new HttpAgent({ keepAlive: true });
  const { hostname, port } = new URL(baseUrl);
  return (id) => {
    const { headers, path } = steps(apiKey, id);
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        { host: hostname, port, path, method: 'GET', headers, agent, timeout: TIMEOUT_MS },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => {
            try {
              resolve(
                finish({ status: res.statusCode ?? 0, headers: flatHeaders(res.headers), body, response: NO_RESPONSE }),
              );
            } catch (error) {
              reject(error);
            }
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      req.end();
    });
  };
}

/** `retrieve` over undici's `Dispatcher.request` (an Agent from Node's bundled undici). */
export function leanUndiciRetrieve(
  baseUrl: string,
  apiKey: string,
  dispatcher: Dispatcher,
): (id: string) => Promise<unknown> {
  const origin = new URL(baseUrl).origin;
  return async (id) => {
    const { headers, path } = steps(apiKey, id);
    const res = await dispatcher.request({ origin, path, method: 'GET', headers });
    const body = await res.body.text();
    return finish({ status: res.statusCode, headers: flatHeaders(res.headers), body, response: NO_RESPONSE });
  };
}
