import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's root folder, with a trailing slash. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The README as users read it. */
export const readme = readFileSync(`${ROOT}README.md`, 'utf8');

/**
 * The README's TypeScript examples, in order. A block may sit indented inside a list item; its lines
 * carry that indentation, which is removed.
 */
export const readmeExamples = [...readme.matchAll(/^( *)```ts\n([\s\S]*?)^ *```/gm)].map(([, indent, code]) =>
  code!.split('\n').map((line) => (line.startsWith(indent!) ? line.slice(indent!.length) : line)).join('\n'),
);
