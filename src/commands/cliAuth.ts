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
      reason:
        `the client key of registry "${entry.name}" is protected by a passphrase, which the ` +
        'anka CLI cannot be given. Use an unencrypted key file to push and pull.',
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
        reason: `the API key of registry "${entry.name}" cannot be read: ${why}`,
      });
    }
  }
  return auth;
}
