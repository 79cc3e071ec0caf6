import type { BankAccount, Card } from '../resources/types.js';
import { mergeMetadata } from './customer-object.js';
import { invalidParam, MockError, resourceMissing } from './envelope.js';
import type { OperationContext } from './operation.js';
import { checkMetadata, checkMetadataCount } from './param-rules.js';
import type { SourceObject } from './store.js';
import type { SourceCreateParams, SourceUpdateParams } from './wire.js';

// Cards and bank accounts a customer keeps as sources, made the ways Stripe makes them: from a
// test token (`tok_visa`, `btok_...`), or from raw card or bank account details. The mock talks
// to no card network or bank, so every card is accepted and every bank account starts `new`.

type CardDetails = Exclude<NonNullable<SourceCreateParams['card']>, string>;
type BankDetails = Exclude<NonNullable<SourceCreateParams['bank_account']>, string>;

// Stripe's test tokens name their brand (`tok_mastercard`, `tok_amex_debit`); the last4 is that
// brand's usual test card. Any other `tok_` is a Visa.
const TOKEN_BRANDS: Readonly<Record<string, readonly [brand: string, last4: string]>> = {
  visa: ['Visa', '4242'],
  mastercard: ['MasterCard', '4444'],
  amex: ['American Express', '8431'],
  discover: ['Discover', '1117'],
};

/** Stripe's test bank account behind every `btok_` token. */
const TEST_BANK = { bank_name: 'STRIPE TEST BANK', country: 'US', currency: 'usd', last4: '6789', routing_number: '110000000' };

function brandOf(number: string): string {
  if (/^3[47]/.test(number)) return 'American Express';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'MasterCard';
  if (/^4/.test(number)) return 'Visa';
  if (/^6(011|5)/.test(number)) return 'Discover';
  return 'Unknown';
}

/**
 * The same card or account always gets the same fingerprint, as on Stripe. Two FNV-1a hashes:
 * an identifier, not a secret, so no crypto module is needed.
 */
function fingerprint(...parts: string[]): string {
  const text = parts.join(':');
  let out = '';
  for (const seed of [0x811c9dc5, 0x050c5d1f]) {
    let hash = seed;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    out += hash.toString(16).padStart(8, '0');
  }
  return out;
}

function cardError(code: string, param: string, message: string): MockError {
  return new MockError(402, { type: 'card_error', code, param, message });
}

function orNull(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

function card(context: OperationContext, customer: string, fields: Partial<Card> & Pick<Card, 'brand' | 'last4' | 'exp_month' | 'exp_year'>): Card {
  return {
    id: context.ids.object('card'),
    object: 'card',
    address_city: null,
    address_country: null,
    address_line1: null,
    address_line1_check: null,
    address_line2: null,
    address_state: null,
    address_zip: null,
    address_zip_check: null,
    country: 'US',
    customer,
    cvc_check: 'pass',
    dynamic_last4: null,
    fingerprint: fingerprint(fields.brand, fields.last4),
    funding: 'credit',
    metadata: {},
    name: null,
    tokenization_method: null,
    ...fields,
  };
}

function bankAccount(context: OperationContext, customer: string, fields: Partial<BankAccount> & Pick<BankAccount, 'country' | 'currency' | 'last4'>): BankAccount {
  return {
    id: context.ids.object('ba'),
    object: 'bank_account',
    account_holder_name: null,
    account_holder_type: null,
    bank_name: null,
    customer,
    fingerprint: fingerprint(fields.country, fields.routing_number ?? '', fields.last4),
    metadata: {},
    routing_number: null,
    status: 'new',
    ...fields,
  };
}

/**
 * Throws Stripe's 400 "No such token" unless `token` is one the mock turns into a source: `tok_...`
 * (a card) or `btok_...` (a bank account).
 * @example checkToken('src_123', 'source') // throws: No such token: 'src_123'
 */
export function checkToken(token: string, param: string): void {
  if (!token.startsWith('tok_') && !token.startsWith('btok_')) throw resourceMissing('token', token, param, 400);
}

function fromToken(context: OperationContext, customer: string, param: string, token: string, metadata: Record<string, string>): SourceObject {
  checkToken(token, param);
  if (token.startsWith('btok_')) return bankAccount(context, customer, { ...TEST_BANK, metadata });
  const name = token.slice('tok_'.length).toLowerCase();
  const key = Object.keys(TOKEN_BRANDS).find((brand) => name.startsWith(brand)) ?? 'visa';
  const [brand, last4] = TOKEN_BRANDS[key]!;
  const funding = name.includes('debit') ? 'debit' : name.includes('prepaid') ? 'prepaid' : 'credit';
  const expYear = new Date(context.nowSeconds() * 1000).getUTCFullYear() + 1;
  return card(context, customer, { brand, last4, exp_month: 12, exp_year: expYear, funding, metadata });
}

function fromCardDetails(context: OperationContext, customer: string, details: CardDetails, metadata: Record<string, string>): Card {
  const number = details.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number)) throw cardError('incorrect_number', 'number', 'Your card number is incorrect.');
  if (details.exp_month < 1 || details.exp_month > 12) throw cardError('invalid_expiry_month', 'exp_month', "Your card's expiration month is invalid.");
  return card(context, customer, {
    brand: brandOf(number),
    last4: number.slice(-4),
    exp_month: details.exp_month,
    exp_year: details.exp_year < 100 ? 2000 + details.exp_year : details.exp_year,
    address_city: orNull(details.address_city),
    address_country: orNull(details.address_country),
    address_line1: orNull(details.address_line1),
    address_line1_check: details.address_line1 ? 'pass' : null,
    address_line2: orNull(details.address_line2),
    address_state: orNull(details.address_state),
    address_zip: orNull(details.address_zip),
    address_zip_check: details.address_zip ? 'pass' : null,
    cvc_check: details.cvc ? 'pass' : null,
    name: orNull(details.name),
    metadata: { ...details.metadata, ...metadata },
  });
}

