import { applyParams, blankCustomer } from './customer-object.js';
import { MockError, resourceMissing } from './envelope.js';
import { customerExpansions, expandCustomer } from './expand.js';
import { deletedStub, liveRecord, type Operation } from './operation.js';
import { taxIdObject } from './tax-id-ops.js';
import type { CreateParams, RetrieveParams, UpdateParams } from './wire.js';

/**
 * POST /v1/customers: a new customer with Stripe's defaults; `tax_id_data` becomes tax id objects.
 * @example POST /v1/customers  email=jenny%40example.com&name=Jenny+Rosen&metadata[app_user_id]=u_42
 */
export const createCustomer: Operation = (context, { params }) => {
  const body = params as CreateParams;
  const expansions = customerExpansions(body.expand, '');
  // Before any id is drawn, so a refused create leaves sequential ids unbroken.
  context.store.ensureRoom(1 + (body.tax_id_data?.length ?? 0));
  const id = context.ids.customer();
  const { customer, extras } = applyParams(blankCustomer(id, context.nowSeconds(), context.ids.invoicePrefix()), body);
  const taxIds = (body.tax_id_data ?? []).map((data) => taxIdObject(context, id, data));
  const record = context.store.insert(customer, { ...extras, taxIds });
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
 * POST /v1/customers/{customer}: the params given, merged as `applyParams` describes.
 * @example POST /v1/customers/cus_123  metadata[plan]=pro&address=
 */
export const updateCustomer: Operation = (context, { path, params }) => {
  const body = params as UpdateParams;
  const record = liveRecord(context, path.customer ?? '');
  const expansions = customerExpansions(body.expand, '');
  const { customer, extras } = applyParams(record.customer, body);
  record.customer = customer;
  Object.assign(record, extras);
  return { status: 200, body: expandCustomer(record, expansions) };
};

/**
 * DELETE /v1/customers/{customer}: deleting twice is a 404, as on Stripe. Frees the customer's
 * room in the store, with its tax ids and balance transactions.
 * @example DELETE /v1/customers/cus_123
 */
export const deleteCustomer: Operation = (context, { path }) => {
  const record = liveRecord(context, path.customer ?? '');
  context.store.delete(record);
  return { status: 200, body: deletedStub(record.customer.id) };
};

/**
 * DELETE /v1/customers/{customer}/discount: the discount (seeded; the mock keeps no coupons) with `deleted: true`.
 * @example DELETE /v1/customers/cus_123/discount
 */
export const deleteDiscount: Operation = (context, { path }) => {
  const record = liveRecord(context, path.customer ?? '');
  const { discount } = record.customer;
  if (!discount) {
    const message = `No active discount for customer: '${record.customer.id}'`;
    throw new MockError(404, { type: 'invalid_request_error', code: 'resource_missing', message });
  }
  record.customer = { ...record.customer, discount: null };
  return { status: 200, body: { ...discount, deleted: true } };
};
