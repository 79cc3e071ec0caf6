import type { RequestOptions } from '../client/options.js';

/** The settings every request of a client shares. */
export interface HeaderDefaults {
  apiKey: string;
  apiVersion: string;
  stripeAccount?: string | undefined;
}

/**
 * The headers of one request, from options already checked by `checkRequestOptions`. Per-request
 * options win over client defaults; `idempotencyKey` is sent on POST only.
 * @example buildHeaders({ apiKey, apiVersion: '2024-04-10' }, 'post', { idempotencyKey: 'order-42' })
 */
export function buildHeaders(defaults: HeaderDefaults, method: string, options: RequestOptions): Record<string, string> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${defaults.apiKey}`,
    Accept: 'application/json',
    'Stripe-Version': options.apiVersion ?? defaults.apiVersion,
  };
  const account = options.stripeAccount ?? defaults.stripeAccount;
  if (account !== undefined) headers['Stripe-Account'] = account;
  if (method === 'post') {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    if (options.idempotencyKey !== undefined) headers['Idempotency-Key'] = options.idempotencyKey;
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name] = value;
  return headers;
}
