import * as z from 'zod/mini';
import { CustomerSchema, DeletedCustomerSchema } from '../../generated/schemas.js';
import { StripeError, StripeResponseValidationError, StripeValidationError, type ValidationIssue } from '../errors/errors.js';
import { issueLines } from '../validation/issue-text.js';
import { zodIssues } from '../validation/validate.js';
import type { Customer, DeletedCustomer } from '../resources/types.js';
import {
  clockIssues, RAW_BODY, readConstructOptions, readHeader, readPayload, readTestHeaderOptions, secretIssues,
  type SignatureHeader, type WebhookPayload,
} from './webhook-input.js';

export type { SignatureHeader, WebhookPayload };

/**
 * Why a webhook was refused: header absent (`missing_header`) or unreadable or not a string
 * (`malformed_header`), no `v1` signature, wrong signature, timestamp too old or too far ahead, or a
 * payload that is not a string or bytes, or is signed but not UTF-8 JSON (`invalid_payload`).
 * @example
 * if (error.reason === 'timestamp_outside_tolerance') console.warn('replayed or delayed webhook');
 */
export type SignatureVerificationReason = 'missing_header' | 'malformed_header' | 'no_signatures'
  | 'mismatch' | 'timestamp_outside_tolerance' | 'invalid_payload';

/**
 * A webhook could not be trusted or read. `reason` says why; the message never includes the secret.
 * @example
 * try { await webhooks.constructEvent(body, header, secret); }
 * catch (e) { if (e instanceof StripeSignatureVerificationError) console.warn(e.reason); }
 */
export class StripeSignatureVerificationError extends StripeError {
  override readonly name: string = 'StripeSignatureVerificationError';
  /** What was wrong, as a stable code. */
  readonly reason: SignatureVerificationReason;

  constructor(reason: SignatureVerificationReason, message: string, cause?: unknown) {
    super({ message, cause });
    this.reason = reason;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason };
  }
}

/**
 * The fields every event shares, with `data.object` of the given type (a customer for `customer.*`).
 * @example
 * type MyEvent = EventEnvelope<'customer.created', Customer>;
 */
export interface EventEnvelope<Type extends string, Data> {
  id: string;
  object: 'event';
  type: Type;
  /** Seconds since the Unix epoch. */
  created: number;
  livemode: boolean;
  api_version?: string | null | undefined;
  /** The API request that caused the event (`id` is null for dashboard or automatic changes). */
  request?: { id?: string | null | undefined; idempotency_key?: string | null | undefined } | null | undefined;
  data: { object: Data; previous_attributes?: Record<string, unknown> | undefined };
}

/** A customer was created. @example if (isEventType(event, 'customer.created')) welcome(event.data.object.email); */
export type CustomerCreatedEvent = EventEnvelope<'customer.created', Customer>;
/** `data.previous_attributes` holds changed fields' old values. @example event.data.previous_attributes?.email */
export type CustomerUpdatedEvent = EventEnvelope<'customer.updated', Customer>;
/** The customer as it was (a `{ id, object, deleted: true }` stub passes too). @example event.data.object.id */
export type CustomerDeletedEvent = EventEnvelope<'customer.deleted', Customer | DeletedCustomer>;
/** Any other type (`invoice.paid`, …), checked as an envelope only. @example event.type === 'invoice.paid' */
export type OtherEvent = EventEnvelope<string & {}, Record<string, unknown>>;
/** What {@link constructEvent} returns. @example const event: CustomerEvent = await constructEvent(body, sig, key); */
export type CustomerEvent = CustomerCreatedEvent | CustomerUpdatedEvent | CustomerDeletedEvent | OtherEvent;

/** The `customer.*` types this SDK validates against the generated customer schemas. */
type KnownType = CustomerCreatedEvent['type'] | CustomerUpdatedEvent['type'] | CustomerDeletedEvent['type'];
type EventOf<Type extends KnownType> = Extract<CustomerEvent, { type: Type }>;

// The event envelope is hand-written because the spec subset has no event operation to generate it
// from; `data.object` reuses the generated customer schemas. Loose objects keep unknown fields.
function envelope<Type extends z.ZodMiniType<string>, Data extends z.ZodMiniType>(type: Type, object: Data) {
  const nullableString = z.optional(z.nullable(z.string()));
  return z.looseObject({
    id: z.string(),
    object: z.literal('event'),
    type,
    created: z.int(),
    livemode: z.boolean(),
    api_version: nullableString,
    request: z.optional(z.nullable(z.looseObject({ id: nullableString, idempotency_key: nullableString }))),
    data: z.looseObject({ object, previous_attributes: z.optional(z.record(z.string(), z.unknown())) }),
  });
}

interface EventSchemas {
  customer: z.ZodMiniType<CustomerCreatedEvent | CustomerUpdatedEvent | CustomerDeletedEvent>;
  other: z.ZodMiniType<OtherEvent>;
}
let built: EventSchemas | undefined;

