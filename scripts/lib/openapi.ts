/**
 * The parts of an OpenAPI 3.0/3.1 document the generator reads, typed loosely on purpose: specs in the
 * wild (Stripe's spec3.json among them) carry vendor extensions and keywords we pass through untouched.
 */

/** A JSON Schema object as OpenAPI uses it, or a `$ref` to one. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  nullable?: boolean;
  enum?: unknown[];
  format?: string;
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  'x-stripeBypassValidation'?: boolean;
  [extension: `x-${string}`]: unknown;
}

/** A parameter of an operation (path, query, header or cookie). */
export interface Parameter {
  $ref?: string;
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema?: Schema;
  style?: string;
  explode?: boolean;
}

/** A media type entry of a request body or response. */
export interface MediaType {
  schema?: Schema;
  encoding?: Record<string, { style?: string; explode?: boolean }>;
}

/** One operation under a path. */
export interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { $ref?: string; required?: boolean; content?: Record<string, MediaType> };
  responses?: Record<string, { $ref?: string; description?: string; content?: Record<string, MediaType> }>;
  [key: string]: unknown;
}

/** The HTTP methods OpenAPI allows in a path item, in the order the generator lists them. */
export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type Method = (typeof METHODS)[number];

/** A path item: operations keyed by method, plus parameters shared by them. */
export type PathItem = Partial<Record<Method, Operation>> & { parameters?: Parameter[]; [key: string]: unknown };

/** The whole document. */
export interface Document {
  openapi: string;
  info: { title: string; version: string; description?: string; [key: string]: unknown };
  paths: Record<string, PathItem>;
  components?: {
    schemas?: Record<string, Schema>;
    parameters?: Record<string, Parameter>;
    requestBodies?: Record<string, NonNullable<Operation['requestBody']>>;
    responses?: Record<string, NonNullable<Operation['responses']>[string]>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

const SCHEMA_REF = '#/components/schemas/';

/** The component name a `#/components/schemas/<name>` reference points at. */
export function schemaRefName(ref: string): string {
  if (!ref.startsWith(SCHEMA_REF)) throw new Error(`Unsupported schema $ref "${ref}": only ${SCHEMA_REF}* is supported`);
  return decodeURIComponent(ref.slice(SCHEMA_REF.length)).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Follows a local `$ref` (`#/components/parameters/x`, ...) to the object it names. */
export function resolveLocal<T>(doc: Document, value: T & { $ref?: string }): T {
  let current: unknown = value;
  for (let hops = 0; current && typeof current === 'object' && '$ref' in current; hops++) {
    if (hops > 32) throw new Error(`$ref chain too long at ${String(value.$ref)}`);
    const ref = String((current as { $ref: string }).$ref);
    if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, got "${ref}"`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
    if (current === undefined) throw new Error(`$ref "${ref}" points at nothing`);
  }
  return current as T;
}
