import { createHmac } from 'node:crypto';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { StripeError, StripeResponseValidationError, StripeValidationError } from '../src/errors/errors.js';
import type { Customer, DeletedCustomer } from '../src/resources/types.js';
import {
  constructEvent,
  generateTestHeader,
  isEventType,
  StripeSignatureVerificationError,
  webhooks,
  type CustomerEvent,
  type SignatureVerificationReason,
} from '../src/webhooks/webhooks.js';
import { customerJson, deletedCustomerJson } from './support/fixtures.js';

const SECRET = 'whsec_test_51Hx9SeCrEtValue0123456789';
const T = 1_700_000_000;
const at = (seconds: number) => () => seconds * 1000;

/** Signs independently of src/webhooks.ts, with node:crypto, as Stripe does. */
function hmac(body: string | Uint8Array, t = T, secret = SECRET): string {
  return createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
}
const signed = (body: string | Uint8Array, t = T, secret = SECRET) => `t=${t},v1=${hmac(body, t, secret)}`;

function eventJson(type: string, object: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: 'evt_1NG8Du2eZvKYlo2CUI79vXWy',
    object: 'event',
    api_version: '2024-04-10',
    created: T,
    livemode: false,
    pending_webhooks: 1,
    request: { id: 'req_6yhSzuHJ0QJZnD', idempotency_key: 'b0b5c7f0-1b1b-4f1e-9f3a-3f1e2b2d4c5a' },
    type,
    data: { object },
    ...extra,
  });
}
const created = eventJson('customer.created', customerJson());

/** Runs `promise`, expects a StripeSignatureVerificationError with `reason`, and returns it. */
async function rejection(promise: Promise<unknown>, reason: SignatureVerificationReason) {
  const error = await promise.then(
    () => expect.fail(`expected a ${reason} rejection`),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StripeSignatureVerificationError);
  expect(error).toBeInstanceOf(StripeError);
  expect(error).toMatchObject({ name: 'StripeSignatureVerificationError', reason });
  return error as StripeSignatureVerificationError;
}

describe('constructEvent accepts correctly signed customer events', () => {
  it.each([
    ['customer.created', customerJson()],
    ['customer.updated', customerJson({ email: 'new@example.com' })],
    ['customer.deleted', customerJson()],
    ['customer.deleted', deletedCustomerJson()],
  ])('returns a %s event with its customer', async (type, object) => {
    const body = eventJson(type, object);
    const event = await constructEvent(body, signed(body), SECRET, { now: at(T) });
    expect(event.type).toBe(type);
    expect(event.id).toBe('evt_1NG8Du2eZvKYlo2CUI79vXWy');
    expect(event.data.object).toEqual(object);
    expect(event.data.object['id']).toBe('cus_NffrFeUfNV2Hib');
  });

  it('keeps previous_attributes and fields the schema does not know', async () => {
    const body = eventJson('customer.updated', customerJson({ future_field: 1 }), {
      data: { object: customerJson({ future_field: 1 }), previous_attributes: { email: 'old@example.com' } },
      context: 'acct_1',
    });
    const event = await constructEvent(body, signed(body), SECRET, { now: at(T) });
    expect(event.data.previous_attributes).toEqual({ email: 'old@example.com' });
    expect(event.data.object).toMatchObject({ future_field: 1 });
    expect(event).toMatchObject({ context: 'acct_1', pending_webhooks: 1 });
  });

  it('passes an event of another type through with its type and object', async () => {
    const invoice = { id: 'in_1', object: 'invoice', amount_paid: 2000 };
    const body = eventJson('invoice.paid', invoice);
    const event = await constructEvent(body, signed(body), SECRET, { now: at(T) });
    expect(event.type).toBe('invoice.paid');
    expect(event.data.object).toEqual(invoice);
  });

  it('verifies a Uint8Array payload over its exact bytes, non-ASCII included', async () => {
    const body = eventJson('customer.created', customerJson({ name: 'Zoë Müller 🚀' }));
    const bytes = new TextEncoder().encode(body);
    const event = await constructEvent(bytes, signed(bytes), SECRET, { now: at(T) });
    expect(event.data.object).toMatchObject({ name: 'Zoë Müller 🚀' });
  });

  it('accepts any matching v1 among several (secret rotation) and ignores v0 and unknown schemes', async () => {
    const header = `t=${T},v1=${hmac(created, T, 'whsec_old')},v0=${hmac(created)},v2=zz,v1=${hmac(created)}`;
    const event = await constructEvent(created, header, SECRET, { now: at(T) });
    expect(event.type).toBe('customer.created');
  });

  it('accepts an upper-case hex signature and spaces after commas', async () => {
    const header = `t=${T}, v1=${hmac(created).toUpperCase()}`;
    await expect(constructEvent(created, header, SECRET, { now: at(T) })).resolves.toBeDefined();
  });
});

