import { METHODS } from './openapi.js';

/**
 * What a node of an OpenAPI document is, as far as `$ref`s go: a `$ref` in a schema's place names a
 * schema, in a parameter's place a parameter. Values of any other key (examples, extensions) are
 * `data`, and a `$ref` key there is left alone.
 */
export type Kind =
  | 'document'
  | 'components'
  | 'pathItem'
  | 'operation'
  | 'callback'
  | 'schema'
  | 'parameter'
  | 'header'
  | 'requestBody'
  | 'response'
  | 'mediaType'
  | 'encoding'
  | 'example'
  | 'link'
  | 'securityScheme'
  | 'data';
/** What a key of a node holds: one node of a kind, or a map or list of them. */
export type Child = Kind | { map: Kind } | { list: Kind };

const PARAMETER: Record<string, Child> = { schema: 'schema', content: { map: 'mediaType' }, examples: { map: 'example' } };
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SCHEMA_ONES = [
  'items',
  'additionalProperties',
  'not',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
];

/** The keys of each kind that hold other nodes; any other key holds data. */
export const CHILDREN: Partial<Record<Kind, Record<string, Child>>> = {
  document: { paths: { map: 'pathItem' }, webhooks: { map: 'pathItem' }, components: 'components' },
  components: {
    schemas: { map: 'schema' },
    responses: { map: 'response' },
    parameters: { map: 'parameter' },
    requestBodies: { map: 'requestBody' },
    headers: { map: 'header' },
    examples: { map: 'example' },
    securitySchemes: { map: 'securityScheme' },
    links: { map: 'link' },
    callbacks: { map: 'callback' },
    pathItems: { map: 'pathItem' },
  },
  pathItem: { parameters: { list: 'parameter' }, ...Object.fromEntries(METHODS.map((m) => [m, 'operation' as const])) },
  operation: {
    parameters: { list: 'parameter' },
    requestBody: 'requestBody',
    responses: { map: 'response' },
    callbacks: { map: 'callback' },
  },
  parameter: PARAMETER,
  header: PARAMETER,
  requestBody: { content: { map: 'mediaType' } },
  response: { content: { map: 'mediaType' }, headers: { map: 'header' }, links: { map: 'link' } },
  mediaType: { schema: 'schema', examples: { map: 'example' }, encoding: { map: 'encoding' } },
  encoding: { headers: { map: 'header' } },
  schema: Object.fromEntries([
    ...SCHEMA_LISTS.map((k) => [k, { list: 'schema' as const }]),
    ...SCHEMA_MAPS.map((k) => [k, { map: 'schema' as const }]),
    ...SCHEMA_ONES.map((k) => [k, 'schema' as const]),
  ]),
};

/** What `key` of a `kind` node holds: extensions (`x-…`) and unknown keys are data. */
export function childOf(kind: Kind, key: string): Child {
  if (kind === 'callback') return 'pathItem';
  if (kind === 'data' || key.startsWith('x-')) return 'data';
  return CHILDREN[kind]?.[key] ?? 'data';
}

/**
 * Calls `visit` for every node of `doc` that is not data, with its kind and its place (segments
 * of a JSON pointer), outer nodes first; `$ref`s are not followed.
 */
export function walkDocument(
  doc: unknown,
  visit: (node: Record<string, unknown>, kind: Kind, at: readonly (string | number)[]) => void,
): void {
  const walk = (node: unknown, kind: Kind, at: (string | number)[]): void => {
    if (kind === 'data' || node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const record = node as Record<string, unknown>;
    visit(record, kind, at);
    for (const [key, value] of Object.entries(record)) {
      const child = childOf(kind, key);
      if (typeof child === 'string') walk(value, child, [...at, key]);
      else if ('map' in child && value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) walk(v, child.map, [...at, key, k]);
      else if ('list' in child && Array.isArray(value)) value.forEach((v, i) => walk(v, child.list, [...at, key, i]));
    }
  };
  walk(doc, 'document', []);
}
