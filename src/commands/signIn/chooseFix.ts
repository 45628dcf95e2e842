import * as vscode from 'vscode';
import { describeError, isRegistryError } from '../../registry';
import type { AuthKind, ConnectionSettings } from '../../registry/auth';
import { askCredentials, PEM_CERTIFICATE, pickFile, type Credentials } from './askCredentials';

/** What to do after a registry could not be reached or signed in to. */
export type Fix = { kind: 'retry'; credentials: Credentials } | { kind: 'keep' } | undefined;

/** The dialog's buttons; the choice is compared with the same translated labels. */
interface FixButtons {
  kinds: Array<[string, AuthKind]>;
  caFile: string;
  insecure: string;
}

function fixButtons(): FixButtons {
  return {
    kinds: [
      [vscode.l10n.t('Root Token...'), 'rootToken'],
      [vscode.l10n.t('API Key...'), 'apiKey'],
      [vscode.l10n.t('Client Certificate...'), 'certificate'],
    ],
    caFile: vscode.l10n.t('Choose CA File...'),
    insecure: vscode.l10n.t('Skip Verification'),
  };
}

/**
 * Says why the check failed and offers what fixes it: a way to sign in after a 401, a CA file or
 * skipping verification for TLS, a client certificate when the registry wants one.
 * `keepLabel` is the button that keeps the registry as it is ("Add Anyway" unless given).
 */
export async function chooseFix(
  title: string,
  url: string,
  error: Error,
  current: ConnectionSettings,
  keepLabel = vscode.l10n.t('Add Anyway'),
): Promise<Fix> {
  const https = url.startsWith('https:');
  const labels = fixButtons();
  const buttons = fixesFor(labels, error, current, https);
  const heading = headingFor(error, url);
  const choice = await vscode.window.showWarningMessage(
    heading,
    { modal: true, detail: detailFor(error, buttons.length > 0, keepLabel) },
    ...buttons,
    keepLabel,
  );
  if (choice === undefined) {
    return undefined;
  }
  if (choice === keepLabel) {
    return { kind: 'keep' };
  }
  const kind = labels.kinds.find(([label]) => label === choice)?.[1];
  if (kind) {
    const credentials = await askCredentials(kind, title, current);
    return credentials && { kind: 'retry', credentials };
  }
  if (choice === labels.caFile) {
    const label = vscode.l10n.t('CA certificate (PEM)');
    const caFile = await pickFile(title, label, PEM_CERTIFICATE, current.caFile);
    const settings = { ...current, caFile };
    return caFile ? { kind: 'retry', credentials: { settings, secrets: {} } } : undefined;
  }
  return { kind: 'retry', credentials: { settings: { ...current, insecure: true }, secrets: {} } };
}

function fixesFor(
  labels: FixButtons,
  error: Error,
  current: ConnectionSettings,
  https: boolean,
): string[] {
  if (!isRegistryError(error)) {
    return [];
  }
  const kinds = labels.kinds.filter(([, kind]) => kind !== 'certificate' || https);
  if (error.kind === 'unauthorized') {
    return kinds.map(([label]) => label);
  }
  const certificateFix = error.fixes.includes('clientCertificate');
  if (error.kind === 'tls' || (https && certificateFix)) {
    const fixes: string[] = [];
    if (error.fixes.includes('caFile') && !current.insecure) {
      fixes.push(labels.caFile);
    }
    if (error.fixes.includes('insecure') && !current.insecure) {
      fixes.push(labels.insecure);
    }
    const certificate = kinds.find(([, kind]) => kind === 'certificate');
    if (certificateFix && certificate) {
      fixes.push(certificate[0]);
    }
    return fixes;
  }
  return [];
}

function headingFor(error: Error, url: string): string {
  const kind = isRegistryError(error) ? error.kind : undefined;
  if (kind === 'unauthorized') {
    return vscode.l10n.t('{0} needs you to sign in.', url);
  }
  return kind === 'tls'
    ? vscode.l10n.t('Could not connect securely to {0}.', url)
    : vscode.l10n.t('Could not reach an Anka Registry at {0}.', url);
}

function detailFor(error: Error, fixable: boolean, keepLabel: string): string {
  const unauthorized = isRegistryError(error) && error.kind === 'unauthorized';
  // The buttons say what to do; the hint for the tree ("use Sign In Again") would confuse here.
  const told = unauthorized && isRegistryError(error.cause) ? error.cause : error;
  let next: string;
  if (!fixable) {
    next = vscode.l10n.t({
      message: '{0}?',
      args: [keepLabel],
      comment: 'The label of a button such as "Add Anyway", asked as a question',
    });
  } else if (unauthorized) {
    next = vscode.l10n.t('Choose how to sign in, or "{0}" to keep it as it is.', keepLabel);
  } else {
    next = vscode.l10n.t('Choose how to fix it, or "{0}" to keep it as it is.', keepLabel);
  }
  return `${describeError(told)}\n\n${next}`;
}
