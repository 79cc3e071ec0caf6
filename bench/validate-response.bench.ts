import { do_not_optimize } from 'mitata';
import { safeParse, type $ZodType } from 'zod/v4/core';
import { operations } from '../generated/operations.js';
import { fastAccepts } from '../src/validation/fast-path.js';
import { loadClassicZodSchemas } from './lib/classic-zod.js';
import { customerListObject, customerObject } from './lib/fixtures.js';
import { isCustomer, isCustomerList } from './lib/hand-check.js';
import { compare, heading, ratio, ratioLine, resultsTable } from './lib/measure.js';

// Response validation, for one customer (what `retrieve` gets) and for a list of 100 (what `list`
// gets). Goal (issue 6): parse + validation at most 1.5× JSON.parse alone.
//
// "Ours" is what the client runs on a 2xx body (src/http/request.ts): JSON.parse, then
// `fastAccepts(responseSchema)` (src/validation/fast-path.ts), the accept path derived once from the
// generated zod/mini schema as closures; zod's `safeParse` runs only on a body it does not accept.
// The comparison rows:
//   - `fastAccepts` alone on already parsed JSON (what the accept path costs, next to the
//     hand-written tests);
//   - JSON.parse + zod/mini `safeParse` with the same schema: what every response would cost
//     without the fast path, and what the mock and `stripe-customers/schemas` users run;
//   - the same schema on classic `zod` (objects get a parser generated with `new Function` there;
//     zod/mini's do not);
//   - hand-written type tests of the same fields (lib/hand-check.ts): no allocation, no issue
//     collection, so close to the least that checking these fields can cost.
//
//   npx tsx bench/validate-response.bench.ts

const classic = await loadClassicZodSchemas();

interface Subject {
  title: string;
  text: string;
  /** The operation's zod/mini response schema (generated/operations.ts), which the client checks. */
  zodMini: $ZodType;
  zodClassic: $ZodType;
  hand: (value: unknown) => boolean;
}

function schemaOf(name: string, schema: $ZodType | null | undefined): $ZodType {
  if (!schema) throw new Error(`${name}: no schema`);
  return schema;
}

const subjects: Subject[] = [
  {
    title: 'one customer, GetCustomersCustomer (customer | deleted customer)',
    text: JSON.stringify(customerObject(1)),
    zodMini: schemaOf('retrieve', operations.GetCustomersCustomer.responseSchema),
    zodClassic: schemaOf('classic retrieve', classic.GetCustomersCustomerResponseSchema),
    hand: isCustomer,
  },
  {
    title: 'list of 100 customers, GetCustomers',
    text: JSON.stringify(customerListObject(100)),
    zodMini: schemaOf('list', operations.GetCustomers.responseSchema),
    zodClassic: schemaOf('classic list', classic.GetCustomersResponseSchema),
    hand: isCustomerList,
  },
];

const OURS = 'ours: JSON.parse + fastAccepts';
const ZOD = 'JSON.parse + zod/mini safeParse (no fast path)';

for (const s of subjects) {
  const { text } = s;
  const fast = fastAccepts(s.zodMini);
  const parsed = JSON.parse(text) as unknown;
  // Every contender must accept the fixture, so none is timed on a failure path.
  if (!fast(JSON.parse(text))) throw new Error(`${s.title}: fastAccepts rejects the fixture`);
  if (!safeParse(s.zodMini, JSON.parse(text)).success) throw new Error(`${s.title}: zod/mini rejects the fixture`);
  if (!safeParse(s.zodClassic, JSON.parse(text)).success)
    throw new Error(`${s.title}: classic zod rejects the fixture`);
  if (!s.hand(JSON.parse(text))) throw new Error(`${s.title}: the hand-written check rejects the fixture`);

  heading(`Response validation: ${s.title} (${text.length.toLocaleString('en-US')} bytes of JSON)`);
  const results = await compare([
    { name: 'JSON.parse', fn: () => do_not_optimize(JSON.parse(text)) },
    { name: OURS, fn: () => do_not_optimize(fast(JSON.parse(text))) },
    { name: 'fastAccepts alone, on parsed JSON', fn: () => do_not_optimize(fast(parsed)) },
    { name: 'hand-written alone, on parsed JSON', fn: () => do_not_optimize(s.hand(parsed)) },
    { name: ZOD, fn: () => do_not_optimize(safeParse(s.zodMini, JSON.parse(text))) },
    {
      name: 'experiment: JSON.parse + classic zod',
      fn: () => do_not_optimize(safeParse(s.zodClassic, JSON.parse(text))),
    },
    { name: 'experiment: JSON.parse + hand-written', fn: () => do_not_optimize(s.hand(JSON.parse(text))) },
  ]);
  console.log(resultsTable(results));
  console.log('\nratios to JSON.parse alone (median of per-round ratios):');
  for (const name of results.keys()) {
    if (name === 'JSON.parse') continue;
    console.log(
      ratioLine(`${name} / JSON.parse`, ratio(results, name, 'JSON.parse'), name === OURS ? { max: 1.5 } : undefined),
    );
  }
  console.log(ratioLine('zod/mini / ours', ratio(results, ZOD, OURS)));
}