describe('constructEvent refuses what it cannot trust', () => {
  it('rejects a body with one character changed', async () => {
    const tampered = created.replace('jenny.rosen@example.com', 'jenny.rosen@example.org');
    expect(tampered).not.toBe(created);
    await rejection(constructEvent(tampered, signed(created), SECRET, { now: at(T) }), 'mismatch');
  });

  it('rejects a signature made with another secret', async () => {
    await rejection(constructEvent(created, signed(created, T, 'whsec_wrong'), SECRET, { now: at(T) }), 'mismatch');
  });

  it('rejects a signature made for another timestamp', async () => {
    const header = `t=${T + 1},v1=${hmac(created, T)}`;
    await rejection(constructEvent(created, header, SECRET, { now: at(T) }), 'mismatch');
  });

  it('rejects a truncated signature', async () => {
    const header = `t=${T},v1=${hmac(created).slice(0, 63)}`;
    await rejection(constructEvent(created, header, SECRET, { now: at(T) }), 'mismatch');
  });

  it.each([null, undefined, '', '   '])('rejects a missing header (%j)', async (header) => {
    await rejection(constructEvent(created, header, SECRET, { now: at(T) }), 'missing_header');
  });

  it.each([
    ['garbage', 'garbage'],
    ['a non-numeric timestamp', `t=abc,v1=${hmac(created)}`],
    ['no timestamp', `v1=${hmac(created)}`],
    ['two timestamps', `t=${T},t=${T},v1=${hmac(created)}`],
    ['an empty value', `t=${T},v1=`],
    ['an item without a key', `t=${T},=abc`],
  ])('rejects a header with %s as malformed', async (_, header) => {
    await rejection(constructEvent(created, header, SECRET, { now: at(T) }), 'malformed_header');
  });

  it('rejects a header with only a v0 signature', async () => {
    await rejection(constructEvent(created, `t=${T},v0=${hmac(created)}`, SECRET, { now: at(T) }), 'no_signatures');
  });

  it('checks the signature before the timestamp, so a forged old header reads as a mismatch', async () => {
    const header = `t=${T},v1=${'0'.repeat(64)}`;
    await rejection(constructEvent(created, header, SECRET, { now: at(T + 10_000) }), 'mismatch');
  });

  it('rejects a signed body that is not JSON', async () => {
    const body = '{"id": "evt_1",';
    await rejection(constructEvent(body, signed(body), SECRET, { now: at(T) }), 'invalid_payload');
  });
});