function fromBankDetails(context: OperationContext, customer: string, details: BankDetails, metadata: Record<string, string>): BankAccount {
  return bankAccount(context, customer, {
    account_holder_name: orNull(details.account_holder_name),
    account_holder_type: details.account_holder_type ?? null,
    country: details.country.toUpperCase(),
    currency: (details.currency ?? 'usd').toLowerCase(),
    last4: details.account_number.slice(-4),
    routing_number: orNull(details.routing_number),
    metadata,
  });
}

/**
 * The card or bank account a create request describes: exactly one of `source` (a token),
 * `card` (a token or details) and `bank_account` (a token or details). A token that is neither
 * `tok_...` nor `btok_...` is Stripe's "No such token"; card details that no card could have are
 * Stripe's 402 `card_error`. Alipay accounts, which Stripe no longer supports, are a 400.
 * @example newSource(context, 'cus_123', { source: 'tok_mastercard' }) // a MasterCard ending 4444
 */
export function newSource(context: OperationContext, customer: string, body: SourceCreateParams): SourceObject {
  checkMetadata(body.metadata);
  if (body.alipay_account !== undefined) throw invalidParam('alipay_account', 'Alipay accounts are no longer supported: attach a card or a bank account.');
  const given = (['source', 'card', 'bank_account'] as const).filter((param) => body[param] !== undefined);
  if (given.length === 0) throw invalidParam('source', 'Missing required param: source.', 'parameter_missing');
  if (given.length > 1) throw invalidParam(given[1]!, `You may only specify one of these parameters: ${given.join(', ')}.`);
  const metadata = body.metadata ?? {};
  const param = given[0]!;
  const value = body[param]!;
  if (typeof value === 'string') return fromToken(context, customer, param, value, metadata);
  return param === 'card' ? fromCardDetails(context, customer, value as CardDetails, metadata) : fromBankDetails(context, customer, value as BankDetails, metadata);
}

// What an update may change on each kind; the rest of the update params belong to the other kind
// (or, `owner`, to Source objects, which the mock does not attach).
const UPDATABLE: Readonly<Record<SourceObject['object'], readonly string[]>> = {
  card: ['address_city', 'address_country', 'address_line1', 'address_line2', 'address_state', 'address_zip', 'exp_month', 'exp_year', 'name'],
  bank_account: ['account_holder_name', 'account_holder_type'],
};

function expiry(param: 'exp_month' | 'exp_year', value: string): number {
  const number = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
  if (param === 'exp_month' && number >= 1 && number <= 12) return number;
  if (param === 'exp_year' && number >= 0) return number < 100 ? 2000 + number : number;
  throw invalidParam(param, `Invalid ${param}: ${value}`);
}

/**
 * The source after an update: the fields its kind has (a param for the other kind is Stripe's
 * "Received unknown parameter"), `''` unsetting a field, metadata merged per key.
 * @example updatedSource(card, { name: 'Jenny Rosen', exp_year: '2031' }).exp_year // 2031
 */
export function updatedSource(source: SourceObject, body: SourceUpdateParams): SourceObject {
  checkMetadata(body.metadata);
  const allowed = UPDATABLE[source.object];
  const next: Record<string, unknown> = { ...source, metadata: mergeMetadata(source.metadata ?? {}, body.metadata) };
  for (const [key, value] of Object.entries(body)) {
    if (key === 'metadata' || key === 'expand' || value === undefined) continue;
    if (!allowed.includes(key)) throw invalidParam(key, `Received unknown parameter: ${key}`, 'parameter_unknown');
    next[key] = key === 'exp_month' || key === 'exp_year' ? expiry(key, value as string) : value === '' ? null : value;
  }
  checkMetadataCount(next.metadata as Record<string, string>);
  return next as unknown as SourceObject;
}
