import { responseType } from './emit-models-file.js';
import { markPure } from './mark-pure.js';
import { apiName, componentIdentifier, operationIdentifier } from './names.js';
import { schemaRefName, type Document, type Schema } from './openapi.js';
import { parametersObject, type OperationInfo } from './select.js';
import { docComment, leaf, type Direction, type EmitContext, type Emitted } from './zod/context.js';
import { emitSchema } from './zod/emit-schema.js';

/** The identifiers of each operation's schemas, for the operation table. */
export interface OperationSchemaNames {
  path: string | null;
  query: string | null;
  body: string | null;
  response: string | null;
  error: string | null;
}

interface Declaration extends Emitted {
  identifier: string;
  name: string;
  direction: Direction;
  description: string | undefined;
}

/** `openEnum`, for an API that may add enum values (`api`: `Stripe`, from the spec's title). */
const openEnumHelper = (api: string) => `/**
 * An enum ${api} may extend without a new API version: the known values, or any other string
 * (typed \`string & {}\` so editors still offer the known values).
 */
function openEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.union([z.enum(values), z.string() as z.ZodMiniType<string & {}, string & {}>]);
}
`;

const OPEN_ENUMS = `/**
 * A response type from openapi-typescript with every enum opened the way \`openEnum\` opens it:
 * \`'none' | 'exempt'\` becomes \`'none' | 'exempt' | (string & {})\`. Single values (\`object:
 * 'customer'\`) stay exact. The models (models.ts) read each component this way, under a name.
 */
export type OpenEnums<T> =
  | OpenStrings<Extract<T, string>>
  | Extract<T, number | boolean | bigint | null | undefined>
  | (T extends readonly (infer Item)[] ? OpenEnums<Item>[] : never)
  | (T extends object ? (T extends readonly unknown[] ? never : OpenObject<T>) : never);

/** An object with each property opened; an empty one (\`Record<string, never>\`) may gain any field. */
type OpenObject<T> = string extends keyof T
  ? [T[keyof T]] extends [never]
    ? Record<string, unknown>
    : { [K in keyof T]: OpenEnums<T[K]> }
  : { [K in keyof T]: OpenEnums<T[K]> };

type OpenStrings<S extends string> = true extends IsUnion<S> ? S | (string & {}) : S;
type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;
`;

/**
 * The declared type of an operation's schema, so that tsc's declaration output names it instead of
 * printing it out in full. Printing it out copies openapi-typescript's nodes from types.ts, and tsc
 * 5.9 then emits some of that file's JSDoc at positions inside indexed access types
 * (`components["schemas"]`, a comment, then `["subscription"]`), which no parser accepts. An alias of a
 * component schema is `typeof` it; any other response is declared with its type by model name
 * (`ApiList<Customer>`, `Customer | DeletedCustomer`), so its output is what the client's methods
 * return. Requests are built in this file only, so their inferred types print cleanly and stay
 * undeclared.
 */
function operationSchemaType(kind: string, code: string, schema: Schema, models: ReadonlyMap<string, string>): string {
  if (/^[A-Za-z_$][\w$]*$/.test(code)) return `: typeof ${code}`;
  if (kind !== 'Response' && kind !== 'Error') return '';
  return `: z.ZodMiniType<${responseType(schema, models, 'models.')}>`;
}

/**
 * A far resource's runtime check: its `id` and `object`, any other field kept unchecked. Its type
 * stays the full one (the declaration says so); see `runtimeComponents` in reach.ts for which
 * components get this.
 */
function shallowSchema(schema: Schema): Emitted {
  const required = new Set(schema.required ?? []);
  const fields: string[] = [];
  if (schema.properties?.['id']) fields.push(`id: ${required.has('id') ? 'z.string()' : 'z.optional(z.string())'}`);
  const object = schema.properties?.['object']?.enum;
  if (object?.length === 1 && typeof object[0] === 'string') {
    const literal = `z.literal(${JSON.stringify(object[0])})`;
    fields.push(`object: ${required.has('object') ? literal : `z.optional(${literal})`}`);
  }
  return leaf(`z.looseObject({ ${fields.join(', ')} })`);
}

/** Orders declarations so each comes after the consts it reads eagerly; ties stay in given order. */
function orderByEagerDependencies(declarations: readonly Declaration[]): Declaration[] {
  const byId = new Map(declarations.map((d) => [d.identifier, d]));
  const done = new Set<string>();
  const active = new Set<string>();
  const ordered: Declaration[] = [];
  const visit = (d: Declaration): void => {
    if (done.has(d.identifier)) return;
    if (active.has(d.identifier)) {
      throw new Error(`${d.identifier} refers to itself without an object in between; zod cannot define it`);
    }
    active.add(d.identifier);
    for (const dep of [...d.eager].sort()) {
      const target = byId.get(dep);
      if (target) visit(target);
    }
    active.delete(d.identifier);
    done.add(d.identifier);
    ordered.push(d);
  };
  declarations.forEach(visit);
  return ordered;
}

