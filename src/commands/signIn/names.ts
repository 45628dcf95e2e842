/** Why a registry name cannot be used, for input boxes; undefined when it can. */
export function nameProblem(value: string, taken: ReadonlySet<string>): string | undefined {
  if (value.trim() === '') {
    return 'The name cannot be empty.';
  }
  return taken.has(value.trim())
    ? `A registry named "${value.trim()}" is already configured.`
    : undefined;
}
