/**
 * The TypeScript example on each operation page: a call of the client method the generated method
 * table gives the operation (`stripe.customers.listTaxIds(...)`), with example path ids and exactly
 * the params the operation requires, valued from the schema. Pure functions of the spec.
 */
import type { MethodInfo } from '../methods.js';
import type { Document, Schema } from '../openapi.js';
import { objectOf } from './schema-cells.js';

/** The package the examples import from. */
export const PACKAGE = 'stripe-customers';

/**
 * Stripe's id prefixes, keyed by the path segment naming the collection an id belongs to
 * (`/v1/customers/{customer}/tax_ids/{id}`: `{id}` follows `tax_ids`, so it is a `txi_` id).
 */
export const ID_PREFIXES: Readonly<Record<string, string>> = {
  accounts: 'acct',
  balance_transactions: 'cbtxn',
  bank_accounts: 'ba',
  cards: 'card',
  cash_balance_transactions: 'ccsbtxn',
  charges: 'ch',
  customers: 'cus',
  invoices: 'in',
  payment_intents: 'pi',
  payment_methods: 'pm',
  prices: 'price',
  products: 'prod',
  refunds: 're',
  sources: 'src',
  subscriptions: 'sub',
  tax_ids: 'txi',
};

/**
 * An example id for the path param `param` of `path`: the prefix of the collection before it (or
 * the param's name when the collection is not in {@link ID_PREFIXES}) and a suffix shaped like
 * Stripe's: 14 characters for customers, 24 for everything else.
 */
export function exampleId(path: string, param: string): string {
  const segments = path.split('/');
  const collection = segments[segments.indexOf(`{${param}}`) - 1] ?? '';
  const prefix = ID_PREFIXES[collection] ?? param;
  return `${prefix}_${prefix === 'cus' ? 'NffrFeUfNV2Hib' : '1MrFLtLkdIwHu7ixzVWvqdC5'}`;
}

/** Plausible values for strings by the property's name; any other string is `'example'`. */
export const STRING_EXAMPLES: Readonly<Record<string, string>> = {
  country: 'US',
  currency: 'usd',
  description: 'Goodwill credit',
  email: 'jenny.rosen@example.com',
  name: 'Jenny Rosen',
  phone: '+15555550123',
  // Metadata search works on every Stripe resource that has a search endpoint.
  query: "metadata['order_id']:'6735'",
};

/** Plausible values for integers by the property's name; any other integer is its minimum, or 1. */
export const INTEGER_EXAMPLES: Readonly<Record<string, number>> = { amount: 1000, unit_amount: 1000, quantity: 1 };

/** Nested required objects deeper than this are left empty: no spec should need it, a cycle would. */
const MAX_DEPTH = 8;

/**
 * A valid example value for a schema: the spec's `example` or `default` when it has one; an enum's
 * first value; the first union member that is not Stripe's `""` (which only clears a field); strings
 * and integers from the tables by `name`; objects with exactly their required properties.
 */
export function exampleValue(doc: Document, schema: Schema, name: string, depth = 0): unknown {
  const s = objectOf(doc, schema);
  const given = s as { example?: unknown; default?: unknown };
  if (given.example !== undefined) return given.example;
  if (given.default !== undefined) return given.default;
  const members = s.anyOf ?? s.oneOf ?? s.allOf;
  if (members?.length) {
    const clearsOnly = (m: Schema) => m.enum?.length === 1 && m.enum[0] === '';
    return exampleValue(doc, members.find((m) => !clearsOnly(m)) ?? members[0]!, name, depth);
  }
  const first = s.enum?.find((v) => v !== null);
  if (first !== undefined) return first;
  const type = (Array.isArray(s.type) ? s.type : [s.type]).find((t) => t !== undefined && t !== 'null');
  if (type === 'integer' || type === 'number') return INTEGER_EXAMPLES[name] ?? s.minimum ?? (s.format === 'unix-time' ? 1714000000 : 1);
  if (type === 'boolean') return true;
  if (type === 'array') return s.items && depth < MAX_DEPTH ? [exampleValue(doc, s.items, name, depth + 1)] : [];
  if (type === 'object' || s.properties) return depth < MAX_DEPTH ? requiredValues(doc, s, depth + 1) : {};
  if (type === 'string' && s.format === 'decimal') return '1.00';
  return STRING_EXAMPLES[name] ?? 'example';
}

