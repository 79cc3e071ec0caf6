import type { Schema } from '../openapi.js';
import { BACK_LINKS, code, page, table } from './markdown.js';
import { displayName, isNullable, propertyRows, typeText, type LinkContext } from './schema-cells.js';
import { absoluteLinks } from './text.js';

/** The columns of every model table (a model page, a request body), as in openapi-generator's docs. */
export const MODEL_COLUMNS = ['Name', 'Type', 'Description', 'Notes'] as const;

/** The model table of an object's top-level properties, or a sentence when it has none. */
export function modelTable(object: Schema, ctx: LinkContext, readonly: boolean): string {
  const rows = propertyRows(object, ctx, readonly);
  return rows.length ? table(MODEL_COLUMNS, rows) : 'No properties.';
}

/**
 * `models/<name>.md`: the component's description and its `## Properties` table, ending with the
 * links back. A component that is not an object with properties (a union of payment sources) gets
 * its type on one line and says it has no properties of its own. `readonly`: the component appears
 * only in responses, so every property is marked `[readonly]`.
 */
export function modelPage(header: string, name: string, schema: Schema, ctx: LinkContext, readonly: boolean): string {
  const source = `Component schema ${code(name)}${readonly ? ', found only in responses' : ''}.`;
  const shape =
    schema.properties === undefined
      ? `**Type:** ${typeText(schema, ctx)}${isNullable(schema) ? ' (nullable)' : ''}`
      : undefined;
  const properties = schema.properties === undefined ? 'None of its own.' : modelTable(schema, ctx, readonly);
  return page([
    header,
    `# ${displayName(name)}`,
    source,
    schema.description === undefined ? undefined : absoluteLinks(schema.description),
    shape,
    `## Properties\n\n${properties}`,
    BACK_LINKS,
  ]);
}
