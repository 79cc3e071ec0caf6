// markPure annotates zod-building calls so bundlers can drop unused schemas; comments, strings and
// types must come through unchanged (a `*/` added inside a JSDoc block would end it early).
import { describe, expect, it } from 'vitest';
import { markPure } from '../../scripts/lib/mark-pure.js';

const P = '/* @__PURE__ */ ';

describe('markPure', () => {
  it.each([
    ['a nested call', 'z.optional(z.string())', `${P}z.optional(${P}z.string())`],
    ['a check chain: the outer call and its argument', 'z.string().check(z.maxLength(5))', `${P}z.string().check(${P}z.maxLength(5))`],
    ['openEnum', "openEnum(['a', 'b'])", `${P}openEnum(['a', 'b'])`],
    ['a type annotation', 'const A: z.ZodMiniType<X> = z.int();', `const A: z.ZodMiniType<X> = ${P}z.int();`],
    ['a JSDoc block mentioning a call', '/** Use z.string() here */\nz.int()', `/** Use z.string() here */\n${P}z.int()`],
    ['a line comment', '// z.string()\nz.int()', `// z.string()\n${P}z.int()`],
    ['string literals', `z.literal("z.string()"), z.enum(['openEnum(x)'])`, `${P}z.literal("z.string()"), ${P}z.enum(['openEnum(x)'])`],
    ['a member that only ends in z', 'foo.z.string()', 'foo.z.string()'],
  ])('%s', (_, given, want) => {
    expect(markPure(given)).toBe(want);
  });
});
