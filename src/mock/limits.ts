import { MockError } from './envelope.js';

// What the mock refuses to spend on one request or keep for all of them, so a runaway test or a
// hostile client gets a clear 4xx (which clients do not retry) instead of a 500 or an exhausted
// process. The form decoder's own limits (key depth, parameter count) live with the decoder.

/** 1 MiB, as API gateways in front of real APIs commonly allow; Stripe's bodies are a few KB. */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

/** Customers plus the objects they own: tax ids, balance transactions, sources, payment methods, cash balance transactions. */
export const DEFAULT_MAX_OBJECTS = 10_000;

/** The methods Stripe's API takes; anything else is a 405 carrying this list in `Allow`. */
export const ALLOWED_METHODS = ['GET', 'POST', 'DELETE'] as const;

/**
 * The value of a size option, after checking it is a whole number of at least 0.
 * @example limitOption('maxObjects', undefined, 10_000) // 10000
 */
export function limitOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number >= 0, got ${String(value)}`);
  return value;
}

/**
 * Stripe's methods pass; any other (HEAD and OPTIONS included: Stripe's clients never send them)
 * is a 405 with `Allow`.
 * @example checkMethod('TRACE') // throws a 405 MockError
 */
export function checkMethod(method: string): void {
  const upper = method.toUpperCase();
  if ((ALLOWED_METHODS as readonly string[]).includes(upper)) return;
  const message = `The mock does not serve ${upper} requests. Stripe's API takes ${ALLOWED_METHODS.join(', ')}.`;
  throw new MockError(405, { type: 'invalid_request_error', message }, { Allow: ALLOWED_METHODS.join(', ') });
}

function tooLarge(maxBytes: number): MockError {
  const message =
    `The request body is larger than this mock accepts (at most ${maxBytes} bytes). ` +
    'Raise the limit with maxBodyBytes, or --max-body-bytes for the mock server.';
  return new MockError(413, { type: 'invalid_request_error', message });
}

/**
 * A 413 when `Content-Length` announces more than `maxBytes`, before a byte of the body is read.
 * @example checkDeclaredLength(request.headers, 1_048_576)
 */
export function checkDeclaredLength(headers: Headers, maxBytes: number): void {
  const declared = headers.get('content-length')?.trim();
  if (declared && /^\d+$/.test(declared) && Number(declared) > maxBytes) throw tooLarge(maxBytes);
}

/**
 * The body as UTF-8 text, read chunk by chunk and abandoned (with a 413) as soon as it passes
 * `maxBytes`, so an endless upload costs at most `maxBytes` plus one chunk.
 * @example const text = await readBody(request.body, 1_048_576);
 */
export async function readBody(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      // Not awaited: a source that never settles its cancel must not hold the answer back.
      reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * The 400 for one object more than the store may hold. A 400, not a 5xx or 429, so clients do
 * not retry a request that cannot succeed until something changes.
 * @example throw objectLimit(10_000)
 */
export function objectLimit(maxObjects: number): MockError {
  const message =
    `The mock holds at most ${maxObjects} objects (customers and the objects they own) and is full. ` +
    'Delete some, call mock.reset(), or raise the limit with maxObjects (--max-objects for the mock server).';
  return new MockError(400, { type: 'invalid_request_error', code: 'mock_object_limit', message });
}
