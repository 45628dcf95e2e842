import * as l10n from '@vscode/l10n';
/** Why a registry name cannot be used, for input boxes; undefined when it can. */
export function nameProblem(value: string, taken: ReadonlySet<string>): string | undefined {
  if (value.trim() === '') {
    return l10n.t('The name cannot be empty.');
  }
  return taken.has(value.trim())
    ? l10n.t('A registry named "{0}" is already configured.', value.trim())
    : undefined;
}
