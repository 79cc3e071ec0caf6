import type { $ZodType } from 'zod/v4/core';
import type { ClientOperation } from '../../generated/checks.js';
import type { operations } from '../../generated/operations.js';

export type { ClientOperation } from '../../generated/checks.js';

/** Where an operation goes: all that sending and retrying need. */
export type OperationRoute = Pick<ClientOperation, 'id' | 'method' | 'path' | 'pathParams'>;

/**
 * An operation with its zod schemas, as the mock runs it; every entry of the generated `operations`
 * table fits it. The client runs on `ClientOperation` (generated/checks.ts) instead, which carries the
 * same rules as plain data, so an app's bundle needs no zod. Only `generated/` holds spec values.
 */
export interface OperationSpec extends OperationRoute {
  readonly pathSchema: $ZodType | null;
  readonly querySchema: $ZodType | null;
  readonly bodySchema: $ZodType | null;
  readonly responseSchema: $ZodType | null;
  readonly errorSchema: $ZodType | null;
}

/** The generated table, checked against {@link OperationSpec} when this file compiles. */
export type GeneratedOperations = typeof operations;
const _fits: { readonly [K in keyof GeneratedOperations]: OperationSpec } = {} as GeneratedOperations;
void _fits;

/** The params of one call, split the way the operation takes them. */
export interface CallParams {
  path?: Readonly<Record<string, string>>;
  query?: object | undefined;
  body?: object | undefined;
}

/** A call ready to send: path ids as given, query and body already form-encoded. */
export interface EncodedCall {
  path?: Readonly<Record<string, string>> | undefined;
  query: string;
  /** `undefined` for methods that send no body. */
  body: string | undefined;
}
