// Every operation, through the public client, at the wire. The cases come from the generated
// method table, so an operation added to spec/ is tested here with no new code: for each method,
// params valid for its schema (generated from the zod schema, seeded) go out, and the test asserts
// the HTTP method, the path with its ids percent-encoded, the headers, and the decoded body or
// query; a schema-valid response comes back as the result; a response that contradicts the schema
// is refused.
import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { $ZodType } from 'zod/v4/core';
import { customersMethods } from '../../generated/methods.js';
import { createClient, decodeForm, StripeResponseValidationError, type MethodSpec } from '../../src/index.js';
import { arbitraryFromSchema } from '../support/arbitrary-from-schema.js';
import { STRIPE, useMswServer } from '../support/msw.js';
import { formNormalize } from '../support/form-normalize.js';

const server = useMswServer();
const stripe = createClient({ apiKey: 'sk_test_every_op', maxRetries: 0 });
const methods = Object.entries(customersMethods as Record<string, MethodSpec>);

/** The first path an expand tree allows (a page's paths go through `data`), or none. */
function firstExpandPath(tree: unknown): string | undefined {
  if (!tree || typeof tree !== 'object') return undefined;
  for (const [field, node] of Object.entries(tree)) {
    if (!Array.isArray(node)) return field;
    const below = firstExpandPath(node[0]);
    if (below) return `${field}.${below}`;
  }
  return undefined;
}

/**
 * Params the schema accepts, the same on every run (fast-check's global seed). zod takes any
 * strings as `expand`; the client takes only the spec's expandable paths, so `expand` is set to one.
 */
function sample(schema: $ZodType, spec?: MethodSpec): unknown {
  const value = fc.sample(arbitraryFromSchema(schema), { numRuns: 1 })[0];
  if (spec && value && typeof value === 'object' && 'expand' in value) {
    const path = firstExpandPath((spec.operation as { expandable?: unknown }).expandable);
    return { ...value, expand: path ? [path] : undefined };
  }
  return value;
}

interface Seen {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

/** Answers the operation's route with `body`, keeping what was sent. */
function answer(spec: MethodSpec, body: unknown): Seen[] {
  const seen: Seen[] = [];
  const route = spec.operation.path.replace(/\{([^}]+)\}/g, ':$1');
  const handler = http[spec.operation.method as 'get' | 'post' | 'delete'];
  server.use(
    handler(`${STRIPE}${route}`, async ({ request }) => {
      seen.push({ method: request.method, url: new URL(request.url), headers: request.headers, body: await request.text() });
      return HttpResponse.json(body as object, { headers: { 'Request-Id': 'req_every' } });
    }),
  );
  return seen;
}

/** Ids with characters that must be encoded, distinct per param. */
const idsFor = (spec: MethodSpec) => spec.ids.map((name) => `${name}_1/x y`);

function call(name: string, spec: MethodSpec, params: unknown): Promise<unknown> {
  const method = (stripe.customers as unknown as Record<string, (...args: unknown[]) => PromiseLike<unknown>>)[name]!;
  const args = [...idsFor(spec), ...(spec.params ? [params] : []), { idempotencyKey: `key-${name}` }];
  return Promise.resolve(method(...args));
}

describe('every operation of the generated table, at the wire', () => {
  it('covers all 47 customer operations', () => {
    expect(methods).toHaveLength(47);
  });

  it.each(methods)('%s', async (name, spec) => {
    const op = spec.operation;
    const schema = spec.params === 'body' ? op.bodySchema : spec.params === 'query' ? op.querySchema : null;
    // A search query with a leading space or quote is still a query; keep the sample as zod made it.
    const params = schema ? sample(schema, spec) : undefined;
    const response = sample(op.responseSchema!);
    const seen = answer(spec, response);
    const result = await call(name, spec, params);
    expect(result).toEqual(response);
    expect(seen).toHaveLength(1);
    const sent = seen[0]!;
    expect(sent.method).toBe(op.method.toUpperCase());
    expect(sent.url.pathname).toBe(op.path.replace(/\{([^}]+)\}/g, (_, id: string) => encodeURIComponent(`${id}_1/x y`)));
    expect(sent.headers.get('authorization')).toBe('Bearer sk_test_every_op');
    expect(sent.headers.get('stripe-version')).toBe('2024-04-10');
    if (op.method === 'post') {
      expect(sent.headers.get('idempotency-key')).toBe(`key-${name}`);
      expect(sent.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
      expect(formNormalize(decodeForm(sent.body, op.bodySchema ?? undefined)) ?? {}).toEqual(formNormalize(params) ?? {});
      expect(sent.url.search).toBe('');
    } else {
      expect(sent.headers.get('idempotency-key')).toBeNull();
      expect(sent.body).toBe('');
      const query = sent.url.search.slice(1);
      expect(formNormalize(decodeForm(query, op.querySchema ?? undefined)) ?? {}).toEqual(formNormalize(params) ?? {});
    }
  });

  it.each(methods)('%s refuses a response that contradicts its schema', async (name, spec) => {
    const op = spec.operation;
    const schema = spec.params === 'body' ? op.bodySchema : spec.params === 'query' ? op.querySchema : null;
    answer(spec, { id: 42, object: ['not', 'an', 'object'] });
    const error = await call(name, spec, schema ? sample(schema, spec) : undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeResponseValidationError);
    expect((error as StripeResponseValidationError).statusCode).toBe(200);
  });
});
