const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Writes a params path the way a TypeScript reader would: `invoice_settings.custom_fields[0].name`.
 * Keys that are not identifiers (metadata keys, say) are quoted: `metadata["order id"]`.
 * The empty path is the value itself, written `root` (`(params)` unless told otherwise).
 */
export function formatPath(path: readonly PropertyKey[], root = '(params)'): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out || root;
}

/** The parts of an issue these lines read: zod's, or a nested one inside an `invalid_union`. */
export interface IssueLike {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly errors?: readonly (readonly IssueLike[])[];
  readonly keys?: readonly string[];
}

/**
 * The branch of a failed union worth showing: the fewest problems, then the deepest, then one that
 * names a type over one that lists allowed values. For `address: { city: 3 }` against "an address
 * or `''`" that is `city: expected string`, not "not `''`"; for a missing tax id type against "a
 * known type or any string", `expected string, received undefined`, not the list of known types.
 */
function likeliestBranch(branches: readonly (readonly IssueLike[])[]): readonly IssueLike[] {
  const score = (branch: readonly IssueLike[]) => [
    branch.length,
    -Math.max(0, ...branch.map((i) => i.path.length)),
    branch.filter((i) => i.code === 'invalid_value').length,
  ];
  let best = branches[0] ?? [];
  let bestScore = score(best);
  for (const branch of branches.slice(1)) {
    const mine = score(branch);
    const index = mine.findIndex((value, i) => value !== bestScore[i]);
    if (index !== -1 && mine[index]! < bestScore[index]!) [best, bestScore] = [branch, mine];
  }
  return best;
}

/** A problem with its whole path, after failed unions are read through their likeliest branch. */
export interface FlatIssue {
  readonly code: string | undefined;
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

function flatten(issues: readonly IssueLike[], prefix: readonly PropertyKey[], out: FlatIssue[], depth: number): void {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors?.length && depth < 16) {
      flatten(likeliestBranch(issue.errors), path, out, depth + 1);
    } else if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
      // One problem per unknown key, named by its own path: `address.zip`, not `address`.
      for (const key of issue.keys) out.push({ code: issue.code, path: [...path, key], message: issue.message });
    } else {
      out.push({ code: issue.code, path, message: issue.message });
    }
  }
}

/**
 * The problems of a list of issues, one per broken rule, with whole paths: a failed union is read
 * through its likeliest branch, so the problem names the field that is wrong inside it.
 */
export function flatIssues(issues: readonly IssueLike[]): FlatIssue[] {
  const out: FlatIssue[] = [];
  flatten(issues, [], out, 0);
  return out;
}

/**
 * One line per problem, `field: message`, for error messages:
 * `invoice_settings.custom_fields[0].name: Too big: expected string to have <=40 characters`.
 */
export function issueLines(issues: readonly IssueLike[], root?: string): string {
  return flatIssues(issues)
    .map((i) => `  ${formatPath(i.path, root)}: ${i.message}`)
    .join('\n');
}
