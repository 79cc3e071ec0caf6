// The Lago example's generated output, compiled strictly beside openapi-fetch and the validating
// middleware: the documented customer is a Customer, a create body is checked, and the typed
// resource reads as it should. It spawns tsc, so it runs in the slow lane (npm run test:slow).
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedCreateBody, documentedLagoCustomer } from '../../examples/lago/fixtures.js';
import { LAGO } from '../../scripts/generate-defaults.js';
import { ROOT } from '../support/generator-output.js';
import { typeCheck } from '../support/type-check.js';

const OUT = join(ROOT, LAGO.out);
const customer = documentedLagoCustomer();
const createBody = documentedCreateBody();

describe('type-checking', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lago-types-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('compiles strict, with the documented customer as a Customer and a typed openapi-fetch client', async () => {
    const at = (file: string) => JSON.stringify(join(OUT, file));
    const usage = `import createClient from 'openapi-fetch';
import { validatingMiddleware } from 'stripe-customers/openapi-fetch';
import type { CustomerCreateParams, CustomersResource } from ${at('methods.js')};
import type { Customer } from ${at('models.js')};
import { operations } from ${at('operations.js')};
import type { paths } from ${at('types.js')};
export const documented: Customer = ${JSON.stringify(customer)};
export const params: CustomerCreateParams = ${JSON.stringify(createBody)};
// @ts-expect-error not a payment provider Lago has
export const wrong: CustomerCreateParams = { customer: { external_id: 'x', billing_configuration: { payment_provider: 'paypal' } } };
// @ts-expect-error external_id is required
export const missing: CustomerCreateParams = { customer: { name: 'x' } };
const lago = createClient<paths>({ baseUrl: 'https://api.getlago.com' });
lago.use(validatingMiddleware(operations, { apiName: 'Lago' }));
export async function names(resource: CustomersResource): Promise<string[]> {
  const { data } = await lago.GET('/api/v1/customers/{external_customer_id}', { params: { path: { external_customer_id: 'x' } } });
  const listed = await resource.list({ page: 2 });
  // @ts-expect-error per_page is a number
  await resource.list({ per_page: 'ten' });
  return [data?.customer.name ?? '', ...listed.customers.map((c) => c.external_id)];
}
`;
    await writeFile(join(dir, 'usage.ts'), usage);
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }');
    await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const compilerOptions = { noEmit: true, strict: true, noUncheckedIndexedAccess: true, typeRoots: [join(ROOT, 'node_modules/@types')] };
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: join(ROOT, 'tsconfig.json'), compilerOptions, include: [], files: ['usage.ts'] }),
    );
    expect(() => typeCheck(dir)).not.toThrow();
  }, 60_000);
});

