// validatingMiddleware on a table that is not Stripe's: a small JSON API in the shape the generator
// writes (Lago-like: JSON bodies, `{ status, error, code }` errors, X-Request-Id), and on Stripe's
// own table without stripeMiddleware, where only a Stripe-shaped documented error becomes Stripe's class.
import { http } from 'msw';
import { setupServer } from 'msw/node';
import createClient from 'openapi-fetch';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { operations, StripeNotFoundError, StripeResponseValidationError, StripeValidationError } from 'stripe-customers';
import { ApiResponseError, validatingMiddleware, type OperationTable } from 'stripe-customers/openapi-fetch';
import { rejection } from '../support/rejection.js';

const API = 'https://api.widgets.test';
const SECRET = 'wdg_secret_5f1c0a9e77b24d';
const Widget = z.object({ code: z.string(), name: z.optional(z.string()) });
const ErrorBody = z.object({ status: z.number(), error: z.string(), code: z.string() });

const table = {
  GetWidget: {
    id: 'GetWidget',
    method: 'get',
    path: '/api/v1/widgets/{code}',
    pathParams: ['code'],
    pathSchema: z.object({ code: z.string() }),
    querySchema: null,
    bodySchema: null,
    responseSchema: z.object({ widget: Widget }),
    errorSchema: ErrorBody,
  },
  PostWidget: {
    id: 'PostWidget',
    method: 'post',
    path: '/api/v1/widgets',
    pathParams: [],
    pathSchema: null,
    querySchema: null,
    bodySchema: z.object({ widget: Widget }),
    responseSchema: z.object({ widget: Widget }),
    errorSchema: ErrorBody,
  },
  DeleteWidget: {
    id: 'DeleteWidget',
    method: 'delete',
    path: '/api/v1/widgets/{code}',
    pathParams: ['code'],
    pathSchema: z.object({ code: z.string() }),
    querySchema: null,
    bodySchema: null,
    responseSchema: null,
    errorSchema: ErrorBody,
  },
} satisfies OperationTable;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function widgets() {
  // No `paths` type for this API in the repository: the middleware is what is under test.
  const client = createClient<any>({ baseUrl: API, headers: { Authorization: `Bearer ${SECRET}` } });
  client.use(validatingMiddleware(table, { apiName: 'Widgets', secrets: [SECRET] }));
  return client;
}

