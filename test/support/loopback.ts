import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

/** One request as a loopback server received it. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Answers a request after its body has been read whole. */
export type LoopbackHandler = (req: IncomingMessage, res: ServerResponse, received: Received) => void;

/** A running loopback server and what it has received. */
export interface Loopback {
  url: string;
  received: Received[];
}

/**
 * Real HTTP servers on loopback for one test file, closed after each test. `host` may be any
 * 127.x.x.x address, so a test can stand up "another host" beside the API.
 */
export function useLoopbackServers(): (handle: LoopbackHandler, host?: string) => Promise<Loopback> {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done).closeAllConnections())));
  });
  return async (handle, host = '127.0.0.1') => {
    const received: Received[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const entry = { method: req.method!, url: req.url!, headers: req.headers, body };
        received.push(entry);
        handle(req, res, entry);
      });
    });
    servers.push(server);
    await new Promise<void>((ready) => server.listen(0, host, ready));
    const { port } = server.address() as AddressInfo;
    return { url: `http://${host}:${port}`, received };
  };
}

/** A handler answering JSON with a `Request-Id`, as Stripe does. */
export function answerJson(status: number, body: unknown, headers: Record<string, string> = {}): LoopbackHandler {
  return (_, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': 'req_loopback', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
}
