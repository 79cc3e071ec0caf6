// Seed 003 is an older page describing Stripe's PostCustomers request schema. Its facts (every field's
// name, type, title, enum values, maxLength, nesting, required, the `""` unset branch) are transcribed
// in fixtures/seed-003-post-customers.json. spec/customers.openapi.yaml is Stripe's own document and
// wins wherever the two differ; this test lists every difference, so it fails if either side changes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** One field as the fixture writes it: the facts of a schema, descriptions left out. */
interface Field {
  type: string;
  title?: string;
  maxLength?: number;
  /** The schema is an `anyOf` with the `{ type: string, enum: [""] }` branch: posting `""` unsets it. */
  unsettable?: true;
  /** Stripe's `x-stripeBypassValidation`: values outside the enum may be sent. */
  bypassValidation?: true;
  enum?: string[];
  required?: string[];
  additionalProperties?: Field | false;
  items?: Field;
  fields?: Record<string, Field>;
}

interface OperationFacts {
  operationId: string;
  method: string;
  path: string;
  contentType: string;
  responses: string[];
  body: Field;
}

type Json = Record<string, any>;

const root = new URL('../../', import.meta.url);
const seed = JSON.parse(
  readFileSync(new URL('test/spec/fixtures/seed-003-post-customers.json', root), 'utf8'),
) as OperationFacts;
const spec = parse(readFileSync(new URL('spec/customers.openapi.yaml', root), 'utf8')) as Json;

const KNOWN = new Set(['type', 'title', 'maxLength', 'enum', 'x-stripeBypassValidation', 'required']);
const NESTED = new Set(['properties', 'items', 'additionalProperties', 'anyOf', '$ref', 'description']);

/** Follows a local `$ref` (or none) to the schema it names. */
function deref(schema: Json): Json {
  if (schema.$ref === undefined) return schema;
  const name = String(schema.$ref).replace('#/components/schemas/', '');
  const target = spec.components.schemas[name];
  if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
  return deref(target);
}

/** Whether `schema` is Stripe's "post an empty string to unset" branch. */
function isUnsetBranch(schema: Json): boolean {
  return schema.type === 'string' && JSON.stringify(schema.enum) === '[""]' && Object.keys(schema).length === 2;
}

/**
 * The facts of a schema in the fixture's shape. Any keyword this test does not model fails loudly with
 * its path, so a new kind of constraint in Stripe's spec cannot slip past unlisted.
 */
function factsOf(raw: Json, path: string, unsettable = false): Field {
  const schema = deref(raw);
  if (schema.anyOf) {
    const rest = (schema.anyOf as Json[]).filter((branch) => !isUnsetBranch(deref(branch)));
    if (schema.anyOf.length !== 2 || rest.length !== 1) throw new Error(`${path}: anyOf other than [X, ""]`);
    return factsOf(rest[0]!, path, true);
  }
  const unknown = Object.keys(schema).filter((key) => !KNOWN.has(key) && !NESTED.has(key));
  if (unknown.length) throw new Error(`${path}: keywords this test does not model: ${unknown.join(', ')}`);
  const field: Field = { type: schema.type };
  if (schema.title !== undefined) field.title = schema.title;
  if (schema.maxLength !== undefined) field.maxLength = schema.maxLength;
  if (unsettable) field.unsettable = true;
  if (schema['x-stripeBypassValidation']) field.bypassValidation = true;
  if (schema.enum) field.enum = schema.enum;
  if (schema.required) field.required = schema.required;
  if (schema.additionalProperties === false) field.additionalProperties = false;
  else if (schema.additionalProperties) field.additionalProperties = factsOf(schema.additionalProperties, `${path}{}`);
  if (schema.items) field.items = factsOf(schema.items, `${path}[]`);
  if (schema.properties) {
    field.fields = Object.fromEntries(
      Object.entries(schema.properties as Json).map(([name, sub]) => [name, factsOf(sub, join(path, name))]),
    );
  }
  return field;
}