/** Exactly the required properties of an object, each with its example value. */
function requiredValues(doc: Document, object: Schema, depth: number): Record<string, unknown> {
  const properties = object.properties ?? {};
  const names = (object.required ?? []).filter((key) => Object.hasOwn(properties, key));
  return Object.fromEntries(names.map((key) => [key, exampleValue(doc, properties[key]!, key, depth)]));
}

/** The params argument's required part: required query params, or the body's required properties. */
export function requiredParams(doc: Document, method: MethodInfo): Record<string, unknown> {
  const op = method.operation;
  if (method.params === 'body' && op.body) return requiredValues(doc, objectOf(doc, op.body), 0);
  if (method.params !== 'query') return {};
  const required = op.queryParams.filter((p) => p.required === true);
  return Object.fromEntries(required.map((p) => [p.name, exampleValue(doc, p.schema ?? {}, p.name)]));
}

/** A string as TypeScript source: single quotes, or double when the text holds a single quote. */
function quote(text: string): string {
  if (text.includes("'") && !text.includes('"')) return JSON.stringify(text);
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** A JSON-like value as TypeScript source on one line: `{ type: 'eu_vat', value: 'example' }`. */
export function tsLiteral(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (!entries.length) return '{}';
    const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k));
    return `{ ${entries.map(([k, v]) => `${key(k)}: ${tsLiteral(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

const lowerFirst = (text: string): string => text.slice(0, 1).toLowerCase() + text.slice(1);

/**
 * The variable an example assigns a result to, from the method's name: the noun after the verb
 * (`createTaxId` → `taxId`), the resource's own noun when there is none (`retrieve` → `customer`),
 * `deleted` for a deletion. For a paged method, the name of one item (`listTaxIds` → `taxId`).
 */
export function resultName(method: Pick<MethodInfo, 'name' | 'paging'>, singular: string): string {
  if (/^(del|delete)([A-Z]|$)/.test(method.name)) return 'deleted';
  const noun = method.name.replace(/^[a-z]+/, '');
  if (!noun) return lowerFirst(singular);
  return lowerFirst(method.paging && noun.endsWith('s') ? noun.slice(0, -1) : noun);
}

/** Where the example calls the method: the client's property for the resource (`customers`). */
export interface ExampleTarget {
  /** `customers`: the property of the client. */
  property: string;
  /** `Customer`: one of what the resource holds. */
  singular: string;
}

/** Longest call kept on one line; a longer one gets its params one per line. */
const LINE = 100;

/** `stripe.customers.createTaxId('cus_…', { … })`, the params spread over lines when it is long. */
function callText(target: ExampleTarget, method: MethodInfo, ids: readonly string[], params: Record<string, unknown> | undefined, indent: string): string {
  const callee = `stripe.${target.property}.${method.name}`;
  const args = [...ids.map(quote), ...(params ? [tsLiteral(params)] : [])];
  const flat = `${callee}(${args.join(', ')})`;
  if (flat.length + indent.length <= LINE || !params || !Object.keys(params).length) return flat;
  const lines = Object.entries(params).map(([k, v]) => `${indent}  ${tsLiteral({ [k]: v }).slice(2, -2)},`);
  return `${callee}(${[...ids.map(quote), `{\n${lines.join('\n')}\n${indent}}`].join(', ')})`;
}

/** The example's code block for one method: an awaited call, or for a paged method one page and a `for await` loop. */
export function exampleCode(doc: Document, target: ExampleTarget, method: MethodInfo): string {
  const ids = method.ids.map((id) => exampleId(method.operation.path, id));
  const required = requiredParams(doc, method);
  const params =
    method.params === null ? undefined : method.paging ? { ...required, limit: 3 } : Object.keys(required).length ? required : undefined;
  const name = resultName(method, target.singular);
  const body = method.paging
    ? [
        '// One page:',
        `const page = await ${callText(target, method, ids, params, '')};`,
        'console.log(page.data.length, page.has_more);',
        '// Every item, each page requested when the loop reaches it:',
        `for await (const ${name} of ${callText(target, method, ids, params, '')}) {`,
        `  console.log(${name}.id);`,
        '}',
      ]
    : [`const ${name} = await ${callText(target, method, ids, params, '')};`];
  return [
    '```ts',
    `import { createClient } from '${PACKAGE}';`,
    '',
    'const stripe = createClient({ apiKey: process.env.STRIPE_SECRET_KEY! });',
    ...body,
    '```',
  ].join('\n');
}
