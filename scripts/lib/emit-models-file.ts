import { deletedMarkers } from './models/deleted.js';
import { jsdoc } from './models/doc.js';
import {
  fieldType,
  isOpenObject,
  modelType,
  objectFields,
  propertyKey,
  typeMembers,
  type ModelField,
  type ModelTypeContext,
} from './models/model-type.js';
import { modelNames } from './models/names.js';
import { apiName } from './names.js';
import type { Document, Schema } from './openapi.js';

const HELPERS = `/**
 * One page of a list, as Stripe returns it: \`data\` holds the items, \`has_more\` says whether another
 * page follows.
 */
export type ApiList<T> = {
  /** The items on this page. */
  data: T[];
  /** True if this list has another page of items after this one that can be fetched. */
  has_more: boolean;
  /** String representing the object's type. Always has the value \`list\`. */
  object: 'list';
  /** The URL where this list can be accessed. */
  url: string;
};

/** One page of search results: the items in \`data\`, the next page's token in \`next_page\`. */
export type ApiSearchResult<T> = {
  /** The items on this page. */
  data: T[];
  /** True if there is another page of results after this one. */
  has_more: boolean;
  /** The token to pass as \`page\` for the next page of results, when there is one. */
  next_page?: string | null;
  /** String representing the object's type. Always has the value \`search_result\`. */
  object: 'search_result';
  /** The total number of objects that match the query, only accurate up to 10,000. */
  total_count?: number;
  /** The URL where this list can be accessed. */
  url: string;
};`;

const DELETED_MARKER: ModelField = {
  name: 'deleted',
  optional: true,
  members: ['never'],
  description: 'Never set on a live object; `true` on what deleting one returns, so `if (x.deleted)` tells them apart.',
};

/**
 * One component as a named type; without a description, it is "the `x` object of `api`'s API". Objects are object types under an alias rather than interfaces:
 * like the anonymous types they name, they stay assignable to `Record<string, unknown>`, which
 * reading a field this SDK does not know (`(customer as Record<string, unknown>).new_field`) needs.
 */
export function emitModel(specName: string, schema: Schema, ctx: ModelTypeContext, markDeleted: boolean, api = 'Stripe'): string {
  const name = ctx.modelOf(specName);
  const doc = jsdoc(schema.description || `The \`${specName}\` object of ${api}'s API.`, '');
  const isObject = !schema.$ref && !schema.anyOf && !schema.oneOf && !schema.allOf && !schema.enum;
  if (isObject && isOpenObject(schema) && (schema.type === 'object' || schema.properties)) {
    return `${doc}export type ${name} = Record<string, unknown>;`;
  }
  if (isObject && (schema.properties || schema.additionalProperties)) {
    const fields = objectFields(schema, ctx, '  ', markDeleted ? [DELETED_MARKER] : []);
    return `${doc}export type ${name} = {\n${fields.join('\n')}\n};`;
  }
  const members = typeMembers(schema, ctx, '');
  const head = `export type ${name} =`;
  return `${doc}${head} ${fieldType(members, '  ', 99 - head.length)};`.replace('= \n', '=\n');
}

/** The models file and the model name of each component, for the files that refer to them. */
export interface ModelsFile {
  code: string;
  /** Model names by spec name: `customer` → `Customer`. */
  names: ReadonlyMap<string, string>;
}

/**
 * Writes `models.ts`: a named type for every component in `components` as a response reads it
 * (see `modelType`): an object type per object, each field with its description, enums open to
 * values Stripe adds, expandable fields as `string | Customer`, pages of results as
 * `ApiList<TaxId>`; live objects that can come back deleted get `deleted?: never`. `responses` are
 * the operations' response schemas (for the unions they hold). The file is laid out as written
 * here, without prettier.
 */
export function emitModelsFile(doc: Document, components: ReadonlySet<string>, responses: readonly Schema[]): ModelsFile {
  const names = modelNames(components);
  const ctx: ModelTypeContext = {
    modelOf: (specName) => {
      const name = names.get(specName);
      if (name === undefined) throw new Error(`schema "${specName}" is referenced but has no model`);
      return name;
    },
  };
  const marked = deletedMarkers(doc, components, responses);
  const specNames = [...components].sort();
  const api = apiName(doc.info.title);
  const models = specNames.map((spec) => emitModel(spec, doc.components!.schemas![spec]!, ctx, marked.has(spec), api));
  const index = specNames.map((spec) => `  ${propertyKey(spec)}: ${names.get(spec)};`);
  const byName = `/** Every model by its name in the spec (\`customer\` → \`Customer\`), for code that goes by the spec's names. */\nexport type ModelsBySpecName = {\n${index.join('\n')}\n};`;
  const intro =
    `// Every component the operations reach, as a response reads it. Request params keep\n` +
    `// openapi-typescript's types (types.ts), whose enums are closed: a typo in a request is a compile error.`;
  return { code: [intro, HELPERS, ...models, byName].join('\n\n') + '\n', names };
}

/**
 * The type of a response schema by model name (`Customer | DeletedCustomer`, `ApiList<TaxId>`),
 * each name after `qualify` (`models.` where the models file is imported as a namespace).
 */
export function responseType(schema: Schema | undefined, names: ReadonlyMap<string, string>, qualify = ''): string {
  if (!schema) return 'unknown';
  const modelOf = (spec: string): string => {
    const name = names.get(spec);
    if (name === undefined) throw new Error(`schema "${spec}" is referenced but has no model`);
    return `${qualify}${name}`;
  };
  return modelType(schema, { modelOf, helper: (name) => `${qualify}${name}` });
}
