import * as l10n from '@vscode/l10n';

/**
 * Template permissions a registry can refuse with HTTP 403; the registry's own names. The tree
 * hides an action on a registry once that registry refused it.
 */
export type Permission = 'delete_revert' | 'set_arch';

/** The token a row's context value carries while its registry refuses `permission`. */
export function deniedToken(permission: Permission): string {
  return `deny-${permission}`;
}

/** Context value tokens for the permissions a registry refused, in a stable order. */
export function deniedTokens(denied: ReadonlySet<Permission>): string[] {
  return [...denied].sort().map(deniedToken);
}

/** What the permission allows, to end the sentence "…permission, needed to {2}." */
function neededFor(permission: Permission): string {
  return permission === 'delete_revert'
    ? l10n.t({
      message: 'revert tags and delete templates',
      comment: ['ends "Your credentials for … lack the … permission, needed to {2}."'],
    })
    : l10n.t({
      message: 'set the arch of templates',
      comment: ['ends "Your credentials for … lack the … permission, needed to {2}."'],
    });
}

/** What a 403 means for the user, for the error message. */
export function describeDenied(permission: Permission, registryName: string): string {
  const lacking = l10n.t({
    message: 'Your credentials for "{0}" lack the "{1}" permission, needed to {2}.',
    args: [registryName, permission, neededFor(permission)],
    comment: [
      '{0} is a registry name, {1} the permission name of the registry, ',
      '{2} what the permission allows, such as "set the arch of templates"',
    ],
  });
  const ask = l10n.t('Ask the registry\'s administrator to add it to your group.');
  const hidden = l10n.t('The tree hides these actions on this registry until you refresh it.');
  return `${lacking} ${ask} ${hidden}`;
}

/** Appends the denied tokens to a tree item's context value, so menus can hide the actions. */
export function withDeniedTokens<T extends { contextValue?: string }>(
  item: T,
  denied: ReadonlySet<Permission>,
): T {
  const tokens = deniedTokens(denied);
  if (tokens.length > 0) {
    item.contextValue = [item.contextValue ?? '', ...tokens].filter(Boolean).join(' ');
  }
  return item;
}
