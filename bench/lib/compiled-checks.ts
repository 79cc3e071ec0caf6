import type { Check } from '../../generated/checks.js';

// An experiment for the validation benchmark: the client's generated checks (the plain data in
// generated/checks.ts that src/check.ts interprets) turned into JavaScript source, one function per
// object or array check, and compiled with `new Function`. It answers "how much of checkValue's cost
// is interpreting the data, rather than the checks themselves?"
//
// It says only yes or no (no issues, no paths): a real client would run it first and call
// checkValue only when it says no, to explain the failure. `new Function` is refused under a
// strict Content-Security-Policy and on some edge runtimes, so a shipped form would be the same
// source written out by the generator instead. The rules follow src/check.ts:
//   - 'integer' is a safe integer, 'number' a finite number;
//   - an object check with no properties (a string map) wants a plain object, any other a non-array
//     object; a property that is absent or `undefined` passes unless required, and a required one is
//     checked as `undefined`;
//   - `extra: false` refuses other keys, `extra: <check>` checks them, no `extra` keeps them;
//   - an open enum also takes any string.
// A property is read as `v.key` (an inline cache per site), except for names Object.prototype also
// has (`constructor`, `toString`...), which are read only when the object owns them, as checkValue
// reads every property.

/** A compiled check: `true` when checkValue would report no issue. */
export type CompiledCheck = (value: unknown) => boolean;

const ident = /^[A-Za-z_$][\w$]*$/;

/** `v.key`, or `v["key"]` when the name is not an identifier. */
function member(v: string, key: string): string {
  return ident.test(key) ? `${v}.${key}` : `${v}[${JSON.stringify(key)}]`;
}

export function compileCheck(root: Check): CompiledCheck {
  const names = new Map<object, string>();
  const functions: string[] = [];

  /** The name of the function checking `check` (an object, array or union node), compiling it once. */
  function named(check: Exclude<Check, string | (() => Check)>, body: (v: string) => string): string {
    let name = names.get(check);
    if (name) return name;
    name = `c${names.size}`;
    names.set(check, name); // before the body, so a cycle back to this check calls it by name
    functions.push(`function ${name}(v) {\n${body('v')}\n}`);
    return name;
  }

  function limits(check: { min?: number; max?: number }, size: string): string {
    let out = '';
    if (check.min !== undefined) out += ` && ${size} >= ${check.min}`;
    if (check.max !== undefined) out += ` && ${size} <= ${check.max}`;
    return out;
  }

  /** A boolean expression that is true when `v` (a variable name) fits `check`. */
  function expr(node: Check, v: string): string {
    while (typeof node === 'function') node = node();
    const check = node;
    switch (check) {
      case 'string':
      case 'boolean':
        return `typeof ${v} === '${check}'`;
      case 'integer':
        return `Number.isSafeInteger(${v})`;
      case 'number':
        return `Number.isFinite(${v})`;
      case 'unknown':
        return 'true';
      case 'never':
        return 'false';
    }
    if ('type' in check) {
      if (check.type !== 'array') {
        const kind =
          check.type === 'string'
            ? `typeof ${v} === 'string'`
            : check.type === 'integer'
              ? `Number.isSafeInteger(${v})`
              : `Number.isFinite(${v})`;
        return `(${kind}${limits(check, check.type === 'string' ? `${v}.length` : v)})`;
      }
      const { items, min, max } = check;
      const name = named(
        check,
        (a) =>
          `  if (!Array.isArray(${a})${min !== undefined ? ` || ${a}.length < ${min}` : ''}${
            max !== undefined ? ` || ${a}.length > ${max}` : ''
          }) return false;\n` +
          `  for (let i = 0; i < ${a}.length; i++) { const x = ${a}[i]; if (!(${expr(items, 'x')})) return false; }\n` +
          `  return true;`,
      );
      return `${name}(${v})`;
    }
    if ('enum' in check) {
      const tests = check.enum.map((value) => `${v} === ${JSON.stringify(value)}`);
      if (check.open) tests.push(`typeof ${v} === 'string'`);
      return `(${tests.join(' || ')})`;
    }
    if ('anyOf' in check) return `(${check.anyOf.map((c) => expr(c, v)).join(' || ')})`;
    if ('allOf' in check) return `(${check.allOf.map((c) => expr(c, v)).join(' && ')})`;
    if ('nullable' in check) return `(${v} === null || ${expr(check.nullable, v)})`;
    const { props, required = [], extra } = check;
    const keys = Object.keys(props);
    const name = named(check, (o) => {
      const lines =
        keys.length === 0
          ? [
              `  if (${o} === null || typeof ${o} !== 'object') return false;`,
              `  const p = Object.getPrototypeOf(${o}); if (p !== Object.prototype && p !== null) return false;`,
            ]
          : [`  if (${o} === null || typeof ${o} !== 'object' || Array.isArray(${o})) return false;`];
      lines.push('  let x;');
      for (const key of keys) {
        const read =
          key in Object.prototype
            ? `(Object.hasOwn(${o}, ${JSON.stringify(key)}) ? ${member(o, key)} : undefined)`
            : member(o, key);
        // As in checkValue, an absent required property is checked as `undefined` (only 'unknown' takes it).
        const test = required.includes(key) ? '' : 'x !== undefined && ';
        lines.push(`  x = ${read}; if (${test}!(${expr(props[key]!, 'x')})) return false;`);
      }
      if (extra !== undefined) {
        const known = keys.length
          ? `if (${keys.map((k) => `k === ${JSON.stringify(k)}`).join(' || ')}) continue; `
          : '';
        const test = extra === false ? 'return false;' : `x = ${o}[k]; if (!(${expr(extra, 'x')})) return false;`;
        lines.push(`  for (const k of Object.keys(${o})) { ${known}${test} }`);
      }
      lines.push('  return true;');
      return lines.join('\n');
    });
    return `${name}(${v})`;
  }

  const top = expr(root, 'value');
  const source = `${functions.join('\n')}\nreturn (value) => ${top};`;
  return new Function(source)() as CompiledCheck;
}
