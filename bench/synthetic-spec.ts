import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// A large synthetic OpenAPI 3.0 document for the generator benchmark: `count` object schemas shaped
// like Stripe's (ids, enums, nullable strings, string maps, expandable `anyOf: [id, $ref]`, lists),
// linked by $refs into cycles, and a few operations that reach every one of them.
//
//   npx tsx bench/synthetic-spec.ts [count] [cycle]
//   # writes <os.tmpdir()>/synthetic-<count>-cycle-<cycle>.openapi.json

type Json = Record<string, unknown>;

function modelName(i: number, count: number): string {
  return `model_${String(i % count).padStart(4, '0')}`;
}

function ref(i: number, count: number): Json {
  return { $ref: `#/components/schemas/${modelName(i, count)}` };
}

/** How the models link up; see {@link model}. */
export interface SyntheticShape {
  /** Number of object schemas (default 1000). */
  count: number;
  /** Models per cycle (default 10); `count` makes one cycle through every schema. */
  cycle: number;
}

/**
 * Model `i`, in cycle `c = floor(i / cycle)`. Its $refs: `next` goes round its cycle; the cycles form
 * a binary tree, whose heads link down (`children` to cycle 2c+1, `related` to 2c+2, or back to
 * model 0 past the last) and up (`parent`, expandable: an id or the object), so there are cycles
 * inside each group and across groups, as in Stripe's spec (customer → discount → customer). Every
 * tenth model also refers to itself.
 */
function model(i: number, { count, cycle }: SyntheticShape): Json {
  const group = Math.floor(i / cycle);
  const head = (g: number) => (g * cycle < count ? g * cycle : 0);
  const nextInGroup = i + 1 < Math.min((group + 1) * cycle, count) ? i + 1 : group * cycle;
  const properties: Record<string, Json> = {
    id: { type: 'string', maxLength: 5000, description: 'Unique identifier for the object.' },
    object: { type: 'string', enum: [modelName(i, count)], description: "String representing the object's type." },
    created: { type: 'integer', format: 'unix-time', description: 'Time at which the object was created.' },
    livemode: { type: 'boolean', description: 'Whether the object exists in live mode.' },
    amount: { type: 'integer', description: 'An amount in the smallest currency unit.' },
    ratio: { type: 'number', nullable: true, description: 'A fraction between 0 and 1.' },
    status: {
      type: 'string',
      enum: ['active', 'inactive', 'pending', 'archived'],
      nullable: true,
      description: 'Where the object is in its life cycle.',
    },
    label: { type: 'string', maxLength: 5000, nullable: true, description: 'A label shown to the user.' },
    tags: { type: 'array', items: { type: 'string', maxLength: 5000 }, description: 'Free-form tags.' },
    metadata: {
      type: 'object',
      additionalProperties: { type: 'string', maxLength: 500 },
      description: 'Key-value pairs attached to the object.',
    },
    next: { anyOf: [ref(nextInGroup, count)], nullable: true, description: 'The next object in its cycle.' },
    parent: {
      anyOf: [{ type: 'string', maxLength: 5000 }, ref(head(Math.max(0, Math.floor((group - 1) / 2))), count)],
      nullable: true,
      description: 'The parent, as an ID or, when expanded, the object.',
      'x-expansionResources': { oneOf: [ref(head(Math.max(0, Math.floor((group - 1) / 2))), count)] },
    },
    children: { type: 'array', items: ref(head(2 * group + 1), count), description: 'Objects under this one.' },
    related: { anyOf: [ref(head(2 * group + 2), count)], nullable: true, description: 'A related object.' },
  };
  if (i % 10 === 0) properties.self_ref = { anyOf: [ref(i, count)], nullable: true, description: 'A link to itself.' };
  return {
    type: 'object',
    title: modelName(i, count),
    description: `Synthetic model number ${i}.`,
    properties,
    required: ['id', 'object', 'created', 'livemode', 'metadata'],
  };
}

/** A form body in Stripe's style: strict object, nested object, string map, `expand` list. */
function createBody(): Json {
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      label: { type: 'string', maxLength: 5000 },
      amount: { type: 'integer', minimum: 0 },
      metadata: {
        anyOf: [
          { type: 'object', additionalProperties: { type: 'string' } },
          { type: 'string', enum: [''] },
        ],
      },
      settings: {
        type: 'object',
        additionalProperties: false,
        properties: { mode: { type: 'string', enum: ['fast', 'slow'] }, limit: { type: 'integer', maximum: 100 } },
      },
      expand: { type: 'array', items: { type: 'string', maxLength: 5000 } },
    },
  };
}

const errorResponse = {
  description: 'Error response.',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/error' } } },
};

function jsonResponse(schema: Json): Json {
  return { description: 'Successful response.', content: { 'application/json': { schema } } };
}

/** The document: the models plus `error`, and `GET /{id}` + `POST` on `operationGroups` paths. */
export function syntheticSpec(shape: Partial<SyntheticShape> = {}, operationGroups = 20): Json {
  const { count = 1000, cycle = 10 } = shape;
  const schemas: Record<string, Json> = {
    error: {
      type: 'object',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          properties: { message: { type: 'string', maxLength: 5000 }, type: { type: 'string', maxLength: 5000 } },
        },
      },
    },
  };
  for (let i = 0; i < count; i++) schemas[modelName(i, count)] = model(i, { count, cycle });
  const paths: Record<string, Json> = {};
  for (let g = 0; g < operationGroups; g++) {
    const target = ref(Math.floor((g * count) / operationGroups), count);
    paths[`/v1/group_${g}`] = {
      post: {
        operationId: `PostGroup${g}`,
        summary: `Create an object in group ${g}`,
        requestBody: { content: { 'application/x-www-form-urlencoded': { schema: createBody() } } },
        responses: { '200': jsonResponse(target), default: errorResponse },
      },
    };
    paths[`/v1/group_${g}/{id}`] = {
      get: {
        operationId: `GetGroup${g}Id`,
        summary: `Retrieve an object of group ${g}`,
        parameters: [
          { in: 'path', name: 'id', required: true, schema: { type: 'string', maxLength: 5000 } },
          {
            in: 'query',
            name: 'expand',
            style: 'deepObject',
            explode: true,
            schema: { type: 'array', items: { type: 'string', maxLength: 5000 } },
          },
        ],
        responses: { '200': jsonResponse(target), default: errorResponse },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: `Synthetic spec (${count} schemas)`, version: '2024-04-10' },
    paths,
    components: { schemas },
  };
}

/** Writes the document as JSON (the generator reads JSON or YAML) and returns its path. */
export async function writeSyntheticSpec(shape: Partial<SyntheticShape> = {}, dir = tmpdir()): Promise<string> {
  const { count = 1000, cycle = 10 } = shape;
  const path = join(dir, `synthetic-${count}-cycle-${cycle}.openapi.json`);
  await writeFile(path, JSON.stringify(syntheticSpec({ count, cycle }), null, 1));
  return path;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(process.argv[2] ?? 1000);
  const cycle = Number(process.argv[3] ?? 10);
  console.log(await writeSyntheticSpec({ count, cycle }));
}