describe('timestamp tolerance', () => {
  it('accepts 299 and 300 seconds of age with the default tolerance of 300', async () => {
    await expect(constructEvent(created, signed(created), SECRET, { now: at(T + 299) })).resolves.toBeDefined();
    await expect(constructEvent(created, signed(created), SECRET, { now: at(T + 300) })).resolves.toBeDefined();
  });

  it('rejects 301 seconds of age', async () => {
    const error = await rejection(
      constructEvent(created, signed(created), SECRET, { now: at(T + 301) }),
      'timestamp_outside_tolerance',
    );
    expect(error.message).toMatch(/301 s old/);
  });

  it('rejects a timestamp more than the tolerance in the future', async () => {
    const early = constructEvent(created, signed(created), SECRET, { now: at(T - 301) });
    expect((await rejection(early, 'timestamp_outside_tolerance')).message).toMatch(/301 s in the future/);
    await expect(constructEvent(created, signed(created), SECRET, { now: at(T - 299) })).resolves.toBeDefined();
  });

  it('honours a custom tolerance', async () => {
    const options = { now: at(T + 500), tolerance: 600 };
    await expect(constructEvent(created, signed(created), SECRET, options)).resolves.toBeDefined();
    await rejection(
      constructEvent(created, signed(created), SECRET, { now: at(T + 61), tolerance: 60 }),
      'timestamp_outside_tolerance',
    );
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses tolerance %s as a usage error', async (tolerance) => {
    const error = await constructEvent(created, signed(created), SECRET, { tolerance }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeValidationError);
    expect(error).not.toBeInstanceOf(StripeSignatureVerificationError);
    expect((error as StripeValidationError).issues).toEqual([
      { code: 'custom', path: ['tolerance'], field: 'tolerance', message: `must be a finite positive number of seconds, got ${tolerance}` },
    ]);
  });

  it('refuses an empty secret as a usage error', async () => {
    const error = await constructEvent(created, signed(created), '', { now: at(T) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeValidationError);
    expect(error).not.toBeInstanceOf(StripeSignatureVerificationError);
    expect((error as StripeValidationError).issues.map((i) => i.field)).toEqual(['secret']);
  });
});

describe('payload validation after verification', () => {
  it('throws StripeResponseValidationError when a customer event contradicts the schema', async () => {
    const body = eventJson('customer.created', customerJson({ created: 'yesterday' }));
    const error = await constructEvent(body, signed(body), SECRET, { now: at(T) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeResponseValidationError);
    const validation = error as StripeResponseValidationError;
    expect(validation.issues).toMatchObject([
      { code: 'invalid_type', expected: 'number', path: ['data', 'object', 'created'], field: 'data.object.created' },
    ]);
    expect(validation.message).toContain('data.object.created: Invalid input: expected number, received string');
    expect(validation.rawBody).toBe(body);
    expect(validation.message).toMatch(/webhook payload does not match the customer\.created event schema/);
  });

  it('checks the envelope of other event types too', async () => {
    const body = JSON.stringify({ id: 'evt_1', object: 'event', type: 'invoice.paid', livemode: false, data: {} });
    const error = await constructEvent(body, signed(body), SECRET, { now: at(T) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeResponseValidationError);
    expect((error as StripeResponseValidationError).issues.map((i) => i.field)).toEqual(['created', 'data.object']);
  });
});

describe('the secret never leaks', () => {
  it('is absent from every error message and JSON form', async () => {
    const now = { now: at(T) };
    const errors = await Promise.all(
      [
        constructEvent(created.replace('Jenny', 'Jenna'), signed(created), SECRET, now),
        constructEvent(created, signed(created), SECRET, { now: at(T + 301) }),
        constructEvent(created, null, SECRET, now),
        constructEvent(created, `t=abc,v1=${SECRET}`, SECRET, now),
        constructEvent(created, `t=${T},v0=${SECRET}`, SECRET, now),
        constructEvent('not json', signed('not json'), SECRET, now),
        constructEvent(created, signed(created), SECRET, { tolerance: -1 }),
      ].map((p) => p.then(() => expect.fail('expected a rejection'), (e: unknown) => e as StripeError)),
    );
    expect(errors).toHaveLength(7);
    for (const error of errors) {
      expect(error).toBeInstanceOf(StripeError);
      expect(error.message).not.toContain(SECRET);
      expect(JSON.stringify(error)).not.toContain(SECRET);
      expect(String(error)).not.toContain(SECRET);
    }
    expect(JSON.parse(JSON.stringify(errors[0]))).toMatchObject({ reason: 'mismatch' });
  });
});

describe('generateTestHeader', () => {
  it('produces exactly the header an independent HMAC gives', async () => {
    await expect(generateTestHeader({ payload: created, secret: SECRET, timestamp: T })).resolves.toBe(signed(created));
    const bytes = new TextEncoder().encode(created);
    await expect(generateTestHeader({ payload: bytes, secret: SECRET, timestamp: T, scheme: 'v1' })).resolves.toBe(
      signed(created),
    );
  });

  it('produces a header constructEvent accepts, timestamped now by default', async () => {
    const before = Math.floor(Date.now() / 1000);
    const header = await webhooks.generateTestHeader({ payload: created, secret: SECRET });
    const t = Number(/^t=(\d+),v1=[0-9a-f]{64}$/.exec(header)?.[1]);
    expect(t).toBeGreaterThanOrEqual(before);
    await expect(webhooks.constructEvent(created, header, SECRET)).resolves.toMatchObject({ type: 'customer.created' });
  });

  it('refuses a timestamp that is not whole Unix seconds', async () => {
    const header = generateTestHeader({ payload: created, secret: SECRET, timestamp: 1.5 });
    await expect(header).rejects.toBeInstanceOf(StripeError);
  });
});

describe('types', () => {
  it('narrows data.object to a customer with isEventType', async () => {
    const event = await constructEvent(created, signed(created), SECRET, { now: at(T) });
    expectTypeOf(event).toEqualTypeOf<CustomerEvent>();
    expectTypeOf(event.type).toExtend<string>();
    expect(isEventType(event, 'customer.created')).toBe(true);
    expect(isEventType(event, 'customer.deleted')).toBe(false);
    if (isEventType(event, 'customer.created')) {
      expectTypeOf(event.type).toEqualTypeOf<'customer.created'>();
      expectTypeOf(event.data.object).toEqualTypeOf<Customer>();
      expectTypeOf(event.data.object.email).toEqualTypeOf<string | null | undefined>();
      expect(event.data.object.email).toBe('jenny.rosen@example.com');
    }
    if (isEventType(event, 'customer.deleted')) {
      expectTypeOf(event.data.object).toEqualTypeOf<Customer | DeletedCustomer>();
    }
    // @ts-expect-error other types carry untyped objects, so they have no guard
    isEventType(event, 'invoice.paid');
  });

  it('keeps the webhooks object to its two functions', () => {
    expect(Object.keys(webhooks).sort()).toEqual(['constructEvent', 'generateTestHeader']);
    expectTypeOf(webhooks.constructEvent).toEqualTypeOf(constructEvent);
  });
});
