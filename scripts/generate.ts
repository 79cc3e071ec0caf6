import { parseArgs } from 'node:util';
import { DEFAULTS } from './generate-defaults.js';
import { generate } from './lib/generate.js';

const USAGE = `Usage: npm run generate -- [--spec <file>] [--ops <operationId|/path/prefix>[,...]] [--out <folder>] [--docs <folder> | --no-docs]
  --spec     OpenAPI 3 document, JSON or YAML (default ${DEFAULTS.spec}; Stripe's spec3.json works)
  --ops      operationIds or path prefixes to keep, comma-separated or repeated (default: all)
  --out      output folder for the code (default ${DEFAULTS.out})
  --docs     output folder for the Markdown reference pages (default ${DEFAULTS.docs}, but see below)
  --no-docs  write no reference pages
Reference pages are written to ${DEFAULTS.docs}/ only when neither --out nor --docs is given. With
--out alone (say, generating from spec3.json into a temporary folder) no pages are written: add
--docs <folder> to get them. Generated pages the run no longer makes are removed from the docs
folder; other files there are left alone.`;

/** Where the reference pages go, or undefined for none (see USAGE). */
function docsFolder(values: { out?: string | undefined; docs?: string | undefined; 'no-docs'?: boolean | undefined }): string | undefined {
  if (values['no-docs'] && values.docs !== undefined) throw new Error('--docs and --no-docs contradict each other');
  if (values['no-docs']) return undefined;
  return values.docs ?? (values.out === undefined ? DEFAULTS.docs : undefined);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      spec: { type: 'string', default: DEFAULTS.spec },
      ops: { type: 'string', multiple: true, default: [] },
      // No default here: whether --out was given decides where the pages go.
      out: { type: 'string' },
      docs: { type: 'string' },
      'no-docs': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const ops = values.ops.flatMap((o) => o.split(',')).map((o) => o.trim()).filter(Boolean);
  const out = values.out ?? DEFAULTS.out;
  const docs = docsFolder(values);
  const result = await generate({ spec: values.spec, ops, out, docs });
  console.log(
    `${out}/: ${Object.keys(result.files).join(', ')} from ${values.spec} ` +
      `(${result.operations} operations, ${result.schemas} component schemas)`,
  );
  console.log(docs === undefined ? 'reference pages: not written' : `${docs}/: ${Object.keys(result.docs).length} reference pages`);
}

main().catch((error: unknown) => {
  console.error(`generate: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(1);
});
