import { schemaRefName, type Schema } from '../openapi.js';
import { declaredTypes, isNullable } from '../schema-kind.js';
import { jsdoc } from './doc.js';

/** What writing a model type needs from the run: the model name of each component. */
export interface ModelTypeContext {
  /** The model name of a component, by its spec name (`customer` → `Customer`). */
  modelOf(specName: string): string;
  /** How a generic helper (`ApiList`) is written where the type goes; as is by default. */
  helper?(name: string): string;
}

/** A TypeScript string literal in the house style (single quotes). */
export function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** A property key as TypeScript needs it: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name);
}

/**
 * The members of an enum as a response reads them: the literals, plus `(string & {})` when there
 * are several strings (Stripe adds values without a new API version; editors still offer the
 * known ones). A single value (`object: 'customer'`, `deleted: true`) stays exact so unions
 * discriminate on it.
 */
export function enumMembers(values: readonly unknown[]): string[] {
  const literals = values.map((v) => (v === null ? 'null' : typeof v === 'string' ? quote(v) : String(v)));
  const strings = values.filter((v) => typeof v === 'string').length;
  return strings > 1 ? [...literals, '(string & {})'] : literals;
}

const LIST_SHAPES = {
  ApiList: { object: 'list', required: ['data', 'has_more', 'object', 'url'], optional: [] as string[] },
  ApiSearchResult: { object: 'search_result', required: ['data', 'has_more', 'object', 'url'], optional: ['next_page', 'total_count'] },
} as const;

/** The type of one list field as the shapes above need it (`string`, `string?` for nullable, `list`...). */
function fieldShape(schema: Schema): string {
  const types = declaredTypes(schema);
  const base = schema.enum?.length === 1 ? String(schema.enum[0]) : types.length === 1 ? types[0]! : '?';
  return `${base}${isNullable(schema) ? '?' : ''}`;
}

/**
 * Whether an inline object is one of Stripe's pages of results, and which: `ApiList` (`object:
 * 'list'`, `data`, `has_more`, `url`) or `ApiSearchResult` (with `next_page` and `total_count`),
 * exactly as the generic types declare them. Anything else (another field, a nullable `url`) is
 * not, and is written out in full.
 */
export function listShape(schema: Schema): { name: keyof typeof LIST_SHAPES; items: Schema } | undefined {
  const props = schema.properties;
  const items = props?.['data']?.items;
  if (!props || !items || schema.additionalProperties || schema.$ref) return undefined;
  const required = [...(schema.required ?? [])].sort().join(',');
  const expected: Record<string, string> = { data: 'array', has_more: 'boolean', url: 'string', next_page: 'string?', total_count: 'integer' };
  for (const [name, shape] of Object.entries(LIST_SHAPES)) {
    const keys = [...shape.required, ...shape.optional].sort();
    if (Object.keys(props).sort().join(',') !== keys.join(',') || required !== shape.required.join(',')) continue;
    const fits = keys.every((key) => fieldShape(props[key]!) === (key === 'object' ? shape.object : expected[key]));
    if (fits && props['data']!.nullable !== true) return { name: name as keyof typeof LIST_SHAPES, items };
  }
  return undefined;
}

/** `T[]`, with `T` in parentheses when it is a union. */
function arrayOf(item: readonly string[]): string {
  return item.length > 1 ? `(${item.join(' | ')})[]` : `${item[0]}[]`;
}

/** A union as a field's type: on one line when it fits, else one member per line (as prettier lays it out). */
export function fieldType(members: readonly string[], indent: string, room: number): string {
  const line = members.join(' | ');
  if (members.length < 2 || line.length <= room || line.includes('\n')) return line;
  return members.map((m) => `\n${indent}| ${m}`).join('');
}

/**
 * The fields of an object type, one per line at `indent`, each with its description: optional when
 * the spec does not require it, `extra` fields (`deleted?: never`) in name order among them, and an
 * index signature for extra keys the spec allows.
 */
export function objectFields(schema: Schema, ctx: ModelTypeContext, indent: string, extra: readonly ModelField[] = []): string[] {
  const required = new Set(schema.required ?? []);
  const fields: ModelField[] = Object.entries(schema.properties ?? {}).map(([name, field]) => ({
    name,
    optional: !required.has(name),
    members: typeMembers(field, ctx, indent),
    description: field.description,
  }));
  const all = [...fields, ...extra.filter((e) => !(e.name in (schema.properties ?? {})))];
  if (extra.length) all.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const lines = all.map((f) => {
    const head = `${indent}${propertyKey(f.name)}${f.optional ? '?' : ''}:`;
    return `${jsdoc(f.description, indent)}${head} ${fieldType(f.members, `${indent}  `, 100 - head.length - 2)};`.replace(': \n', ':\n');
  });
  const rest = schema.additionalProperties;
  if (rest && Object.keys(schema.properties ?? {}).length) lines.push(`${indent}[key: string]: unknown;`);
  else if (rest) lines.push(`${indent}[key: string]: ${rest === true ? 'unknown' : modelType(rest, ctx, indent)};`);
  return lines;
}

