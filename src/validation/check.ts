import type { Check } from '../../generated/checks.js';
import { fits } from './check-fits.js';
import type { ValidationIssue } from '../errors/errors.js';
import { formatPath } from './format-path.js';

type Path = (string | number)[];

/** A broken rule. `expected` is set when the value is of another kind altogether (a union reads it). */
interface Problem {
  path: Path;
  rule: string;
  expected?: string;
}

type Shape = Extract<Check, { props: unknown }>;
type Limited = Extract<Check, { type: unknown }>;

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

const quote = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : String(value));

function wrongKind(out: Problem[], path: Path, value: unknown, expected: string): void {
  const rule = value === undefined ? 'required' : `expected ${expected}, got ${typeName(value)}`;
  out.push({ path: path.slice(), rule, expected });
}

function broken(out: Problem[], path: Path, rule: string): void {
  out.push({ path: path.slice(), rule });
}

/** `string`, `integer` (a safe one), `number` (finite), `boolean`, `unknown`, `never`. Says if it fit. */
function checkType(type: string, value: unknown, path: Path, out: Problem[]): boolean {
  switch (type) {
    case 'string':
    case 'boolean':
      if (typeof value === type) return true;
      break;
    case 'integer':
      if (typeof value !== 'number' || Number.isNaN(value)) break;
      if (!Number.isInteger(value)) {
        wrongKind(out, path, value, 'integer');
        return false;
      }
      if (Number.isSafeInteger(value)) return true;
      broken(out, path, 'must be a safe integer');
      return false;
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return true;
      break;
    case 'array':
      if (Array.isArray(value)) return true;
      break;
    case 'unknown':
      return true;
  }
  wrongKind(out, path, value, type === 'integer' ? 'number' : type);
  return false;
}

/** Words for a size limit: `at most 30 characters`, `at least 1`, `at most 5 items`. */
function checkLimits(check: Limited, size: number, path: Path, out: Problem[]): void {
  const unit = check.type === 'string' ? ' characters' : check.type === 'array' ? ' items' : '';
  if (check.min !== undefined && size < check.min) broken(out, path, `at least ${check.min}${unit}`);
  if (check.max !== undefined && size > check.max) broken(out, path, `at most ${check.max}${unit}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function checkObject(check: Shape, value: unknown, path: Path, out: Problem[]): void {
  const { props, required, extra } = check;
  let isRecord = true;
  for (const _ in props) {
    isRecord = false;
    break;
  }
  // A string map (`metadata`) must be a plain object; an object with properties any non-array object.
  const fits = isRecord ? isPlainObject(value) : value !== null && typeof value === 'object' && !Array.isArray(value);
  if (!fits) {
    wrongKind(out, path, value, 'object');
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key in props) {
    const item = Object.hasOwn(record, key) ? record[key] : undefined;
    if (item === undefined && !required?.includes(key)) continue;
    path.push(key);
    visit(props[key]!, item, path, out);
    path.pop();
  }
  if (extra === undefined) return;
  for (const key of Object.keys(record)) {
    if (Object.hasOwn(props, key)) continue;
    path.push(key);
    if (extra === false) broken(out, path, 'unknown parameter');
    else visit(extra, record[key], path, out);
    path.pop();
  }
}

/** The list with the fewest entries (the first of equals), or `undefined` for none. */
export function fewest<T>(lists: readonly (readonly T[])[]): readonly T[] | undefined {
  let best: readonly T[] | undefined;
  for (const list of lists) if (best === undefined || list.length < best.length) best = list;
  return best;
}

/**
 * A union: fine if any branch fits. Otherwise the branch the value was meant for speaks: not one that
 * wanted another kind of value (the `""` unset, given an object), and of the rest the one with the
 * fewest problems (a card with one bad field is a card, not a bank account missing five). When every
 * branch wanted another kind of value, one problem lists what each wanted: `expected object or "",
 * got integer`.
 */
function checkUnion(branches: readonly Check[], value: unknown, path: Path, out: Problem[]): void {
  const failures: Problem[][] = [];
  for (const branch of branches) {
    const found: Problem[] = [];
    visit(branch, value, path, found);
    if (found.length === 0) return;
    failures.push(found);
  }
  const depth = path.length;
  const meant = fewest(failures.filter((found) => !found.every((p) => p.expected !== undefined && p.path.length === depth)));
  if (meant) {
    out.push(...meant);
    return;
  }
  wrongKind(out, path, value, [...new Set(failures.map((found) => found[0]!.expected))].join(' or '));
}

function visit(check: Check, value: unknown, path: Path, out: Problem[]): void {
  while (typeof check === 'function') check = check();
  if (typeof check === 'string') {
    if (check === 'never') wrongKind(out, path, value, 'never');
    else checkType(check, value, path, out);
  } else if ('type' in check) {
    if (!checkType(check.type, value, path, out)) return;
    if (check.type === 'array') {
      const items = value as unknown[];
      for (let i = 0; i < items.length; i++) {
        path.push(i);
        visit(check.items, items[i], path, out);
        path.pop();
      }
    }
    const size = typeof value === 'number' ? value : (value as string | unknown[]).length;
    checkLimits(check, size, path, out);
  } else if ('props' in check) {
    checkObject(check, value, path, out);
  } else if ('enum' in check) {
    const values = check.enum;
    if (values.includes(value as never) || (check.open && typeof value === 'string')) return;
    if (check.open) return wrongKind(out, path, value, 'string');
    const listed = values.map(quote);
    if (value === undefined) return wrongKind(out, path, value, listed.join(' or '));
    const rule = values.length === 1 ? `expected ${listed[0]}` : `expected one of ${listed.join(', ')}`;
    out.push({ path: path.slice(), rule, expected: listed.join(' or ') });
  } else if ('anyOf' in check) {
    checkUnion(check.anyOf, value, path, out);
  } else if ('allOf' in check) {
    for (const part of check.allOf) visit(part, value, path, out);
  } else if (value !== null) {
    visit(check.nullable, value, path, out);
  }
}

/**
 * Walks the generated data (see `Check` in generated/checks.ts) and lists every broken rule with the
 * full path from the value's root; an empty list means the value fits. This is the verdict that
 * counts; {@link checkValue} asks the compiled `fits` first and comes here only when it says no.
 */
export function explainValue(check: Check, value: unknown): ValidationIssue[] {
  const found: Problem[] = [];
  visit(check, value, [], found);
  return found.map(({ path, rule }) => ({ path, field: formatPath(path), rule }));
}

/**
 * Checks a value against generated data (see `Check` in generated/checks.ts) and lists every broken
 * rule with the full path from the value's root; an empty list means the value fits. A value that
 * fits costs one pass of compiled closures (src/check-fits.ts); only one that does not is walked
 * again here, to say what is wrong and where.
 */
export function checkValue(check: Check, value: unknown): ValidationIssue[] {
  return fits(check, value) ? [] : explainValue(check, value);
}
