import { docComment } from '../zod/context.js';
import type { ExpandNode, ExpandTree } from './expand-tree.js';

/**
 * A tree as code: `{ cash_balance: 0, invoice_settings: [{ default_payment_method: 1 }] }`, a
 * subtree that `shared` names written as that name (`{ data: [PostCustomersExpandable] }`).
 */
export function expandTreeCode(tree: ExpandTree, shared: ReadonlyMap<string, string> = new Map()): string {
  const code = (node: ExpandNode): string =>
    typeof node === 'number' ? String(node) : (shared.get(JSON.stringify(node)) ?? expandTreeCode(node, shared));
  const fields = Object.entries(tree).map(([field, node]) => {
    const key = /^[A-Za-z_$][\w$]*$/.test(field) ? field : JSON.stringify(field);
    return `${key}: ${Array.isArray(node) ? `[${code(node[0])}]` : code(node)}`;
  });
  return fields.length ? `{ ${fields.join(', ')} }` : '{}';
}

/**
 * The consts that hold the operations' expand trees, one per distinct tree, named after the first
 * operation with it (`PostCustomersExpandable`); a tree inside another (a customer's in a page of
 * customers) is written as the const's name. Returns the consts, each after those it names, and
 * the const for each operation.
 */
export function expandTreeConsts(trees: readonly { id: string; tree: ExpandTree }[]): { consts: string[]; byOperation: Map<string, string> } {
  const names = new Map<string, string>();
  const byOperation = new Map<string, string>();
  for (const { id, tree } of trees) {
    const key = JSON.stringify(tree);
    if (!names.has(key)) names.set(key, `${id}Expandable`);
    byOperation.set(id, names.get(key)!);
  }
  // Smaller first: a tree can only contain trees smaller than itself.
  const ordered = [...names].sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  const consts = ordered.map(([key, name]) => {
    const others = new Map([...names].filter(([k]) => k !== key));
    const users = trees.filter(({ tree }) => JSON.stringify(tree) === key).map(({ id }) => id);
    const doc = docComment(`The paths \`expand\` may name in ${users.join(', ')}.`);
    return `${doc}const ${name} = ${expandTreeCode(JSON.parse(key) as ExpandTree, others)} as const;`;
  });
  return { consts, byOperation };
}
