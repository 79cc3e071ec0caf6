import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { StripeError, StripeValidationError } from '../src/errors/errors.js';
import {
  constructEvent,
  generateTestHeader,
  StripeSignatureVerificationError,
  type SignatureVerificationReason,
} from '../src/webhooks/webhooks.js';
import { customerJson } from './support/fixtures.js';

// Arguments of the wrong kind, from frameworks, middleware or mistakes: each must end in a typed
// error that names what was received (never its content), and a signed event must come back exactly
// as JSON.parse made it.

const SECRET = 'whsec_test_51Hx9SeCrEtValue0123456789';
const T = 1_700_000_000;
const now = { now: () => T * 1000 };
const hmac = (body: string | Uint8Array, t = T) => createHmac('sha256', SECRET).update(`${t}.`).update(body).digest('hex');
const signed = (body: string | Uint8Array, t = T) => `t=${t},v1=${hmac(body, t)}`;
const created = JSON.stringify({
  id: 'evt_1NG8Du2eZvKYlo2CUI79vXWy', object: 'event', created: T, livemode: false,
  type: 'customer.created', data: { object: customerJson() },
});
const PROPERTY = { seed: 20261201, numRuns: 200 } as const;

/** What the promise rejected with; fails the test when it resolved. */
const rejected = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(() => expect.fail('expected a rejection'), (e: unknown) => e);

async function refused(promise: Promise<unknown>, reason: SignatureVerificationReason): Promise<StripeSignatureVerificationError> {
  const error = await rejected(promise);
  expect(error).toBeInstanceOf(StripeSignatureVerificationError);
  expect((error as StripeSignatureVerificationError).reason).toBe(reason);
  return error as StripeSignatureVerificationError;
}

async function invalidArguments(promise: Promise<unknown>, fields: string[]): Promise<StripeValidationError> {
  const error = await rejected(promise);
  expect(error).toBeInstanceOf(StripeValidationError);
  expect((error as StripeValidationError).issues.map((i) => i.field)).toEqual(fields);
  return error as StripeValidationError;
}

function detached<T extends ArrayBuffer | Uint8Array>(value: T): T {
  structuredClone(value, { transfer: [value instanceof ArrayBuffer ? value : value.buffer as ArrayBuffer] });
  return value;
}
function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

describe('payloads that are not a string or bytes', () => {
  it.each<[string, unknown, string]>([
    ['parsed JSON', JSON.parse(created), 'an object'],
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['a number', 42, 'a number'],
    ['a boolean', true, 'a boolean'],
    ['a bigint', 10n, 'a bigint'],
    ['a symbol', Symbol('body'), 'a symbol'],
    ['a function', () => created, 'a function'],
    ['an array of bytes', Array.from(Buffer.from(created)), 'an array'],
    ['a Map', new Map([['body', created]]), 'a Map'],
    ['a null-prototype object', Object.assign(Object.create(null), { body: created }), 'an object with a null prototype'],
    ['a Blob', new Blob([created]), 'a Blob'],
    ['a boxed string', new String(created), 'a String'],
    ['a revoked Proxy', revokedProxy(), 'an object'],
    ['a detached ArrayBuffer', detached(new ArrayBuffer(8)), 'an ArrayBuffer whose bytes cannot be read (a detached buffer?)'],
    ['a Uint8Array over a detached buffer', detached(new Uint8Array(8)), 'a Uint8Array whose bytes cannot be read (a detached buffer?)'],
  ])('refuses %s as invalid_payload, naming its type', async (_, payload, type) => {
    const error = await refused(constructEvent(payload as string, signed(created), SECRET, now), 'invalid_payload');
    expect(error.message).toContain(`The webhook payload is ${type};`);
    expect(error.message).toContain('pass the raw request body as a string or bytes');
    expect(error.message).toContain('not parsed JSON');
    expect(error.message).not.toMatch(/evt_|jenny|cus_/);
  });

  it('refuses signed bytes that are not UTF-8 instead of replacing them', async () => {
    const bytes = Buffer.from(created);
    bytes[bytes.indexOf('Jenny')] = 0xff;
    const error = await refused(constructEvent(bytes, signed(bytes), SECRET, now), 'invalid_payload');
    expect(error.message).toMatch(/signed but is not UTF-8 JSON/);
  });
});

