// A floor for the validation benchmark: the tests the generated customer schema makes on the
// benchmark's fixtures, written out by hand as plain type tests that allocate nothing, copy nothing
// and collect no issues. It is not a validator for production (expanded objects are only checked to
// be objects); it shows how little the checking itself costs, so what a validator spends above it is
// the validator's own machinery (zod's per-node results and copies, the fast path's closures).

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const optString = (v: unknown) => v === undefined || v === null || typeof v === 'string';
const optInt = (v: unknown) => v === undefined || Number.isSafeInteger(v);
const optBool = (v: unknown) => v === undefined || v === null || typeof v === 'boolean';
const idOrObject = (v: unknown) => v === undefined || v === null || typeof v === 'string' || isObject(v);

function stringRecord(v: unknown): boolean {
  if (v === undefined) return true;
  if (!isObject(v)) return false;
  for (const key in v) if (typeof v[key] !== 'string') return false;
  return true;
}

function address(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (!isObject(v)) return false;
  return (
    optString(v.city) &&
    optString(v.country) &&
    optString(v.line1) &&
    optString(v.line2) &&
    optString(v.postal_code) &&
    optString(v.state)
  );
}

function shipping(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (!isObject(v)) return false;
  return (
    address(v.address) &&
    (v.name === undefined || typeof v.name === 'string') &&
    optString(v.phone) &&
    optString(v.carrier) &&
    optString(v.tracking_number)
  );
}

function invoiceSettings(v: unknown): boolean {
  if (v === undefined) return true;
  if (!isObject(v)) return false;
  const fields = v.custom_fields;
  if (fields !== undefined && fields !== null) {
    if (!Array.isArray(fields)) return false;
    for (const f of fields) if (!isObject(f) || typeof f.name !== 'string' || typeof f.value !== 'string') return false;
  }
  return (
    idOrObject(v.default_payment_method) &&
    optString(v.footer) &&
    (v.rendering_options == null || isObject(v.rendering_options))
  );
}

function locales(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (!Array.isArray(v)) return false;
  for (const l of v) if (typeof l !== 'string') return false;
  return true;
}

/** The customer checks, field by field. */
export function isCustomer(v: unknown): boolean {
  if (!isObject(v)) return false;
  return (
    typeof v.id === 'string' &&
    v.object === 'customer' &&
    Number.isSafeInteger(v.created) &&
    typeof v.livemode === 'boolean' &&
    address(v.address) &&
    optInt(v.balance) &&
    optString(v.currency) &&
    idOrObject(v.default_source) &&
    optBool(v.delinquent) &&
    optString(v.description) &&
    (v.discount == null || isObject(v.discount)) &&
    optString(v.email) &&
    optString(v.invoice_prefix) &&
    invoiceSettings(v.invoice_settings) &&
    stringRecord(v.metadata) &&
    optString(v.name) &&
    optInt(v.next_invoice_sequence) &&
    optString(v.phone) &&
    locales(v.preferred_locales) &&
    shipping(v.shipping) &&
    optString(v.tax_exempt) &&
    idOrObject(v.test_clock)
  );
}

/** A `list` page of customers. */
export function isCustomerList(v: unknown): boolean {
  if (!isObject(v) || v.object !== 'list' || typeof v.has_more !== 'boolean' || typeof v.url !== 'string') return false;
  if (!Array.isArray(v.data)) return false;
  for (const c of v.data) if (!isCustomer(c)) return false;
  return true;
}
