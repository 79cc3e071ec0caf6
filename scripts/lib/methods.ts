import { pascalCase } from './names.js';
import { resolveLocal, type Document, type Schema } from './openapi.js';
import type { OperationInfo } from './select.js';

/** How an operation becomes a method on its resource (`client.customers.listPaymentMethods`). */
export interface MethodInfo {
  /** The method's name: stripe-node's where it has the operation, the same rule elsewhere. */
  name: string;
  /** Other names for the same method (`delete` beside stripe-node's `del`). */
  aliases: string[];
  /** The operation it runs. */
  operation: OperationInfo;
  /** Path params, in path order: the method's first arguments. */
  ids: string[];
  /** Where the params argument goes, or null when the operation takes none (then there is no such argument). */
  params: 'query' | 'body' | null;
  /** Whether the params argument must be given (some param is required). */
  paramsRequired: boolean;
  /** Whether the params take `expand`, so literal paths can type the result. */
  expand: boolean;
  /** How the result pages: a list (`starting_after`), a search (`page`), or not at all. */
  paging: 'list' | 'search' | null;
}

const isParam = (segment: string) => /^\{[^}]+\}$/.test(segment);
const singular = (noun: string) => (noun.endsWith('s') ? noun.slice(0, -1) : noun);

/**
 * The method name for an operation on a resource at `base` (`/v1/customers`), by the rule
 * stripe-node's names follow: `create`/`list`/`search` on the collection, `retrieve`/`update`/`del`
 * on an item; below an item, the verb and the noun of the sub-collection (`listTaxIds`,
 * `createTaxId`, `retrieveTaxId`, `deleteTaxId`, `verifySource`), or of a single sub-object
 * (`retrieveCashBalance`, `updateCashBalance`, `deleteDiscount`; a POST to one that cannot be read
 * creates: `createFundingInstructions`).
 */
export function methodName(op: Pick<OperationInfo, 'method' | 'path'>, base: string, allPaths: ReadonlySet<string>): string {
  const rest = op.path.slice(base.length).split('/').filter(Boolean);
  const verbs: Record<string, string> = { get: 'retrieve', post: 'update', delete: 'delete' };
  if (rest.length === 0) return op.method === 'post' ? 'create' : 'list';
  if (rest.length === 1 && !isParam(rest[0]!)) return rest[0]!;
  if (rest.length === 1) return op.method === 'delete' ? 'del' : verbs[op.method]!;
  // Below an item: the nouns of every fixed segment after the first id, the last one deciding. A
  // fixed segment in the id's place is a noun too (`/v1/credit_notes/preview/lines`).
  const nouns = (isParam(rest[0]!) ? rest.slice(1) : rest).filter((s) => !isParam(s));
  const last = rest[rest.length - 1]!;
  if (last === 'verify') return `verify${nouns.slice(0, -1).map((n) => pascalCase(singular(n))).join('')}`;
  const endsWithId = isParam(last);
  const named = (words: string[], plural: boolean) =>
    words.map((n, i) => pascalCase(i === words.length - 1 && plural ? n : singular(n))).join('');
  if (endsWithId) return `${op.method === 'delete' ? 'delete' : verbs[op.method]}${named(nouns, false)}`;
  const collection = allPaths.has(`${op.path}/{id}`) || [...allPaths].some((p) => p.startsWith(`${op.path}/{`));
  if (collection) return op.method === 'get' ? `list${named(nouns, true)}` : `create${named(nouns, false)}`;
  if (op.method === 'post' && !allPaths.has(`${op.path}#get`)) return `create${named(nouns, true)}`;
  return `${verbs[op.method]}${named(nouns, true)}`;
}

function objectOf(doc: Document, schema: Schema | undefined): Schema | undefined {
  if (!schema) return undefined;
  return schema.$ref ? resolveLocal<Schema>(doc, schema) : schema;
}

/** `list` when the success response is a list object, `search` for a search result, else null. */
export function pagingOf(doc: Document, op: OperationInfo): 'list' | 'search' | null {
  const response = objectOf(doc, op.response);
  const object = objectOf(doc, response?.properties?.['object']);
  const value = object?.enum?.[0];
  if (value === 'list' && response?.properties?.['data'] && response.properties['has_more']) return 'list';
  if (value === 'search_result' && response?.properties?.['data']) return 'search';
  return null;
}

/**
 * The methods of the resource at `base`: one per operation whose {@link resourceBase} it is, named
 * by {@link methodName}, with its arguments and paging. When the rule gives two operations one name
 * (Stripe's `POST /v1/charges/{charge}/refund` and `…/refunds` are both `createRefund`), each of them
 * is named after its operationId instead (`postChargesChargeRefund`), so neither reads as the other.
 */
export function resourceMethods(doc: Document, ops: readonly OperationInfo[], base: string): MethodInfo[] {
  const paths = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    paths.add(path);
    if (item.get) paths.add(`${path}#get`);
  }
  const resources = specResources(doc);
  const methods = ops
    .filter((op) => resourceBase(op.path, resources) === base)
    .map((op): MethodInfo => {
      const name = methodName(op, base, paths);
      const params = op.body ? objectOf(doc, op.body) : undefined;
      const bodyProps = Object.keys(params?.properties ?? {});
      const where = op.body ? (bodyProps.length ? 'body' : null) : op.queryParams.length ? 'query' : null;
      const required = where === 'body' ? (params?.required?.length ?? 0) > 0 : op.queryParams.some((p) => p.required);
      const names = where === 'body' ? bodyProps : op.queryParams.map((p) => p.name);
      return {
        name,
        aliases: name === 'del' ? ['delete'] : [],
        operation: op,
        ids: op.pathParams.map((p) => p.name),
        params: where,
        paramsRequired: required,
        expand: names.includes('expand'),
        paging: pagingOf(doc, op),
      };
    });
  return withDistinctNames(methods);
}

