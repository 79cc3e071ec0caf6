import { customIssue, type ValidationIssue } from '../errors/errors.js';

// What the webhook helpers accept from their callers. The payload and header can come from any
// framework or middleware, so their readers never throw: a value of the wrong kind comes back as a
// refusal naming its type (never its content) and the caller turns it into its typed error.

/**
 * The type of a value in words, for error messages: `null`, `a number`, `an array`, `an object`,
 * `a Map`, `an IncomingMessage`. Never the content, and never throws (a revoked Proxy reads as `an object`).
 */
function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`;
  try {
    if (Array.isArray(value)) return 'an array';
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === null) return 'an object with a null prototype';
    // Descriptors, not property reads: a getter on the prototype never runs.
    const ctor: unknown = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value;
    const name: unknown = typeof ctor === 'function' ? Object.getOwnPropertyDescriptor(ctor, 'name')?.value : undefined;
    if (typeof name === 'string' && name !== 'Object' && /^[A-Za-z_$][\w$]{0,63}$/.test(name)) {
      return `${/^[AEIO]/.test(name) ? 'an' : 'a'} ${name}`;
    }
  } catch {
    // A Proxy whose traps throw, or a revoked one: still an object.
  }
  return 'an object';
}

/** True when `getter` (an intrinsic `byteLength` getter) accepts `value`: a brand check that works across realms. */
function hasBrand(value: object, getter: ((this: unknown) => unknown) | undefined): boolean {
  if (!getter) return false;
  try {
    getter.call(value);
    return true;
  } catch {
    return false;
  }
}

/** `ArrayBuffer` or `SharedArrayBuffer`, checked by internal slot so a look-alike object never passes. */
function isArrayBufferLike(value: object): value is ArrayBufferLike {
  const byteLength = (C: { prototype: object } | undefined) =>
    C && (Object.getOwnPropertyDescriptor(C.prototype, 'byteLength')?.get as (() => unknown) | undefined);
  const Shared = typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : undefined;
  return hasBrand(value, byteLength(ArrayBuffer)) || hasBrand(value, byteLength(Shared));
}

/**
 * The body `webhooks.constructEvent` verifies, exactly as received: a string (checked as its UTF-8
 * bytes) or bytes: a Node `Buffer` or `Uint8Array`, another typed array or a `DataView` (the bytes of
 * its window), an `ArrayBuffer` (all of it). Bytes are the same bytes Web Crypto signs for any
 * `BufferSource`, so there is no second reading. Parsed JSON cannot be verified and is refused.
 * @example
 * const payload: WebhookPayload = await request.arrayBuffer();
 */
export type WebhookPayload = string | ArrayBufferView | ArrayBufferLike;

/**
 * The `Stripe-Signature` header as frameworks give it: a string, `null`/`undefined` when absent
 * (`Headers.get`), or an array of one string (Node's `req.headersDistinct`, and the `string[]` side of
 * `req.headers`' type). An array of several values is refused: Stripe sends one.
 * @example
 * const header: SignatureHeader = req.headers['stripe-signature'];
 */
export type SignatureHeader = string | readonly string[] | null | undefined;

/** A payload read into bytes, or what it was instead (its type in words). */
export type PayloadRead = { bytes: Uint8Array; got?: undefined } | { bytes?: undefined; got: string };

/** What every payload refusal asks for. */
export const RAW_BODY = 'pass the raw request body as a string or bytes (Buffer, Uint8Array, ArrayBuffer, DataView), not parsed JSON';

/**
 * The payload as bytes: a string as UTF-8, a Buffer, typed array or DataView as the bytes of its
 * window (`byteOffset`, `byteLength`), an ArrayBuffer whole; the bytes Web Crypto's `BufferSource`
 * means. Always a fresh copy, so the bytes the signature is checked over are the bytes parsed even if
 * the caller's buffer changes while the HMAC is awaited. Anything else comes back as its type.
 */
export function readPayload(payload: unknown): PayloadRead {
  if (typeof payload === 'string') return { bytes: new TextEncoder().encode(payload) };
  if (payload === null || typeof payload !== 'object') return { got: describeType(payload) };
  let bytesLike = false;
  try {
    if (ArrayBuffer.isView(payload)) {
      bytesLike = true;
      const { buffer, byteOffset, byteLength } = payload;
      return { bytes: new Uint8Array(buffer, byteOffset, byteLength).slice() };
    }
    if (isArrayBufferLike(payload)) {
      bytesLike = true;
      return { bytes: new Uint8Array(payload).slice() };
    }
  } catch {
    // A detached (transferred) buffer, or a subclass whose getters throw.
  }
  const type = describeType(payload);
  return { got: bytesLike ? `${type} whose bytes cannot be read (a detached buffer?)` : type };
}

/** A header read into text, or why it could not be. */
export type HeaderRead =
  | { text: string; reason?: undefined; message?: undefined }
  | { text?: undefined; reason: 'missing_header' | 'malformed_header'; message: string };

const MISSING = 'No Stripe-Signature header was given.';

/**
 * The `Stripe-Signature` header's text. A string is taken as is; an array of exactly one string is
 * taken as that string, since Node gives header values as arrays (`req.headersDistinct`, or the
 * `string | string[]` type of `req.headers`). Absent (`null`, `undefined`, blank, `[]`) is
 * `missing_header`; several values or any other type is `malformed_header`, named by its type.
 */
export function readHeader(header: unknown): HeaderRead {
  if (header === null || header === undefined) return { reason: 'missing_header', message: MISSING };
  if (typeof header === 'string') return header.trim() === '' ? { reason: 'missing_header', message: MISSING } : { text: header };
  let count: number | undefined;
  let only: unknown;
  try {
    if (Array.isArray(header)) {
      count = header.length;
      only = header[0];
    }
  } catch {
    // A Proxy whose traps throw: refused below as an object.
  }
  if (count === 0) return { reason: 'missing_header', message: MISSING };
  if (count === 1 && typeof only === 'string') return readHeader(only);
  const message =
    count === undefined
      ? `The Stripe-Signature header is ${describeType(header)}; pass the header's text (a string).`
      : count === 1
        ? `The Stripe-Signature header is an array holding ${describeType(only)}; pass the header's text (a string).`
        : `The Stripe-Signature header is an array of ${count} values; Stripe sends exactly one, pass it as a string.`;
  return { reason: 'malformed_header', message };
}

