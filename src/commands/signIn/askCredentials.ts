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
/** How a pasted key starts, as a hint in the input box. */
const PEM_KEY_START = '-----BEGIN RSA PRIVATE KEY----- ...';

/** What a user chose for signing in: settings for the entry and secrets for SecretStorage. */
export interface Credentials {
  settings: ConnectionSettings;
  secrets: RegistrySecrets;
}

interface KindItem extends vscode.QuickPickItem {
  authKind: AuthKind;
}

function kindTexts(): Record<AuthKind, { label: string; detail: string }> {
  return {
    none: {
      label: vscode.l10n.t('No sign-in'),
      detail: vscode.l10n.t('The registry is open to anyone who can reach it'),
    },
    rootToken: {
      label: vscode.l10n.t('Root token'),
      detail: vscode.l10n.t('The registry\'s root token: full access, including managing API keys'),
    },
    apiKey: {
      label: vscode.l10n.t('API key'),
      detail: vscode.l10n.t(
        'A key id and its RSA private key (the registry\'s hand-and-shake sign-in)',
      ),
    },
    certificate: {
      label: vscode.l10n.t('Client certificate'),
      detail: vscode.l10n.t('A PEM certificate and its key, sent over https (mTLS)'),
    },
  };
}

/** Asks how to sign in; `recommended` kinds come first and are marked. */
export async function askAuthKind(
  title: string,
  placeHolder: string,
  options: { https: boolean; current?: AuthKind; recommended?: readonly AuthKind[] },
): Promise<AuthKind | undefined> {
  const recommended = options.recommended ?? [];
  const texts = kindTexts();
  const kinds = (Object.keys(texts) as AuthKind[])
    .filter((kind) => kind !== 'certificate' || options.https)
    .sort((a, b) => Number(recommended.includes(b)) - Number(recommended.includes(a)));
  const items = kinds.map((kind): KindItem => ({
    authKind: kind,
    label: texts[kind].label,
    detail: texts[kind].detail,
    description: kind === options.current
      ? vscode.l10n.t('current')
      : recommended.includes(kind) ? vscode.l10n.t('suggested') : undefined,
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
      const rootToken = await askSecret(
        title,
        vscode.l10n.t(
          'The registry\'s root token; kept in VS Code\'s secret storage, never in settings',
        ),
        vscode.l10n.t('Root token'),
      );
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
    prompt,
    placeHolder,
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) =>
      value.trim() === '' ? vscode.l10n.t('Enter a value, or press Escape to cancel.') : undefined,
  }).then((value) => value?.trim());
}

async function askApiKey(
  title: string,
  keep: ConnectionSettings,
  currentId: string | undefined,
): Promise<Credentials | undefined> {
  const apiKeyId = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('The API key id, as created on the registry'),
    placeHolder: vscode.l10n.t('API key id'),
    value: currentId,
    ignoreFocusOut: true,
    validateInput: (value) =>
      (value.trim() === '' ? vscode.l10n.t('Enter the key id.') : undefined),
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
    label: `$(file) ${vscode.l10n.t('Choose a private key file...')}`,
    detail: vscode.l10n.t('A PEM file (PKCS#1 or PKCS#8)'),
  };
  const paste = {
    label: `$(clippy) ${vscode.l10n.t('Paste the private key')}`,
    detail: vscode.l10n.t('PEM text, or the base64 key the registry generated'),
  };
  const how = await vscode.window.showQuickPick([fromFile, paste], {
    title,
    placeHolder: vscode.l10n.t('Where is the private key of API key "{0}"?', keyId),
    ignoreFocusOut: true,
  });
  if (how === undefined) {
    return undefined;
  }
  if (how === paste) {
    return vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t(
        'The private key of API key "{0}"; kept in VS Code\'s secret storage', keyId,
      ),
      placeHolder: PEM_KEY_START,
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => keyProblem(value),
    }).then((value) => (value === undefined ? undefined : normalizePem(value.trim())));
  }
  const label = vscode.l10n.t('Private key of API key "{0}"', keyId);
  const file = await pickFile(title, label, PEM_KEY);
  if (file === undefined) {
    return undefined;
  }
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    const message = vscode.l10n.t('Could not read {0}: {1}', file, error.message);
    void vscode.window.showErrorMessage(message);
    return undefined;
  });
  const problem = text === undefined ? 'unreadable' : keyProblem(text);
  if (problem !== undefined) {
    if (text !== undefined) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} cannot be used: {1}.', file, problem));
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
  const certLabel = vscode.l10n.t('Client certificate (PEM)');
  const certFile = await pickFile(title, certLabel, PEM_CERTIFICATE, current.certFile);
  const keyLabel = vscode.l10n.t('Key of the client certificate (PEM)');
  const keyFile = certFile && (await pickFile(title, keyLabel, PEM_KEY, current.keyFile));
  if (!certFile || !keyFile) {
    return undefined;
  }
  const settings: ConnectionSettings = { ...keep, auth: 'certificate', certFile, keyFile };
  const encrypted = /ENCRYPTED/.test(await readFile(keyFile, 'utf8').catch(() => ''));
  if (!encrypted) {
    return { settings, secrets: {} };
  }
  const keyPassphrase = await askSecret(
    title,
    vscode.l10n.t(
      'The passphrase of {0}; kept in VS Code\'s secret storage, never in settings',
      keyFile,
    ),
    vscode.l10n.t('Key passphrase'),
  );
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
    title: vscode.l10n.t({
      message: '{0}: {1}',
      args: [title, label],
      comment: 'A command, then the file it asks for: "Add Anka Registry: CA certificate (PEM)"',
    }),
    openLabel: vscode.l10n.t('Choose'),
    canSelectMany: false,
    defaultUri: current ? vscode.Uri.file(current) : undefined,
    filters: { [label]: extensions, [vscode.l10n.t('All files')]: ['*'] },
  });
  return picked?.[0]?.fsPath;
}
