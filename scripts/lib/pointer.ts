/** `a/b~c` → `a~1b~0c`: a name as one JSON pointer segment. */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `/components/schemas/a~1b` → `['components', 'schemas', 'a/b']`; `''` (the whole document) → `[]`. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `['paths', '/v1/customers', 'get']` → `#/paths/~1v1~1customers/get`: a place in a document, for messages. */
export function pointerOf(segments: readonly (string | number)[]): string {
  return `#${segments.map((s) => `/${escapePointer(String(s))}`).join('')}`;
}

/** The value a JSON pointer (without `#`) names in `doc`, or undefined when there is none. */
export function valueAt(doc: unknown, pointer: string): unknown {
  let node = doc;
  for (const key of pointerSegments(pointer)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
