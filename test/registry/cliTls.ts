// `--https` and `--client-cert` for the command-line registry: a test CA made on the spot.
import { parseArgs } from 'node:util';
import { createTestPki, type TestPki } from './pki';
import type { LocalRegistryOptions } from './server';

export const TLS_USAGE = [
  '  --https              serves https with a certificate from a test CA made for this run',
  '  --client-cert MODE   with --https: "required" or "optional" client certificates',
];

/** The declarations parseArgs needs for the two flags. */
export const TLS_FLAGS = {
  https: { type: 'boolean' },
  'client-cert': { type: 'string' },
} as const;

/** Adds a test CA's server certificate to `options` when asked; prints where its files are. */
export async function withTls(
  argv: string[],
  options: LocalRegistryOptions,
): Promise<TestPki | undefined> {
  const { values } = parseArgs({ args: argv, options: TLS_FLAGS, strict: false });
  const mode = values['client-cert'];
  if (!values.https && mode === undefined) {
    return undefined;
  }
  if (mode !== undefined && mode !== 'required' && mode !== 'optional') {
    throw new Error(`--client-cert must be "required" or "optional", got "${String(mode)}"`);
  }
  const pki = await createTestPki();
  options.tls = { cert: pki.server.cert, key: pki.server.key };
  if (mode !== undefined) {
    options.tls.clientCa = pki.ca.cert;
    options.tls.clientCertificates = mode;
  }
  console.log(`Test CA (for "caFile"): ${pki.ca.certFile}`);
  if (mode !== undefined) {
    console.log(`Client certificate: ${pki.client.certFile}`);
    console.log(`Client key: ${pki.client.keyFile}`);
  }
  return pki;
}
