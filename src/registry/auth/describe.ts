import type { AuthKind, ConnectionSettings, RegistrySecrets } from './types';

/**
 * A registry's auth options in neutral form, for tools that connect on their own (the anka CLI:
 * `--api-key-id`, `--api-key`, `--cert`, `--key`, `--cacert`, `--insecure`). The CLI has no
 * root-token option, so a root-token registry comes out as `kind: 'rootToken'` alone.
 */
export interface RegistryAuthDescription {
  kind: AuthKind;
  apiKeyId?: string;
  /** The API key's private key as stored (PEM, or base64 DER for keys the registry generated). */
  apiKeyPem?: string;
  certFile?: string;
  keyFile?: string;
  caFile?: string;
  insecure?: boolean;
}

/** Pure: a registry entry's settings plus its secrets, reduced to what its auth kind uses. */
export function describeRegistryAuth(
  entry: ConnectionSettings,
  secrets: RegistrySecrets,
): RegistryAuthDescription {
  const kind = entry.auth ?? 'none';
  const description: RegistryAuthDescription = { kind };
  if (kind === 'apiKey') {
    if (entry.apiKeyId) description.apiKeyId = entry.apiKeyId;
    if (secrets.apiKeyPem) description.apiKeyPem = secrets.apiKeyPem;
  }
  if (kind === 'certificate') {
    if (entry.certFile) description.certFile = entry.certFile;
    if (entry.keyFile) description.keyFile = entry.keyFile;
  }
  if (entry.caFile) description.caFile = entry.caFile;
  if (entry.insecure) description.insecure = true;
  return description;
}
