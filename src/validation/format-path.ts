const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Writes a params path the way a TypeScript reader would: `invoice_settings.custom_fields[0].name`.
 * Keys that are not identifiers (metadata keys, say) are quoted: `metadata["order id"]`.
 * The empty path is the params object itself, written `(params)`.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out || '(params)';
}