/** The event schemas, built on first use: an app that never verifies a webhook carries no zod. */
function eventSchemas(): EventSchemas {
  built ??= {
    customer: z.discriminatedUnion('type', [
      envelope(z.literal('customer.created'), CustomerSchema),
      envelope(z.literal('customer.updated'), CustomerSchema),
      envelope(z.literal('customer.deleted'), z.union([CustomerSchema, DeletedCustomerSchema])),
    ]),
    other: envelope(z.string() as z.ZodMiniType<string & {}>, z.record(z.string(), z.unknown())),
  };
  return built;
}
const KNOWN_TYPES: ReadonlySet<string> =
  new Set<KnownType>(['customer.created', 'customer.updated', 'customer.deleted']);

/**
 * Narrows an event to one `customer.*` type. Needed because `OtherEvent['type']` is any string, so
 * TypeScript keeps `OtherEvent` in the union after `event.type === 'customer.created'`.
 * @example
 * if (isEventType(event, 'customer.created')) sendWelcome(event.data.object.email);
 */
export function isEventType<Type extends KnownType>(event: CustomerEvent, type: Type): event is EventOf<Type> {
  return event.type === type;
}

/**
 * Options of {@link constructEvent}. Omitted or an object; anything else (a bare number, as other
 * Stripe libraries take the tolerance) is a `StripeValidationError`.
 * @example { tolerance: 600, now: () => fixedClock }
 */
export interface ConstructEventOptions {
  /**
   * How far (seconds) the signed timestamp may be from now. Default 300, as Stripe's libraries. Must
   * be finite and positive: 0 is refused, since other libraries read it as "no check at all".
   */
  tolerance?: number;
  /** The clock in milliseconds; injected by tests. Default `Date.now`. Must return a finite number. */
  now?: () => number;
}

const encoder = /* @__PURE__ */ new TextEncoder();

function fail(reason: SignatureVerificationReason, message: string, cause?: unknown): never {
  throw new StripeSignatureVerificationError(reason, message, cause);
}

/** Bad secrets and options are the caller's bugs, not forged webhooks: a 500 to fix, not a 400 to send. */
function refuseArguments(issues: ValidationIssue[], what: string): void {
  if (issues.length) throw new StripeValidationError(issues, what);
}

/** hex(HMAC-SHA256(secret, `${timestamp}.${payload}`)), over the payload bytes exactly as received. */
async function sign(secret: string, timestamp: number, body: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new StripeError({ message: 'Webhook verification needs Web Crypto (globalThis.crypto.subtle).' });
  const prefix = encoder.encode(`${timestamp}.`);
  const signed = new Uint8Array(prefix.length + body.length);
  signed.set(prefix);
  signed.set(body, prefix.length);
  const algorithm = { name: 'HMAC', hash: 'SHA-256' };
  const key = await subtle.importKey('raw', encoder.encode(secret), algorithm, false, ['sign']);
  const mac = new Uint8Array(await subtle.sign('HMAC', key, signed));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares every character when lengths match, so timing does not reveal how much of a guess was right. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Reads `t=…,v1=…,v1=…`; other schemes (`v0`, future ones) are ignored. */
function parseHeader(header: unknown): { timestamp: number; signatures: string[] } {
  const read = readHeader(header);
  if (read.text === undefined) return fail(read.reason, read.message);
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const item of read.text.split(',')) {
    const at = item.indexOf('=');
    const key = item.slice(0, at).trim();
    const value = item.slice(at + 1).trim();
    if (at <= 0 || value === '') fail('malformed_header', 'The Stripe-Signature header is not key=value pairs.');
    if (key === 't') {
      // Past safe integers Number() rounds, and the HMAC would be over other digits than the header's.
      if (timestamp !== undefined || !/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
        fail('malformed_header', 'Need one t=<unix seconds>.');
      }
      timestamp = Number(value);
    } else if (key === 'v1') signatures.push(value.toLowerCase());
  }
  if (timestamp === undefined) fail('malformed_header', 'The Stripe-Signature header has no t=<unix seconds>.');
  if (signatures.length === 0) fail('no_signatures', 'The Stripe-Signature header has no v1 signature.');
  return { timestamp, signatures };
}