describe('headers that are not one string', () => {
  const good = signed(created);
  it.each<[string, unknown, SignatureVerificationReason, string]>([
    ['a number', 42, 'malformed_header', 'is a number'],
    ['a boolean', true, 'malformed_header', 'is a boolean'],
    ['an object', { 'stripe-signature': good }, 'malformed_header', 'is an object'],
    ['a Buffer', Buffer.from(good), 'malformed_header', 'is a Buffer'],
    ['a boxed string', new String(good), 'malformed_header', 'is a String'],
    ['a revoked Proxy', revokedProxy(), 'malformed_header', 'is an object'],
    ['two values', [good, good], 'malformed_header', 'is an array of 2 values'],
    ['an array holding a number', [42], 'malformed_header', 'is an array holding a number'],
    ['an array holding null', [null], 'malformed_header', 'is an array holding null'],
    ['an empty array', [], 'missing_header', 'No Stripe-Signature header'],
    ['an array holding a blank string', ['  '], 'missing_header', 'No Stripe-Signature header'],
    ['a timestamp beyond safe integers', `t=${'9'.repeat(20)},v1=${hmac(created)}`, 'malformed_header', 'Need one t='],
  ])('refuses %s', async (_, header, reason, words) => {
    const error = await refused(constructEvent(created, header as string, SECRET, now), reason);
    expect(error.message).toContain(words);
    expect(error.message).not.toContain(hmac(created));
  });

  it('takes an array of exactly one string (Node header arrays) as that string', async () => {
    await expect(constructEvent(created, [signed(created)], SECRET, now)).resolves.toMatchObject({ type: 'customer.created' });
    await refused(constructEvent(created, [signed('other')], SECRET, now), 'mismatch');
  });
});

describe('every byte form verifies over exactly its bytes', () => {
  // Padded to a multiple of 8 (JSON allows trailing spaces) and placed at offset 8 of a larger buffer,
  // so every typed array fits and a view that ignored its window would read the padding.
  const body = created.padEnd(Math.ceil(created.length / 8) * 8, ' ');
  const bytes = Buffer.from(body);
  const slab = new ArrayBuffer(bytes.length + 16);
  new Uint8Array(slab).fill(0x41).set(bytes, 8);
  const n = bytes.length;
  const forms: [string, unknown][] = [
    ['a string', body],
    ['a Buffer', Buffer.from(body)],
    ['a Buffer window of a larger slab', Buffer.from(slab, 8, n)],
    ['a Uint8Array', new Uint8Array(bytes)],
    ['a Uint8Array subarray', new Uint8Array(slab).subarray(8, 8 + n)],
    ['an ArrayBuffer', slab.slice(8, 8 + n)],
    ['a DataView window', new DataView(slab, 8, n)],
    ['an Int8Array window', new Int8Array(slab, 8, n)],
    ['a Uint16Array window', new Uint16Array(slab, 8, n / 2)],
    ['a Float64Array window', new Float64Array(slab, 8, n / 8)],
    ['a SharedArrayBuffer', (() => { const s = new SharedArrayBuffer(n); new Uint8Array(s).set(bytes); return s; })()],
  ];

  it('accepts each in constructEvent and generateTestHeader', async () => {
    for (const [what, payload] of forms) {
      const event = await constructEvent(payload as string, signed(bytes), SECRET, now).catch((e: unknown) => e);
      expect(event, what).toMatchObject({ type: 'customer.created', data: { object: { email: 'jenny.rosen@example.com' } } });
      expect(await generateTestHeader({ payload: payload as string, secret: SECRET, timestamp: T }), what).toBe(signed(bytes));
    }
  });

  it('parses the bytes it verified, even if the caller changes its buffer meanwhile', async () => {
    const mine = new Uint8Array(bytes);
    const pending = constructEvent(mine, signed(bytes), SECRET, now);
    mine.set(Buffer.from('JENNA'), bytes.indexOf('jenny.rosen'));
    await expect(pending).resolves.toMatchObject({ data: { object: { email: 'jenny.rosen@example.com' } } });
  });
});

