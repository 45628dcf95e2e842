import * as l10n from '@vscode/l10n';
import { CliError, type CliAuth } from '../cli';
import {
  describeRegistryAuth, privateKeyToPem, type ConnectionSettings, type RegistrySecrets,
} from '../registry/auth';

/**
 * A registry's connection settings and secrets as the anka CLI takes them. The API key goes as
 * PEM (a key the registry generated is stored as base64 DER). Throws a CliError for what the CLI
 * cannot use: a root token (left to the argument builder) or a key file behind a passphrase.
 */
export function cliAuthOf(
  entry: ConnectionSettings & { name: string },
  secrets: RegistrySecrets,
  operation: string,
): CliAuth {
  const described = describeRegistryAuth(entry, secrets);
  const auth: CliAuth = { ...described };
  if (described.kind === 'certificate' && secrets.keyPassphrase) {
    throw new CliError({
      kind: 'unsupportedAuth',
      operation,
      reason: [
        l10n.t('the client key of registry "{0}" is protected by a passphrase.', entry.name),
        l10n.t('The anka CLI cannot be given one: use an unencrypted key file to push and pull.'),
      ].join(' '),
    });
  }
  if (described.apiKeyPem) {
    try {
      auth.apiKeyPem = privateKeyToPem(described.apiKeyPem);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new CliError({
        kind: 'unsupportedAuth',
        operation,
        reason: l10n.t('the API key of registry "{0}" cannot be read: {1}', entry.name, why),
      });
    }
  }
  return auth;
}
