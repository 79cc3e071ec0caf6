/** Small Markdown builders for the reference pages: table cells, tables, code spans, file names. */

/**
 * Text made safe for one GitHub-flavoured table cell: a `|` would end the cell (even inside a code
 * span, see https://github.github.com/gfm/#example-200) and a newline would end the row.
 */
export function cell(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '<br>').replace(/\|/g, '\\|');
}

/**
 * A table in the shape openapi-generator's docs use (no outer pipes, a dashed rule under the
 * header); every cell is escaped with {@link cell}. Lines are trimmed so an empty last cell leaves
 * no trailing whitespace.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => cells.map(cell).join(' | ').trimEnd();
  const rule = header.map((_, i) => (i === 0 ? '-'.repeat(12) : '-'.repeat(13))).join(' | ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** `text` in bold, as the Name and Type cells show names and types. */
export const bold = (text: string): string => `**${text}**`;

/** The links every page ends with: to the model list, the operation list and the index. */
export const BACK_LINKS =
  '[[Back to Model list]](../README.md#models) [[Back to API list]](../README.md#operations) [[Back to README]](../README.md)';

/** `text` as a code span, with a fence longer than any run of backticks inside it. */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * The file a component or operation is documented in. Stripe's names are letters, digits, `_` and
 * `.` (`test_helpers.test_clock`); anything else becomes `_` so the name is a safe relative link.
 */
export function pageFile(name: string): string {
  return `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.md`;
}

/** Maps names to page files, refusing two names that would share one file. */
export function pageFiles(names: Iterable<string>, kind: string): Map<string, string> {
  const files = new Map<string, string>();
  const owners = new Map<string, string>();
  for (const name of names) {
    const file = pageFile(name);
    const owner = owners.get(file);
    if (owner !== undefined) throw new Error(`${kind} "${owner}" and "${name}" would both be documented in ${file}`);
    owners.set(file, name);
    files.set(name, file);
  }
  return files;
}

/** Joins blocks (paragraphs, tables, code) with one blank line, dropping empty ones; ends with a newline. */
export function page(blocks: readonly (string | undefined)[]): string {
  return `${blocks.filter((b): b is string => b !== undefined && b.trim() !== '').join('\n\n')}\n`;
}
