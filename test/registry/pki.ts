// Test certificates made at test time with Debian's openssl: a CA, server and client certificates
// and their broken variants. Nothing here is committed; every run makes its own in a temp folder.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A PEM certificate with its key, as file paths and as text. */
export interface TestCertificate {
  certFile: string;
  keyFile: string;
  cert: string;
  key: string;
}

export interface TestPki {
  dir: string;
  /** The CA that issues the server and client certificates. */
  ca: TestCertificate;
  /** For 127.0.0.1, localhost and anka.registry.test, issued by `ca`. */
  server: TestCertificate;
  /** Like `server`, but its validity ended yesterday. */
  expired: TestCertificate;
  /** Issued by `ca` for other.registry.test only. */
  wrongHost: TestCertificate;
  /** Signed by itself, for 127.0.0.1. */
  selfSigned: TestCertificate;
  /** A client certificate issued by `ca` (CN ci-bot, O ci). */
  client: TestCertificate;
  /** The client key encrypted with `passphrase`. */
  encryptedClientKeyFile: string;
  passphrase: string;
  /** A client certificate from a CA the registry does not trust. */
  rogueClient: TestCertificate;
  dispose(): Promise<void>;
}

const SERVER_NAMES = 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:anka.registry.test';

export async function createTestPki(): Promise<TestPki> {
  const dir = await mkdtemp(path.join(tmpdir(), 'anka-pki-'));
  const file = (name: string): string => path.join(dir, name);
  const names = file('server.ext');
  await writeFile(names, `${SERVER_NAMES}\n`);
  await writeFile(file('wrong-host.ext'), 'subjectAltName=DNS:other.registry.test\n');
  await writeFile(file('self.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');

  const caExtension = ['-addext', 'basicConstraints=critical,CA:TRUE'];
  await selfSignedCertificate(file('ca'), 'Anka Test CA', caExtension);
  await newKeyAndRequest(file('server'), '127.0.0.1');
  await issue(file('server'), file('ca'), 2, names);
  await run('openssl', ['x509', '-req', '-in', `${file('server')}.csr`, ...caArgs(file('ca')),
    '-days', '-1', '-extfile', names, '-out', `${file('expired')}.pem`]);
  await issue(file('server'), file('ca'), 2, file('wrong-host.ext'), file('wrong-host'));
  const selfNames = ['-addext', 'subjectAltName=IP:127.0.0.1'];
  await selfSignedCertificate(file('self'), '127.0.0.1', selfNames);
  await newKeyAndRequest(file('client'), 'ci-bot', '/O=ci');
  await issue(file('client'), file('ca'), 2);
  const passphrase = 'test-passphrase';
  await run('openssl', ['pkcs8', '-topk8', '-in', `${file('client')}.key`, '-v2', 'aes-256-cbc',
    '-passout', `pass:${passphrase}`, '-out', file('client-encrypted.key')]);
  await selfSignedCertificate(file('rogue-ca'), 'Rogue CA', []);
  await newKeyAndRequest(file('rogue'), 'ci-bot', '/O=ci');
  await issue(file('rogue'), file('rogue-ca'), 2);

  const pair = async (certBase: string, keyBase = certBase): Promise<TestCertificate> => ({
    certFile: `${certBase}.pem`,
    keyFile: `${keyBase}.key`,
    cert: await readFile(`${certBase}.pem`, 'utf8'),
    key: await readFile(`${keyBase}.key`, 'utf8'),
  });
  return {
    dir,
    ca: await pair(file('ca')),
    server: await pair(file('server')),
    expired: await pair(file('expired'), file('server')),
    wrongHost: await pair(file('wrong-host'), file('server')),
    selfSigned: await pair(file('self')),
    client: await pair(file('client')),
    encryptedClientKeyFile: file('client-encrypted.key'),
    passphrase,
    rogueClient: await pair(file('rogue')),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

const KEY_ARGS = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

async function selfSignedCertificate(base: string, name: string, extra: string[]): Promise<void> {
  await run('openssl', ['req', '-x509', ...KEY_ARGS, '-keyout', `${base}.key`,
    '-out', `${base}.pem`, '-days', '2', '-subj', `/CN=${name}`, ...extra]);
}

async function newKeyAndRequest(base: string, name: string, more = ''): Promise<void> {
  await run('openssl', ['req', ...KEY_ARGS, '-keyout', `${base}.key`, '-out', `${base}.csr`,
    '-subj', `/CN=${name}${more}`]);
}

function caArgs(caBase: string): string[] {
  return ['-CA', `${caBase}.pem`, '-CAkey', `${caBase}.key`, '-set_serial',
    String(Math.floor(Math.random() * 1e12))];
}

async function issue(
  base: string,
  caBase: string,
  days: number,
  extFile?: string,
  out = base,
): Promise<void> {
  await run('openssl', ['x509', '-req', '-in', `${base}.csr`, ...caArgs(caBase), '-days',
    String(days), ...(extFile ? ['-extfile', extFile] : []), '-out', `${out}.pem`]);
}