/** `PostChargesChargeRefund` → `postChargesChargeRefund`: the fallback name of an operation. */
export function operationMethodName(operationId: string): string {
  const pascal = pascalCase(operationId);
  return pascal[0]!.toLowerCase() + pascal.slice(1);
}

/** The methods with every name the rule gave more than one of replaced by the operationIds' names. */
export function withDistinctNames(methods: readonly MethodInfo[]): MethodInfo[] {
  const count = new Map<string, number>();
  for (const m of methods) for (const name of [m.name, ...m.aliases]) count.set(name, (count.get(name) ?? 0) + 1);
  const renamed = methods.map((m) =>
    count.get(m.name)! > 1 ? { ...m, name: operationMethodName(m.operation.id), aliases: [] } : m,
  );
  const seen = new Map<string, string>();
  for (const m of renamed) {
    for (const name of [m.name, ...m.aliases]) {
      const other = seen.get(name);
      if (other) throw new Error(`operations ${other} and ${m.operation.id} would both be the method ${name}`);
      seen.set(name, m.operation.id);
    }
  }
  return renamed;
}

const isParamSegment = (segment: string | undefined) => segment !== undefined && /^\{[^}]+\}$/.test(segment);

/**
 * The paths that are resources (see {@link resourceBase}): every operation's path, and every prefix
 * an id follows in some path.
 */
export function resourcePaths(allPaths: Iterable<string>): Set<string> {
  const found = new Set<string>();
  for (const path of allPaths) {
    found.add(path);
    const segments = path.split('/');
    segments.forEach((segment, i) => {
      if (i > 0 && isParamSegment(segment)) found.add(segments.slice(0, i).join('/') || '/');
    });
  }
  return found;
}

const resourcesBySpec = new WeakMap<object, Set<string>>();

/** {@link resourcePaths} of a spec's paths, worked out once per spec (a run asks once per resource). */
function specResources(doc: Document): Set<string> {
  const paths = doc.paths ?? {};
  let found = resourcesBySpec.get(paths);
  if (!found) resourcesBySpec.set(paths, (found = resourcePaths(Object.keys(paths))));
  return found;
}

/**
 * The path of the resource an operation belongs to: the shortest prefix of `path` that is itself an
 * operation's path or is followed by an id in some path (`/v1/customers` for
 * `/v1/customers/{customer}/tax_ids`). Leading segments that are neither are namespaces and never a
 * resource: `/v1` and Stripe's `/v1/issuing` (`/v1/issuing/cards` is the resource), Lago's `/api/v1`.
 * `resources` is {@link resourcePaths} of every path in the spec.
 */
export function resourceBase(path: string, resources: ReadonlySet<string>): string {
  const segments = path.split('/');
  for (let n = 2; n <= segments.length; n++) {
    const prefix = segments.slice(0, n).join('/');
    if (resources.has(prefix)) return prefix;
  }
  return path;
}

/**
 * The leading segments every path shares that are namespaces, not resources (`/v1` in Stripe's
 * spec, `/api/v1` in Lago's): a resource's name leaves them out.
 */
export function namespacePrefix(allPaths: readonly string[]): string[] {
  const resources = resourcePaths(allPaths);
  const bases = allPaths.map((p) => resourceBase(p, resources).split('/'));
  const shared: string[] = [];
  for (let i = 1; bases.length && bases.every((b) => i < b.length - 1 && b[i] === bases[0]![i]); i++) shared.push(bases[0]![i]!);
  return shared;
}

/**
 * The resources the operations belong to: one per distinct {@link resourceBase}, named after its
 * segments below the shared namespace: `/v1/customers` is `customers` (its types `Customer…`),
 * `/v1/apple_pay/domains` is `applePayDomains` (`ApplePayDomain…`). Two resources whose singular
 * would be one (`/v1/account` and `/v1/accounts`) each keep their own name whole (`Account…`,
 * `Accounts…`). `allPaths` are every path of the spec (default: the operations'), which decide
 * what is a resource.
 */
export function findResources(
  ops: readonly OperationInfo[],
  runtime: string,
  allPaths: readonly string[] = ops.map((op) => op.path),
): { base: string; property: string; singular: string; runtime: string }[] {
  const skip = namespacePrefix(allPaths).length + 1;
  const resources = resourcePaths(allPaths);
  const bases = [...new Set(ops.map((op) => resourceBase(op.path, resources)))].sort();
  const named = bases.map((base) => {
    const words = base.split('/').slice(skip).filter((w) => !isParamSegment(w));
    const names = words.length ? words : ['api'];
    const whole = names.map(pascalCase).join('');
    const singularName = [...names.slice(0, -1).map(pascalCase), pascalCase(singular(names[names.length - 1]!))].join('');
    return { base, property: whole[0]!.toLowerCase() + whole.slice(1), whole, singular: singularName, runtime };
  });
  const count = new Map<string, number>();
  for (const r of named) count.set(r.singular, (count.get(r.singular) ?? 0) + 1);
  return named.map(({ whole, ...r }) => ({ ...r, singular: count.get(r.singular)! > 1 ? whole : r.singular }));
}
