import { parseArgs } from 'node:util';
import { DEFAULTS } from './generate-defaults.js';
import { generate } from './lib/generate.js';

const USAGE = `Usage: npm run generate -- [--spec <file>] [--ops <operationId|/path/prefix>[,...]] [--out <folder>]
  --spec  OpenAPI 3 document, JSON or YAML (default ${DEFAULTS.spec}; Stripe's spec3.json works)
  --ops   operationIds or path prefixes to keep, comma-separated or repeated (default: all)
  --out   output folder (default ${DEFAULTS.out})`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      spec: { type: 'string', default: DEFAULTS.spec },
      ops: { type: 'string', multiple: true, default: [] },
      out: { type: 'string', default: DEFAULTS.out },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const ops = values.ops.flatMap((o) => o.split(',')).map((o) => o.trim()).filter(Boolean);
  const result = await generate({ spec: values.spec, ops, out: values.out });
  console.log(
    `${values.out}/: ${Object.keys(result.files).join(', ')} from ${values.spec} ` +
      `(${result.operations} operations, ${result.schemas} component schemas)`,
  );
}

main().catch((error: unknown) => {
  console.error(`generate: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(1);
});
