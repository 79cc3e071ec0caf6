import { resourceMissing } from './envelope.js';
import { checkExpand, expandCustomer } from './expand.js';
import { liveRecord, type Operation, type OperationContext } from './operation.js';
import { listEnvelope, paginate } from './pagination.js';
import type { CustomerRecord, TaxIdObject } from './store.js';
import type { ExpandOnly, TaxIdCreateParams, TaxIdListParams } from './wire.js';

// Stripe checks these types with a tax authority; a new one stays pending until that answers.
const VERIFIED_TYPES = new Set(['eu_vat', 'gb_vat', 'au_abn']);
const EXPANDABLE = new Set(['customer']);

/**
 * A tax id object for a customer, as Stripe makes one from `tax_id_data` or POST .../tax_ids.
 * @example taxIdObject(context, 'cus_123', { type: 'eu_vat', value: 'DE123456789' }).country // 'DE'
 */
export function taxIdObject(context: OperationContext, customer: string, data: { type: string; value: string }): TaxIdObject {
  // An EU VAT number starts with its country (Greece writes EL); other types name it in the type.
  const prefix = data.value.slice(0, 2).toUpperCase();
  const country = data.type === 'eu_vat' ? (prefix === 'EL' ? 'GR' : prefix) : data.type === 'eu_oss_vat' ? null : data.type.slice(0, 2).toUpperCase();
  return {
    id: context.ids.taxId(),
    object: 'tax_id',
    country,
    created: context.nowSeconds(),
    customer,
    livemode: false,
    type: data.type,
    value: data.value,
    verification: VERIFIED_TYPES.has(data.type) ? { status: 'pending', verified_address: null, verified_name: null } : null,
  };
}

/** The tax id with `customer` expanded when asked. */
function shown(taxId: TaxIdObject, record: CustomerRecord, paths: readonly string[]): TaxIdObject {
  return paths.includes('customer') ? { ...taxId, customer: expandCustomer(record, []) } : taxId;
}

function findTaxId(record: CustomerRecord, id: string): TaxIdObject {
  const taxId = record.taxIds.find((candidate) => candidate.id === id);
  if (!taxId) throw resourceMissing('tax id', id);
  return taxId;
}

/**
 * GET /v1/customers/{customer}/tax_ids: newest first, with Stripe's cursors.
 * @example GET /v1/customers/cus_123/tax_ids?limit=3
 */
export const listTaxIds: Operation = (context, { path, params }) => {
  const query = params as TaxIdListParams;
  const record = liveRecord(context, path.customer ?? '');
  const paths = checkExpand(query.expand, 'data.', EXPANDABLE);
  const newestFirst = [...record.taxIds].reverse();
  const { page, hasMore } = paginate(newestFirst, () => true, (taxId) => taxId.id, query, 'tax id');
  const data = page.map((taxId) => shown(taxId, record, paths));
  return { status: 200, body: listEnvelope(`/v1/customers/${record.customer.id}/tax_ids`, data, hasMore) };
};

/**
 * POST /v1/customers/{customer}/tax_ids
 * @example POST /v1/customers/cus_123/tax_ids  type=eu_vat&value=DE123456789
 */
export const createTaxId: Operation = (context, { path, params }) => {
  const body = params as TaxIdCreateParams;
  const record = liveRecord(context, path.customer ?? '');
  const paths = checkExpand(body.expand, '', EXPANDABLE);
  context.store.ensureRoom(1);
  const taxId = taxIdObject(context, record.customer.id, body);
  context.store.add(record, 'taxIds', taxId);
  return { status: 200, body: shown(taxId, record, paths) };
};

/**
 * GET /v1/customers/{customer}/tax_ids/{id}
 * @example GET /v1/customers/cus_123/tax_ids/txi_123
 */
export const retrieveTaxId: Operation = (context, { path, params }) => {
  const record = liveRecord(context, path.customer ?? '');
  const paths = checkExpand((params as ExpandOnly).expand, '', EXPANDABLE);
  return { status: 200, body: shown(findTaxId(record, path.id ?? ''), record, paths) };
};

/**
 * DELETE /v1/customers/{customer}/tax_ids/{id}: the deleted stub; a second delete is a 404.
 * @example DELETE /v1/customers/cus_123/tax_ids/txi_123
 */
export const deleteTaxId: Operation = (context, { path }) => {
  const record = liveRecord(context, path.customer ?? '');
  const taxId = findTaxId(record, path.id ?? '');
  context.store.remove(record, 'taxIds', taxId);
  return { status: 200, body: { id: taxId.id, object: 'tax_id', deleted: true } };
};
