import { pascalCase } from '../names.js';

/**
 * Spec names whose model takes stripe-node's name rather than the spelled-out one: a source on a
 * customer is a `CustomerSource` there, a Checkout `item` a `LineItem`, an invoice's `line_item` an
 * `InvoiceLineItem`. The error body is `ErrorResponse` so that no model hides the global `Error`.
 */
export const MODEL_NAME_OVERRIDES: Readonly<Record<string, string>> = {
  payment_source: 'CustomerSource',
  deleted_payment_source: 'DeletedCustomerSource',
  item: 'LineItem',
  line_item: 'InvoiceLineItem',
  error: 'ErrorResponse',
};

/** Names the models file declares itself, which no component may take. */
export const MODEL_HELPER_NAMES: readonly string[] = ['ApiList', 'ApiSearchResult', 'ModelsBySpecName'];

/** `test_helpers.test_clock` → `TestHelpersTestClock`; the override where there is one. */
export function modelName(specName: string): string {
  return MODEL_NAME_OVERRIDES[specName] ?? specName.split('.').map(pascalCase).join('');
}

/**
 * The model name of every component in `specNames`, deterministic for a given set: the plain name
 * ({@link modelName}) unless two components would share it, in which case each dotted one keeps its
 * dots as `_` (`issuing.card` → `Issuing_Card` beside an `issuing_card`). Throws when that still
 * leaves two on one name, or a component on a helper's name.
 */
export function modelNames(specNames: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(specNames)].sort();
  const plain = new Map(sorted.map((name) => [name, modelName(name)]));
  const counts = new Map<string, number>();
  for (const name of plain.values()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const result = new Map<string, string>();
  const owner = new Map<string, string>();
  for (const spec of sorted) {
    let name = plain.get(spec)!;
    if (counts.get(name)! > 1 && spec.includes('.') && !(spec in MODEL_NAME_OVERRIDES)) name = spec.split('.').map(pascalCase).join('_');
    const other = owner.get(name) ?? (MODEL_HELPER_NAMES.includes(name) ? 'a helper type' : undefined);
    if (other !== undefined) throw new Error(`schema "${spec}" and ${other.startsWith('a ') ? other : `schema "${other}"`} both map to the model name ${name}`);
    owner.set(name, spec);
    result.set(spec, name);
  }
  return result;
}
