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
  // Below an item: the nouns of every fixed segment after the first id, the last one deciding.
  const nouns = rest.slice(1).filter((s) => !isParam(s));
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
 * The methods of the resource at `base`: one per operation under it, named by {@link methodName},
 * with its arguments and paging. Two operations may not share a name.
 */
export function resourceMethods(doc: Document, ops: readonly OperationInfo[], base: string): MethodInfo[] {
  const paths = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    paths.add(path);
    if (item.get) paths.add(`${path}#get`);
  }
  const methods = ops
    .filter((op) => op.path === base || op.path.startsWith(`${base}/`))
    .map((op): MethodInfo => {
      const name = methodName(op, base, paths);
      const params = op.body ? objectOf(doc, op.body) : undefined;
      const bodyProps = Object.keys(params?.properties ?? {});
      const where = op.method === 'post' ? (bodyProps.length ? 'body' : null) : op.queryParams.length ? 'query' : null;
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
  const seen = new Map<string, string>();
  for (const m of methods) {
    for (const name of [m.name, ...m.aliases]) {
      const other = seen.get(name);
      if (other) throw new Error(`operations ${other} and ${m.operation.id} would both be the method ${name}`);
      seen.set(name, m.operation.id);
    }
  }
  return methods;
}

/**
 * The resources the operations belong to: one per distinct `/v1/<name>` (the first two path
 * segments), named after it: `/v1/customers` is `customers`, its types `Customer…`.
 */
export function findResources(ops: readonly OperationInfo[], runtime: string): { base: string; property: string; singular: string; runtime: string }[] {
  const bases = [...new Set(ops.map((op) => op.path.split('/').slice(0, 3).join('/')))].sort();
  return bases.map((base) => {
    const name = base.split('/').pop()!;
    const camel = pascalCase(name);
    return { base, property: camel[0]!.toLowerCase() + camel.slice(1), singular: pascalCase(singular(name)), runtime };
  });
}
