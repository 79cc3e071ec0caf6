import type { $ZodType } from 'zod/v4/core';
import type { operations } from '../generated/operations.js';

/**
 * What the client needs to know about an operation; every entry of the generated `operations` table
 * fits it. Only `generated/` holds the spec-derived values.
 */
export interface OperationSpec {
  readonly id: string;
  readonly method: 'get' | 'post' | 'delete' | 'put' | 'patch' | 'head' | 'options' | 'trace';
  readonly path: string;
  readonly pathParams: readonly string[];
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
