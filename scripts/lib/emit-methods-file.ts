import type { MethodInfo } from './methods.js';
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

/** `CustomerListPaymentMethodsParams`: stripe-node's names for the params types. */
export function paramsTypeName(singular: string, method: MethodInfo): string {
  return `${singular}${pascalCase(method.name === 'del' ? 'delete' : method.name)}Params`;
}

function paramsType(names: ResourceNames, m: MethodInfo): string {
  const op = `operations[${JSON.stringify(m.operation.id)}]`;
  if (m.params === 'body') return `BodyOf<${op}>`;
  return m.paging === 'search' ? `SearchParamsOf<QueryOf<${op}>>` : `QueryOf<${op}>`;
}

/** The TypeScript signature of one method, expand-aware when its params take `expand`. */
function signature(names: ResourceNames, m: MethodInfo, name: string): string {
  const id = JSON.stringify(m.operation.id);
  const result = `Result<${id}>`;
  const params = m.params ? paramsTypeName(names.singular, m) : undefined;
  const args = m.ids.map((p) => `${p.replace(/[^A-Za-z0-9_$]/g, '_')}: string`);
  const generic = m.expand ? '<const E extends readonly string[] = []>' : '';
  if (params) args.push(`params${m.paramsRequired ? '' : '?'}: ${m.expand ? `WithExpand<${params}, E>` : params}`);
  args.push('options?: RequestOptions');
  const paths = m.expand ? 'E[number]' : 'never';
  const returns =
    m.paging === null
      ? `Promise<Expanded<${result}, ${paths}>>`
      : `PagePromise<Expanded<${result}, ${paths}>, Expanded<ItemOf<${result}>, ItemPaths<${paths}>>>`;
  return `${name}${generic}(${args.join(', ')}): ${returns};`;
}

function methodDoc(m: MethodInfo, alias?: string): string {
  const op = m.operation;
  const lines = [
    op.summary ?? op.description?.split('\n')[0] ?? '',
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
 * types under stripe-node's names, and the resource's interface with one typed signature per method.
 */
export function emitResourceMethods(methods: readonly MethodInfo[], names: ResourceNames): string {
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
  const members = methods.flatMap((m) => [
    `${methodDoc(m)}${signature(names, m, m.name)}`,
    ...m.aliases.map((alias) => `${methodDoc(m, m.name)}${signature(names, m, alias)}`),
  ]);
  const resource = `${names.singular}sResource`;
  return [
    `/**\n * How each method of \`client.${names.property}\` runs: its operation, its path ids in path order (its\n * first arguments), where its params argument goes (none when null), and how its result pages.\n */\nexport const ${tableName} = {\n${rows.join('\n')}\n} as const;`,
    ...paramsTypes,
    `/** \`client.${names.property}\`: one method per operation, arguments in the order path ids, params, options. */\nexport interface ${resource} {\n${members.join('\n')}\n}`,
  ].join('\n\n');
}

/** One resource's base path and names, as the generator finds them. */
export interface Resource extends ResourceNames {
  /** `/v1/customers`: every operation at or below it is one of its methods. */
  base: string;
}

/** The imports and helper types every methods file starts with. */
function header(runtime: string): string {
  return [
    `import { operations } from './operations.js';`,
    `import type { OpenEnums } from './schemas.js';`,
    `import type { operations as OperationTypes } from './types.js';`,
    `import type { BodyOf, Expanded, ItemOf, ItemPaths, PagePromise, QueryOf, RequestOptions, SearchParamsOf, SuccessOf, WithExpand } from '${runtime}';`,
    `type operations = OperationTypes;`,
    `/** What an operation returns, its enums open to values Stripe adds later. */\ntype Result<Id extends keyof operations> = OpenEnums<SuccessOf<operations[Id]>>;`,
  ].join('\n\n');
}

/** Writes `methods.ts`: the header, then each resource's table, params types and interface. */
export function emitMethodsFile(resources: readonly { resource: Resource; methods: readonly MethodInfo[] }[], runtime: string): string {
  return [header(runtime), ...resources.map(({ resource, methods }) => emitResourceMethods(methods, resource))].join('\n\n');
}
