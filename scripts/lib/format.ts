import { format } from 'prettier';

/** Fixed options (no config lookup), so output is byte-identical wherever the generator runs. */
const OPTIONS = { parser: 'typescript', printWidth: 100, singleQuote: true, trailingComma: 'all' } as const;

/** Formats generated TypeScript. */
export function formatCode(code: string): Promise<string> {
  return format(code, OPTIONS);
}
