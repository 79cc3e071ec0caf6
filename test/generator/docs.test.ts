// The Markdown reference pages (scripts/lib/emit-docs.ts): the Type and Notes cells per schema kind,
// the customer and PostCustomers pages of the project's spec, links that resolve, byte-identical
// reruns, the stripe-like fixture, examples that compile against src/, and what the CLI writes where.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell } from '../../scripts/lib/docs/markdown.js';
import { notesFor, typeText, type LinkContext, type PropertyFacts } from '../../scripts/lib/docs/schema-cells.js';
import { CLIENT_METHODS, generateDocs, type DocsOptions } from '../../scripts/lib/emit-docs.js';
import { generate, listFiles } from '../../scripts/lib/generate.js';
import { loadSpec } from '../../scripts/lib/load-spec.js';
import type { Schema } from '../../scripts/lib/openapi.js';
import { operationSchemas, reachableComponents } from '../../scripts/lib/reach.js';
import { selectOperations } from '../../scripts/lib/select.js';
import { typeCheck } from '../support/type-check.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SPEC = join(ROOT, 'spec/customers.openapi.yaml');
const STRIPE_LIKE = join(ROOT, 'test/generator/fixtures/stripe-like.json');

/** The pages for `spec`, built in memory the way `generateFiles` builds them. */
async function docsFor(spec: string, ops: string[] = [], methods?: DocsOptions['methods']): Promise<Record<string, string>> {
  const { doc, sha256 } = await loadSpec(spec);
  const chosen = selectOperations(doc, ops);
  const reached = reachableComponents(doc, chosen.flatMap(operationSchemas));
  return generateDocs(doc, chosen, reached, { sha256, ...(methods && { methods }) });
}

/** The table row of a page whose first cell is `` `name` ``. */
function row(markdown: string, name: string): string {
  const found = markdown.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
  if (found === undefined) throw new Error(`no row for ${name}`);
  return found;
}

/** Every relative link target in a page (external links and in-page anchors are skipped). */
function relativeLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^([a-z]+:|#)/i.test(t));
}

let project: Record<string, string>;
let stripeLike: Record<string, string>;

beforeAll(async () => {
  project = await docsFor(SPEC);
  stripeLike = await docsFor(STRIPE_LIKE);
});

