import { MockError } from './envelope.js';

// Stripe reads POST bodies as application/x-www-form-urlencoded only. A JSON body decodes as one
// odd key (`{"email":"a@example.com"}`), so without this check the answer would be "Received
// unknown parameter", which sends a newcomer looking for a misspelt param instead of the encoding.

const JSON_MEDIA_TYPE = /^\s*application\/([\w.+-]*\+)?json\s*(;|$)/i;

const MESSAGE =
  'Invalid request (check that your POST content type is application/x-www-form-urlencoded). ' +
  'Stripe, and this mock, take form-encoded bodies, not JSON, with nested params as bracket keys: ' +
  'send `email=a%40example.com&metadata[app_user_id]=u_42` with Content-Type: application/x-www-form-urlencoded.';

/** True when `text` parses as a JSON object (not a bare string, number or list). */
function isJsonObject(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(trimmed);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * Throws Stripe's 400 `invalid_request_error`, naming the form encoding with an example, for a
 * POST body sent as JSON: declared `application/json` (or `...+json`) and not blank, or any body
 * that parses as a JSON object. A blank body passes, whatever its declared type: it carries no params.
 * @example checkFormBody('application/json', '{"email":"a@example.com"}') // throws
 */
export function checkFormBody(contentType: string | null, body: string): void {
  const declaredJson = contentType !== null && JSON_MEDIA_TYPE.test(contentType) && body.trim() !== '';
  if (declaredJson || isJsonObject(body)) throw new MockError(400, { type: 'invalid_request_error', message: MESSAGE });
}