/**
 * Writes `schemas.ts`: a zod schema for every reached component (response direction, plus a request
 * variant for any component a request reaches), then each operation's path, query, body, response
 * and error schemas, then a `schemas` map of components by their spec name.
 */
export function emitSchemasFile(
  doc: Document,
  ops: readonly OperationInfo[],
  reached: ReadonlySet<string>,
  shallow: ReadonlySet<string>,
  models: ReadonlyMap<string, string>,
): { code: string; names: Map<string, OperationSchemaNames> } {
  const owners = new Map<string, string>();
  const pending: { name: string; direction: Direction }[] = [];
  const register = (name: string, direction: Direction): string => {
    const identifier = componentIdentifier(name, direction);
    const owner = owners.get(identifier);
    if (owner === undefined) {
      owners.set(identifier, `schema "${name}"`);
      pending.push({ name, direction });
    } else if (owner !== `schema "${name}"`) {
      throw new Error(`${owner} and schema "${name}" both map to the identifier ${identifier}`);
    }
    return identifier;
  };
  const context = (direction: Direction): EmitContext => ({
    direction,
    refIdentifier: (ref, dir) => register(schemaRefName(ref), dir),
  });

  const operationCode: string[] = [];
  const names = new Map<string, OperationSchemaNames>();
  const part = (op: OperationInfo, kind: 'Path' | 'Query' | 'Body' | 'Response' | 'Error', schema: Schema | undefined, direction: Direction) => {
    if (!schema) return null;
    const identifier = operationIdentifier(op.id, kind);
    const owner = owners.get(identifier);
    if (owner !== undefined) throw new Error(`${owner} and operation ${op.id} both map to the identifier ${identifier}`);
    owners.set(identifier, `operation ${op.id}`);
    const emitted = emitSchema(schema, context(direction));
    operationCode.push(`export const ${identifier}${operationSchemaType(kind, emitted.code, schema, models)} = ${emitted.code};`);
    return identifier;
  };
  for (const op of ops) {
    operationCode.push(`\n// ${op.id}: ${op.method.toUpperCase()} ${op.path}`);
    names.set(op.id, {
      path: part(op, 'Path', op.pathParams.length ? parametersObject(op.pathParams) : undefined, 'request'),
      query: part(op, 'Query', op.queryParams.length ? parametersObject(op.queryParams) : undefined, 'request'),
      body: part(op, 'Body', op.body, 'request'),
      response: part(op, 'Response', op.response, 'response'),
      error: part(op, 'Error', op.errorResponse, 'response'),
    });
  }
  for (const name of [...reached].sort()) register(name, 'response');

  const declarations: Declaration[] = [];
  for (let next = pending.shift(); next; next = pending.shift()) {
    const schema = doc.components!.schemas![next.name]!;
    const emitted =
      next.direction === 'response' && shallow.has(next.name) ? shallowSchema(schema) : emitSchema(schema, context(next.direction));
    declarations.push({
      ...emitted,
      identifier: componentIdentifier(next.name, next.direction),
      name: next.name,
      direction: next.direction,
      description: schema.description,
    });
  }
  declarations.sort((a, b) => (a.identifier < b.identifier ? -1 : a.identifier > b.identifier ? 1 : 0));
  const components = orderByEagerDependencies(declarations).map((d) => {
    const model = models.get(d.name);
    if (model === undefined) throw new Error(`schema "${d.name}" has no model to declare its zod schema with`);
    const type = `z.ZodMiniType<models.${model}>`;
    const declared = d.direction === 'response' ? `: ${type}` : '';
    // A shallow check still stands for the full type: callers see every field, typed.
    const code = d.direction === 'response' && shallow.has(d.name) ? `${d.code} as unknown as ${type}` : d.code;
    return `${docComment(d.description)}export const ${d.identifier}${declared} = ${code};`;
  });
  const responseNames = [...reached].sort();
  const map = responseNames.map((name) => `${JSON.stringify(name)}: ${componentIdentifier(name, 'response')},`);
  const mapType = responseNames.map((name) => `readonly ${JSON.stringify(name)}: typeof ${componentIdentifier(name, 'response')};`);
  const body = markPure([...components, ...operationCode].join('\n\n'));
  const code = [
    `import * as z from 'zod/mini';\nimport type * as models from './models.js';`,
    body.includes('openEnum(') ? markPure(openEnumHelper(apiName(doc.info.title))) : '',
    OPEN_ENUMS,
    '// Components',
    body,
    '/** Every component schema (response direction), by its name in the spec. */',
    `export const schemas: {\n${mapType.join('\n')}\n} = {\n${map.join('\n')}\n};`,
  ].join('\n\n');
  return { code, names };
}