describe('Type and Notes cells', () => {
  const ctx: LinkContext = { models: new Map([['customer', 'customer.md'], ['card', 'card.md']]), modelsDir: '' };
  const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
  const optional: PropertyFacts = { required: false, expandable: false };
  type Case = [string, { given: Schema; facts?: PropertyFacts; want: { type: string; notes: string } }];

  const cases: Case[] = [
    ['string, required', { given: { type: 'string' }, facts: { required: true, expandable: false }, want: { type: 'string', notes: '' } }],
    ['integer, optional', { given: { type: 'integer' }, want: { type: 'integer', notes: '[optional]' } }],
    ['number and boolean', { given: { type: ['number', 'boolean'] }, want: { type: 'number | boolean', notes: '[optional]' } }],
    ['nullable string with maxLength', { given: { type: 'string', nullable: true, maxLength: 5000 }, want: { type: 'string', notes: '[optional], nullable, max length 5000' } }],
    ['3.1 null in the type list', { given: { type: ['string', 'null'] }, want: { type: 'string', notes: '[optional], nullable' } }],
    ['readOnly', { given: { type: 'integer', readOnly: true } as Schema, want: { type: 'integer', notes: '[optional], [readonly]' } }],
    ['format', { given: { type: 'integer', format: 'unix-time' }, want: { type: 'integer', notes: '[optional], format unix-time' } }],
    ['range', { given: { type: 'integer', minimum: 1, maximum: 100 }, want: { type: 'integer', notes: '[optional], minimum 1, maximum 100' } }],
    ['$ref with a page links to it', { given: ref('customer'), want: { type: '[customer](customer.md)', notes: '[optional]' } }],
    ['$ref without a page stays a name', { given: ref('charge'), want: { type: '`charge`', notes: '[optional]' } }],
    ['single-member anyOf is the member', { given: { anyOf: [ref('customer')], nullable: true }, want: { type: '[customer](customer.md)', notes: '[optional], nullable' } }],
    [
      'expandable field: id or object',
      {
        given: { anyOf: [{ type: 'string', maxLength: 5000 }, ref('customer')], nullable: true },
        facts: { required: false, expandable: true },
        want: { type: 'string | [customer](customer.md)', notes: '[optional], nullable, expandable' },
      },
    ],
    ['oneOf', { given: { oneOf: [ref('card'), ref('customer')] }, want: { type: '[card](card.md) | [customer](customer.md)', notes: '[optional]' } }],
    ['null member of a union means nullable', { given: { anyOf: [{ type: 'string' }, { type: 'null' }] }, want: { type: 'string', notes: '[optional], nullable' } }],
    ['enum', { given: { type: 'string', enum: ['exempt', 'none', 'reverse'] }, want: { type: '`exempt` | `none` | `reverse`', notes: '[optional]' } }],
    ['enum with the empty string', { given: { type: 'string', enum: [''] }, want: { type: '`""`', notes: '[optional]' } }],
    ['enum with null', { given: { type: 'string', enum: ['a', null] }, want: { type: '`a`', notes: '[optional], nullable' } }],
    ['array of a ref', { given: { type: 'array', items: ref('card') }, want: { type: 'array of [card](card.md)', notes: '[optional]' } }],
    ['array of a union is grouped', { given: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'integer' }] } }, want: { type: 'array of (string | integer)', notes: '[optional]' } }],
    ['array without items', { given: { type: 'array', maxItems: 3 }, want: { type: 'array', notes: '[optional], max items 3' } }],
    ['map', { given: { type: 'object', additionalProperties: { type: 'string', maxLength: 500 } }, want: { type: 'map of string', notes: '[optional]' } }],
    ['map of a ref', { given: { type: 'object', additionalProperties: ref('card') }, want: { type: 'map of [card](card.md)', notes: '[optional]' } }],
    [
      'inline object lists its keys',
      { given: { type: 'object', properties: { city: { type: 'string' }, country: { type: 'string' } } }, want: { type: 'object', notes: '[optional], keys: `city` `country`' } },
    ],
    [
      'Stripe emptyable object: object or ""',
      {
        given: { anyOf: [{ type: 'object', properties: { line1: { type: 'string' } } }, { type: 'string', enum: [''] }] },
        want: { type: 'object | `""`', notes: '[optional], keys: `line1`' },
      },
    ],
    ['array of inline objects lists their keys', { given: { type: 'array', items: { type: 'object', properties: { type: {}, value: {} } } }, want: { type: 'array of object', notes: '[optional], keys: `type` `value`' } }],
    ['allOf', { given: { allOf: [ref('card'), ref('customer')] }, want: { type: '[card](card.md) & [customer](customer.md)', notes: '[optional]' } }],
    ['no type at all', { given: { description: 'anything' }, want: { type: 'any', notes: '[optional]' } }],
  ];

  it.each(cases)('%s', (_, { given, facts = optional, want }) => {
    expect({ type: typeText(given, ctx), notes: notesFor(given, facts) }).toEqual(want);
  });

  it('links from another folder through modelsDir', () => {
    expect(typeText(ref('card'), { ...ctx, modelsDir: '../models/' })).toBe('[card](../models/card.md)');
  });

  it.each([
    ['a pipe', 'a | b', 'a \\| b'],
    ['a pipe in a code span', '`a|b`', '`a\\|b`'],
    ['newlines', 'one\ntwo\r\nthree', 'one<br>two<br>three'],
  ])('a cell escapes %s', (_, given, want) => {
    expect(cell(given)).toBe(want);
  });
});

