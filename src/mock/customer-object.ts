import type { Customer } from '../resources/types.js';
import type { CreateParams } from './wire.js';
import { checkMetadataCount, checkParams } from './param-rules.js';
import type { CustomerRecord } from './store.js';

/** The params create and update share (create adds `payment_method`, `tax_id_data`, `test_clock`). */
type SharedParams = Omit<CreateParams, 'payment_method' | 'tax_id_data' | 'test_clock'>;
type AddressParam = Exclude<NonNullable<SharedParams['address']>, ''>;
type ShippingParam = Exclude<NonNullable<SharedParams['shipping']>, ''>;
type InvoiceSettings = NonNullable<Customer['invoice_settings']>;

/** Record state that is not on the customer object itself. */
export type RecordExtras = Partial<Pick<CustomerRecord, 'reconciliationMode' | 'ipAddress'>>;

/**
 * A customer with Stripe's defaults for a fresh object: balance 0, no currency, not delinquent,
 * empty metadata, invoice sequence 1, `tax_exempt: 'none'`, everything else null.
 * @example blankCustomer('cus_123', 1700000000, '7D2A9C41')
 */
export function blankCustomer(id: string, created: number, invoicePrefix: string): Customer {
  return {
    id,
    object: 'customer',
    address: null,
    balance: 0,
    created,
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: null,
    invoice_prefix: invoicePrefix,
    invoice_settings: blankInvoiceSettings(),
    livemode: false,
    metadata: {},
    name: null,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
}

function blankInvoiceSettings(): InvoiceSettings {
  return { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null };
}

/** `''` is Stripe's "unset": it stores null. */
function orNull(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

function toAddress(address: AddressParam): NonNullable<Customer['address']> {
  return {
    city: orNull(address.city),
    country: orNull(address.country),
    line1: orNull(address.line1),
    line2: orNull(address.line2),
    postal_code: orNull(address.postal_code),
    state: orNull(address.state),
  };
}

function toShipping(shipping: ShippingParam): NonNullable<Customer['shipping']> {
  return { address: toAddress(shipping.address), name: shipping.name, phone: orNull(shipping.phone) };
}

/**
 * Metadata merge (docs/stripe-wire.md#form-encoding): `metadata=''` clears all, `metadata[key]=''`
 * deletes that key, any other value sets it. Built with `Object.fromEntries`, so a `__proto__` key
 * stays data.
 * @example mergeMetadata({ a: '1', b: '2' }, { a: '', c: '3' }) // { b: '2', c: '3' }
 */
export function mergeMetadata(current: Record<string, string>, given: SharedParams['metadata']): Record<string, string> {
  if (given === undefined) return current;
  if (given === '') return {};
  const merged = new Map(Object.entries(current));
  for (const [key, value] of Object.entries(given)) {
    if (value === '') merged.delete(key);
    else merged.set(key, value);
  }
  return Object.fromEntries(merged);
}

/** Each invoice setting given replaces that setting; `''` unsets it; the others stay. */
function mergeInvoiceSettings(current: InvoiceSettings, given: SharedParams['invoice_settings']): InvoiceSettings {
  if (!given) return current;
  const next = { ...current };
  const { custom_fields: fields, rendering_options: rendering } = given;
  if (fields !== undefined) next.custom_fields = fields === '' ? null : fields.map(({ name, value }) => ({ name, value }));
  if (given.default_payment_method !== undefined) next.default_payment_method = orNull(given.default_payment_method);
  if (given.footer !== undefined) next.footer = orNull(given.footer);
  if (rendering !== undefined) {
    next.rendering_options = rendering === '' ? null : { amount_tax_display: orNull(rendering.amount_tax_display) };
  }
  return next;
}

/**
 * Applies create or update params to a customer and returns the new object (the old one is not
 * touched). `address` and `shipping` are replaced whole (a partial address does not merge into the
 * old one); `invoice_settings` merges per setting; `metadata` merges per key. `payment_method` is
 * accepted and ignored (the mock attaches payment methods only by seeding); `source`, which
 * attaches a new object, is the operation's to handle.
 * @throws {MockError} Stripe's 400 when a param breaks a rule the schema cannot state.
 * @example applyParams(customer, { metadata: { plan: 'pro' }, address: '' }).customer.address // null
 */
export function applyParams(customer: Customer, params: SharedParams & { default_source?: string; test_clock?: string }): {
  customer: Customer;
  extras: RecordExtras;
} {
  checkParams(params);
  const next: Customer = { ...customer };
  if (params.address !== undefined) next.address = params.address === '' ? null : toAddress(params.address);
  if (params.shipping !== undefined) next.shipping = params.shipping === '' ? null : toShipping(params.shipping);
  for (const field of ['description', 'email', 'name', 'phone'] as const) {
    if (params[field] !== undefined) next[field] = orNull(params[field]);
  }
  if (params.balance !== undefined) next.balance = params.balance;
  if (params.next_invoice_sequence !== undefined) next.next_invoice_sequence = params.next_invoice_sequence;
  if (params.invoice_prefix !== undefined) next.invoice_prefix = params.invoice_prefix;
  if (params.preferred_locales !== undefined) next.preferred_locales = [...params.preferred_locales];
  // Stripe's default exemption is 'none', so unsetting it returns to that rather than to null.
  if (params.tax_exempt !== undefined) next.tax_exempt = params.tax_exempt === '' ? 'none' : params.tax_exempt;
  if (params.default_source !== undefined) next.default_source = orNull(params.default_source);
  if (params.test_clock !== undefined) next.test_clock = orNull(params.test_clock);
  next.invoice_settings = mergeInvoiceSettings(customer.invoice_settings ?? blankInvoiceSettings(), params.invoice_settings);
  next.metadata = mergeMetadata(customer.metadata ?? {}, params.metadata);
  checkMetadataCount(next.metadata);

  const extras: RecordExtras = {};
  const mode = params.cash_balance?.settings?.reconciliation_mode;
  if (mode !== undefined) extras.reconciliationMode = mode;
  const ip = params.tax?.ip_address;
  if (ip !== undefined) extras.ipAddress = orNull(ip);
  return { customer: next, extras };
}
