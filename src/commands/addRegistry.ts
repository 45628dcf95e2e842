import * as vscode from 'vscode';
import {
  describeError, normalizeRegistryUrl, RegistryClient, type RegistryStatus,
} from '../registry';
import { addRegistryEntry, requestTimeoutMs } from '../config/settings';
import type { CommandContext } from './context';

const TITLE = 'Add Anka Registry';

/** Asks for a registry's URL and name, checks that it answers, and adds it to the settings. */
export async function addRegistry(context: CommandContext): Promise<void> {
  const url = await askUrl();
  if (url === undefined) {
    return;
  }
  const probe = await probeRegistry(context, url);
  if (probe === 'cancelled') {
    return;
  }
  if (probe instanceof Error) {
    const choice = await vscode.window.showWarningMessage(
      `Could not reach an Anka Registry at ${url}.`,
      { modal: true, detail: `${describeError(probe)}\n\nAdd it anyway?` },
      'Add Anyway',
    );
    if (choice !== 'Add Anyway') {
      return;
    }
  }
  const name = await askName(context, url);
  if (name === undefined) {
    return;
  }
  await addRegistryEntry({ name, url });
  const found = probe instanceof Error ? 'not reachable yet' : describeStatus(probe);
  context.log.info(`Added registry "${name}" at ${url} (${found})`);
  void vscode.window.showInformationMessage(`Added registry "${name}": ${found}.`);
}

function askUrl(): Thenable<string | undefined> {
  return vscode.window
    .showInputBox({
      title: `${TITLE} (1/2)`,
      prompt: 'The registry URL with its port; http:// is assumed when no scheme is given',
      placeHolder: 'http://anka.registry:8089',
      ignoreFocusOut: true,
      validateInput: (value) => {
        try {
          normalizeRegistryUrl(value);
          return undefined;
        } catch (error) {
          return describeError(error);
        }
      },
    })
    .then((value) => (value === undefined ? undefined : normalizeRegistryUrl(value)));
}

function askName(context: CommandContext, url: string): Thenable<string | undefined> {
  const taken = new Set(context.model.getRegistries().map((node) => node.entry.name));
  return vscode.window
    .showInputBox({
      title: `${TITLE} (2/2)`,
      prompt: `A name for ${url}, shown in the Registries view`,
      value: defaultName(url),
      ignoreFocusOut: true,
      validateInput: (value) => {
        if (value.trim() === '') {
          return 'The name cannot be empty.';
        }
        if (taken.has(value.trim())) {
          return {
            message: `A registry named "${value.trim()}" is already configured.`,
            severity: vscode.InputBoxValidationSeverity.Warning,
          };
        }
        return undefined;
      },
    })
    .then((value) => value?.trim());
}

function defaultName(url: string): string {
  const { hostname, host } = new URL(url);
  const loopback = hostname === 'localhost' || hostname.startsWith('127.') || hostname === '[::1]';
  return loopback ? host : hostname;
}

async function probeRegistry(
  context: CommandContext,
  url: string,
): Promise<RegistryStatus | Error | 'cancelled'> {
  const client = new RegistryClient({
    name: new URL(url).host,
    url,
    timeoutMs: Math.min(requestTimeoutMs(), 15_000),
    logger: context.log,
  });
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Checking ${url}…`, cancellable: true },
      async (_progress, token) => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        try {
          return await client.getStatus({ signal: controller.signal });
        } catch (error) {
          return token.isCancellationRequested ? 'cancelled' : (error as Error);
        } finally {
          subscription.dispose();
        }
      },
    );
  } finally {
    void client.close();
  }
}

function describeStatus(status: RegistryStatus): string {
  const version = status.version ? ` ${status.version}` : '';
  return `Anka Registry${version}, ${status.state ?? 'state unknown'}`;
}
