/**
 * Template permissions a registry can refuse with HTTP 403; the registry's own names. The tree
 * hides an action on a registry once that registry refused it.
 */
export type Permission = 'delete_revert' | 'set_arch';

const ACTIONS: Record<Permission, string> = {
  delete_revert: 'revert tags and delete templates',
  set_arch: 'set the arch of templates',
};

/** The token a row's context value carries while its registry refuses `permission`. */
export function deniedToken(permission: Permission): string {
  return `deny-${permission}`;
}

/** Context value tokens for the permissions a registry refused, in a stable order. */
export function deniedTokens(denied: ReadonlySet<Permission>): string[] {
  return [...denied].sort().map(deniedToken);
}

/** What a 403 means for the user, for the error message. */
export function describeDenied(permission: Permission, registryName: string): string {
  return (
    `Your credentials for "${registryName}" lack the "${permission}" permission, needed to ` +
    `${ACTIONS[permission]}. Ask the registry's administrator to add it to your group. ` +
    'The tree hides these actions on this registry until you refresh it.'
  );
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
