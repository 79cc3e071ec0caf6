import http from 'node:http';
import https from 'node:https';
import { customIssue, StripeValidationError, type ValidationIssue } from '../errors/errors.js';
import type { Transport } from './transport.js';

// A transport for Node.js over node:http and node:https, the way stripe-node sends. Node 20's fetch
// builds a Request, Headers, a Response and web streams around every exchange; this builds none of
// them, which is what lets a call beat stripe-node end to end (bench/RESULTS.md). It is what a
// client on Node.js sends with when given no transport (client/node-entry.ts, through package.json's
// `node` condition), and it is exported from its own entry point (`stripe-customers/node`), so the
// main entry imports no Node built-in and still bundles for browsers and edge runtimes.

/** Settings for {@link nodeTransport}. */
export interface NodeTransportOptions {
  /**
   * The agent for `https:` URLs. The default keeps connections alive (`keepAlive: true`) with no
   * limit on sockets. Pass your own for a proxy, a private CA or a socket limit.
   */
  httpsAgent?: https.Agent;
  /** The agent for `http:` URLs (a local mock, a proxy you trust); keep-alive by default too. */
  httpAgent?: http.Agent;
}

/** Response headers as the client holds them: lower-case names, one string each. */
export function flatHeaders(headers: Readonly<Record<string, string | string[] | undefined>>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (typeof value === 'string') flat[name] = value;
    else if (Array.isArray(value)) flat[name] = value.join(', ');
  }
  return flat;
}

/**
 * Sends with node:http / node:https and keep-alive agents. Faster than Node's fetch and than
 * stripe-node (see bench/RESULTS.md); Node.js only, so it has its own entry point. A client on
 * Node.js given no transport already sends this way, over agents shared by every such client: call
 * it yourself for agents of your own (a proxy, a private CA, a socket limit). node:http never
 * follows a redirect, so a 3xx reaches the client as it came.
 * `responseMeta(result).response` is rebuilt from the status, headers and body when read.
 * @example
 * import { createClient } from 'stripe-customers';
 * import { nodeTransport } from 'stripe-customers/node';
 * import { Agent } from 'node:https';
 * const stripe = createClient({
 *   apiKey: process.env.STRIPE_SECRET_KEY!,
 *   transport: nodeTransport({ httpsAgent: new Agent({ keepAlive: true, maxSockets: 50 }) }),
 * });
 */
export function nodeTransport(options: NodeTransportOptions = {}): Transport {
  const issues: ValidationIssue[] = [];
  for (const [field, Agent] of [
    ['httpsAgent', https.Agent],
    ['httpAgent', http.Agent],
  ] as const) {
    const value: unknown = options?.[field];
    if (value !== undefined && !(value instanceof Agent)) {
      issues.push(customIssue([field], `must be a node:${field === 'httpsAgent' ? 'https' : 'http'} Agent`));
    }
  }
  if (issues.length) throw new StripeValidationError(issues, 'Invalid nodeTransport options');
  const httpsAgent = options.httpsAgent ?? new https.Agent({ keepAlive: true });
  const httpAgent = options.httpAgent ?? new http.Agent({ keepAlive: true });
  return ({ method, url, headers, body, signal, maxResponseBytes }) =>
    new Promise((resolve, reject) => {
      const secure = url.startsWith('https:');
      // Read off the module object at call time, not bound at import: MSW (and other interceptors)
      // replace `http.request` when they start, and an ESM named import would never see that.
      const send = secure ? https.request : http.request;
      const req = send(url, { method, headers, agent: secure ? httpsAgent : httpAgent, signal }, (res) => {
        const status = res.statusCode ?? 0;
        const tooLarge = () => {
          // Dropping the socket is cheaper than draining a body nobody will read.
          res.destroy();
          resolve({ status, headers: flatHeaders(res.headers), body: '', tooLarge: true });
        };
        if (Number(res.headers['content-length']) > maxResponseBytes) return tooLarge();
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxResponseBytes) tooLarge();
          else chunks.push(chunk);
        });
        res.on('end', () => resolve({ status, headers: flatHeaders(res.headers), body: Buffer.concat(chunks, size).toString('utf8') }));
        // The connection broke (or `signal` fired) after the status line: no whole response came.
        res.on('error', reject);
      });
      req.on('error', reject);
      // Ending with the whole body lets node:http send its Content-Length (no chunked encoding).
      req.end(body);
    });
}
