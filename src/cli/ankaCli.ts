import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import {
  cloneArgs, downloadSizeArgs, listArgs, pullArgs, pushArgs, redactArgs,
  type CliAuth, type PullRequest, type PushRequest,
} from './args';
import type { CliEnvelope, CliOperationKind } from './envelope';
import { parseDownloadSize, parseLocalVms, type DownloadSize, type LocalVm } from './models';
import { interpretRun } from './outcome';
import { probeCapabilities, type CliCapabilities, type CliRunner } from './probe';
import { cleanLine, ProgressTracker, type ProgressEvent } from './progress';
import { readConfiguredRegistries, type CliRegistryListing } from './registryList';
import { runCli } from './run';

/** The part of VS Code's LogOutputChannel the CLI layer writes to. */
export interface CliLogger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface TransferOptions {
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
}

const SHORT_TIMEOUT_MS = 60_000;

/** One installed `anka` CLI: every command the extension runs, logged, with typed answers. */
export class AnkaCli {
  private probed: Promise<CliCapabilities> | undefined;

  constructor(
    readonly executable: string,
    private readonly log: CliLogger,
    private readonly run: CliRunner = runCli,
  ) {}

  capabilities(): Promise<CliCapabilities> {
    this.probed ??= probeCapabilities(this.executable, this.run).then((found) => {
      const check = found.downloadSizeCheck ?? 'none';
      this.log.info(`anka CLI ${found.version ?? '(version unknown)'} at ${this.executable}; ` +
        `download size check: ${check}`);
      return found;
    });
    return this.probed;
  }

  async listVms(signal?: AbortSignal): Promise<LocalVm[]> {
    const operation = l10n.t({
      message: 'list the VMs on this Mac',
      comment: ['Completes "Could not …"'],
    });
    const envelope = await this.execute('list', operation, listArgs(), {
      signal,
      timeoutMs: SHORT_TIMEOUT_MS,
    });
    return parseLocalVms(envelope);
  }

  /** The registries the CLI itself is configured with (`registry --list` or `list-repos`). */
  configuredRegistries(signal?: AbortSignal): Promise<CliRegistryListing> {
    return readConfiguredRegistries((args, operation) =>
      this.execute('list', operation, [...args], { signal, timeoutMs: SHORT_TIMEOUT_MS }),
    );
  }

  /** Undefined when the CLI cannot tell (an older CLI, or an answer without a size). */
  async checkDownloadSize(
    request: PullRequest,
    signal?: AbortSignal,
  ): Promise<DownloadSize | undefined> {
    const { downloadSizeCheck } = await this.capabilities();
    if (!downloadSizeCheck) {
      return undefined;
    }
    const operation = checkSizeOperation(request);
    const envelope = await this.withKeyFile(request.registry.auth, (auth) => {
      const withAuth = { ...request, registry: { ...request.registry, auth } };
      const args = downloadSizeArgs(withAuth, downloadSizeCheck, operation);
      return this.execute('checkDownloadSize', operation, args, {
        signal,
        timeoutMs: SHORT_TIMEOUT_MS,
      });
    });
    return parseDownloadSize(envelope);
  }

  pull(request: PullRequest, options: TransferOptions = {}): Promise<CliEnvelope> {
    const operation = pullOperation(request);
    return this.withKeyFile(request.registry.auth, (auth) => {
      const args = pullArgs({ ...request, registry: { ...request.registry, auth } }, operation);
      return this.execute('pull', operation, args, options);
    });
  }

  push(request: PushRequest, options: TransferOptions = {}): Promise<CliEnvelope> {
    const target = request.targetName ?? request.remoteTemplate ?? request.vm;
    const to = request.registry.name;
    const operation = l10n.t({
      message: 'push {0} as {1} ({2}) to {3}',
      args: [request.vm, target, request.tag, to],
      comment: [
        'Completes "Could not …". ',
        '{0} is a VM, {1} a template, {2} a tag, {3} a registry',
      ],
    });
    return this.withKeyFile(request.registry.auth, (auth) => {
      const args = pushArgs({ ...request, registry: { ...request.registry, auth } }, operation);
      return this.execute('push', operation, args, options);
    });
  }

