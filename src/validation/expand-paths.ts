import { customIssue, type ValidationIssue } from '../errors/errors.js';

/**
 * What follows a field in an expand tree: `0` nothing, `1` anything (deeper than the generator
 * checks; Stripe checks it), or the fields one level down.
 */
export type ExpandNode = 0 | 1 | ExpandTree;

/**
 * The paths an operation's `expand` may name, as generated from the spec's expandable fields
 * (generated/operations.ts, each operation's `expandable`). A field that is a path itself maps to
 * what may follow it; a field paths only pass through (`invoice_settings`, a page's `data`) maps
 * to that in a one-element array.
 */
export type ExpandTree = { readonly [field: string]: ExpandNode | readonly [ExpandNode] };

/** What follows a field, and whether the field is a path itself or only leads to paths below it. */
function split(node: ExpandNode | readonly [ExpandNode]): { through: boolean; below: ExpandNode } {
  return Array.isArray(node) ? { through: true, below: (node as readonly [ExpandNode])[0] } : { through: false, below: node as ExpandNode };
}

/**
 * The paths a level of a tree offers, for a message: its fields, and for a field paths only go
 * through, the fields under it (`invoice_settings.default_payment_method`, `data.…` when deeper).
 */
function offered(fields: ExpandTree): string[] {
  return Object.entries(fields).flatMap(([field, node]) => {
    const { through, below } = split(node);
    if (!through) return [field];
    if (typeof below === 'number') return [`${field}.…`];
    return Object.entries(below).map(([name, inner]) => (split(inner).through ? `${field}.${name}.…` : `${field}.${name}`));
  });
}

/** Why `tree` does not allow `path`, or undefined when it does. */
export function expandPathProblem(tree: ExpandTree, path: string): string | undefined {
  const segments = path.split('.');
  const quoted = JSON.stringify(path);
  let fields: ExpandTree = tree;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const above = segments.slice(0, i).join('.');
    if (!Object.hasOwn(fields, segment)) {
      const list = offered(fields);
      if (!list.length) return `${quoted} is not expandable here; nothing${above ? ` under ${above}` : ''} expands`;
      return `${quoted} is not expandable here; expandable${above ? ` under ${above}` : ''}: ${list.join(', ')}`;
    }
    const { through, below } = split(fields[segment]!);
    if (i === segments.length - 1) {
      if (!through) return undefined;
      const under = typeof below === 'number' ? ['…'] : offered(below);
      return `${quoted} is not expandable itself; expandable under it: ${under.join(', ')}`;
    }
    if (below === 1) return undefined;
    if (below === 0) return `${quoted} is not expandable here; nothing under ${[above, segment].filter(Boolean).join('.')} expands`;
    fields = below;
  }
  return undefined;
}

/**
 * The `expand` entries of `params` that `tree` does not allow, one issue each
 * (`expand[0]: "default_sauce" is not expandable here; expandable: address, …`). Anything that is
 * not a list of strings is left to the params schema to refuse.
 */
export function expandIssues(tree: ExpandTree | undefined, params: unknown): ValidationIssue[] {
  const expand = (params as { expand?: unknown } | null | undefined)?.expand;
  if (!tree || !Array.isArray(expand)) return [];
  const issues: ValidationIssue[] = [];
  expand.forEach((path: unknown, i) => {
    const problem = typeof path === 'string' ? expandPathProblem(tree, path) : undefined;
    if (problem) issues.push(customIssue(['expand', i], problem));
  });
  return issues;
}
