/**
 * The Type and Notes cells of a model table, one small rule per schema kind. Text is returned
 * unescaped (`a | b`); {@link table} escapes it when it becomes a cell.
 */
import { resolveLocal, schemaRefName, type Document, type Schema } from '../openapi.js';
import { code } from './markdown.js';

/** How a page links to model pages. */
export interface LinkContext {
  /** Component name → page file (`test_helpers.test_clock` → `test_helpers.test_clock.md`). */
  models: ReadonlyMap<string, string>;
  /** Path from the page to the models folder: `''` on a model page, `'../models/'` elsewhere. */
  modelsDir: string;
}

/** What the object holding a property says about it. */
export interface PropertyFacts {
  required: boolean;
  /** Listed in the object's `x-expandableFields` (Stripe sends an id unless the call expands it). */
  expandable: boolean;
}

const readOnly = (schema: Schema): boolean => (schema as { readOnly?: unknown }).readOnly === true;
const typeList = (schema: Schema): string[] =>
  Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
const isNullOnly = (schema: Schema): boolean =>
  (typeList(schema).length === 1 && typeList(schema)[0] === 'null') ||
  (schema.enum !== undefined && schema.enum.length > 0 && schema.enum.every((v) => v === null));

/** A union member gets parentheses inside `array of` / `map of`, so `array of (a | b)` reads one way. */
const group = (text: string): string => (text.includes(' | ') ? `(${text})` : text);

/** An enum value as it is sent: strings bare in a code span, the empty string as `""`. */
function literal(value: unknown): string {
  if (typeof value === 'string') return code(value === '' ? '""' : value);
  return code(JSON.stringify(value) ?? String(value));
}

function union(parts: readonly string[]): string {
  const unique = [...new Set(parts)];
  return unique.length ? unique.join(' | ') : 'null';
}

/**
 * The Type cell: `string`, `[customer](customer.md)`, `array of X`, `map of X`, `X | Y` for
 * anyOf/oneOf, enums as code spans. A `$ref` to a schema without a page stays a code span.
 */
export function typeText(schema: Schema, ctx: LinkContext): string {
  if (schema.$ref !== undefined) {
    const name = schemaRefName(schema.$ref);
    const file = ctx.models.get(name);
    return file === undefined ? code(name) : `[${name}](${ctx.modelsDir}${file})`;
  }
  const members = schema.anyOf ?? schema.oneOf;
  if (members) return union(members.filter((m) => !isNullOnly(m)).map((m) => typeText(m, ctx)));
  if (schema.allOf) return [...new Set(schema.allOf.map((m) => group(typeText(m, ctx))))].join(' & ');
  if (schema.enum) return union(schema.enum.filter((v) => v !== null).map(literal));
  const types = typeList(schema).filter((t) => t !== 'null');
  if (types.length > 1) return union(types.map((type) => typeText({ ...schema, type }, ctx)));
  const type = types[0] ?? (schema.properties || schema.additionalProperties ? 'object' : undefined);
  if (type === 'array') return schema.items ? `array of ${group(typeText(schema.items, ctx))}` : 'array';
  if (type === 'object') {
    const values = schema.additionalProperties;
    if (schema.properties === undefined && typeof values === 'object') return `map of ${group(typeText(values, ctx))}`;
    return 'object';
  }
  return type ?? 'any';
}

/** `nullable: true`, a `null` type, or a null-only member of an anyOf/oneOf. */
export function isNullable(schema: Schema): boolean {
  if (schema.nullable === true || typeList(schema).includes('null') || schema.enum?.includes(null)) return true;
  return (schema.anyOf ?? schema.oneOf ?? []).some((m) => m.nullable === true || isNullOnly(m));
}

/** The keys of the inline objects a property can be (itself, a union member, array items). */
function inlineKeys(schema: Schema): string[] {
  const candidates = [schema, ...(schema.anyOf ?? schema.oneOf ?? []), ...(schema.items ? [schema.items] : [])];
  return [...new Set(candidates.flatMap((s) => (s.$ref === undefined ? Object.keys(s.properties ?? {}) : [])))];
}

/**
 * The Notes cell, in a fixed order: `[optional]`, `[readonly]`, `nullable`, `expandable`, then the
 * constraints and format of the property itself, then the keys of an inline object.
 */
export function notesFor(schema: Schema, facts: PropertyFacts): string {
  const notes: string[] = [];
  if (!facts.required) notes.push('[optional]');
  if (readOnly(schema)) notes.push('[readonly]');
  if (isNullable(schema)) notes.push('nullable');
  if (facts.expandable) notes.push('expandable');
  if (schema.minLength !== undefined) notes.push(`min length ${schema.minLength}`);
  if (schema.maxLength !== undefined) notes.push(`max length ${schema.maxLength}`);
  if (schema.minimum !== undefined) notes.push(`minimum ${schema.minimum}`);
  if (schema.maximum !== undefined) notes.push(`maximum ${schema.maximum}`);
  if (schema.minItems !== undefined) notes.push(`min items ${schema.minItems}`);
  if (schema.maxItems !== undefined) notes.push(`max items ${schema.maxItems}`);
  if (schema.format !== undefined) notes.push(`format ${schema.format}`);
  const keys = inlineKeys(schema);
  if (keys.length) notes.push(`keys: ${keys.map(code).join(' ')}`);
  return notes.join(', ');
}

/** An object schema, following a `$ref` at the top (a request body or a component can be one). */
export function objectOf(doc: Document, schema: Schema): Schema {
  return schema.$ref === undefined ? schema : resolveLocal<Schema>(doc, schema);
}

/** The rows `Name | Type | Description | Notes` for the top-level properties of an object, in spec order. */
export function propertyRows(object: Schema, ctx: LinkContext): string[][] {
  const required = new Set(object.required ?? []);
  const expandable = new Set(Array.isArray(object['x-expandableFields']) ? object['x-expandableFields'] : []);
  return Object.entries(object.properties ?? {}).map(([name, schema]) => [
    code(name),
    typeText(schema, ctx),
    schema.description ?? '',
    notesFor(schema, { required: required.has(name), expandable: expandable.has(name) }),
  ]);
}
