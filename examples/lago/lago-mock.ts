import { http, type HttpHandler } from 'msw';
import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import type { Customer, CustomerMetadata, Tax } from './generated/models.js';
import {
  ApiErrorBadRequestSchema,
  ApiErrorNotFoundSchema,
  ApiErrorUnauthorizedSchema,
  ApiErrorUnprocessableEntitySchema,
  CreateCustomerResponseSchema,
  CustomerCreateInputCustomerSchema,
  CustomerSchema,
  DestroyCustomerResponseSchema,
  FindAllCustomersResponseSchema,
  FindCustomerResponseSchema,
} from './generated/schemas.js';
import { LAGO_US } from './lago-client.js';

// An in-memory Lago for MSW: the customer endpoints as Lago documents them, each answer checked
// against the generated schema before it goes out, so the mock cannot drift from the spec the
// client is generated from. Where the spec is silent the mock takes a side, named where it does.

/**
 * Settings for {@link createLagoMock}.
 * @example const options: LagoMockOptions = { apiKey: 'lago_test_key', now: () => Date.UTC(2024, 0, 1) };
 */
export interface LagoMockOptions {
  /** The key a request must carry as `Authorization: Bearer <apiKey>`; anything else is a 401. */
  apiKey: string;
  /** Where the handlers listen; default Lago's US cloud. */
  baseUrl?: string;
  /** Time, in ms since the epoch, for `created_at`; default `Date.now`. */
  now?: () => number;
  /** Lago ids (uuids) for new customers and metadata pairs; default `crypto.randomUUID`. */
  newId?: () => string;
  /** The organization's timezone, a customer's `applicable_timezone` when it has none. Default `UTC`. */
  timezone?: string;
}

/**
 * One request the mock received, as it came over the wire.
 * @example mock.requests[0]; // { method: 'POST', path: '/api/v1/customers', authorization: 'Bearer k', contentType: 'application/json', body: '{"customer":…}' }
 */
export interface LagoMockRequest {
  method: string;
  /** The path and query: `/api/v1/customers?page=2`. */
  path: string;
  authorization: string | null;
  contentType: string | null;
  body: string;
}

/**
 * What {@link createLagoMock} returns.
 * @example const { handlers, store, requests } = createLagoMock({ apiKey: 'k' });
 */
export interface LagoMock {
  /** The MSW handlers: pass them to `setupServer(...)` or `server.use(...)`. */
  handlers: HttpHandler[];
  /** Every request received since the last `reset()`, in order (unauthorized ones included). */
  requests: LagoMockRequest[];
  /** A read-only view of the customers: copies, newest first. */
  store: { list(): Customer[]; get(externalId: string): Customer | undefined };
  /** Adds customers as they are (each checked against the customer schema; throws if one is not). */
  seed(customers: readonly Customer[]): Customer[];
  /** Back to empty: no customers, no taxes, no requests; request ids count from 1 again. */
  reset(): void;
}

type Input = z.infer<typeof CustomerCreateInputCustomerSchema>;

const copy = <T>(value: T): T => structuredClone(value);

/** A JSON answer, refused (thrown) unless the generated schema accepts it. */
function answer(schema: $ZodType, status: number, body: unknown, requestId: string): Response {
  const checked = z.safeParse(schema as z.ZodMiniType, body);
  if (!checked.success) {
    throw new Error(`lago-mock: its HTTP ${status} answer does not match the generated schema:\n${z.prettifyError(checked.error)}`);
  }
  return Response.json(body, { status, headers: { 'X-Request-Id': requestId } });
}

/** The fields a create or update sets directly: every one but the id, the nested ones and the tax codes. */
const PLAIN_FIELDS = [
  'name', 'email', 'address_line1', 'address_line2', 'city', 'zipcode', 'state', 'country', 'phone',
  'url', 'logo_url', 'legal_name', 'legal_number', 'tax_identification_number', 'currency', 'timezone',
] as const;

const BLANK_BILLING: Customer['billing_configuration'] = {
  invoice_grace_period: null,
  payment_provider: null,
  payment_provider_code: null,
  provider_customer_id: null,
  sync_with_provider: null,
  document_locale: null,
  provider_payment_methods: null,
};

/** A positive integer query value, or the default Lago uses when it is missing or not one. */
function pageNumber(value: string | null, fallback: number): number {
  const number = Number(value);
  return value !== null && Number.isInteger(number) && number >= 1 ? number : fallback;
}

