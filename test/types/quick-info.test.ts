// What an editor shows, asked of TypeScript's language service the way an editor asks it: a small
// file that uses the client and the quick info at a few positions in it, and a file with mistakes
// and the compiler's messages about them.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FILE = `${ROOT}test/types/hover-example.ts`;
const SOURCE = `import { createClient } from '../../src/index.js';
const stripe = createClient({ apiKey: 'sk_test_123' });
export async function example() {
  const created = await stripe.customers.create({ email: 'jenny@example.com' });
  created.email;
  created.default_source;
  created.tax_ids;
  const got = await stripe.customers.retrieve('cus_1');
  if (got.deleted) return got.id;
  return got.email;
}
`;

// Mistakes, for the compiler's messages about them.
const MISTAKES_FILE = `${ROOT}test/types/mistakes-example.ts`;
const MISTAKES = `import { createClient } from '../../src/index.js';
const stripe = createClient({ apiKey: 'sk_test_123' });
export async function mistakes() {
  const created = await stripe.customers.create({ emial: 'jenny@example.com' });
  await stripe.customers.retrieve('cus_1', { expand: ['default_sauce'] });
  return created.emial;
}
`;
const FILES: Record<string, string> = { [FILE]: SOURCE, [MISTAKES_FILE]: MISTAKES };

let service: ts.LanguageService;

beforeAll(() => {
  const config = ts.readConfigFile(`${ROOT}tsconfig.json`, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => Object.keys(FILES),
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      const text = FILES[name] ?? ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => ROOT,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (name) => name in FILES || ts.sys.fileExists(name),
    readFile: (name) => FILES[name] ?? ts.sys.readFile(name),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  service = ts.createLanguageService(host, ts.createDocumentRegistry());
}, 60_000);

/** The hover at the `nth` occurrence of `after` in the example, at its last character: its signature and its docs. */
function hover(after: string, nth = 1): { text: string; docs: string } {
  let at = -1;
  for (let i = 0; i < nth; i++) at = SOURCE.indexOf(after, at + 1);
  if (at < 0) throw new Error(`"${after}" is not in the example`);
  const info = service.getQuickInfoAtPosition(FILE, at + after.length - 1);
  if (!info) throw new Error(`no quick info at "${after}"`);
  return { text: ts.displayPartsToString(info.displayParts), docs: ts.displayPartsToString(info.documentation) };
}

describe('quick info on the client, as an editor shows it', () => {
  it('the example type-checks, so the hovers below are of working code', () => {
    const problems = [...service.getSyntacticDiagnostics(FILE), ...service.getSemanticDiagnostics(FILE)];
    expect(problems.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  }, 60_000);

  it('a field shows its plain type and its description from the spec', () => {
    const email = hover('created.email');
    expect(email.text).toBe('(property) email?: string | null | undefined');
    expect(email.docs).toBe("The customer's email address.");
  });

  it('the result of create is a Customer, by name', () => {
    expect(hover('const created')).toMatchObject({ text: 'const created: Customer' });
    expect(hover('const got')).toMatchObject({ text: 'const got: Customer | DeletedCustomer' });
  });

  it('an expandable field is a short union of named types, not pages of inline type', () => {
    const source = hover('created.default_source');
    expect(source.text).toBe('(property) default_source?: string | BankAccount | Card | Source | null | undefined');
    expect(source.docs).toMatch(/^ID of the default payment source for the customer\./);
    expect(hover('created.tax_ids').text).toBe('(property) tax_ids?: ApiList<TaxId> | undefined');
  });

  it('after if (got.deleted), each branch shows its own type', () => {
    expect(hover('return got')).toMatchObject({ text: 'const got: DeletedCustomer' });
    expect(hover('return got', 2)).toMatchObject({ text: 'const got: Customer' });
    expect(hover('return got.email')).toEqual({ text: '(property) email?: string | null | undefined', docs: "The customer's email address." });
  });
});

describe("the compiler's messages name the types", () => {
  it('a misspelled field, a misspelled param and a misspelled expand path', () => {
    const messages = service.getSemanticDiagnostics(MISTAKES_FILE).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(messages).toEqual([
      "Object literal may only specify known properties, but 'emial' does not exist in type " +
        "'WithExpand<CustomerCreateParams, [], CustomerCreateExpandPath>'. Did you mean to write 'email'?",
      `Type '"default_sauce"' is not assignable to type 'CustomerRetrieveExpandPath'. Did you mean '"default_source"'?`,
      "Property 'emial' does not exist on type 'Customer'. Did you mean 'email'?",
    ]);
  }, 60_000);
});
