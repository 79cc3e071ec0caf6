// Stripe returns an expandable field as an id unless `expand` names it; then it is the object
// (https://docs.stripe.com/api/expanding_objects). These types follow the literal paths a call
// passes, so `expand: ['default_source']` types `default_source` as the object, and fields not named
// keep their `string | object` type; and they hold each literal path to the paths the operation
// can expand (generated from the spec), so a misspelled one is a compile error.

/** The first segment of a dotted path: `invoice_settings` for `invoice_settings.default_payment_method`. */
type Head<Path extends string> = Path extends `${infer First}.${string}` ? First : Path;

/** What follows `Key.` in the paths that start with it (`never` when none do). */
type Rest<Path extends string, Key extends string> = Path extends `${Key}.${infer Tail}` ? Tail : never;

/** An expanded field's value: the object without the id string (or unchanged if it never had one). */
type WithoutId<Value> = [Extract<Value, object>] extends [never] ? Value : Exclude<Value, string>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type ExpandObject<T, Path extends string> = Simplify<
  {
    // A named field is always present once expanded (`tax_ids`, `sources` appear only then).
    [K in keyof T as K extends Path ? K : never]-?: Expanded<WithoutId<Exclude<T[K], undefined>>, Rest<Path, K & string>>;
  } & {
    [K in keyof T as K extends Path ? never : K]: K extends Head<Path> ? Expanded<T[K], Rest<Path, K & string>> : T[K];
  }
>;

/**
 * `T` as Stripe returns it when a call's `expand` lists `Path` (a union of dotted paths). Lists
 * and search results expand through `data`: `data.default_source`. A path given as a plain
 * `string` (not a literal) narrows nothing.
 * @example
 * type C = Expanded<Customer, 'default_source' | 'invoice_settings.default_payment_method'>;
 */
export type Expanded<T, Path extends string> = [Path] extends [never]
  ? T
  : string extends Path
    ? T
    : T extends readonly (infer Item)[]
      ? Expanded<Item, Path>[]
      : T extends object
        ? ExpandObject<T, Path>
        : T;

/** The paths below a field, from what follows it in an expand tree. */
type PathsBelow<K extends string, Below> = Below extends 1 ? `${K}.${string}` : Below extends 0 ? never : `${K}.${ExpandPaths<Below>}`;

/**
 * The paths of an expand tree (generated/operations.ts, each operation's `expandable`; see
 * `ExpandTree`) as a union: `'default_source' | 'default_source.customer' |
 * \`default_source.customer.${string}\` | 'invoice_settings.default_payment_method' | …`. A field at
 * the depth limit that can expand further allows any path below it, which Stripe checks.
 */
export type ExpandPaths<Tree> = {
  [K in keyof Tree & string]: Tree[K] extends readonly [infer Below] ? PathsBelow<K, Below> : K | PathsBelow<K, Tree[K]>;
}[keyof Tree & string];

/** What a path is checked against when a method's result has nothing to expand: the error says so. */
type NothingToExpand = '(nothing in this result expands)';

/**
 * Each path of `E` as `Allowed` has it: a literal it does not allow becomes `Allowed`, so the
 * compiler's error names the allowed paths (and suggests the nearest: `Did you mean
 * '"default_source"'?`). A path typed as plain `string` is not a literal and passes; the client
 * checks it before sending.
 */
type CheckedPaths<E extends readonly string[], Allowed extends string> = {
  readonly [I in keyof E]: string extends E[I] ? E[I] : E[I] extends Allowed ? E[I] : [Allowed] extends [never] ? NothingToExpand : Allowed;
};

/**
 * Params whose `expand` is the literal tuple `E`, each path one of `Allowed`, so that a misspelled
 * path is a compile error and the result type can follow the paths.
 */
export type WithExpand<Params, E extends readonly string[], Allowed extends string = string> = Omit<NonNullable<Params>, 'expand'> & {
  expand?: CheckedPaths<E, Allowed>;
};

/** The item paths inside a list or search page: `data.default_source` → `default_source`. */
export type ItemPaths<Path extends string> = Rest<Path, 'data'>;
