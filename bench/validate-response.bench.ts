import { do_not_optimize } from 'mitata';
import { safeParse } from 'zod/v4/core';
import { clientOperations, type Check } from '../generated/checks.js';
import { operations } from '../generated/operations.js';
import { checkValue, explainValue } from '../src/check.js';
import type { RawResponse } from '../src/send.js';
import { validateResponse } from '../src/validate-response.js';
import type { ClientOperation } from '../src/operation.js';
import { loadClassicZodSchemas } from './lib/classic-zod.js';
import { compileCheck } from './lib/compiled-checks.js';
import { customerListObject, customerObject } from './lib/fixtures.js';
import { isCustomer, isCustomerList } from './lib/hand-check.js';
import { compare, heading, ratio, ratioLine, resultsTable } from './lib/measure.js';

// Response validation, for one customer (what `retrieve` gets) and for a list of 100 (what `list`
// gets). Goal (issue 6): parse + validation at most 1.5× JSON.parse alone.
//
// "Ours" is `validateResponse` as the client runs it: JSON.parse, then `checkValue` (src/check.ts),
// which runs the operation's generated plain-data checks (`clientOperations` in generated/checks.ts)
// compiled once into closures (`fits`, src/check-fits.ts), and walks the data again with the
// interpreter (`explainValue`) only to explain a value that does not fit. The comparison rows:
//   - JSON.parse + checkValue without validateResponse around it (what the wrapper itself costs), and
//     checkValue alone on already parsed JSON (what the checks cost, next to the hand-written ones);
//   - JSON.parse + explainValue: the interpreter on every response, which is what the client ran
//     before `fits`;
//   - JSON.parse + zod/mini `safeParse` with the generated schema: what the client ran before the
//     checks, and what the mock and `stripe-customers/schemas` users still run;
//   - the same schema on classic `zod` (objects get a compiled parser there; zod/mini's do not);
//   - the same generated checks compiled to JavaScript functions (lib/compiled-checks.ts), yes/no
//     only: what the checks cost when they are code instead of data interpreted by checkValue;
//   - hand-written type tests of the same fields (lib/hand-check.ts): no allocation, no issue
//     collection, so close to the least that checking these fields can cost.
//
//   npx tsx bench/validate-response.bench.ts

/** What the transport hands `validateResponse`; only `body` (and the request id) is read on success. */
function raw(body: string): RawResponse {
  return { status: 200, headers: { 'request-id': 'req_bench' }, body, response: new Response(null) };
}

const classic = await loadClassicZodSchemas();

interface Subject {
  title: string;
  text: string;
  op: ClientOperation;
  /** The zod schema the client used to run for this operation (generated/operations.ts). */
  zodMini: Parameters<typeof safeParse>[0];
  zodClassic: Parameters<typeof safeParse>[0];
  hand: (value: unknown) => boolean;
}

function schemaOf(name: string, schema: Parameters<typeof safeParse>[0] | null | undefined) {
  if (!schema) throw new Error(`${name}: no schema`);
  return schema;
}

const subjects: Subject[] = [
  {
    title: 'one customer, GetCustomersCustomer (customer | deleted customer)',
    text: JSON.stringify(customerObject(1)),
    op: clientOperations.GetCustomersCustomer,
    zodMini: schemaOf('retrieve', operations.GetCustomersCustomer.responseSchema),
    zodClassic: schemaOf('classic retrieve', classic.GetCustomersCustomerResponseSchema),
    hand: isCustomer,
  },
  {
    title: 'list of 100 customers, GetCustomers',
    text: JSON.stringify(customerListObject(100)),
    op: clientOperations.GetCustomers,
    zodMini: schemaOf('list', operations.GetCustomers.responseSchema),
    zodClassic: schemaOf('classic list', classic.GetCustomersResponseSchema),
    hand: isCustomerList,
  },
];

const OURS = 'ours: validateResponse (JSON.parse + checks)';

for (const s of subjects) {
  const check: Check | null = s.op.checks.response;
  if (!check) throw new Error(`${s.op.id} has no response checks`);
  const { text } = s;
  // Built once: validateResponse only reads it, and a `new Response` per call would be timed too.
  const answer = raw(text);
  const compiled = compileCheck(check);
  const parsed = JSON.parse(text) as unknown;
  // Every contender must accept the fixture, so none is timed on a failure path.
  validateResponse(s.op, raw(text));
  const issues = checkValue(check, JSON.parse(text));
  if (issues.length)
    throw new Error(`${s.op.id}: the checks reject the fixture: ${JSON.stringify(issues.slice(0, 3))}`);
  if (!safeParse(s.zodMini, JSON.parse(text)).success) throw new Error(`${s.op.id}: zod/mini rejects the fixture`);
  if (!safeParse(s.zodClassic, JSON.parse(text)).success)
    throw new Error(`${s.op.id}: classic zod rejects the fixture`);
  if (!compiled(JSON.parse(text))) throw new Error(`${s.op.id}: the compiled checks reject the fixture`);
  if (!s.hand(JSON.parse(text))) throw new Error(`${s.op.id}: the hand-written check rejects the fixture`);

  heading(`Response validation: ${s.title} (${text.length.toLocaleString('en-US')} bytes of JSON)`);
  const results = await compare([
    { name: 'JSON.parse', fn: () => do_not_optimize(JSON.parse(text)) },
    { name: OURS, fn: () => do_not_optimize(validateResponse(s.op, answer)) },
    { name: 'JSON.parse + checkValue (no wrapper)', fn: () => do_not_optimize(checkValue(check, JSON.parse(text))) },
    { name: 'checkValue alone, on parsed JSON', fn: () => do_not_optimize(checkValue(check, parsed)) },
    {
      name: 'before: JSON.parse + explainValue (the interpreter alone)',
      fn: () => do_not_optimize(explainValue(check, JSON.parse(text))),
    },
    { name: 'hand-written alone, on parsed JSON', fn: () => do_not_optimize(s.hand(parsed)) },
    {
      name: 'before: JSON.parse + zod/mini safeParse',
      fn: () => do_not_optimize(safeParse(s.zodMini, JSON.parse(text))),
    },
    {
      name: 'experiment: JSON.parse + classic zod',
      fn: () => do_not_optimize(safeParse(s.zodClassic, JSON.parse(text))),
    },
    { name: 'experiment: JSON.parse + compiled checks', fn: () => do_not_optimize(compiled(JSON.parse(text))) },
    { name: 'experiment: JSON.parse + hand-written', fn: () => do_not_optimize(s.hand(JSON.parse(text))) },
    { name: 'compiled checks alone, on parsed JSON', fn: () => do_not_optimize(compiled(parsed)) },
  ]);
  console.log(resultsTable(results));
  console.log('\nratios to JSON.parse alone (median of per-round ratios):');
  for (const name of results.keys()) {
    if (name === 'JSON.parse') continue;
    console.log(
      ratioLine(`${name} / JSON.parse`, ratio(results, name, 'JSON.parse'), name === OURS ? { max: 1.5 } : undefined),
    );
  }
  console.log(ratioLine('zod/mini / ours', ratio(results, 'before: JSON.parse + zod/mini safeParse', OURS)));
}
