import type { Customer } from '../resources/types.js';
import { applyParams, blankCustomer } from './customer-object.js';
import { MockError, resourceMissing } from './envelope.js';
import { checkExpand, customerExpansions, expandCustomer } from './expand.js';
import { deletedStub, liveRecord, type Operation } from './operation.js';
import { checkDefaultSource, checkNewDefaultSource, replaceDefaultSource } from './source-ops.js';
import type { CustomerRecord } from './store.js';
import { taxIdObject } from './tax-id-ops.js';
import type { CreateParams, RetrieveParams, UpdateParams } from './wire.js';

// A seeded discount's coupon and promotion code stay as seeded: the mock keeps no coupons to expand.
const DISCOUNT_EXPANDABLE = new Set(['customer']);

/**
 * POST /v1/customers: a new customer with Stripe's defaults; `tax_id_data` becomes tax id objects
 * and `source` (a test token) its default source.
 * @example POST /v1/customers  email=jenny%40example.com&name=Jenny+Rosen&metadata[app_user_id]=u_42
 */
export const createCustomer: Operation = (context, { params }) => {
  const body = params as CreateParams;
  const expansions = customerExpansions(body.expand, '');
  // Before any id is drawn, so a refused create leaves sequential ids unbroken.
  if (body.source !== undefined) checkNewDefaultSource(context, body.source);
  context.store.ensureRoom(1 + (body.tax_id_data?.length ?? 0) + (body.source === undefined ? 0 : 1));
  const id = context.ids.customer();
  const { customer, extras } = applyParams(blankCustomer(id, context.nowSeconds(), context.ids.invoicePrefix()), body);
  const taxIds = (body.tax_id_data ?? []).map((data) => taxIdObject(context, id, data));
  const record = context.store.insert(customer, { ...extras, taxIds });
  if (body.source !== undefined) replaceDefaultSource(context, record, body.source);
  return { status: 200, body: expandCustomer(record, expansions) };
};

/**
 * GET /v1/customers/{customer}: the customer, or the deleted stub once it is deleted.
 * @example GET /v1/customers/cus_123?expand[]=tax_ids
 */
export const retrieveCustomer: Operation = (context, { path, params }) => {
  const id = path.customer ?? '';
  const expansions = customerExpansions((params as RetrieveParams).expand, '');
  const record = context.store.get(id);
  if (!record) throw resourceMissing('customer', id);
  return { status: 200, body: record.deleted ? deletedStub(id) : expandCustomer(record, expansions) };
};

/**
 * POST /v1/customers/{customer}: the params given, merged as `applyParams` describes;
 * `default_source` must name one of the customer's sources, and `source` (a test token) replaces
 * the default source.
 * @example POST /v1/customers/cus_123  metadata[plan]=pro&address=
 */
export const updateCustomer: Operation = (context, { path, params }) => {
  const body = params as UpdateParams;
  const record = liveRecord(context, path.customer ?? '');
  const expansions = customerExpansions(body.expand, '');
  const { customer, extras } = applyParams(record.customer, body);
  checkDefaultSource(record, body.default_source);
  if (body.source !== undefined) checkNewDefaultSource(context, body.source);
  record.customer = customer;
  Object.assign(record, extras);
  if (body.source !== undefined) replaceDefaultSource(context, record, body.source);
  return { status: 200, body: expandCustomer(record, expansions) };
};

/**
 * DELETE /v1/customers/{customer}: deleting twice is a 404, as on Stripe. Frees the customer's
 * room in the store, with everything it owns.
 * @example DELETE /v1/customers/cus_123
 */
export const deleteCustomer: Operation = (context, { path }) => {
  const record = liveRecord(context, path.customer ?? '');
  context.store.delete(record);
  return { status: 200, body: deletedStub(record.customer.id) };
};

/** The customer's discount (seeded: the mock keeps no coupons), or Stripe's 404 when it has none. */
function activeDiscount(record: CustomerRecord): NonNullable<Customer['discount']> {
  const { discount } = record.customer;
  if (discount) return discount;
  const message = `No active discount for customer: '${record.customer.id}'`;
  throw new MockError(404, { type: 'invalid_request_error', code: 'resource_missing', message });
}

/**
 * GET /v1/customers/{customer}/discount: the discount a test seeded on the customer.
 * @example GET /v1/customers/cus_123/discount
 */
export const retrieveDiscount: Operation = (context, { path, params }) => {
  const record = liveRecord(context, path.customer ?? '');
  const paths = checkExpand((params as RetrieveParams).expand, '', DISCOUNT_EXPANDABLE);
  const discount = activeDiscount(record);
  return { status: 200, body: paths.includes('customer') ? { ...discount, customer: expandCustomer(record, []) } : discount };
};

/**
 * DELETE /v1/customers/{customer}/discount: the discount with `deleted: true`; the customer has none after.
 * @example DELETE /v1/customers/cus_123/discount
 */
export const deleteDiscount: Operation = (context, { path }) => {
  const record = liveRecord(context, path.customer ?? '');
  const discount = activeDiscount(record);
  record.customer = { ...record.customer, discount: null };
  return { status: 200, body: { ...discount, deleted: true } };
};
