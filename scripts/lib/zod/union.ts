import { combine, type Emitter } from './context.js';

/**
 * `anyOf` / `oneOf`. Stripe uses them for the `""` unset branch (`anyOf: [object, {enum: [""]}]`) and
 * for expandable fields (`anyOf: [string id, $ref]`); a one-branch union is just that branch.
 * `oneOf` is checked like `anyOf`: Stripe's branches overlap (an id string and an object never do,
 * but two loose objects can), and the first branch that fits wins.
 */
export const emitUnion: Emitter = (schema, ctx, emit) => {
  const branches = (schema.anyOf ?? schema.oneOf ?? []).map((branch) => emit(branch, ctx));
  if (branches.length === 1) return branches[0]!;
  return combine(`z.union([${branches.map((b) => b.code).join(', ')}])`, branches);
};
