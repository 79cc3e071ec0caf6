import type { MethodInfo } from './methods.js';
import { descriptionText } from './models/doc.js';
import { modelType, type ModelTypeContext } from './models/model-type.js';
import { pascalCase } from './names.js';
import { docComment } from './zod/context.js';

/** What a resource's methods file needs to know beyond the methods themselves. */
export interface ResourceNames {
  /** The property on the client: `customers`. */
  property: string;
  /** The singular type prefix: `Customer` (`CustomerCreateParams`, `CustomersResource`). */
  singular: string;
  /** Where the hand-written helper types come from (`../src/index.js` here, `stripe-customers` for users). */
  runtime: string;
}

/** `CustomersResource`: the interface of `client.customers` (`AccountResource` beside `AccountsResource`). */
export function resourceInterfaceName(property: string): string {
  return `${property[0]!.toUpperCase()}${property.slice(1)}Resource`;
}

/** `CustomerListPaymentMethodsParams`: stripe-node's names for the params types. */
export function paramsTypeName(singular: string, method: MethodInfo): string {
  return `${singular}${pascalCase(method.name === 'del' ? 'delete' : method.name)}Params`;
}

/** `CustomerRetrieveExpandPath`: the paths a method's `expand` may name. */
export function expandPathTypeName(singular: string, method: MethodInfo): string {
  return paramsTypeName(singular, method).replace(/Params$/, 'ExpandPath');
}

/**
 * What a method returns and, for a page, each item: by model name (`Customer | DeletedCustomer`;
 * `ApiList<TaxId>` and `TaxId`). `ctx` records the models it names, for the import.
 */
export function resultTypes(m: MethodInfo, ctx: ModelTypeContext): { result: string; item: string } {
  const response = m.operation.response;
  const result = response ? modelType(response, ctx) : 'unknown';
  const items = response?.properties?.['data']?.items;
  return { result, item: items ? modelType(items, ctx) : `ItemOf<${result}>` };
}

/**
 * A method's params type: openapi-typescript's, field for field. Written as a mapped type so that
 * the compiler names it (`CustomerCreateParams`) in hovers and errors instead of printing its
 * fields out; the type is the same, optional fields, closed enums and descriptions included.
 */
function paramsType(names: ResourceNames, m: MethodInfo): string {
  const op = `OperationTypes[${JSON.stringify(m.operation.id)}]`;
  const media = m.operation.bodyMediaType;
  // BodyOf reads the form body (Stripe's); a body of another media type is read where it is.
  const body = media ? `NonNullable<${op}['requestBody']>['content'][${JSON.stringify(media)}]` : `BodyOf<${op}>`;
  const source = m.params === 'body' ? body : m.paging === 'search' ? `SearchParamsOf<QueryOf<${op}>>` : `QueryOf<${op}>`;
  return `{ [K in keyof ${source}]: ${source}[K] }`;
}

/**
 * The TypeScript signature of one method. When its params take `expand`, the literal paths passed
 * are checked against the method's `…ExpandPath` and type the result (`Expanded`).
 */
function signature(names: ResourceNames, m: MethodInfo, name: string, ctx: ModelTypeContext): string {
  const { result, item } = resultTypes(m, ctx);
  const params = m.params ? paramsTypeName(names.singular, m) : undefined;
  const args = m.ids.map((p) => `${p.replace(/[^A-Za-z0-9_$]/g, '_')}: string`);
  const generic = m.expand ? '<const E extends readonly string[] = []>' : '';
  const withExpand = `WithExpand<${params}, E, ${expandPathTypeName(names.singular, m)}>`;
  if (params) args.push(`params${m.paramsRequired ? '' : '?'}: ${m.expand ? withExpand : params}`);
  args.push('options?: RequestOptions');
  const returns = !m.expand
    ? m.paging === null
      ? `Promise<${result}>`
      : `PagePromise<${result}, ${item}>`
    : m.paging === null
      ? `Promise<Expanded<${result}, E[number]>>`
      : `PagePromise<Expanded<${result}, E[number]>, Expanded<${item}, ItemPaths<E[number]>>>`;
  return `${name}${generic}(${args.join(', ')}): ${returns};`;
}

function methodDoc(m: MethodInfo, alias?: string): string {
  const op = m.operation;
  const lines = [
    descriptionText(op.summary ?? op.description?.split('\n')[0]),
    '',
    `\`${op.method.toUpperCase()} ${op.path}\` (operation \`${op.id}\`).`,
    ...(m.paging ? ['', 'Awaited, one page; with `for await`, every item of every page, each page requested when reached.'] : []),
    ...(alias ? ['', `The same method as \`${alias}\`.`] : []),
  ];
  return docComment(lines.join('\n'));
}

