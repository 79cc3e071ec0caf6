import { indentByNesting } from './layout.js';
import { loadPeer } from './peers.js';

/** Fixed options (no config lookup), so output is byte-identical wherever the generator runs. */
const OPTIONS = { parser: 'typescript', printWidth: 100, singleQuote: true, trailingComma: 'all' } as const;

/**
 * Above this many characters (before formatting) a file is not one a person reads: the customers
 * slice's largest, schemas.ts, is 0.36 M; Stripe's whole spec makes a 3.2 M schemas.ts and 0.6 M
 * operations.ts and methods.ts. prettier takes about a second per 250 K of this code, most of a
 * run on a whole spec, so such a file is only indented (`indentByNesting`).
 */
export const PRETTIER_MAX_CHARS = 500_000;

/** Formats generated TypeScript: prettier for a file a person reads, indentation for a bigger one. */
export async function formatCode(code: string): Promise<string> {
  if (code.length > PRETTIER_MAX_CHARS) return `${indentByNesting(code).trimEnd()}\n`;
  const { format } = await loadPeer<typeof import('prettier')>('prettier');
  return format(code, OPTIONS);
}
