/**
 * The Type and Notes cells of a model table, one small rule per schema kind, in the shape of
 * openapi-generator's docs: names and types in bold (`**string**`, `**unix time**`,
 * `**list[string]**`, `**dict(string, string)**`), models as bold links (`[**Customer**](customer.md)`),
 * alternatives joined with `or`. Text is returned unescaped; {@link table} escapes it as a cell.
 */
import { resolveLocal, schemaRefName, type Document, type Schema } from '../openapi.js';
import { bold, code } from './markdown.js';
import { absoluteLinks } from './text.js';

/** How a page links to model pages. */
export interface LinkContext {
  /** Component name → page file (`test_helpers.test_clock` → `test_helpers.test_clock.md`). */
  models: ReadonlyMap<string, string>;
  /** Path from the page to the models folder: `''` on a model page, `'../models/'` elsewhere. */
  modelsDir: string;
}

/** What the object holding a property says about it, and where the object is used. */
export interface PropertyFacts {
  required: boolean;
  /** Listed in the object's `x-expandableFields` (Stripe sends an id unless the call expands it). */
  expandable: boolean;
  /** Only ever read: the property is `readOnly`, or its object appears only in responses. */
  readonly: boolean;
}

const typeList = (schema: Schema): string[] =>
  Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
const isNullOnly = (schema: Schema): boolean =>
  (typeList(schema).length === 1 && typeList(schema)[0] === 'null') ||
  (schema.enum !== undefined && schema.enum.length > 0 && schema.enum.every((v) => v === null));

/** `test_helpers.test_clock` → `TestHelpers.TestClock`: how a page names a component. */
export function displayName(name: string): string {
  const word = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  return name
    .split('.')
    .map((part) => part.split(/[^A-Za-z0-9]+/).filter(Boolean).map(word).join('') || part)
    .join('.');
}

/** A component's name in bold, linked to its page when it has one. */
function modelLink(name: string, ctx: LinkContext, text = displayName(name)): string {
  const file = ctx.models.get(name);
  return file === undefined ? bold(text) : `[${bold(text)}](${ctx.modelsDir}${file})`;
}

/** The name of a scalar type: `integer` with `format: unix-time` is a `unix time`. */
function scalarName(type: string, schema: Schema): string {
  return type === 'integer' && schema.format === 'unix-time' ? 'unix time' : type;
}

/**
 * What goes inside `list[…]` / `dict(string, …)` when that is one name: a component (with the model
 * it links to) or a scalar. Anything richer (a union, an enum, an inline object) is not.
 */
function simpleName(schema: Schema): { text: string; model?: string } | undefined {
  if (schema.$ref !== undefined) return { text: displayName(schemaRefName(schema.$ref)), model: schemaRefName(schema.$ref) };
  if (schema.anyOf || schema.oneOf || schema.allOf || schema.enum || schema.properties || schema.items) return undefined;
  const types = typeList(schema).filter((t) => t !== 'null');
  if (types.length !== 1 || types[0] === 'array' || types[0] === 'object') return undefined;
  return { text: scalarName(types[0]!, schema) };
}

/** `**list[string]**`, `[**list[Card]**](card.md)`: a container of one simple name. */
function container(shape: (inner: string) => string, inner: Schema, ctx: LinkContext): string | undefined {
  const simple = simpleName(inner);
  if (!simple) return undefined;
  return simple.model === undefined ? bold(shape(simple.text)) : modelLink(simple.model, ctx, shape(simple.text));
}

/** Parentheses around alternatives inside `list of` / `dict of`, so `list of (A or B)` reads one way. */
const group = (text: string): string => (text.includes(' or ') ? `(${text})` : text);

/** An enum value as it is sent: strings bare in a code span, the empty string as `""`. */
function literal(value: unknown): string {
  if (typeof value === 'string') return code(value === '' ? '""' : value);
  return code(JSON.stringify(value) ?? String(value));
}

const alternatives = (parts: readonly string[]): string => [...new Set(parts)].join(' or ') || bold('null');

/** A Stripe list object (`object: "list"` or `"search_result"` with a `data` array): what it pages. */
function stripeList(schema: Schema): { kind: string; items: Schema } | undefined {
  const kind = schema.properties?.['object']?.enum?.[0];
  const items = schema.properties?.['data']?.items;
  return (kind === 'list' || kind === 'search_result') && items ? { kind, items } : undefined;
}

