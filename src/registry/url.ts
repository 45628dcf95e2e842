import * as l10n from '@vscode/l10n';

/** Thrown when a registry URL typed by a user or found in settings cannot be used. */
export class InvalidRegistryUrlError extends Error {
  constructor(
    readonly input: string,
    reason: string,
  ) {
    super(l10n.t({
      message: '"{0}" is not a usable registry URL: {1}',
      args: [input, reason],
      comment: ['{0} is what was typed, {1} the reason'],
    }));
    this.name = 'InvalidRegistryUrlError';
  }
}

/**
 * Normalises a registry URL: trims it, adds `http://` when no scheme is given, and drops trailing
 * slashes, a query and a fragment. Credentials in the URL are refused: they belong in the
 * registry's auth settings, where they are stored as secrets.
 */
export function normalizeRegistryUrl(input: string): string {
  const trimmed = input.trim();
  if (trimmed === '') {
    throw new InvalidRegistryUrlError(input, l10n.t('it is empty'));
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    throw new InvalidRegistryUrlError(input, l10n.t('it cannot be parsed as a URL'));
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InvalidRegistryUrlError(
      input,
      l10n.t('the scheme must be http or https, not {0}', parsed.protocol),
    );
  }
  if (parsed.hostname === '') {
    throw new InvalidRegistryUrlError(input, l10n.t('it has no host name'));
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new InvalidRegistryUrlError(
      input,
      l10n.t('it contains credentials; use the auth settings instead'),
    );
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${parsed.protocol}//${parsed.host}${path}`;
}

/** The URL without any credentials, safe for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//');
  }
}