/**
 * Writes `methods.ts` for one resource: the table `createClient` builds the resource from (each
 * method's operation, its path ids in path order, where its params go, how it pages), the params
 * types under stripe-node's names, the paths each method's `expand` may name, and the resource's
 * interface with one typed signature per method, its results named by model (`ctx`).
 */
export function emitResourceMethods(methods: readonly MethodInfo[], names: ResourceNames, ctx: ModelTypeContext): string {
  const tableName = `${names.property}Methods`;
  const rows = methods.map((m) => {
    const fields = [
      `operation: operations.${m.operation.id}`,
      `ids: [${m.ids.map((i) => JSON.stringify(i)).join(', ')}]`,
      `params: ${m.params ? JSON.stringify(m.params) : 'null'}`,
      `paging: ${m.paging ? JSON.stringify(m.paging) : 'null'}`,
      ...(m.aliases.length ? [`aliases: [${m.aliases.map((a) => JSON.stringify(a)).join(', ')}]`] : []),
    ];
    return `${JSON.stringify(m.name)}: { ${fields.join(', ')} },`;
  });
  const paramsTypes = methods
    .filter((m) => m.params)
    .map((m) => {
      const op = m.operation;
      const what = `${names.property}.${m.name}`;
      return `${docComment(`Params of \`${what}\` (${op.method.toUpperCase()} ${op.path}).`)}export type ${paramsTypeName(names.singular, m)} = ${paramsType(names, m)};`;
    });
  const expandTypes = methods
    .filter((m) => m.params && m.expand)
    .map((m) => {
      const what = `${names.property}.${m.name}`;
      const doc = docComment(
        `The paths \`${what}\` can expand, from the spec's expandable fields (see \`ExpandPaths\`); a misspelled literal path is a compile error.`,
      );
      return `${doc}export type ${expandPathTypeName(names.singular, m)} = ExpandPaths<typeof operations.${m.operation.id}.expandable>;`;
    });
  const members = methods.flatMap((m) => [
    `${methodDoc(m)}${signature(names, m, m.name, ctx)}`,
    ...m.aliases.map((alias) => `${methodDoc(m, m.name)}${signature(names, m, alias, ctx)}`),
  ]);
  const resource = resourceInterfaceName(names.property);
  return [
    `/**\n * How each method of \`client.${names.property}\` runs: its operation, its path ids in path order (its\n * first arguments), where its params argument goes (none when null), and how its result pages.\n */\nexport const ${tableName} = {\n${rows.join('\n')}\n} as const;`,
    ...paramsTypes,
    ...expandTypes,
    `/** \`client.${names.property}\`: one method per operation, arguments in the order path ids, params, options. */\nexport interface ${resource} {\n${members.join('\n')}\n}`,
  ].join('\n\n');
}

/** One resource's base path and names, as the generator finds them. */
export interface Resource extends ResourceNames {
  /** `/v1/customers`: every operation at or below it is one of its methods. */
  base: string;
}

/** The helper types methods files read from the client (`runtime`). */
const HELPERS = ['BodyOf', 'Expanded', 'ExpandPaths', 'ItemOf', 'ItemPaths', 'PagePromise', 'QueryOf', 'RequestOptions', 'SearchParamsOf', 'WithExpand'];

/** The imports every methods file starts with: the operation table, the models it names, the helpers. */
function header(runtime: string, models: readonly string[], body: string): string {
  const helpers = HELPERS.filter((h) => new RegExp(`\\b${h}\\b`).test(body));
  return [
    `import { operations } from './operations.js';`,
    ...(models.length ? [`import type { ${models.join(', ')} } from './models.js';`] : []),
    `import type { operations as OperationTypes } from './types.js';`,
    `import type { ${helpers.join(', ')} } from '${runtime}';`,
  ].join('\n\n');
}

/**
 * Writes `methods.ts`: the imports, then each resource's table, params types, expand paths and
 * interface. `models` are the model names by spec name (see `emitModelsFile`).
 */
export function emitMethodsFile(
  resources: readonly { resource: Resource; methods: readonly MethodInfo[] }[],
  runtime: string,
  models: ReadonlyMap<string, string>,
): string {
  const used = new Set<string>();
  const name = (value: string) => (used.add(value), value);
  const ctx: ModelTypeContext = {
    modelOf: (spec) => {
      const model = models.get(spec);
      if (model === undefined) throw new Error(`schema "${spec}" is referenced but has no model`);
      return name(model);
    },
    helper: name,
  };
  const body = resources.map(({ resource, methods }) => emitResourceMethods(methods, resource, ctx)).join('\n\n');
  const taken = [...used].filter((model) => HELPERS.includes(model) || new RegExp(`^export (type|const|interface) ${model}\\b`, 'm').test(body));
  if (taken.length) throw new Error(`the model names ${taken.join(', ')} are taken in methods.ts`);
  return [header(runtime, [...used].sort(), body), body].join('\n\n');
}