/**
 * The Type cell: `**string**`, `[**Customer**](customer.md)`, `**list[string]**`,
 * `**dict(string, string)**`, `**string** or [**Customer**](customer.md)` for anyOf/oneOf, an
 * enum as its type and values (`**string** (`a`, `b`)`), a Stripe list object as
 * `**list** of [**Card**](card.md)`. A `$ref` to a schema without a page is its name in bold.
 */
export function typeText(schema: Schema, ctx: LinkContext): string {
  if (schema.$ref !== undefined) return modelLink(schemaRefName(schema.$ref), ctx);
  const members = schema.anyOf ?? schema.oneOf;
  if (members) return alternatives(members.filter((m) => !isNullOnly(m)).map((m) => typeText(m, ctx)));
  if (schema.allOf) return [...new Set(schema.allOf.map((m) => group(typeText(m, ctx))))].join(' and ');
  const types = typeList(schema).filter((t) => t !== 'null');
  if (schema.enum) {
    const values = schema.enum.filter((v) => v !== null);
    const base = types[0] ?? (values.every((v) => typeof v === 'string') ? 'string' : 'any');
    return `${bold(scalarName(base, schema))} (${values.map(literal).join(', ')})`;
  }
  if (types.length > 1) return alternatives(types.map((type) => typeText({ ...schema, type }, ctx)));
  const type = types[0] ?? (schema.properties || schema.additionalProperties ? 'object' : undefined);
  if (type === 'array') {
    if (!schema.items) return bold('list');
    return container((x) => `list[${x}]`, schema.items, ctx) ?? `${bold('list')} of ${group(typeText(schema.items, ctx))}`;
  }
  if (type === 'object') {
    const list = stripeList(schema);
    if (list) return `${bold(list.kind)} of ${group(typeText(list.items, ctx))}`;
    const values = schema.additionalProperties;
    if (schema.properties === undefined && typeof values === 'object') {
      return container((x) => `dict(string, ${x})`, values, ctx) ?? `${bold('dict')} of ${group(typeText(values, ctx))}`;
    }
    return bold('object');
  }
  return bold(type === undefined ? 'any' : scalarName(type, schema));
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

/** Whether a schema is marked `readOnly` itself (Stripe never does; other specs might). */
export const markedReadOnly = (schema: Schema): boolean => (schema as { readOnly?: unknown }).readOnly === true;

/**
 * The Notes cell, in a fixed order: `[optional]`, `[readonly]`, `nullable`, `expandable`, then the
 * constraints and format of the property itself (`unix-time` is in the Type cell already), then the
 * keys of an inline object.
 */
export function notesFor(schema: Schema, facts: PropertyFacts): string {
  const notes: string[] = [];
  if (!facts.required) notes.push('[optional]');
  if (facts.readonly || markedReadOnly(schema)) notes.push('[readonly]');
  if (isNullable(schema)) notes.push('nullable');
  if (facts.expandable) notes.push('expandable');
  if (schema.minLength !== undefined) notes.push(`min length ${schema.minLength}`);
  if (schema.maxLength !== undefined) notes.push(`max length ${schema.maxLength}`);
  if (schema.minimum !== undefined) notes.push(`minimum ${schema.minimum}`);
  if (schema.maximum !== undefined) notes.push(`maximum ${schema.maximum}`);
  if (schema.minItems !== undefined) notes.push(`min items ${schema.minItems}`);
  if (schema.maxItems !== undefined) notes.push(`max items ${schema.maxItems}`);
  if (schema.format !== undefined && schema.format !== 'unix-time') notes.push(`format ${schema.format}`);
  const keys = inlineKeys(schema);
  if (keys.length) notes.push(`keys: ${keys.map(code).join(' ')}`);
  return notes.join(', ');
}

/** An object schema, following a `$ref` at the top (a request body or a component can be one). */
export function objectOf(doc: Document, schema: Schema): Schema {
  return schema.$ref === undefined ? schema : resolveLocal<Schema>(doc, schema);
}

/**
 * The rows `Name | Type | Description | Notes` for the top-level properties of an object, in spec
 * order; `readonly` says the object is only ever read (see `responseOnly` in emit-docs.ts).
 */
export function propertyRows(object: Schema, ctx: LinkContext, readonly: boolean): string[][] {
  const required = new Set(object.required ?? []);
  const expandable = new Set(Array.isArray(object['x-expandableFields']) ? object['x-expandableFields'] : []);
  return Object.entries(object.properties ?? {}).map(([name, schema]) => [
    bold(name),
    typeText(schema, ctx),
    absoluteLinks(schema.description ?? ''),
    notesFor(schema, { required: required.has(name), expandable: expandable.has(name), readonly }),
  ]);
}
