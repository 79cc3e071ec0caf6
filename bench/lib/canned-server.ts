import { spawn } from 'node:child_process';
import { createServer, get } from 'node:http';
import type { Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { customerObject } from './fixtures.js';

// The end-to-end benchmark's server: node:http on 127.0.0.1 answering every GET
// /v1/customers/<id> with the same canned customer (the bytes Stripe would send, with Stripe's
// headers). It does no work per request beyond writing those bytes, so differences between clients
// are the clients' own. It runs in a child process, so on a two-core machine it does not share the
// clients' event loop. GET /__stats answers how many TCP connections and requests it has seen, so
// the benchmark can check that each client reuses its connections.

/** The canned customer's id. */
export const CANNED_ID = 'cus_Bench00000001';

export interface ServerStats {
  connections: number;
  requests: number;
}

/** A running canned server. */
export interface CannedServer {
  url: string;
  stats(): Promise<ServerStats>;
  close(): void;
}

function serve(): void {
  const body = Buffer.from(JSON.stringify(customerObject(1)));
  const headers = {
    'Content-Type': 'application/json',
    'Content-Length': String(body.length),
    'Request-Id': 'req_bench',
    'Stripe-Version': '2024-04-10',
  };
  const stats: ServerStats = { connections: 0, requests: 0 };
  // Connections are counted when they carry their first request, so the /__stats one is not.
  const seen = new WeakSet<Socket>();
  const server = createServer((req, res) => {
    if (req.url === '/__stats') {
      res.writeHead(200, { 'Content-Type': 'application/json', Connection: 'close' }).end(JSON.stringify(stats));
      return;
    }
    stats.requests++;
    if (!seen.has(req.socket)) {
      seen.add(req.socket);
      stats.connections++;
    }
    if (req.method === 'GET' && req.url?.startsWith('/v1/customers/')) {
      res.writeHead(200, headers).end(body);
    } else {
      res
        .writeHead(404, { 'Content-Type': 'application/json' })
        .end('{"error":{"type":"invalid_request_error","message":"not canned"}}');
    }
  });
  // Longer than any pause between benchmark rounds, so idle kept-alive sockets are never closed
  // under a client that is about to reuse them.
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    console.log(JSON.stringify({ port: address.port }));
  });
  process.on('disconnect', () => process.exit(0));
}

/** GET /__stats on a connection of its own (agent: false), so no client's pool is touched. */
function readStats(url: string): Promise<ServerStats> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(JSON.parse(text) as ServerStats));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** Starts the server in a child process (this file, through tsx) and resolves once it listens. */
export async function startCannedServer(): Promise<CannedServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`canned server exited with ${code}`)));
  });
  const { port } = JSON.parse(first) as { port: number };
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    stats: () => readStats(`${url}/__stats`),
    close: () => {
      lines.close();
      child.kill();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) serve();
