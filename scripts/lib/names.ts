import type { Direction } from './zod/context.js';

/** `invoice_setting_custom_field` → `InvoiceSettingCustomField`; a leading digit gets an underscore. */
export function pascalCase(name: string): string {
  const joined = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
  return /^[0-9]/.test(joined) ? `_${joined}` : joined || '_';
}

/**
 * The const that holds a component's zod schema: `CustomerSchema`, or `CustomerParamsSchema` for
 * requests (`CustomerCheck` and `CustomerParamsCheck` for the client's checks). A dot in a Stripe
 * name becomes `_` (`test_helpers.test_clock` → `TestHelpers_TestClock`), so `issuing.card` and a
 * hypothetical `issuing_card` cannot collide.
 */
export function componentIdentifier(name: string, direction: Direction, kind: 'Schema' | 'Check' = 'Schema'): string {
  const base = name.split('.').map(pascalCase).join('_');
  return `${base}${direction === 'request' ? 'Params' : ''}${kind}`;
}

/** The const that holds one part of an operation: `PostCustomersBodySchema`. */
export function operationIdentifier(operationId: string, part: 'Path' | 'Query' | 'Body' | 'Response' | 'Error'): string {
  return `${pascalCase(operationId)}${part}Schema`;
}

/**
 * What generated prose calls the API: the spec's title without a trailing ` API`, on one line and
 * safe inside a comment (`Stripe API` → `Stripe`, so "Stripe's API", "the Stripe API version").
 */
export function apiName(title: unknown): string {
  const line = String(title ?? '').replace(/\s+/g, ' ').trim().replace(/\*\//g, '*\\/');
  return line.replace(/\s+API$/, '') || line;
}