/** A field a model declares: from the spec, or beyond it (the `deleted?: never` narrowing marker). */
export interface ModelField {
  name: string;
  optional: boolean;
  /** Its type as union members: `['string', 'null']`. */
  members: readonly string[];
  description?: string | undefined;
}

/** Whether an object schema has no fields and no extra-keys rule: any object, as far as the spec says. */
export function isOpenObject(schema: Schema): boolean {
  return Object.keys(schema.properties ?? {}).length === 0 && !schema.additionalProperties;
}

function objectType(schema: Schema, ctx: ModelTypeContext, indent: string): string {
  const list = listShape(schema);
  if (list) return `${ctx.helper?.(list.name) ?? list.name}<${modelType(list.items, ctx, indent)}>`;
  if (isOpenObject(schema)) return 'Record<string, unknown>';
  if (!schema.properties || Object.keys(schema.properties).length === 0) {
    const rest = schema.additionalProperties;
    return `Record<string, ${rest === true || rest === undefined || rest === false ? 'unknown' : modelType(rest, ctx, indent)}>`;
  }
  return `{\n${objectFields(schema, ctx, `${indent}  `).join('\n')}\n${indent}}`;
}

/** The union members of one schema's type, without its nullability. */
function baseMembers(schema: Schema, ctx: ModelTypeContext, indent: string): string[] {
  if (schema.$ref) return [ctx.modelOf(schemaRefName(schema.$ref))];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return [...new Set(alternatives.flatMap((s) => typeMembers(s, ctx, indent)))];
  if (schema.allOf) {
    return [schema.allOf.map((s) => typeMembers(s, ctx, indent)).map((m) => (m.length > 1 ? `(${m.join(' | ')})` : m[0])).join(' & ')];
  }
  if (schema.enum) return [...new Set(enumMembers(schema.enum.filter((v) => v !== null)))];
  const types = declaredTypes(schema);
  if (types.length > 1) return [...new Set(types.flatMap((type) => baseMembers({ ...schema, type }, ctx, indent)))];
  const type = types[0];
  if (type === 'object' || (!type && (schema.properties || schema.additionalProperties !== undefined))) return [objectType(schema, ctx, indent)];
  if (type === 'array' || (!type && schema.items)) return [arrayOf(schema.items ? typeMembers(schema.items, ctx, indent) : ['unknown'])];
  if (type === 'string') return ['string'];
  if (type === 'integer' || type === 'number') return ['number'];
  if (type === 'boolean') return ['boolean'];
  return ['unknown'];
}

/**
 * Union members with several string literals opened as one enum is (see {@link enumMembers}),
 * wherever the literals come from: `anyOf: [{ enum: ['a'] }, { enum: ['b'] }]` reads as
 * `'a' | 'b' | (string & {})` too.
 */
export function openStrings(members: readonly string[]): string[] {
  const literals = members.filter((m) => m.startsWith("'")).length;
  if (literals < 2 || members.includes('(string & {})') || members.includes('string')) return [...members];
  const last = members.map((m) => m.startsWith("'")).lastIndexOf(true);
  return [...members.slice(0, last + 1), '(string & {})', ...members.slice(last + 1)];
}

/** The union members of a schema's type as a response reads it, `null` last when it is nullable. */
export function typeMembers(schema: Schema, ctx: ModelTypeContext, indent = ''): string[] {
  const members = openStrings(baseMembers(schema, ctx, indent));
  if (members.includes('unknown')) return ['unknown'];
  if (!isNullable(schema) || members.includes('null')) return members;
  return [...members, 'null'];
}

/**
 * The TypeScript type of a schema as a response reads it, naming each component by its model:
 * `string | null`, `'exempt' | 'none' | 'reverse' | (string & {}) | null`, `string | Customer`
 * (an expandable field), `ApiList<TaxId>` (a page of results), `Record<string, string>` (metadata).
 * Inline objects are written out at `indent`.
 */
export function modelType(schema: Schema, ctx: ModelTypeContext, indent = ''): string {
  return typeMembers(schema, ctx, indent).join(' | ');
}
