import type { setupServer } from 'msw/node';
import { createClient, type StripeCustomersClient } from '../../src/index.js';
import { createCustomersMock, sequentialIds, type CustomersMock, type CustomersMockOptions } from '../../src/msw.js';
import { fakeClock, type FakeClock } from '../support/fake-clock.js';

/** A fresh mock installed on the test's MSW server, a client on it, and the clock both share. */
export interface Mocked {
  mock: CustomersMock;
  stripe: StripeCustomersClient;
  clock: FakeClock;
}

/**
 * Installs a new mock for one test: sequential ids, and one fake clock for the mock (`created`,
 * delays) and the client (timeouts, retry waits), so nothing really sleeps.
 */
export function mockStripe(server: ReturnType<typeof setupServer>, options: CustomersMockOptions = {}): Mocked {
  const clock = fakeClock();
  const mock = createCustomersMock({ clock, ids: sequentialIds(), ...options });
  server.use(...mock.handlers);
  const stripe = createClient({ apiKey: 'sk_test_123', clock, random: () => 0 });
  return { mock, stripe, clock };
}

export { rejection } from '../support/rejection.js';

/** A raw request to the mock's default host, as curl or another client would send it. */
export async function raw(path: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: any }> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded');
  const response = await fetch(`https://api.stripe.com${path}`, { ...init, headers });
  return { status: response.status, headers: response.headers, body: await response.json() };
}
