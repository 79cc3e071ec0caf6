/**
 * The packages the generator needs at run time beyond the client's own (zod): optional peer
 * dependencies of stripe-customers, so that an app that only calls the API installs none of them.
 * The ranges are package.json's `peerDependencies`.
 */
export const GENERATOR_PEERS: Readonly<Record<string, string>> = {
  'openapi-typescript': '^7.13.0',
  typescript: '>=5.0.0',
  prettier: '^3.0.0',
};

/** The command that installs every generator peer, for messages. */
export function installCommand(): string {
  // Quoted where a shell would read the range (`>=` redirects), so the line can be pasted as is.
  return `npm install --save-dev ${Object.entries(GENERATOR_PEERS)
    .map(([name, range]) => (/^[\w@./^~-]+$/.test(range) ? `${name}@${range}` : `'${name}@${range}'`))
    .join(' ')}`;
}

/** The package a failed import could not find, from Node's ERR_MODULE_NOT_FOUND message. */
export function missingPackage(error: unknown): string | undefined {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return undefined;
  return /Cannot find (?:package|module) '((?:@[^/']+\/)?[^/']+)/.exec(String(message))?.[1];
}

/**
 * Imports a generator peer; when it (or one it needs, typescript for openapi-typescript) is not
 * installed, throws an error that names it and the command that installs them all.
 */
export async function loadPeer<T>(name: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    const missing = missingPackage(error);
    if (missing === undefined) throw error;
    throw new Error(
      `${missing}${missing === name ? '' : ` (which ${name} needs)`} is not installed: the generator needs it, and it is an ` +
        `optional peer dependency of stripe-customers, which an app that only calls the API does without. ` +
        `Install the generator's peers: ${installCommand()}`,
    );
  }
}