describe('validatingMiddleware on another API', () => {
  it('passes a response that matches and a 204 for an operation that documents no body', async () => {
    server.use(
      http.get(`${API}/api/v1/widgets/:code`, ({ params }) => Response.json({ widget: { code: params.code } })),
      http.delete(`${API}/api/v1/widgets/:code`, () => new Response(null, { status: 204 })),
    );
    const { data } = await widgets().GET('/api/v1/widgets/{code}', { params: { path: { code: 'w1' } } });
    expect(data).toEqual({ widget: { code: 'w1' } });
    const deleted = await widgets().DELETE('/api/v1/widgets/{code}', { params: { path: { code: 'w1' } } });
    expect(deleted.response.status).toBe(204);
  });

  it('throws StripeResponseValidationError naming the API when a 2xx contradicts the schema', async () => {
    server.use(http.get(`${API}/api/v1/widgets/:code`, () => Response.json({ widget: { code: 7 } })));
    const error = await rejection(widgets().GET('/api/v1/widgets/{code}', { params: { path: { code: 'w1' } } }));
    expect(error).toBeInstanceOf(StripeResponseValidationError);
    expect((error as Error).message).toMatch(/^Widgets's response to GET \/api\/v1\/widgets\/\{code\} \(HTTP 200\) does not match GetWidget's schema:\n.*widget\.code/);
  });

  it('checks a JSON body before sending it', async () => {
    let sent = 0;
    server.use(http.post(`${API}/api/v1/widgets`, () => (sent++, Response.json({ widget: { code: 'w' } }))));
    const error = await rejection(widgets().POST('/api/v1/widgets', { body: { widget: { name: 'no code' } } }));
    expect(error).toBeInstanceOf(StripeValidationError);
    expect((error as Error).message).toContain('body.widget.code');
    const { data } = await widgets().POST('/api/v1/widgets', { body: { widget: { code: 'w' } } });
    expect(data).toEqual({ widget: { code: 'w' } });
    expect(sent).toBe(1);
  });

  it('throws ApiResponseError for the documented error body, the secret masked', async () => {
    server.use(
      http.get(`${API}/api/v1/widgets/:code`, ({ request }) =>
        Response.json(
          { status: 404, error: 'Not Found', code: 'widget_not_found', echo: request.headers.get('authorization') },
          { status: 404, headers: { 'X-Request-Id': 'rq-77' } },
        ),
      ),
    );
    const error = await rejection(widgets().GET('/api/v1/widgets/{code}', { params: { path: { code: 'nope' } } }));
    expect(error).toBeInstanceOf(ApiResponseError);
    const failed = error as ApiResponseError;
    expect([failed.statusCode, failed.requestId, failed.documented]).toEqual([404, 'rq-77', true]);
    expect(failed.message).toBe('Widgets answered GET /api/v1/widgets/{code} with HTTP 404 (request rq-77): Not Found');
    expect((failed.raw as { code: string }).code).toBe('widget_not_found');
    expect(inspect(failed, { depth: 10 }) + JSON.stringify(failed.raw)).not.toContain(SECRET);
  });

  it('throws ApiResponseError for an undocumented error body, keeping its text', async () => {
    server.use(http.get(`${API}/api/v1/widgets/:code`, () => new Response('<h1>Bad gateway</h1>', { status: 502 })));
    const error = await rejection(widgets().GET('/api/v1/widgets/{code}', { params: { path: { code: 'w1' } } }));
    expect(error).toBeInstanceOf(ApiResponseError);
    expect([(error as ApiResponseError).documented, (error as ApiResponseError).raw]).toEqual([false, '<h1>Bad gateway</h1>']);
  });

  it('refuses options it does not know and tables it cannot use', () => {
    expect(() => validatingMiddleware(table, { apiNme: 'x' } as never)).toThrow(/apiNme: is not an option; did you mean apiName\?/);
    expect(() => validatingMiddleware({ A: { method: 'get' } } as never)).toThrow(/A: must be an operation with a string method and path/);
    const twice = { A: table.GetWidget, B: { ...table.GetWidget, id: 'B' } };
    expect(() => validatingMiddleware(twice)).toThrow(/B: has the same method and path as GetWidget/);
  });
});

describe("validatingMiddleware on Stripe's table, without stripeMiddleware", () => {
  const STRIPE = 'https://api.stripe.com';
  const stripe = () => {
    const client = createClient<any>({ baseUrl: STRIPE });
    client.use(validatingMiddleware(operations, { apiName: 'Stripe' }));
    return client;
  };

  it("makes a documented Stripe-shaped error Stripe's class, and anything else an ApiResponseError", async () => {
    server.use(
      http.get(`${STRIPE}/v1/customers/cus_gone`, () =>
        Response.json({ error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such customer' } }, { status: 404, headers: { 'Request-Id': 'req_1' } }),
      ),
      http.get(`${STRIPE}/v1/customers/cus_proxy`, () => new Response('<h1>502</h1>', { status: 502 })),
    );
    const gone = await rejection(stripe().GET('/v1/customers/{customer}', { params: { path: { customer: 'cus_gone' } } }));
    expect(gone).toBeInstanceOf(StripeNotFoundError);
    expect((gone as StripeNotFoundError).code).toBe('resource_missing');
    const proxy = await rejection(stripe().GET('/v1/customers/{customer}', { params: { path: { customer: 'cus_proxy' } } }));
    expect(proxy).toBeInstanceOf(ApiResponseError);
    expect((proxy as ApiResponseError).statusCode).toBe(502);
  });
});
