// Brackets outside strings and comments: what the indenter counts. A string is one of the
// emitters' JSON.stringify or single-quoted literals, never spanning lines.
const OPENERS = '([{';
const CLOSERS = ')]}';

interface ScanState {
  /** The line number each open bracket was opened on, innermost last. */
  open: number[];
  inComment: boolean;
}

/** Updates `state` with the brackets and comments of one line (number `lineNo`). */
function scanLine(line: string, lineNo: number, state: ScanState): void {
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (state.inComment) {
      if (ch === '*' && line[i + 1] === '/') {
        state.inComment = false;
        i++;
      }
    } else if (ch === '/' && line[i + 1] === '*') {
      state.inComment = true;
      i++;
    } else if (ch === '/' && line[i + 1] === '/') {
      return;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      for (i++; i < line.length && line[i] !== ch; i++) if (line[i] === '\\') i++;
    } else if (OPENERS.includes(ch)) {
      state.open.push(lineNo);
    } else if (CLOSERS.includes(ch)) {
      state.open.pop();
    }
  }
}

/** How many distinct lines the open brackets were opened on: `z.object({` is one level, not two. */
function levels(open: readonly number[]): number {
  let count = 0;
  for (let i = 0; i < open.length; i++) if (i === 0 || open[i] !== open[i - 1]) count++;
  return count;
}

/** How many closing brackets a line starts with (`}),` → 2), before anything else. */
function leadingClosers(trimmed: string): number {
  let n = 0;
  while (n < trimmed.length && CLOSERS.includes(trimmed[n]!)) n++;
  return n;
}

/**
 * Generated code re-indented by bracket nesting, two spaces a level, each line otherwise as the
 * emitter wrote it; lines inside a block comment keep their ` *` alignment. The layout for files
 * too big to read (see `formatCode`): linear in the code's length, where prettier takes seconds
 * per megabyte.
 * @example indentByNesting('const a = z.object({\nb: z.string(),\n});') // 'const a = z.object({\n  b: z.string(),\n});'
 */
export function indentByNesting(code: string): string {
  const state: ScanState = { open: [], inComment: false };
  const lines = code.split('\n');
  const out: string[] = [];
  lines.forEach((line, lineNo) => {
    const trimmed = line.trim();
    if (trimmed === '') {
      out.push('');
      return;
    }
    const commentLine = state.inComment;
    const closing = commentLine ? 0 : leadingClosers(trimmed);
    const level = levels(state.open.slice(0, Math.max(0, state.open.length - closing)));
    const star = commentLine && trimmed.startsWith('*') ? ' ' : '';
    out.push(`${'  '.repeat(level)}${star}${trimmed}`);
    scanLine(trimmed, lineNo, state);
  });
  return out.join('\n');
}
