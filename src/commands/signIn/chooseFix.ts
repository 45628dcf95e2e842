import * as vscode from 'vscode';
import { describeError, isRegistryError } from '../../registry';
import type { AuthKind, ConnectionSettings } from '../../registry/auth';
import { askCredentials, PEM_CERTIFICATE, pickFile, type Credentials } from './askCredentials';

/** What to do after a registry could not be reached or signed in to. */
export type Fix = { kind: 'retry'; credentials: Credentials } | { kind: 'keep' } | undefined;

const ADD_ANYWAY = 'Add Anyway';
const KIND_BUTTONS: Array<[string, AuthKind]> = [
  ['Root Token...', 'rootToken'],
  ['API Key...', 'apiKey'],
  ['Client Certificate...', 'certificate'],
];
const CA_FILE = 'Choose CA File...';
const INSECURE = 'Skip Verification';

/**
 * Says why the check failed and offers what fixes it: a way to sign in after a 401, a CA file or
 * skipping verification for TLS, a client certificate when the registry wants one.
 */
export async function chooseFix(
  title: string,
  url: string,
  error: Error,
  current: ConnectionSettings,
  keepLabel = ADD_ANYWAY,
): Promise<Fix> {
  const https = url.startsWith('https:');
  const buttons = fixesFor(error, current, https);
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
  const kind = KIND_BUTTONS.find(([label]) => label === choice)?.[1];
  if (kind) {
    const credentials = await askCredentials(kind, title, current);
    return credentials && { kind: 'retry', credentials };
  }
  if (choice === CA_FILE) {
    const caFile = await pickFile(title, 'CA certificate (PEM)', PEM_CERTIFICATE, current.caFile);
    const settings = { ...current, caFile };
    return caFile ? { kind: 'retry', credentials: { settings, secrets: {} } } : undefined;
  }
  return { kind: 'retry', credentials: { settings: { ...current, insecure: true }, secrets: {} } };
}

function fixesFor(error: Error, current: ConnectionSettings, https: boolean): string[] {
  if (!isRegistryError(error)) {
    return [];
  }
  const kinds = KIND_BUTTONS.filter(([, kind]) => kind !== 'certificate' || https);
  if (error.kind === 'unauthorized') {
    return kinds.map(([label]) => label);
  }
  const certificateFix = /client certificate/.test(error.reason);
  if (error.kind === 'tls' || (https && certificateFix)) {
    const fixes: string[] = [];
    if (/"caFile"/.test(error.reason) && !current.insecure) {
      fixes.push(CA_FILE);
    }
    if (/"insecure": true/.test(error.reason) && !current.insecure) {
      fixes.push(INSECURE);
    }
    if (certificateFix) {
      fixes.push('Client Certificate...');
    }
    return fixes;
  }
  return [];
}

function headingFor(error: Error, url: string): string {
  const kind = isRegistryError(error) ? error.kind : undefined;
  if (kind === 'unauthorized') {
    return `${url} needs you to sign in.`;
  }
  return kind === 'tls'
    ? `Could not connect securely to ${url}.`
    : `Could not reach an Anka Registry at ${url}.`;
}

function detailFor(error: Error, fixable: boolean, keepLabel: string): string {
  const unauthorized = isRegistryError(error) && error.kind === 'unauthorized';
  // The buttons say what to do; the hint for the tree ("use Sign In Again") would confuse here.
  const told = unauthorized && isRegistryError(error.cause) ? error.cause : error;
  const how = unauthorized ? 'sign in' : 'fix it';
  const next = fixable
    ? `Choose how to ${how}, or "${keepLabel}" to keep it as it is.`
    : `${keepLabel}?`;
  return `${describeError(told)}\n\n${next}`;
}