const issue = (field: string, rule: string): ValidationIssue => customIssue([field], rule);

/**
 * Problems with the signing secret: it must be a non-empty string without leading or trailing
 * whitespace (Stripe's `whsec_…` secrets have none; a trailing newline from an env file would make
 * every signature mismatch). The rule names the secret's type, never its content.
 */
export function secretIssues(secret: unknown): ValidationIssue[] {
  const rule = "must be the endpoint's signing secret (whsec_…) as a non-empty string";
  if (typeof secret !== 'string') return [issue('secret', `${rule}, got ${describeType(secret)}`)];
  if (secret === '') return [issue('secret', `${rule}, got an empty string`)];
  if (secret.trim() !== secret) return [issue('secret', 'must not start or end with whitespace (a stray newline from an env file?)')];
  return [];
}

/** A number as itself (it is never secret), anything else by its type. */
const shown = (value: unknown): string => (typeof value === 'number' ? String(value) : describeType(value));

/** constructEvent's options, each read once (a getter cannot answer the check and the use differently). */
export interface ConstructOptionsRead {
  issues: ValidationIssue[];
  tolerance: number;
  now: () => unknown;
}

/**
 * constructEvent's options: an object (or omitted) whose `tolerance` is a finite positive number of
 * seconds (default 300) and whose `now` is a function (default `Date.now`). Zero is refused rather than
 * read: other Stripe libraries take it to switch the timestamp check off, a literal reading refuses
 * every event.
 */
export function readConstructOptions(options: unknown): ConstructOptionsRead {
  const read: ConstructOptionsRead = { issues: [], tolerance: 300, now: Date.now };
  if (options === undefined) return read;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    read.issues.push(issue('options', `must be an object such as { tolerance: 300 }, got ${shown(options)}`));
    return read;
  }
  const { tolerance, now } = options as { tolerance?: unknown; now?: unknown };
  if (typeof tolerance === 'number' && Number.isFinite(tolerance) && tolerance > 0) read.tolerance = tolerance;
  else if (tolerance !== undefined) read.issues.push(issue('tolerance', `must be a finite positive number of seconds, got ${shown(tolerance)}`));
  if (typeof now === 'function') read.now = () => (now as () => unknown)();
  else if (now !== undefined) read.issues.push(issue('now', `must be a function, got ${describeType(now)}`));
  return read;
}

/** The issue for a clock that returned something other than finite milliseconds, which would make every timestamp pass. */
export function clockIssues(ms: unknown): ValidationIssue[] {
  if (typeof ms === 'number' && Number.isFinite(ms)) return [];
  return [issue('now', `must return milliseconds since the epoch as a finite number, got ${shown(ms)}`)];
}

/** generateTestHeader's options, each read once; the values are meaningful only when `issues` is empty. */
export interface TestHeaderRead {
  issues: ValidationIssue[];
  bytes: Uint8Array;
  secret: string;
  timestamp: number;
}

/**
 * generateTestHeader's options: an object with a payload {@link readPayload} accepts, a secret
 * {@link secretIssues} accepts, an optional whole non-negative `timestamp` (default now) and an
 * optional `scheme` that can only be `'v1'`.
 */
export function readTestHeaderOptions(options: unknown): TestHeaderRead {
  const read: TestHeaderRead = { issues: [], bytes: new Uint8Array(), secret: '', timestamp: Math.floor(Date.now() / 1000) };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    read.issues.push(issue('options', `must be an object such as { payload, secret }, got ${shown(options)}`));
    return read;
  }
  const { payload, secret, timestamp, scheme } = options as Record<string, unknown>;
  const body = readPayload(payload);
  if (body.got !== undefined) read.issues.push(issue('payload', `must be the body as a string or readable bytes, got ${body.got}`));
  else read.bytes = body.bytes;
  read.issues.push(...secretIssues(secret));
  if (typeof secret === 'string') read.secret = secret;
  if (typeof timestamp === 'number' && Number.isSafeInteger(timestamp) && timestamp >= 0) read.timestamp = timestamp;
  else if (timestamp !== undefined) read.issues.push(issue('timestamp', `must be whole Unix seconds, got ${shown(timestamp)}`));
  if (scheme !== undefined && scheme !== 'v1') {
    read.issues.push(issue('scheme', `must be 'v1', got ${typeof scheme === 'string' ? JSON.stringify(scheme) : describeType(scheme)}`));
  }
  return read;
}
