// The app `npm run check:bundle` holds to the all-operations budget: a handler that can call every
// one of the 47 customer operations (each method is reached, so each one's schemas are kept).
import { createClient } from 'stripe-customers';

export function everyOperation(apiKey: string) {
  const stripe = createClient({ apiKey });
  const methods = Object.entries(stripe.customers) as [string, (...args: unknown[]) => PromiseLike<unknown>][];
  return Promise.all(methods.map(([, method]) => method('cus_1', 'id_1')));
}
