// Outside comments and string literals: a call of `z.<lower-case name>(` or `openEnum(`.
const TOKEN = /(\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)|(?<![\w.$])((?:z\.[a-z]\w*|openEnum)\()/g;

/**
 * Marks every zod-building call in generated code `/* @__PURE__ *\/`, so a bundler may drop any
 * schema an app never reads: a call is otherwise assumed to have side effects, and one kept schema
 * keeps all of zod. Comments and string literals are left as they are.
 * @example markPure('z.optional(z.string())') // '/* @__PURE__ *\/ z.optional(/* @__PURE__ *\/ z.string())'
 */
export function markPure(code: string): string {
  return code.replace(TOKEN, (match, skipped: string | undefined, call: string | undefined) =>
    skipped !== undefined ? match : `/* @__PURE__ */ ${call}`,
  );
}