/**
 * Creates an in-memory Lago customer API for MSW: `POST /api/v1/customers` creates or updates by
 * `external_id` (fields left out keep their value, `billing_configuration` merges per field, a
 * `metadata` list replaces the pairs, keeping the ids of pairs sent with theirs, `tax_codes` name
 * taxes the mock knows from seeded customers), `GET` one or a page (`page`, `per_page`, newest
 * first, with `meta`), `DELETE` answering the customer as it was. Errors are Lago's envelopes: 401
 * without the Bearer key, 400 for a body that is not `{ customer: {...} }`, 422 with
 * `error_details` for a missing `external_id` or a wrongly typed field, 404 `customer_not_found`
 * (`tax_not_found` for an unknown tax code). Every answer carries an `X-Request-Id`.
 * @example
 * const lagoMock = createLagoMock({ apiKey: 'lago_test_key' });
 * const server = setupServer(...lagoMock.handlers);
 * lagoMock.seed([documentedLagoCustomer()]);
 */
export function createLagoMock(options: LagoMockOptions): LagoMock {
  const base = (options.baseUrl ?? LAGO_US).replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const orgTimezone = options.timezone ?? 'UTC';
  const customers = new Map<string, Customer>();
  const taxes = new Map<string, Tax>();
  const requests: LagoMockRequest[] = [];
  let sequence = 0;
  let requestCount = 0;

  const timestamp = () => new Date(now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const newest = () =>
    [...customers.values()].map((c, i) => ({ c, i })).sort((a, b) => b.c.created_at.localeCompare(a.c.created_at) || b.i - a.i).map(({ c }) => c);
  const remember = (customer: Customer) => {
    customers.set(customer.external_id, customer);
    for (const tax of customer.taxes ?? []) taxes.set(tax.code, tax);
    const number = Number(customer.sequential_id);
    if (Number.isInteger(number)) sequence = Math.max(sequence, number);
  };

  function blank(externalId: string): Customer {
    sequence += 1;
    const sequentialId = String(sequence).padStart(3, '0');
    return {
      lago_id: newId(), sequential_id: sequentialId, slug: `LAG-1234-${sequentialId}`, external_id: externalId,
      ...Object.fromEntries(PLAIN_FIELDS.map((field) => [field, null])),
      created_at: timestamp(), applicable_timezone: orgTimezone, billing_configuration: { ...BLANK_BILLING },
      metadata: [], taxes: [], integration_customers: [],
    };
  }

  /** The metadata list as sent: a pair whose `id` the customer has keeps that id and its date. */
  function metadataFrom(sent: NonNullable<Input['metadata']>, current: readonly CustomerMetadata[]): CustomerMetadata[] {
    return sent.map(({ id, key, value, display_in_invoice }) => {
      const kept = current.find((pair) => pair.lago_id === id);
      return { lago_id: kept?.lago_id ?? newId(), key, value, display_in_invoice, created_at: kept?.created_at ?? timestamp() };
    });
  }

  /** Creates or updates; a `Response` when the input is refused. */
  function upsert(input: Input, requestId: string): Customer | Response {
    const unknownTax = input.tax_codes?.find((code) => !taxes.has(code));
    if (unknownTax !== undefined) {
      return answer(ApiErrorNotFoundSchema, 404, { status: 404, error: 'Not Found', code: 'tax_not_found' }, requestId);
    }
    const current = customers.get(input.external_id) ?? blank(input.external_id);
    const next: Customer = copy(current);
    const fields = next as Record<string, unknown>;
    for (const field of PLAIN_FIELDS) if (input[field] !== undefined) fields[field] = input[field];
    next.applicable_timezone = next.timezone ?? orgTimezone;
    if (input.billing_configuration) {
      const given = Object.entries(input.billing_configuration).filter(([, value]) => value !== undefined);
      next.billing_configuration = { ...next.billing_configuration, ...Object.fromEntries(given) };
    }
    if (input.metadata) next.metadata = metadataFrom(input.metadata, current.metadata ?? []);
    if (input.tax_codes) next.taxes = input.tax_codes.map((code) => copy(taxes.get(code)!));
    remember(next);
    return next;
  }

  const auth = (request: Request, requestId: string): Response | undefined =>
    request.headers.get('authorization') === `Bearer ${options.apiKey}`
      ? undefined
      : answer(ApiErrorUnauthorizedSchema, 401, { status: 401, error: 'Unauthorized' }, requestId);

  const notFound = (requestId: string) =>
    answer(ApiErrorNotFoundSchema, 404, { status: 404, error: 'Not Found', code: 'customer_not_found' }, requestId);

  const invalid = (requestId: string, details: Record<string, string[]>) =>
    answer(ApiErrorUnprocessableEntitySchema, 422, { status: 422, error: 'Unprocessable Entity', code: 'validation_errors', error_details: details }, requestId);

  /** Logs the request, checks the key, then runs `serve` with the body text and a request id. */
  const served =
    (serve: (request: Request, body: string, requestId: string) => Response) =>
    async ({ request }: { request: Request }) => {
      const body = await request.text();
      const url = new URL(request.url);
      requests.push({
        method: request.method,
        path: `${url.pathname}${url.search}`,
        authorization: request.headers.get('authorization'),
        contentType: request.headers.get('content-type'),
        body,
      });
      const requestId = `lago-req-${++requestCount}`;
      return auth(request, requestId) ?? serve(request, body, requestId);
    };

  const one = (request: Request) => decodeURIComponent(new URL(request.url).pathname.split('/').pop() ?? '');

  const handlers = [
    http.post(`${base}/api/v1/customers`, served((_request, text, requestId) => {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      const input = (body as { customer?: unknown } | undefined)?.customer;
      if (input === null || typeof input !== 'object' || Array.isArray(input)) {
        return answer(ApiErrorBadRequestSchema, 400, { status: 400, error: 'BadRequest' }, requestId);
      }
      const externalId = (input as { external_id?: unknown }).external_id;
      if (typeof externalId !== 'string' || externalId.trim() === '') return invalid(requestId, { external_id: ['value_is_mandatory'] });
      // Lago ignores parameters it does not know, so the loose (response-direction) schema is its rule here.
      const checked = z.safeParse(CustomerCreateInputCustomerSchema, input);
      if (!checked.success) {
        return invalid(requestId, Object.fromEntries(checked.error.issues.map((issue) => [issue.path.join('.'), ['value_is_invalid']])));
      }
      const customer = upsert(checked.data as Input, requestId);
      return customer instanceof Response ? customer : answer(CreateCustomerResponseSchema, 200, { customer }, requestId);
    })),
    http.get(`${base}/api/v1/customers`, served((request, _body, requestId) => {
      const query = new URL(request.url).searchParams;
      const page = pageNumber(query.get('page'), 1);
      const perPage = pageNumber(query.get('per_page'), 20);
      const all = newest();
      const totalPages = Math.ceil(all.length / perPage);
      const meta = {
        current_page: page,
        next_page: page < totalPages ? page + 1 : null,
        prev_page: page > 1 ? page - 1 : null,
        total_pages: totalPages,
        total_count: all.length,
      };
      return answer(FindAllCustomersResponseSchema, 200, { customers: all.slice((page - 1) * perPage, page * perPage), meta }, requestId);
    })),
    http.get(`${base}/api/v1/customers/:external_customer_id`, served((request, _body, requestId) => {
      const customer = customers.get(one(request));
      return customer ? answer(FindCustomerResponseSchema, 200, { customer }, requestId) : notFound(requestId);
    })),
    http.delete(`${base}/api/v1/customers/:external_customer_id`, served((request, _body, requestId) => {
      const customer = customers.get(one(request));
      if (!customer) return notFound(requestId);
      customers.delete(customer.external_id);
      return answer(DestroyCustomerResponseSchema, 200, { customer }, requestId);
    })),
  ];

  return {
    handlers,
    requests,
    store: { list: () => newest().map(copy), get: (externalId) => copy(customers.get(externalId)) },
    seed(seeded) {
      return seeded.map((customer) => {
        const checked = z.safeParse(CustomerSchema, customer);
        if (!checked.success) throw new TypeError(`lago-mock: not a valid Lago customer:\n${z.prettifyError(checked.error)}`);
        remember(copy(customer));
        return copy(customer);
      });
    },
    reset() {
      customers.clear();
      taxes.clear();
      requests.length = 0;
      sequence = 0;
      requestCount = 0;
    },
  };
}
