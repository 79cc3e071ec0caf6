// Stripe returns an expandable field as an id unless `expand` names it; then it is the object
// (https://docs.stripe.com/api/expanding_objects). These types follow the literal paths a call
// passes, so `expand: ['default_source']` types `default_source` as the object, and fields not named
// keep their `string | object` type.

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

/** Params whose `expand` is the literal tuple `E`, so the result type can follow it. */
export type WithExpand<Params, E extends readonly string[]> = Omit<NonNullable<Params>, 'expand'> & { expand?: E };

/** The item paths inside a list or search page: `data.default_source` → `default_source`. */
export type ItemPaths<Path extends string> = Rest<Path, 'data'>;
