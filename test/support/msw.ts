import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** Base URL the tests' clients use: Stripe's real one, so MSW proves we would hit the right host. */
export const STRIPE = 'https://api.stripe.com';

/**
 * An MSW server for one test file: unhandled requests fail the test, handlers are added per test
 * and reset after each one.
 */
export function useMswServer(): ReturnType<typeof setupServer> {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** A JSON response with a `Request-Id`, as Stripe sends every response. */
export function stripeJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Request-Id': 'req_test123', ...headers },
  });
}

type MswServer = ReturnType<typeof setupServer>;

/** Answers `method path` (an MSW pattern under Stripe's base URL) with `body`, keeping every request. */
export function captureRequests(server: MswServer, method: 'get' | 'post' | 'delete', path: string, body: unknown): Request[] {
  const seen: Request[] = [];
  server.use(
    http[method](`${STRIPE}${path}`, ({ request }) => {
      seen.push(request.clone());
      return stripeJson(body);
    }),
  );
  return seen;
}

/** Counts every request that reaches "Stripe", whatever its route, answering each with `body`. */
export function countRequests(server: MswServer, body: unknown = {}): { count: number } {
  const counter = { count: 0 };
  server.use(
    http.all(`${STRIPE}/*`, () => {
      counter.count++;
      return stripeJson(body);
    }),
  );
  return counter;
}