describe('keys named like prototype properties stay plain data', () => {
  const own = (object: unknown, key: string) => Object.getOwnPropertyDescriptor(object, key)?.value;
  const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

  it.each(['customer.updated', 'invoice.paid'])('keeps __proto__, constructor and prototype at every depth of %s', async (type) => {
    const metadata = '{"__proto__":"x","constructor":"y","prototype":"z","plain":"p"}';
    const customer = JSON.stringify(customerJson()).replace(/"metadata":\{[^}]*\}/, `"metadata":${metadata}`);
    const object = customer.replace(/^\{/, '{"__proto__":{"polluted":"yes"},"constructor":{"name":"Evil"},');
    const body = `{"__proto__":{"polluted":"top"},"id":"evt_1","object":"event","created":${T},"livemode":false,` +
      `"type":"${type}","data":{"object":${object},"previous_attributes":{"__proto__":{"polluted":"prev"}}}}`;
    const event = (await constructEvent(body, signed(body), SECRET, now)) as unknown as Record<string, any>;
    const { object: data, previous_attributes: previous } = event['data'];
    expect(own(data.metadata, '__proto__')).toBe('x');
    expect(own(data.metadata, 'constructor')).toBe('y');
    expect(own(data.metadata, 'prototype')).toBe('z');
    expect(Object.keys(data.metadata)).toEqual(['__proto__', 'constructor', 'prototype', 'plain']);
    expect(own(data, '__proto__')).toEqual({ polluted: 'yes' });
    expect(own(data, 'constructor')).toEqual({ name: 'Evil' });
    expect(own(event, '__proto__')).toEqual({ polluted: 'top' });
    expect(own(previous, '__proto__')).toEqual({ polluted: 'prev' });
    for (const value of [event, event['data'], data, data.metadata, previous]) {
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(value.polluted).toBeUndefined();
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  });
});

describe('bad secrets and options are usage errors, before the webhook is read', () => {
  it.each<[string, unknown, string]>([
    ['undefined', undefined, 'got undefined'],
    ['null', null, 'got null'],
    ['a number', 42, 'got a number'],
    ['an array', [SECRET], 'got an array'],
    ['an empty string', '', 'got an empty string'],
    ['a trailing newline', `${SECRET}\n`, 'must not start or end with whitespace'],
  ])('refuses a secret that is %s, naming the rule and not the secret', async (_, secret, words) => {
    const error = await invalidArguments(constructEvent(null as never, null, secret as string), ['secret']);
    expect(error.issues[0]?.message).toContain(words);
    expect(JSON.stringify(error) + error.message).not.toContain(SECRET);
  });

  it.each<[string, unknown, string, string]>([
    ['a bare tolerance number', 300, 'options', 'must be an object such as { tolerance: 300 }, got 300'],
    ['null', null, 'options', 'got null'],
    ['a string tolerance', { tolerance: '300' }, 'tolerance', 'got a string'],
    ['a null tolerance', { tolerance: null }, 'tolerance', 'got null'],
    ['a clock that is not a function', { now: 5 }, 'now', 'must be a function, got a number'],
  ])('refuses options that are %s', async (_, options, field, words) => {
    const error = await invalidArguments(constructEvent(created, signed(created), SECRET, options as never), [field]);
    expect(error.issues[0]?.message).toContain(words);
  });

  it('refuses a clock that returns NaN instead of letting every timestamp pass', async () => {
    const error = await invalidArguments(constructEvent(created, signed(created), SECRET, { now: () => Number.NaN }), ['now']);
    expect(error.issues[0]?.message).toBe('must return milliseconds since the epoch as a finite number, got NaN');
  });

  it.each<[string, unknown, string[]]>([
    ['null options', null, ['options']],
    ['a parsed payload', { payload: JSON.parse(created), secret: SECRET }, ['payload']],
    ['a null payload and an empty secret', { payload: null, secret: '' }, ['payload', 'secret']],
    ['a fractional timestamp', { payload: created, secret: SECRET, timestamp: 1.5 }, ['timestamp']],
    ['a string timestamp', { payload: created, secret: SECRET, timestamp: String(T) }, ['timestamp']],
    ['a v0 scheme', { payload: created, secret: SECRET, scheme: 'v0' }, ['scheme']],
  ])('generateTestHeader refuses %s, naming the fields', async (_, options, fields) => {
    const error = await invalidArguments(generateTestHeader(options as never), fields);
    expect(error.message).toMatch(/^Invalid generateTestHeader arguments:/);
    expect(error.message).not.toContain(SECRET);
  });
});

describe('properties: any value of the wrong kind ends in the documented typed error', () => {
  const values = fc.oneof(
    fc.anything({
      withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true,
      withNullPrototype: true, withObjectString: true, withSparseArray: true, withTypedArray: true,
    }),
    fc.constantFrom<unknown>(Symbol('x'), () => created, new Blob([created]), new ArrayBuffer(3), new DataView(new ArrayBuffer(2))),
  );
  const isBytes = (v: unknown) => ArrayBuffer.isView(v) || v instanceof ArrayBuffer;

  it('payloads: invalid_payload naming the type, or a mismatch for bytes that were not signed', async () => {
    await fc.assert(
      fc.asyncProperty(values.filter((v) => typeof v !== 'string'), async (payload) => {
        const error = await refused(constructEvent(payload as string, signed(created), SECRET, now), isBytes(payload) ? 'mismatch' : 'invalid_payload');
        if (!isBytes(payload)) expect(error.message).toMatch(/^The webhook payload is (null|undefined|an? [\w ]+); pass the raw request body/);
      }),
      PROPERTY,
    );
  });

  it('headers: missing_header or malformed_header naming the type, for anything but one string', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(values, fc.array(fc.string(), { minLength: 2 })).filter((v) => typeof v !== 'string'), async (header) => {
        const error = await rejected(constructEvent(created, header as string, SECRET, now));
        expect(error).toBeInstanceOf(StripeSignatureVerificationError);
        const oneString = Array.isArray(header) && header.length === 1 && typeof header[0] === 'string';
        if (!oneString) expect(['missing_header', 'malformed_header']).toContain((error as StripeSignatureVerificationError).reason);
        if (header !== null && header !== undefined && !Array.isArray(header)) {
          expect((error as Error).message).toMatch(/^The Stripe-Signature header is (an? [\w ]+)/);
        }
      }),
      PROPERTY,
    );
  });

  it('secrets and tolerances: StripeValidationError naming the field, for anything invalid', async () => {
    const badSecret = values.filter((v) => typeof v !== 'string');
    const badTolerance = values.filter((v) => v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v > 0));
    await fc.assert(
      fc.asyncProperty(badSecret, badTolerance, async (secret, tolerance) => {
        const error = await rejected(constructEvent(created, signed(created), secret as string, { tolerance: tolerance as number }));
        expect(error).toBeInstanceOf(StripeValidationError);
        expect(error).toBeInstanceOf(StripeError);
        expect((error as StripeValidationError).issues.map((i) => i.field)).toEqual(['secret', 'tolerance']);
      }),
      PROPERTY,
    );
  });
});