describe("the project's spec", () => {
  it('writes an index, a page per reached component schema and one per operation', () => {
    const names = Object.keys(project);
    expect(names).toContain('README.md');
    expect(names).toContain('models/customer.md');
    expect(names).toContain('models/test_helpers.test_clock.md');
    for (const id of Object.keys(CLIENT_METHODS)) expect(names).toContain(`operations/${id}.md`);
    const index = project['README.md']!;
    expect(index).toContain('# Stripe Customers API (subset): API reference');
    expect(index).toMatch(/Spec version `2024-04-10`/);
    for (const name of names.filter((n) => n !== 'README.md')) expect(index).toContain(`](${name})`);
  });

  it('starts every page with a generated-file comment naming the spec version and sha256', async () => {
    const { sha256 } = await loadSpec(SPEC);
    for (const [name, markdown] of Object.entries(project)) {
      expect(markdown.split('\n')[0], name).toBe(
        `<!-- Generated by stripe-customers (npm run generate) from "Stripe Customers API (subset)" version 2024-04-10, sha256 ${sha256}. Do not edit. -->`,
      );
    }
  });

  it('documents the customer with a model table', () => {
    const page = project['models/customer.md']!;
    expect(page).toMatch(/^# customer$/m);
    expect(page).toContain('A customer of your business.');
    expect(page).toContain('| Name | Type | Description | Notes |');
    expect(row(page, 'email')).toMatch(/\| string \| The customer's email address\. \| \[optional\], nullable, max length 5000 \|$/);
    const source = row(page, 'default_source');
    expect(source).toContain('string \\| [bank_account](bank_account.md) \\| [card](card.md) \\| [source](source.md)');
    expect(source).toMatch(/\[optional\], nullable, expandable \|$/);
    expect(row(page, 'test_clock')).toContain('[test_helpers.test_clock](test_helpers.test_clock.md)');
    expect(row(page, 'test_clock')).toContain('expandable');
    expect(row(page, 'id')).toMatch(/\| max length 5000 \|$/);
    expect(row(page, 'tax_exempt')).toContain('`exempt` \\| `none` \\| `reverse`');
    expect(row(page, 'metadata')).toContain('| map of string |');
    expect(page.trimEnd().endsWith('[Back to index](../README.md)')).toBe(true);
  });

  it('documents PostCustomers: method, path, body, responses and a client example', () => {
    const page = project['operations/PostCustomers.md']!;
    expect(page).toMatch(/^# PostCustomers$/m);
    expect(page).toContain('**POST** `/v1/customers`');
    expect(page).toContain('## Request body\n\n| Name | Type | Description | Notes |');
    expect(row(page, 'email')).toMatch(/\| string \| Customer's email address\..* \| \[optional\], max length 512 \|$/);
    expect(row(page, 'address')).toContain('| object \\| `""` |');
    expect(row(page, 'address')).toContain('keys: `city` `country` `line1` `line2` `postal_code` `state`');
    expect(page).toContain('| `200` | [customer](../models/customer.md) | Successful response. |');
    expect(page).toContain('| `default` | [error](../models/error.md) | Error response. |');
    expect(page).toContain(
      [
        '```ts',
        "import { createClient } from 'stripe-customers';",
        '',
        'const stripe = createClient({ apiKey: process.env.STRIPE_SECRET_KEY! });',
        "const customer = await stripe.customers.create({ email: 'jenny.rosen@example.com', name: 'Jenny Rosen' });",
        '```',
      ].join('\n'),
    );
  });

  it('lists path and query parameters with where they go and whether they are required', () => {
    const retrieve = project['operations/GetCustomersCustomer.md']!;
    expect(retrieve).toContain('| Name | In | Type | Required | Description |');
    expect(retrieve).toContain('| `customer` | path | string | yes | ID of the customer. |');
    expect(retrieve).toContain('| `expand` | query | array of string | no |');
    expect(retrieve).toContain('| `200` | [customer](../models/customer.md) \\| [deleted_customer](../models/deleted_customer.md) |');
    expect(project['operations/GetCustomersSearch.md']).toMatch(/\| `query` \| query \| string \| yes \|/);
  });

  it('maps the six core operations to the client methods', () => {
    const call = (id: string) => /await (stripe\.customers\.\w+)\(/.exec(project[`operations/${id}.md`]!)?.[1];
    expect(call('PostCustomers')).toBe('stripe.customers.create');
    expect(call('GetCustomersCustomer')).toBe('stripe.customers.retrieve');
    expect(call('PostCustomersCustomer')).toBe('stripe.customers.update');
    expect(call('DeleteCustomersCustomer')).toBe('stripe.customers.delete');
    expect(call('GetCustomers')).toBe('stripe.customers.list');
    expect(call('GetCustomersSearch')).toBe('stripe.customers.search');
  });

  it('matches the committed docs/ (npm run generate refreshes them)', async () => {
    const committed = (await listFiles(join(ROOT, 'docs'))).filter((f) => /^(README\.md|models\/|operations\/)/.test(f));
    expect(committed).toEqual(Object.keys(project).sort());
    for (const name of committed) expect(project[name], name).toBe(await readFile(join(ROOT, 'docs', name), 'utf8'));
  });
});

describe('every page, every spec', () => {
  it.each([
    ['project spec', () => project],
    ['stripe-like fixture', () => stripeLike],
  ])('%s: every relative link points at a generated page', (_, pages) => {
    const all = pages();
    const broken: string[] = [];
    for (const [name, markdown] of Object.entries(all)) {
      for (const target of relativeLinks(markdown)) {
        const resolved = posix.normalize(posix.join(posix.dirname(name), target.split('#')[0]!));
        if (!(resolved in all)) broken.push(`${name} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
    expect(Object.values(all).join('').match(/\]\(/g)!.length).toBeGreaterThan(20);
  });

  it('is byte-identical from run to run, in the same order', async () => {
    const again = await docsFor(SPEC);
    expect(Object.keys(again)).toEqual(Object.keys(project));
    expect(again).toEqual(project);
  });
});

describe('the stripe-like fixture', () => {
  it('documents what the chosen operations reach and nothing else', async () => {
    expect(stripeLike['models/charge.md']).toBeDefined();
    const customersOnly = await docsFor(STRIPE_LIKE, ['/v1/customers']);
    expect(Object.keys(customersOnly).filter((n) => /charge|issuing/i.test(n))).toEqual([]);
    expect(customersOnly['README.md']).toContain('version `2099-01-01`');
    expect(row(customersOnly['models/customer.md']!, 'test_clock')).toMatch(/expandable/);
    expect(row(customersOnly['models/customer.md']!, 'address')).toMatch(/\[optional\], nullable, expandable \|$/);
  });

  it('gives an operation without a client method an operation-table example', () => {
    const page = stripeLike['operations/GetCharges.md']!;
    expect(page).toContain('**GET** `/v1/charges`');
    expect(page).toContain('// GetCharges has no client method yet');
    expect(page).toContain('= operations.GetCharges;');
    expect(page).not.toContain('createClient');
  });

  it('uses a method table passed in instead of the default', async () => {
    const methods = { GetCharges: { method: 'charges.list', args: '{ limit: 1 }', result: 'charges' } };
    const pages = await docsFor(STRIPE_LIKE, ['GetCharges', 'PostCustomers'], methods);
    expect(pages['operations/GetCharges.md']).toContain('const charges = await stripe.charges.list({ limit: 1 });');
    expect(pages['operations/PostCustomers.md']).toContain('has no client method yet');
  });
});

describe('the examples compile against the client in src/', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'docs-examples-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('type-checks every ts block of every operation page', async () => {
    const blocks = Object.entries(project).flatMap(([name, markdown]) =>
      [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => [`${posix.basename(name, '.md')}-${i}.mts`, `${m[1]!}export {};\n`]),
    );
    expect(blocks.length).toBeGreaterThanOrEqual(Object.keys(CLIENT_METHODS).length);
    for (const [file, source] of blocks) await writeFile(join(dir, file!), source!);
    const compilerOptions = {
      strict: true,
      noUncheckedIndexedAccess: true,
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      target: 'ES2022',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      skipLibCheck: true,
      noEmit: true,
      noUnusedLocals: false,
      typeRoots: [join(ROOT, 'node_modules/@types')],
      types: ['node'],
      paths: { 'stripe-customers': [join(ROOT, 'src/index.ts')] },
    };
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['*.mts'] }));
    // tsc's own report, not just "Command failed", when an example stops compiling.
    const compile = () => {
      try {
        typeCheck(dir);
      } catch (error) {
        throw new Error(String((error as { stdout?: unknown }).stdout));
      }
    };
    expect(compile).not.toThrow();
  }, 60_000);
});

describe('writing pages (generate and the CLI)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'docs-write-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const run = promisify(execFile);
  const cli = (...args: string[]) =>
    run(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/generate.ts'), '--spec', STRIPE_LIKE, ...args], { cwd: dir });

  it('writes the pages, removes generated pages it no longer makes, keeps hand-written files', async () => {
    const docs = join(dir, 'api-docs');
    await generate({ spec: STRIPE_LIKE, out: join(dir, 'gen'), docs });
    expect(await listFiles(docs)).toContain('operations/GetCharges.md');
    await mkdir(join(docs, 'guides'), { recursive: true });
    await writeFile(join(docs, 'guides/hand-written.md'), '# Mine\n');
    const result = await generate({ spec: STRIPE_LIKE, ops: ['/v1/customers'], out: join(dir, 'gen'), docs });
    const files = await listFiles(docs);
    expect(files).not.toContain('operations/GetCharges.md');
    expect(files).toContain('guides/hand-written.md');
    expect(files.filter((f) => !f.startsWith('guides/'))).toEqual(Object.keys(result.docs).sort());
  }, 60_000);

  it('generate() without a docs folder writes no pages', async () => {
    const out = join(dir, 'code-only');
    await generate({ spec: STRIPE_LIKE, out });
    expect((await listFiles(out)).every((f) => f.endsWith('.ts'))).toBe(true);
  }, 60_000);

  it('CLI: --out alone writes no pages; --out with --docs writes them there', async () => {
    await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir').catch(() => undefined);
    await cli('--out', 'only-code');
    expect(await listFiles(join(dir, 'docs'))).toEqual([]);
    await cli('--out', 'with-docs/generated', '--docs', 'with-docs/docs');
    expect(await listFiles(join(dir, 'with-docs/docs'))).toContain('models/customer.md');
    await expect(cli('--out', 'x', '--docs', 'y', '--no-docs')).rejects.toThrow(/--docs and --no-docs/);
  }, 60_000);
});
