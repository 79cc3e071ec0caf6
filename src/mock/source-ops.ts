import { invalidParam, MockError, resourceMissing } from './envelope.js';
import { checkExpand, expandCustomer } from './expand.js';
import { liveRecord, type Operation, type OperationContext } from './operation.js';
import { listEnvelope, paginate } from './pagination.js';
import { checkToken, newSource, updatedSource } from './source-object.js';
import type { CustomerRecord, SourceObject } from './store.js';
import type { ExpandOnly, SourceCreateParams, SourceListParams, SourceUpdateParams, VerifyParams } from './wire.js';

// A customer's sources: cards and bank accounts, under /sources and the legacy /cards and
// /bank_accounts paths. The legacy paths see only their own kind (a card is not found under
// /bank_accounts); /sources sees both. The first source attached becomes the customer's
// `default_source`, and deleting the default makes the newest remaining one the default, as on Stripe.

/** Which sources a path serves: all of them (`/sources`), or one kind. */
export type SourcePath = 'sources' | 'cards' | 'bank_accounts';

const KIND: Readonly<Record<SourcePath, SourceObject['object'] | undefined>> = { sources: undefined, cards: 'card', bank_accounts: 'bank_account' };
const NAME: Readonly<Record<SourcePath, string>> = { sources: 'source', cards: 'card', bank_accounts: 'bank account' };
const LIST_OBJECTS = new Set(['card', 'bank_account', 'source']);
const EXPANDABLE = new Set(['customer']);

// Stripe's test-mode microdeposits: verifying with these amounts succeeds, any others fail.
const TEST_AMOUNTS = [32, 45] as const;

/** The source with `customer` expanded when asked. */
function shown(source: SourceObject, record: CustomerRecord, paths: readonly string[]): SourceObject {
  return paths.includes('customer') ? { ...source, customer: expandCustomer(record, []) } : source;
}

function findSource(record: CustomerRecord, id: string, where: SourcePath): SourceObject {
  const kind = KIND[where];
  const source = record.sources.find((candidate) => candidate.id === id && (kind === undefined || candidate.object === kind));
  if (!source) throw resourceMissing(NAME[where], id);
  return source;
}

function replace(record: CustomerRecord, current: SourceObject, next: SourceObject): void {
  record.sources = record.sources.map((candidate) => (candidate === current ? next : candidate));
}

/**
 * GET .../sources, .../cards or .../bank_accounts: newest first, with Stripe's cursors; /sources
 * also filters by `object` (`card`, `bank_account` or `source`).
 * @example GET /v1/customers/cus_123/sources?object=card&limit=3
 */
export function listSources(where: SourcePath): Operation {
  return (context, { path, params }) => {
    const query = params as SourceListParams;
    const record = liveRecord(context, path.customer ?? '');
    const paths = checkExpand(query.expand, 'data.', EXPANDABLE);
    if (query.object !== undefined && !LIST_OBJECTS.has(query.object)) {
      throw invalidParam('object', `Invalid object: ${query.object}. Use card, bank_account or source.`);
    }
    const kind = KIND[where] ?? query.object;
    const newestFirst = [...record.sources].reverse();
    const visible = (source: SourceObject) => kind === undefined || source.object === kind;
    const { page, hasMore } = paginate(newestFirst, visible, (source) => source.id, query, NAME[where]);
    const data = page.map((source) => shown(source, record, paths));
    return { status: 200, body: listEnvelope(`/v1/customers/${record.customer.id}/${where}`, data, hasMore) };
  };
}

/**
 * POST .../sources (or the legacy .../cards, .../bank_accounts): attaches the card or bank
 * account `newSource` makes; the customer's first becomes its `default_source`.
 * @example POST /v1/customers/cus_123/sources  source=tok_visa
 */
export const createSource: Operation = (context, { path, params }) => {
  const body = params as SourceCreateParams;
  const record = liveRecord(context, path.customer ?? '');
  const paths = checkExpand(body.expand, '', EXPANDABLE);
  // Before any id is drawn, so a refused create leaves sequential ids unbroken.
  context.store.ensureRoom(1);
  const source = newSource(context, record.customer.id, body);
  context.store.add(record, 'sources', source);
  if (!record.customer.default_source) record.customer = { ...record.customer, default_source: source.id };
  return { status: 200, body: shown(source, record, paths) };
};

/**
 * Checks a customer create or update `source` param before anything changes: a token the mock
 * knows, and room for one more object.
 * @example checkNewDefaultSource(context, 'tok_visa')
 */
