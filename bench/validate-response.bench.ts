import { do_not_optimize } from 'mitata';
import { clientOperations } from '../generated/checks.js';
import { safeParse } from 'zod/v4/core';
import { operations } from '../generated/operations.js';
import { CustomerSchema } from '../generated/schemas.js';
import type { RawResponse } from '../src/transport.js';
import { validateResponse } from '../src/validate-response.js';
import { loadClassicZodSchemas } from './lib/classic-zod.js';
import { customerListObject, customerObject } from './lib/fixtures.js';
import { isCustomer, isCustomerList } from './lib/hand-check.js';
import { compare, heading, ratio, ratioLine, resultsTable } from './lib/measure.js';

// Response validation: JSON.parse alone against JSON.parse plus the generated zod/mini schema, for
// one customer and for a list of 100. Goal (issue 6): parse + validation at most 1.5× parse alone.
// Two experiments show what the cost is made of: the same schemas built with classic zod (whose
// objects get a compiled parser; zod/mini's do not), and a hand-written check of the same fields
// that allocates nothing (the floor of validation as such).
//
//   npx tsx bench/validate-response.bench.ts

const listSchema = operations.GetCustomers.responseSchema;
const retrieveSchema = operations.GetCustomersCustomer.responseSchema;

/** What the transport hands `validateResponse`; only `body` matters on the success path. */
function raw(body: string): RawResponse {
  return { status: 200, headers: { 'request-id': 'req_bench' }, body, response: new Response(null) };
}

function check(label: string, result: { success: boolean }): void {
  if (!result.success) throw new Error(`${label}: the fixture does not validate`);
}

async function run(
  title: string,
  text: string,
  schema: Parameters<typeof safeParse>[0],
  extra: { name: string; fn: () => unknown }[],
) {
  check(title, safeParse(schema, JSON.parse(text)));
  heading(`Response validation: ${title} (${text.length.toLocaleString('en-US')} bytes of JSON)`);
  const results = await compare([
    { name: 'JSON.parse', fn: () => do_not_optimize(JSON.parse(text)) },
    { name: 'JSON.parse + safeParse', fn: () => do_not_optimize(safeParse(schema, JSON.parse(text))) },
    ...extra,
  ]);
  console.log(resultsTable(results));
  console.log('\nratios (median of per-round ratios):');
  console.log(
    ratioLine('(JSON.parse + safeParse) / JSON.parse', ratio(results, 'JSON.parse + safeParse', 'JSON.parse'), {
      max: 1.5,
    }),
  );
  for (const e of extra) console.log(ratioLine(`${e.name} / JSON.parse`, ratio(results, e.name, 'JSON.parse')));
}

const classic = await loadClassicZodSchemas();
const classicCustomer = classic.CustomerSchema!;
const classicList = classic.GetCustomersResponseSchema!;

const one = JSON.stringify(customerObject(1));
const list = JSON.stringify(customerListObject(100));
const op = clientOperations.GetCustomersCustomer;
const listOp = clientOperations.GetCustomers;
if (!listSchema || !retrieveSchema) throw new Error('generated operations lost their response schemas');
check('retrieve', safeParse(retrieveSchema, JSON.parse(one)));
check('classic zod, one', safeParse(classicCustomer, JSON.parse(one)));
check('classic zod, list', safeParse(classicList, JSON.parse(list)));
if (!isCustomer(JSON.parse(one)) || !isCustomerList(JSON.parse(list)))
  throw new Error('hand-written check rejects the fixtures');

await run('one customer (CustomerSchema)', one, CustomerSchema, [
  // What `retrieve` runs: the customer | deleted-customer union, inside validateResponse.
  { name: 'validateResponse, GetCustomersCustomer', fn: () => do_not_optimize(validateResponse(op, raw(one))) },
  {
    name: 'experiment: same schema on classic zod',
    fn: () => do_not_optimize(safeParse(classicCustomer, JSON.parse(one))),
  },
  { name: 'experiment: hand-written checks', fn: () => do_not_optimize(isCustomer(JSON.parse(one))) },
]);
await run('list of 100 customers (GetCustomers.responseSchema)', list, listSchema, [
  { name: 'validateResponse, GetCustomers', fn: () => do_not_optimize(validateResponse(listOp, raw(list))) },
  {
    name: 'experiment: same schema on classic zod',
    fn: () => do_not_optimize(safeParse(classicList, JSON.parse(list))),
  },
  { name: 'experiment: hand-written checks', fn: () => do_not_optimize(isCustomerList(JSON.parse(list))) },
]);