/**
 * Verifies a webhook's `Stripe-Signature` (HMAC-SHA256 via Web Crypto, any runtime) and returns the
 * event, its `customer.*` payload checked against the generated schemas. Pass the body exactly as
 * received (not re-serialized JSON).
 *
 * - `payload`: a {@link WebhookPayload}. Anything else (parsed JSON, `null`, a number, a `Blob`…) is
 *   `invalid_payload`, the message naming its type, never its content.
 * - `signatureHeader`: a {@link SignatureHeader}. Absent, blank or `[]` is `missing_header`; another
 *   type, or an array of several values, is `malformed_header`.
 * - `secret` must be a non-empty string without surrounding whitespace, and `options` an object (or
 *   omitted) with a finite positive `tolerance` and a function `now`; otherwise `StripeValidationError`
 *   naming the field, before the webhook is looked at: those are the caller's bugs, not forged webhooks.
 *
 * Throws {@link StripeSignatureVerificationError} when the request cannot be trusted or read, and
 * `StripeResponseValidationError` when a signed event contradicts the schema. The event returned is
 * the object `JSON.parse` made (the schema only reads it), so keys such as `__proto__` or
 * `constructor` in metadata stay plain own data at every depth, and `Object.prototype` is never touched.
 * @see https://docs.stripe.com/webhooks#verify-manually
 * @example
 * const signature = request.headers.get('stripe-signature');
 * const event = await webhooks.constructEvent(await request.text(), signature, secret);
 * if (isEventType(event, 'customer.deleted')) forget(event.data.object.id);
 */
export async function constructEvent(
  payload: WebhookPayload,
  signatureHeader: SignatureHeader,
  secret: string,
  options?: ConstructEventOptions,
): Promise<CustomerEvent> {
  const { issues: optionIssues, tolerance, now } = readConstructOptions(options);
  refuseArguments([...secretIssues(secret), ...optionIssues], 'Invalid constructEvent arguments');
  const read = readPayload(payload);
  if (read.bytes === undefined) return fail('invalid_payload', `The webhook payload is ${read.got}; ${RAW_BODY}.`);
  const { timestamp, signatures } = parseHeader(signatureHeader);
  const expected = await sign(secret, timestamp, read.bytes);
  // Every candidate is compared (no early exit), so timing does not say which one matched.
  const matched = signatures.reduce((found, candidate) => constantTimeEqual(candidate, expected) || found, false);
  if (!matched) {
    fail('mismatch', 'No v1 signature matches the payload. Check the endpoint secret and pass the raw, unparsed body.');
  }
  // Checked after the signature, so only a signed timestamp is judged.
  const nowMs = now();
  refuseArguments(clockIssues(nowMs), 'Invalid constructEvent options');
  const age = (nowMs as number) / 1000 - timestamp;
  if (Math.abs(age) > tolerance) {
    const off = `${Math.round(Math.abs(age))} s ${age > 0 ? 'old' : 'in the future'}`;
    fail('timestamp_outside_tolerance', `The signed timestamp is ${off}; at most ${tolerance} s is accepted.`);
  }
  let text: string;
  let json: unknown;
  try {
    // The verified copy is what gets parsed; `fatal` refuses bytes that are not UTF-8 instead of guessing.
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
    json = JSON.parse(text);
  } catch (cause) {
    return fail('invalid_payload', 'The webhook payload is signed but is not UTF-8 JSON.', cause);
  }
  const type = (json as { type?: unknown } | null)?.type;
  const known = typeof type === 'string' && KNOWN_TYPES.has(type);
  // The schema is a reader: its output is a copy made by assignment, which would turn a `__proto__` key
  // into a prototype. The parsed JSON itself is returned.
  const issues = zodIssues(known ? eventSchemas().customer : eventSchemas().other, json, '(event)');
  if (!issues.length) return json as CustomerEvent;
  const message = `The webhook payload does not match the ${known ? `${type} ` : ''}event schema:\n${issueLines(issues, '(event)')}`;
  throw new StripeResponseValidationError({ issues, rawBody: text, message });
}

/**
 * Builds a valid `Stripe-Signature` header for a payload, for your own tests. `payload` and `secret`
 * are accepted exactly as {@link constructEvent} accepts them, `timestamp` must be whole non-negative
 * Unix seconds and `scheme` only `'v1'`; anything else is a `StripeValidationError` naming the field
 * (here every bad argument is the test's own bug, the payload included).
 * @example
 * const header = await webhooks.generateTestHeader({ payload: body, secret: 'whsec_test' });
 * await webhooks.constructEvent(body, header, 'whsec_test');
 */
export async function generateTestHeader(options: {
  payload: WebhookPayload;
  secret: string;
  /** Unix seconds; default now. */
  timestamp?: number;
  scheme?: 'v1';
}): Promise<string> {
  const { issues, bytes, secret, timestamp } = readTestHeaderOptions(options);
  refuseArguments(issues, 'Invalid generateTestHeader arguments');
  return `t=${timestamp},v1=${await sign(secret, timestamp, bytes)}`;
}

/**
 * Webhook helpers: verify and type incoming events, and sign payloads in tests.
 * @example
 * const event = await webhooks.constructEvent(body, header, process.env.STRIPE_WEBHOOK_SECRET!);
 */
export const webhooks = { constructEvent, generateTestHeader } as const;