export function checkNewDefaultSource(context: OperationContext, token: string): void {
  checkToken(token, 'source');
  context.store.ensureRoom(1);
}

/**
 * A customer create or update `source` param: the new source becomes the default, and the old
 * default, if any, is deleted, as Stripe does. Call {@link checkNewDefaultSource} first.
 * @example replaceDefaultSource(context, record, 'tok_visa')
 */
export function replaceDefaultSource(context: OperationContext, record: CustomerRecord, token: string): void {
  const previous = record.sources.find((source) => source.id === record.customer.default_source);
  if (previous) context.store.remove(record, 'sources', previous);
  const source = newSource(context, record.customer.id, { source: token });
  context.store.add(record, 'sources', source);
  record.customer = { ...record.customer, default_source: source.id };
}

/**
 * Throws Stripe's 400 unless a customer update's `default_source` names one of its sources ('' unsets it).
 * @example checkDefaultSource(record, 'card_123')
 */
export function checkDefaultSource(record: CustomerRecord, id: string | undefined): void {
  if (id && !record.sources.some((source) => source.id === id)) throw resourceMissing('source', id, 'default_source', 400);
}

/**
 * GET .../sources/{id} (or .../cards/{id}, .../bank_accounts/{id})
 * @example GET /v1/customers/cus_123/sources/card_123
 */
export function retrieveSource(where: SourcePath): Operation {
  return (context, { path, params }) => {
    const record = liveRecord(context, path.customer ?? '');
    const paths = checkExpand((params as ExpandOnly).expand, '', EXPANDABLE);
    return { status: 200, body: shown(findSource(record, path.id ?? '', where), record, paths) };
  };
}

/**
 * POST .../sources/{id}: what `updatedSource` allows for the source's kind.
 * @example POST /v1/customers/cus_123/sources/card_123  name=Jenny+Rosen&exp_year=2031
 */
export function updateSource(where: SourcePath): Operation {
  return (context, { path, params }) => {
    const body = params as SourceUpdateParams;
    const record = liveRecord(context, path.customer ?? '');
    const paths = checkExpand(body.expand, '', EXPANDABLE);
    const current = findSource(record, path.id ?? '', where);
    const next = updatedSource(current, body);
    replace(record, current, next);
    return { status: 200, body: shown(next, record, paths) };
  };
}

/**
 * DELETE .../sources/{id}: the deleted stub; a second delete is a 404. Deleting the default
 * source makes the newest remaining one the default (none left: null).
 * @example DELETE /v1/customers/cus_123/sources/card_123
 */
export function deleteSource(where: SourcePath): Operation {
  return (context, { path, params }) => {
    const record = liveRecord(context, path.customer ?? '');
    checkExpand((params as ExpandOnly).expand, '', EXPANDABLE);
    const source = findSource(record, path.id ?? '', where);
    context.store.remove(record, 'sources', source);
    if (record.customer.default_source === source.id) {
      record.customer = { ...record.customer, default_source: record.sources.at(-1)?.id ?? null };
    }
    return { status: 200, body: { id: source.id, object: source.object, deleted: true } };
  };
}

/**
 * POST .../sources/{id}/verify (or .../bank_accounts/{id}/verify): a `new` bank account with
 * `amounts` [32, 45], Stripe's test microdeposits, becomes `verified`. Other amounts are Stripe's
 * 400 `bank_account_verification_failed`, and the account stays unverified; a verified one is a 400.
 * @example POST /v1/customers/cus_123/sources/ba_123/verify  amounts[0]=32&amounts[1]=45
 */
export const verifySource: Operation = (context, { path, params }) => {
  const body = params as VerifyParams;
  const record = liveRecord(context, path.customer ?? '');
  const paths = checkExpand(body.expand, '', EXPANDABLE);
  const account = findSource(record, path.id ?? '', 'bank_accounts');
  if (account.status === 'verified') throw new MockError(400, { type: 'invalid_request_error', message: 'This bank account has already been verified.' });
  if (body.amounts === undefined) throw invalidParam('amounts', 'Missing required param: amounts.', 'parameter_missing');
  const matches = body.amounts.length === TEST_AMOUNTS.length && body.amounts.every((amount, i) => amount === TEST_AMOUNTS[i]);
  if (!matches) {
    const message = 'The amounts provided do not match the amounts that were sent to the bank account.';
    throw new MockError(400, { type: 'invalid_request_error', code: 'bank_account_verification_failed', param: 'amounts', message });
  }
  const next: SourceObject = { ...account, status: 'verified' };
  replace(record, account, next);
  return { status: 200, body: shown(next, record, paths) };
};