/** `parent.child`, or just `child` at the body's top level. */
function join(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

/** PostCustomers in spec/ in the fixture's shape. */
function stripeFacts(): OperationFacts {
  const [path, method] = ['/v1/customers', 'post'];
  const operation = spec.paths[path][method];
  const content = Object.keys(operation.requestBody.content);
  return {
    operationId: operation.operationId,
    method,
    path,
    contentType: content.join(', '),
    responses: Object.keys(operation.responses),
    body: factsOf(operation.requestBody.content[content[0]!].schema, ''),
  };
}

/** A short description of a field present on one side only. */
function describeField(field: Field): string {
  const extras = [
    field.maxLength !== undefined && `maxLength ${field.maxLength}`,
    field.enum && `enum ${field.enum.join('|')}`,
    field.unsettable && 'unsettable',
    field.fields && `fields ${Object.keys(field.fields).join(', ')}`,
  ].filter(Boolean);
  return [field.type, ...extras].join(', ');
}

/** Every difference between the seed's field (`old`) and Stripe's (`now`), one line each, labelled by path. */
function differences(old: Field, now: Field, path: string): string[] {
  const at = path || '(body)';
  const lines: string[] = [];
  for (const key of ['type', 'title', 'maxLength', 'unsettable', 'bypassValidation', 'required'] as const) {
    const [a, b] = [JSON.stringify(old[key]), JSON.stringify(now[key])];
    if (a !== b) lines.push(`${at} ${key}: seed ${a ?? 'none'}, Stripe ${b ?? 'none'}`);
  }
  const onlySeed = (old.enum ?? []).filter((value) => !now.enum?.includes(value));
  const onlyStripe = (now.enum ?? []).filter((value) => !old.enum?.includes(value));
  if (!old.enum !== !now.enum) {
    lines.push(`${at} enum: seed ${old.enum ? 'has one' : 'none'}, Stripe ${now.enum ? 'has one' : 'none'}`);
  }
  if (onlySeed.length) lines.push(`${at} enum values only in seed: ${onlySeed.join(', ')}`);
  if (onlyStripe.length) lines.push(`${at} enum values only in Stripe: ${onlyStripe.join(', ')}`);
  if (!onlySeed.length && !onlyStripe.length && JSON.stringify(old.enum) !== JSON.stringify(now.enum)) {
    lines.push(`${at} enum order: seed ${old.enum?.join('|')}, Stripe ${now.enum?.join('|')}`);
  }
  lines.push(...nested(old.items, now.items, `${path}[]`));
  if (old.additionalProperties === false || now.additionalProperties === false) {
    const [a, b] = [old.additionalProperties === false, now.additionalProperties === false];
    if (a !== b) lines.push(`${at} additionalProperties false: seed ${a}, Stripe ${b}`);
  } else lines.push(...nested(old.additionalProperties, now.additionalProperties, `${path}{}`));
  const names = [...new Set([...Object.keys(old.fields ?? {}), ...Object.keys(now.fields ?? {})])].sort();
  for (const name of names) lines.push(...nested(old.fields?.[name], now.fields?.[name], join(path, name)));
  return lines;
}

/** Differences of a sub-schema that may be missing on either side. */
function nested(old: Field | undefined, now: Field | undefined, path: string): string[] {
  if (old && now) return differences(old, now, path);
  if (now) return [`${path}: only in Stripe's spec (${describeField(now)})`];
  if (old) return [`${path}: only in seed 003 (${describeField(old)})`];
  return [];
}

describe('seed 003 (PostCustomers request schema) against Stripe’s spec in spec/', () => {
  const stripe = stripeFacts();

  it('transcribes the whole seed schema: 22 top-level fields, form-encoded, 200 and default responses', () => {
    expect(Object.keys(seed.body.fields!)).toHaveLength(22);
    expect(seed.body.additionalProperties).toBe(false);
    expect(seed.body.fields!.tax_id_data!.items!.fields!.type!.enum).toHaveLength(51);
  });

  it('agrees on the operation itself', () => {
    const { body: _seedBody, ...seedOperation } = seed;
    const { body: _stripeBody, ...stripeOperation } = stripe;
    expect(stripeOperation).toEqual(seedOperation);
  });

  it('differs from Stripe exactly in these fields (Stripe’s spec is the one in spec/)', () => {
    expect(differences(seed.body, stripe.body, '')).toEqual([
      'invoice_settings.custom_fields[].name maxLength: seed 30, Stripe 40',
      'invoice_settings.custom_fields[].value maxLength: seed 30, Stripe 140',
      'invoice_settings.rendering_options title: seed "rendering_options_param", Stripe "customer_rendering_options_param"',
      "tax.validate_location: only in Stripe's spec (string, enum deferred|immediately)",
      'tax_id_data[].type enum values only in Stripe: ' +
        'ad_nrt, ar_cuit, bh_vat, bo_tin, cn_tin, co_nit, cr_tin, do_rcn, ec_ruc, kz_bin, ' +
        'ng_tin, no_voec, om_vat, pe_ruc, ro_tin, rs_pib, sv_nit, uy_ruc, ve_rif, vn_tin',
    ]);
  });

  it('notices a change on either side: a limit, a field, an enum value', () => {
    const changed = structuredClone(seed.body);
    changed.fields!.phone!.maxLength = 25;
    delete changed.fields!.coupon;
    changed.fields!.tax_exempt!.enum!.push('partial');
    expect(differences(changed, stripe.body, '')).toEqual(
      expect.arrayContaining([
        "coupon: only in Stripe's spec (string, maxLength 5000)",
        'phone maxLength: seed 25, Stripe 20',
        'tax_exempt enum values only in seed: partial',
      ]),
    );
  });

  it('keeps Stripe’s values where they differ, so the client enforces what Stripe does', () => {
    const settings = stripe.body.fields!.invoice_settings!.fields!;
    expect(settings.custom_fields!.items!.fields!.name!.maxLength).toBe(40);
    expect(settings.custom_fields!.items!.fields!.value!.maxLength).toBe(140);
    expect(stripe.body.fields!.tax!.fields!.validate_location).toEqual({
      type: 'string',
      enum: ['deferred', 'immediately'],
    });
    expect(stripe.body.fields!.tax_id_data!.items!.fields!.type!.enum).toHaveLength(71);
  });
});
