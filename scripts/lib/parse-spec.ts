import { parseDocument } from 'yaml';

/** A spec file that cannot be read as JSON or YAML; the message names the file, line and column. */
export class SpecSyntaxError extends Error {
  override readonly name = 'SpecSyntaxError';
}

/** `{ line, col }` (1-based) of a character offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, col: lines[lines.length - 1]!.length + 1 };
}

// Aliases are expanded without a cap: Stripe-sized specs made by YAML tools use many.
const YAML_OPTIONS = { maxAliasCount: -1, uniqueKeys: true } as const;

type Problem = { message: string; line: number; col: number };

/** The first problem yaml's parser reports in `doc`, with where it is, or undefined when there is none. */
function yamlProblem(doc: ReturnType<typeof parseDocument>): Problem | undefined {
  const error = doc.errors[0];
  if (!error) return undefined;
  const at = error.linePos?.[0] ?? { line: 1, col: 1 };
  return { message: error.message.split(' at line ')[0]!.split('\n')[0]!, line: at.line, col: at.col };
}

const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/**
 * The offset of the first character that makes `text` not JSON (its length when the text ends too
 * soon), or -1 when it is JSON. Run only after JSON.parse has failed: V8's message does not always
 * say where.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = () => {
    for (i++; text[i] !== '"'; i++) {
      if (i >= text.length || text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') i++;
    }
    i++;
  };
  const sequence = (close: string, item: () => void) => {
    i++;
    space();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      space();
      if (text[i] === close) return void i++;
      if (text[i] !== ',') fail();
      i++;
    }
  };
  const value = (): void => {
    space();
    if (text[i] === '{') {
      return sequence('}', () => {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        if (text[i] !== ':') fail();
        i++;
        value();
      });
    }
    if (text[i] === '[') return sequence(']', value);
    if (text[i] === '"') return string();
    LITERAL.lastIndex = i;
    const match = LITERAL.exec(text);
    if (!match) fail();
    i += match![0].length;
  };
  try {
    value();
    space();
    return i < text.length ? i : -1;
  } catch (offset) {
    return Math.min(offset as number, text.length);
  }
}

/** Where JSON.parse failed, and V8's words for why (without the part that quotes the text). */
function jsonProblem(text: string, error: Error): Problem {
  const message = error.message
    .split('\n')[0]!
    .replace(/,\s*".*$/, '')
    .replace(/\s*in JSON at position \d+.*$/, '');
  const offset = jsonErrorOffset(text);
  return { message, ...lineAndColumn(text, offset < 0 ? text.length : offset) };
}

/**
 * Parses a spec file's text: JSON when it starts with `{`, YAML otherwise.
 * @throws {SpecSyntaxError} `<file>:<line>:<col>: <what is wrong>`.
 */
export function parseSpecText(text: string, file: string): unknown {
  if (text.trimStart().startsWith('{')) {
    try {
      return JSON.parse(text);
    } catch (error) {
      const problem = jsonProblem(text, error as Error);
      throw new SpecSyntaxError(`${file}:${problem.line}:${problem.col}: not valid JSON: ${problem.message}`);
    }
  }
  const doc = parseDocument(text, YAML_OPTIONS);
  const problem = yamlProblem(doc);
  if (problem) throw new SpecSyntaxError(`${file}:${problem.line}:${problem.col}: not valid YAML: ${problem.message}`);
  return doc.toJS({ maxAliasCount: -1 });
}
