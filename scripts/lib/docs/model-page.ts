import type { Schema } from '../openapi.js';
import { page, table } from './markdown.js';
import { isNullable, propertyRows, typeText, type LinkContext } from './schema-cells.js';

/** The columns of every model table (a model page, a request body), as in openapi-generator's docs. */
export const MODEL_COLUMNS = ['Name', 'Type', 'Description', 'Notes'] as const;

/** The model table of an object's top-level properties, or a sentence when it has none. */
export function modelTable(object: Schema, ctx: LinkContext): string {
  const rows = propertyRows(object, ctx);
  return rows.length ? table(MODEL_COLUMNS, rows) : 'No properties.';
}

/**
 * `models/<name>.md`: the component's description and its properties. A component that is not an
 * object with properties (an enum, a union, a map) gets its type on one line instead.
 */
export function modelPage(header: string, name: string, schema: Schema, ctx: LinkContext): string {
  const body =
    schema.properties !== undefined
      ? `## Properties\n\n${modelTable(schema, ctx)}`
      : `**Type:** ${typeText(schema, ctx)}${isNullable(schema) ? ' (nullable)' : ''}`;
  return page([header, `# ${name}`, schema.description, body, '[Back to index](../README.md)']);
}
