import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import {
  normalizePem,
  parsePrivateKey,
  type AuthKind,
  type ConnectionSettings,
  type RegistrySecrets,
} from '../../registry/auth';

export const PEM_CERTIFICATE = ['pem', 'crt', 'cer'];
const PEM_KEY = ['pem', 'key'];

/** What a user chose for signing in: settings for the entry and secrets for SecretStorage. */
export interface Credentials {
  settings: ConnectionSettings;
  secrets: RegistrySecrets;
}

interface KindItem extends vscode.QuickPickItem {
  authKind: AuthKind;
}

const KINDS: Record<AuthKind, { label: string; detail: string }> = {
  none: { label: 'No sign-in', detail: 'The registry is open to anyone who can reach it' },
  rootToken: {
    label: 'Root token',
    detail: 'The registry\'s root token: full access, including managing API keys',
  },
  apiKey: {
    label: 'API key',
    detail: 'A key id and its RSA private key (the registry\'s hand-and-shake sign-in)',
  },
  certificate: {
    label: 'Client certificate',
    detail: 'A PEM certificate and its key, sent over https (mTLS)',
  },
};

/** Asks how to sign in; `recommended` kinds come first and are marked. */
export async function askAuthKind(
  title: string,
  placeHolder: string,
  options: { https: boolean; current?: AuthKind; recommended?: readonly AuthKind[] },
): Promise<AuthKind | undefined> {
  const recommended = options.recommended ?? [];
  const kinds = (Object.keys(KINDS) as AuthKind[])
    .filter((kind) => kind !== 'certificate' || options.https)
    .sort((a, b) => Number(recommended.includes(b)) - Number(recommended.includes(a)));
  const items = kinds.map((kind): KindItem => ({
    authKind: kind,
    label: KINDS[kind].label,
    detail: KINDS[kind].detail,
    description: kind === options.current
      ? 'current'
      : recommended.includes(kind) ? 'suggested' : undefined,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder,
    ignoreFocusOut: true,
  });
  return picked?.authKind;
}

/** Asks for the inputs of `kind`; existing settings fill in the defaults. */
export async function askCredentials(
  kind: AuthKind,
  title: string,
  current: ConnectionSettings = {},
): Promise<Credentials | undefined> {
  const keep: ConnectionSettings = { caFile: current.caFile, insecure: current.insecure };
  switch (kind) {
    case 'none':
      return { settings: { ...keep, auth: 'none' }, secrets: {} };
    case 'rootToken': {
      const rootToken = await askSecret(title, 'The registry\'s root token', 'Root token');
      return rootToken === undefined
        ? undefined
        : { settings: { ...keep, auth: kind }, secrets: { rootToken } };
    }
    case 'apiKey':
      return askApiKey(title, keep, current.apiKeyId);
    case 'certificate':
      return askCertificate(title, keep, current);
  }
}

function askSecret(
  title: string,
  prompt: string,
  placeHolder: string,
): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt: `${prompt}; kept in VS Code's secret storage, never in settings`,
    placeHolder,
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) =>
      value.trim() === '' ? 'Enter a value, or press Escape to cancel.' : undefined,
  }).then((value) => value?.trim());
}

async function askApiKey(
  title: string,
  keep: ConnectionSettings,
  currentId: string | undefined,
): Promise<Credentials | undefined> {
  const apiKeyId = await vscode.window.showInputBox({
    title,
    prompt: 'The API key id, as created on the registry',
    placeHolder: 'API key id',
    value: currentId,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? 'Enter the key id.' : undefined),
  });
  if (apiKeyId === undefined) {
    return undefined;
  }
  const apiKeyPem = await askPrivateKey(title, apiKeyId.trim());
  if (apiKeyPem === undefined) {
    return undefined;
  }
  const settings: ConnectionSettings = { ...keep, auth: 'apiKey', apiKeyId: apiKeyId.trim() };
  return { settings, secrets: { apiKeyPem } };
}

async function askPrivateKey(title: string, keyId: string): Promise<string | undefined> {
  const fromFile = {
    label: '$(file) Choose a private key file...',
    detail: 'A PEM file (PKCS#1 or PKCS#8)',
  };
  const paste = {
    label: '$(clippy) Paste the private key',
    detail: 'PEM text, or the base64 key the registry generated',
  };
  const how = await vscode.window.showQuickPick([fromFile, paste], {
    title,
    placeHolder: `Where is the private key of API key "${keyId}"?`,
    ignoreFocusOut: true,
  });
  if (how === undefined) {
    return undefined;
  }
  if (how === paste) {
    return vscode.window.showInputBox({
      title,
      prompt: `The private key of API key "${keyId}"; kept in VS Code's secret storage`,
      placeHolder: '-----BEGIN RSA PRIVATE KEY----- ...',
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => keyProblem(value),
    }).then((value) => (value === undefined ? undefined : normalizePem(value.trim())));
  }
  const file = await pickFile(title, `Private key of API key "${keyId}"`, PEM_KEY);
  if (file === undefined) {
    return undefined;
  }
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    void vscode.window.showErrorMessage(`Could not read ${file}: ${error.message}`);
    return undefined;
  });
  const problem = text === undefined ? 'unreadable' : keyProblem(text);
  if (problem !== undefined) {
    if (text !== undefined) {
      void vscode.window.showErrorMessage(`${file} cannot be used: ${problem}.`);
    }
    return undefined;
  }
  return text?.trim();
}

function keyProblem(text: string): string | undefined {
  try {
    parsePrivateKey(text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function askCertificate(
  title: string,
  keep: ConnectionSettings,
  current: ConnectionSettings,
): Promise<Credentials | undefined> {
  const certLabel = 'Client certificate (PEM)';
  const certFile = await pickFile(title, certLabel, PEM_CERTIFICATE, current.certFile);
  const keyLabel = 'Key of the client certificate (PEM)';
  const keyFile = certFile && (await pickFile(title, keyLabel, PEM_KEY, current.keyFile));
  if (!certFile || !keyFile) {
    return undefined;
  }
  const settings: ConnectionSettings = { ...keep, auth: 'certificate', certFile, keyFile };
  const encrypted = /ENCRYPTED/.test(await readFile(keyFile, 'utf8').catch(() => ''));
  if (!encrypted) {
    return { settings, secrets: {} };
  }
  const keyPassphrase = await askSecret(title, `The passphrase of ${keyFile}`, 'Key passphrase');
  return keyPassphrase === undefined ? undefined : { settings, secrets: { keyPassphrase } };
}

/** One local file, with an open dialog; undefined when the user cancels. */
export async function pickFile(
  title: string,
  label: string,
  extensions: string[],
  current?: string,
): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: `${title}: ${label}`,
    openLabel: 'Choose',
    canSelectMany: false,
    defaultUri: current ? vscode.Uri.file(current) : undefined,
    filters: { [label]: extensions, 'All files': ['*'] },
  });
  return picked?.[0]?.fsPath;
}
