import type { CreateParams } from './wire.js';
import { invalidParam, resourceMissing } from './envelope.js';

// Rules Stripe enforces beyond the request schema (docs/stripe-wire.md and Stripe's API reference):
// the generated schema says `string`, the live API says more. Each throws Stripe's 400.

const METADATA_LIMITS = { keys: 50, keyLength: 40, valueLength: 500 } as const;
const INVOICE_PREFIX = /^[A-Z0-9]{3,12}$/;
const MAX_CUSTOM_FIELDS = 4;
// Deliberately loose (one @, no spaces, a dot in the domain): the mock rejects what is clearly not
// an address, as Stripe does, without pretending to implement RFC 5322.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Checked = Pick<CreateParams, 'email' | 'invoice_prefix' | 'metadata' | 'invoice_settings' | 'coupon' | 'promotion_code'>;

/**
 * Checks the params both create and update take; throws the first problem as Stripe's 400.
 * @example checkParams({ email: 'jenny' }) // throws: Invalid email address: jenny (param email, code email_invalid)
 */
export function checkParams(params: Checked): void {
  if (params.email && !EMAIL.test(params.email)) {
    throw invalidParam('email', `Invalid email address: ${params.email}`, 'email_invalid');
  }
  if (params.invoice_prefix !== undefined && !INVOICE_PREFIX.test(params.invoice_prefix)) {
    throw invalidParam('invoice_prefix', 'Invoice prefix must be 3-12 uppercase letters or numbers.');
  }
  const fields = params.invoice_settings?.custom_fields;
  if (Array.isArray(fields) && fields.length > MAX_CUSTOM_FIELDS) {
    throw invalidParam('invoice_settings[custom_fields]', `You can have at most ${MAX_CUSTOM_FIELDS} custom fields.`);
  }
  checkMetadata(params.metadata);
  // The mock keeps no coupons or promotion codes, so any id is unknown; '' (remove) is fine.
  if (params.coupon) throw resourceMissing('coupon', params.coupon, 'coupon', 400);
  if (params.promotion_code) throw resourceMissing('promotion code', params.promotion_code, 'promotion_code', 400);
}

/**
 * Metadata limits: 50 keys, keys up to 40 characters, values up to 500.
 * @example checkMetadata({ ['k'.repeat(41)]: 'v' }) // throws: param metadata[kkk...]
 */
export function checkMetadata(metadata: Checked['metadata']): void {
  if (metadata === undefined || metadata === '') return;
  for (const [key, value] of Object.entries(metadata)) {
    if (key.length > METADATA_LIMITS.keyLength) {
      throw invalidParam(`metadata[${key}]`, `Metadata keys can have a maximum length of ${METADATA_LIMITS.keyLength} characters.`);
    }
    if (value.length > METADATA_LIMITS.valueLength) {
      throw invalidParam(`metadata[${key}]`, `Metadata values can have a maximum length of ${METADATA_LIMITS.valueLength} characters.`);
    }
  }
}

/**
 * After a merge: at most 50 keys in all.
 * @example checkMetadataCount(mergedMetadata) // throws past 50 keys
 */
export function checkMetadataCount(metadata: Record<string, string>): void {
  if (Object.keys(metadata).length > METADATA_LIMITS.keys) {
    throw invalidParam('metadata', `You can have at most ${METADATA_LIMITS.keys} metadata keys.`);
  }
}