  clone(vm: string, newName: string, signal?: AbortSignal): Promise<CliEnvelope> {
    const operation = l10n.t({
      message: 'copy the VM {0} as {1}',
      args: [vm, newName],
      comment: ['Completes "Could not …". {0} and {1} are VM names'],
    });
    return this.execute('clone', operation, cloneArgs(vm, newName), { signal });
  }

  /** An API key given as PEM text reaches the CLI as a private temp file, never as an argument. */
  private async withKeyFile<T>(auth: CliAuth, action: (auth: CliAuth) => Promise<T>): Promise<T> {
    if (auth.kind !== 'apiKey' || !auth.apiKeyPem || auth.apiKeyFile) {
      return action(auth);
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), 'anka-key-'));
    const file = path.join(dir, 'api-key.pem');
    try {
      await writeFile(file, auth.apiKeyPem, { mode: 0o600 });
      return await action({ ...auth, apiKeyPem: undefined, apiKeyFile: file });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async execute(
    kind: CliOperationKind,
    operation: string,
    args: string[],
    options: TransferOptions & { timeoutMs?: number },
  ): Promise<CliEnvelope> {
    const started = Date.now();
    this.log.info(`Running: ${this.executable} ${redactArgs(args)}`);
    const tracker = new ProgressTracker();
    const logLine = progressLogger(this.log);
    const result = await this.run({
      executable: this.executable,
      args,
      operation,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      onStdoutLine: (line) => this.log.info(`anka stdout: ${line}`),
      onStderrLine: (line) => {
        const event = tracker.read(line);
        logLine(line, event);
        if (event) {
          options.onProgress?.(event);
        }
      },
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const how = result.ended
      ? `${result.ended.reason} (${result.ended.stopped ? 'process group ended' : 'still running'})`
      : `exit code ${result.exitCode ?? result.signal ?? 'unknown'}`;
    this.log.info(`anka ${kind} ended after ${seconds} s: ${how}`);
    try {
      return interpretRun(result, kind, operation);
    } catch (error) {
      this.log.error(error instanceof Error ? error.message : String(error));
      throw error;
    }
  }
}

/** Every stderr line reaches the log; progress lines at info only every ten percent. */
function progressLogger(log: CliLogger): (line: string, event: ProgressEvent | undefined) => void {
  let lastDecile = -1;
  let lastStage: string | undefined;
  return (line, event) => {
    const text = `anka stderr: ${cleanLine(line)}`;
    if (event?.kind !== 'progress') {
      log.info(text);
      return;
    }
    const decile = Math.floor(event.percent / 10);
    const newStage = event.stage !== undefined && event.stage !== lastStage;
    if (decile !== lastDecile || newStage) {
      lastDecile = decile;
      lastStage = event.stage ?? lastStage;
      log.info(text);
    } else {
      log.trace(text);
    }
  };
}

/** "pull 12.4 (vanilla) from CI", for errors. */
export function pullOperation(request: PullRequest): string {
  const template = request.templateName ?? request.template;
  if (request.tag === undefined) {
    return l10n.t({
      message: 'pull {0} (newest tag) from {1}',
      args: [template, request.registry.name],
      comment: ['Completes "Could not …". {0} is a template, {1} a registry'],
    });
  }
  return l10n.t({
    message: 'pull {0} ({1}) from {2}',
    args: [template, request.tag, request.registry.name],
    comment: ['Completes "Could not …". {0} is a template, {1} a tag, {2} a registry'],
  });
}

function checkSizeOperation(request: PullRequest): string {
  const template = request.templateName ?? request.template;
  if (request.tag === undefined) {
    return l10n.t({
      message: 'check the download size of {0} (newest tag) from {1}',
      args: [template, request.registry.name],
      comment: ['Completes "Could not …". {0} is a template, {1} a registry'],
    });
  }
  return l10n.t({
    message: 'check the download size of {0} ({1}) from {2}',
    args: [template, request.tag, request.registry.name],
    comment: ['Completes "Could not …". {0} is a template, {1} a tag, {2} a registry'],
  });
}
