// Reading a spec: one document from several files (fixtures/multi-file: a $ref of every kind, each
// resolved relative to the file that holds it), parse errors with their line, documents that are
// not OpenAPI 3, and the constructs the generator refuses, named by JSON pointer.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleSpec } from '../../scripts/lib/bundle.js';
import { assertSupported, schemaProblems, unsupportedConstructs } from '../../scripts/lib/constructs.js';
import { generateFiles } from '../../scripts/lib/generate.js';
import { openApiProblem } from '../../scripts/lib/load-spec.js';
import type { Document } from '../../scripts/lib/openapi.js';
import { lineAndColumn, parseSpecText } from '../../scripts/lib/parse-spec.js';
import { escapePointer, pointerOf, pointerSegments, valueAt } from '../../scripts/lib/pointer.js';
import { operationSchemas, reachableComponents } from '../../scripts/lib/reach.js';
import { selectOperations } from '../../scripts/lib/select.js';
import { childOf, type Child, type Kind } from '../../scripts/lib/spec-kinds.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MULTI = join(ROOT, 'test/generator/fixtures/multi-file');
const STRIPE_LIKE = join(ROOT, 'test/generator/fixtures/stripe-like.json');

/** Every `$ref` string in a value. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refs(v)));
}

describe('bundling a spec split across files', () => {
  const { doc, files, origins, sha256 } = bundleSpec(join(MULTI, 'root.yaml'));
  const components = doc['components'] as Record<string, Record<string, unknown>>;

  it('leaves only local $refs, each to a component that exists', () => {
    for (const ref of refs(doc)) {
      expect(ref).toMatch(/^#\/components\/(schemas|parameters|responses|requestBodies)\/[^/]+$/);
      const [, section, name] = ref.split('/').slice(1);
      expect(components[section!]?.[name!], ref).toBeDefined();
    }
  });

  it.each([
    ["another file's schema", 'schemas', 'Thing', 'parts/schemas.yaml#/components/schemas/Thing'],
    ["another file's parameter", 'parameters', 'limit', 'parts/params.yaml#/components/parameters/limit'],
    ["another file's response", 'responses', 'Things', 'parts/responses.yaml#/components/responses/Things'],
    ["another file's request body", 'requestBodies', 'NewThing', 'parts/bodies.yaml#/components/requestBodies/NewThing'],
    ['a schema that file refers to locally', 'schemas', 'Owner', 'parts/schemas.yaml#/components/schemas/Owner'],
    ['a whole file holding one schema, named after the file', 'schemas', 'new-thing', 'new-thing.yaml#'],
    ['a pointer outside components, resolved from parts/ as ../kinds.yaml', 'schemas', 'Kind', 'kinds.yaml#/Kind'],
    [
      'a pointer into the middle of a schema, as a component of its own',
      'schemas',
      'label',
      'parts/schemas.yaml#/components/schemas/Thing/properties/label',
    ],
    ["a clash with the root's own name, renamed", 'schemas', 'Error_2', 'parts/schemas.yaml#/components/schemas/Error'],
  ])('moves in %s', (_, section, name, origin) => {
    expect(components[section]![name]).toBeDefined();
    expect(origins.get(`#/components/${section}/${name}`)).toBe(origin);
  });

  it("keeps the root's own components and local $refs as they are", () => {
    expect(Object.keys(components['schemas']!).slice(0, 1)).toEqual(['Error']);
    expect((components['schemas']!['Error'] as { properties: { status: unknown } }).properties.status).toEqual({ const: 404 });
    expect(refs((doc['paths'] as Record<string, unknown>)['/v1/things/{id}'])).toContain('#/components/parameters/id');
    expect(origins.has('#/components/parameters/id')).toBe(false);
  });

  it('reads each file once, root first, and hashes their bytes in that order', async () => {
    expect(files.map((f) => relative(MULTI, f))).toEqual([
      'root.yaml',
      'parts/params.yaml',
      'parts/responses.yaml',
      'parts/schemas.yaml',
      'kinds.yaml',
      'parts/bodies.yaml',
      'new-thing.yaml',
    ]);
    const hash = createHash('sha256');
    for (const file of files) hash.update(await readFile(file));
    expect(sha256).toBe(hash.digest('hex'));
  });

  it('leaves a one-file spec as it was parsed, hashed as its bytes', async () => {
    const bytes = await readFile(STRIPE_LIKE);
    const single = bundleSpec(STRIPE_LIKE);
    expect(single.doc).toEqual(JSON.parse(bytes.toString('utf8')));
    expect(single.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(single.files).toEqual([STRIPE_LIKE]);
  });

  it('generates from it: the cross-file cycle, the clash and the 4xx errors land where they should', async () => {
    const result = await generateFiles(join(MULTI, 'root.yaml'), [], '../runtime.js', { docs: false });
    const schemas = result.files['schemas.ts']!;
    expect(result.specFiles).toHaveLength(7);
    expect(schemas).toMatch(/export const GetThingErrorSchema: typeof ErrorSchema = ErrorSchema;/);
    expect(schemas).toMatch(/export const CreateThingErrorSchema: typeof Error2Schema = Error2Schema;/);
    expect(schemas).toMatch(
      /get parent\(\) \{\s+return \/\* @__PURE__ \*\/ z\.optional\(\/\* @__PURE__ \*\/ z\.nullable\(ThingSchema\)\);/,
    );
    expect(result.files['operations.ts']).toMatch(/bodyMediaType: 'application\/json'/);
  });
});

describe('bundling errors name the $ref and the file that holds it', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bundle-errors-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const spec = (schema: unknown) =>
    JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { A: schema } } });

  it.each([
    [
      'a file that does not exist',
      { $ref: 'gone.yaml#/components/schemas/X' },
      /\$ref "gone\.yaml#\/components\/schemas\/X" in .*root\.json names a file that does not exist: .*gone\.yaml/,
    ],
    [
      'a pointer to nothing',
      { $ref: '#/components/schemas/Nope/properties/x' },
      /\$ref "#\/components\/schemas\/Nope\/properties\/x" in .*root\.json points at nothing/,
    ],
    ['a remote reference', { $ref: 'https://example.com/s.yaml#/X' }, /remote references are not supported/],
    ['an anchor', { $ref: '#thing' }, /anchors \(#name\) are not supported/],
  ])('%s', async (_, schema, message) => {
    await writeFile(join(dir, 'root.json'), spec(schema));
    expect(() => bundleSpec(join(dir, 'root.json'))).toThrow(message);
  });

  it('names a missing spec file as it was given', () => {
    expect(() => bundleSpec('no/such/spec.yaml')).toThrow('spec file not found: no/such/spec.yaml');
  });
});

describe('parse errors give the file, line and column', () => {
  it.each([
    [
      'YAML with an unclosed flow sequence',
      'spec.yaml',
      'openapi: 3.1.0\npaths: [1, 2\ninfo: x\n',
      /^spec\.yaml:3:1: not valid YAML: Flow sequence/,
    ],
    [
      'YAML with a duplicate key',
      'spec.yaml',
      'openapi: 3.1.0\nopenapi: 3.0.0\n',
      /^spec\.yaml:2:1: not valid YAML: Map keys must be unique/,
    ],
    ['JSON with a missing value', 'spec.json', '{\n  "openapi": "3.1.0",\n  "paths": }\n', /^spec\.json:3:12: not valid JSON: /],
    ['JSON cut short', 'spec.json', '{\n  "openapi": "3.1.0",\n', /^spec\.json:\d+:\d+: not valid JSON: /],
  ])('%s', (_, file, text, message) => {
    expect(() => parseSpecText(text, file)).toThrow(message);
  });

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, col: 2 });
    expect(lineAndColumn('ab', 0)).toEqual({ line: 1, col: 1 });
  });
});

describe('documents that are not OpenAPI 3', () => {
  const info = { title: 't', version: '1' };
  it.each([
    [
      'Swagger 2.0',
      { swagger: '2.0', info, paths: {} },
      'x.yaml is a Swagger 2.0 document, not OpenAPI 3: convert it to OpenAPI 3.0 or 3.1 first',
    ],
    ['no openapi field', { info, paths: {} }, 'x.yaml is not an OpenAPI 3 document (no "openapi: 3.x" field)'],
    [
      'OpenAPI 4',
      { openapi: '4.0.0', info, paths: {} },
      'x.yaml is not an OpenAPI 3 document: it says openapi: "4.0.0"; the generator reads 3.0 and 3.1',
    ],
    [
      'a number for a version',
      { openapi: 3.1, info, paths: {} },
      'x.yaml is not an OpenAPI 3 document: it says openapi: 3.1; the generator reads 3.0 and 3.1',
    ],
    ['no info', { openapi: '3.1.0', paths: {} }, 'x.yaml has no "info" with a title and a version'],
    ['no paths', { openapi: '3.0.3', info }, 'x.yaml has no "paths"'],
    ['3.1', { openapi: '3.1.0', info, paths: {} }, undefined],
  ])('%s', (_, doc, want) => {
    expect(openApiProblem(doc, 'x.yaml')).toBe(want);
  });
});

describe('unsupported constructs', () => {
  const ok = { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/foo' } } } } };
  const doc = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/foos': { get: { operationId: 'getFoos', responses: { ...ok, '400': { $ref: '#/components/responses/Bad' } } } },
      '/other': {
        get: {
          operationId: 'getOther',
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/unused' } } } } },
        },
      },
    },
    components: {
      schemas: {
        foo: {
          type: 'object',
          properties: { bar: { type: 'string', not: { const: 'x' } }, tags: { type: 'array', items: [{ type: 'string' }] } },
        },
        unused: { if: { type: 'string' } },
      },
      responses: {
        Bad: { description: 'bad', content: { 'application/json': { schema: { type: 'object', patternProperties: { '^x-': {} } } } } },
      },
    },
  } as unknown as Document;
  const ops = selectOperations(doc, ['getFoos']);
  const reached = reachableComponents(doc, ops.flatMap(operationSchemas));

  it('names each by JSON pointer, in what the chosen operations reach only', () => {
    expect(unsupportedConstructs(doc, ops, reached)).toEqual([
      { pointer: '#/components/schemas/foo/properties/bar', problem: '"not" is not supported' },
      { pointer: '#/components/schemas/foo/properties/tags', problem: '"items" as a list (a tuple) is not supported' },
      { pointer: '#/components/responses/Bad/content/application~1json/schema', problem: '"patternProperties" is not supported' },
    ]);
  });

  it('throws with every one, and the file a moved-in component came from', () => {
    const origins = new Map([['#/components/schemas/foo', 'parts/foo.yaml#/components/schemas/foo']]);
    expect(() => assertSupported(doc, ops, reached, origins)).toThrow(
      'the spec uses constructs the generator does not support:\n' +
        '#/components/schemas/foo/properties/bar: "not" is not supported (from parts/foo.yaml#/components/schemas/foo/properties/bar)\n',
    );
  });

  it.each([
    [{ type: 'object', if: {}, then: {} }, ['"if" is not supported', '"then" is not supported']],
    [{ prefixItems: [{}] }, ['"prefixItems" is not supported']],
    [{ type: 'string', format: 'date-time', pattern: '^\\d' }, []],
  ] as [Record<string, unknown>, string[]][])('schemaProblems(%j)', (schema, want) => {
    expect(schemaProblems(schema)).toEqual(want);
  });
});

describe('what each place of a document holds', () => {
  it.each([
    ['document', 'paths', { map: 'pathItem' }],
    ['pathItem', 'post', 'operation'],
    ['pathItem', 'parameters', { list: 'parameter' }],
    ['operation', 'requestBody', 'requestBody'],
    ['response', 'content', { map: 'mediaType' }],
    ['mediaType', 'schema', 'schema'],
    ['schema', 'oneOf', { list: 'schema' }],
    ['schema', 'properties', { map: 'schema' }],
    ['schema', 'example', 'data'],
    ['schema', 'x-expansionResources', 'data'],
    ['callback', '{$request.body#/url}', 'pathItem'],
  ] as [Kind, string, Child][])('%s.%s holds %j', (kind, key, want) => {
    expect(childOf(kind, key)).toEqual(want);
  });
});

describe('JSON pointers', () => {
  it.each([
    ['', []],
    ['/components/schemas/a~1b', ['components', 'schemas', 'a/b']],
    ['/paths/~1v1~1customers/get', ['paths', '/v1/customers', 'get']],
    ['/x/m~0n', ['x', 'm~n']],
  ])('%j splits into %j, and back', (pointer, segments) => {
    expect(pointerSegments(pointer)).toEqual(segments);
    expect(pointerOf(segments)).toBe(`#${pointer}`);
    expect(segments.map(escapePointer).join('/')).toBe(pointer.slice(1));
  });

  it('finds the value a pointer names, or undefined', () => {
    const doc = { a: { 'b/c': [1, { d: 2 }] } };
    expect(valueAt(doc, '/a/b~1c/1/d')).toBe(2);
    expect(valueAt(doc, '')).toBe(doc);
    expect(valueAt(doc, '/a/x')).toBeUndefined();
    expect(valueAt(doc, '/a/b~1c/0/toString')).toBeUndefined();
  });
});
