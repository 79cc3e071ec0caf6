import type { $ZodIssue } from 'zod/v4/core';
import type { ValidationIssue } from '../errors/errors.js';
import { fewest } from './check.js';
import { formatPath } from './format-path.js';

type Path = readonly PropertyKey[];

const TYPE_NAMES: Record<string, string> = { int: 'integer', nonoptional: 'a value' };

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function quote(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function issue(path: Path, rule: string): ValidationIssue {
  const segments = path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  return { path: segments, field: formatPath(segments), rule };
}

/** Words for a size limit: `at most 30 characters`, `at least 1`, `less than 5 items`. */
function limit(kind: 'most' | 'least', bound: unknown, inclusive: boolean, origin: string): string {
  const unit = origin === 'string' ? ' characters' : origin === 'array' || origin === 'set' ? ' items' : '';
  const words = inclusive ? `at ${kind}` : kind === 'most' ? 'less than' : 'more than';
  return `${words} ${String(bound)}${unit}`;
}

/**
 * A union branch that failed only because the value is of another kind altogether (an object given
 * where the `""` branch wants a string). Such branches say nothing about what the caller meant.
 */
function isKindMismatch(branch: readonly $ZodIssue[]): boolean {
  return branch.every((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value'));
}

function expectation(branch: readonly $ZodIssue[]): string {
  const first = branch[0];
  if (first?.code === 'invalid_type') return TYPE_NAMES[first.expected] ?? first.expected;
  if (first?.code === 'invalid_value') return first.values.map(quote).join(' or ');
  return 'another value';
}

/**
 * Turns zod issues into issues a person can act on: each with the full path from the params root
 * and the rule in words. `root` is the value that was validated; it supplies what was received.
 * A failed union reports the branch the value was meant for, chosen as `check.ts` chooses it.
 */
export function toValidationIssues(issues: readonly $ZodIssue[], root: unknown, base: Path = []): ValidationIssue[] {
  return issues.flatMap((i): ValidationIssue[] => {
    const path = [...base, ...i.path];
    switch (i.code) {
      case 'invalid_type': {
        const received = valueAt(root, path);
        if (received === undefined) return [issue(path, 'required')];
        return [issue(path, `expected ${TYPE_NAMES[i.expected] ?? i.expected}, got ${typeName(received)}`)];
      }
      case 'too_big':
        if (i.origin === 'int' || i.origin === 'number') {
          if (Number(i.maximum) === Number.MAX_SAFE_INTEGER) return [issue(path, 'must be a safe integer')];
        }
        return [issue(path, limit('most', i.maximum, i.inclusive ?? true, i.origin))];
      case 'too_small':
        if ((i.origin === 'int' || i.origin === 'number') && Number(i.minimum) === Number.MIN_SAFE_INTEGER) {
          return [issue(path, 'must be a safe integer')];
        }
        return [issue(path, limit('least', i.minimum, i.inclusive ?? true, i.origin))];
      case 'invalid_value':
        return [issue(path, `expected ${i.values.length === 1 ? '' : 'one of '}${i.values.map(quote).join(', ')}`)];
      case 'unrecognized_keys':
        return i.keys.map((key) => issue([...path, key], 'unknown parameter'));
      case 'invalid_union': {
        const meant = fewest(
          i.errors.filter((branch) => !isKindMismatch(branch)).map((branch) => toValidationIssues(branch, root, path)),
        );
        if (meant) return [...meant];
        const received = valueAt(root, path);
        if (received === undefined) return [issue(path, 'required')];
        const expected = [...new Set(i.errors.map(expectation))].join(' or ');
        return [issue(path, `expected ${expected}, got ${typeName(received)}`)];
      }
      case 'invalid_key':
      case 'invalid_element':
        return toValidationIssues(i.issues, root, i.code === 'invalid_element' ? [...path, i.key as PropertyKey] : path);
      case 'invalid_format':
        return [issue(path, `invalid ${i.format}`)];
      case 'not_multiple_of':
        return [issue(path, `must be a multiple of ${String(i.divisor)}`)];
      default:
        return [issue(path, i.message)];
    }
  });
}
