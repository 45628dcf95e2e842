import { spawn } from 'node:child_process';
import * as l10n from '@vscode/l10n';
import { CliError } from './errors';
import { endGroup } from './processGroup';
import { LineSplitter } from './progress';

export interface RunOptions {
  executable: string;
  args: readonly string[];
  /** Words for errors: "pull 12.4 (vanilla) from CI". */
  operation: string;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  onStdoutLine?: (line: string) => void;
  onStderrLine?: (line: string) => void;
  /** Ends the run like a cancel after this long (probes). */
  timeoutMs?: number;
  /** Time between SIGTERM and SIGKILL on cancel. */
  killGraceMs?: number;
  /** A cancel gives up waiting for the process group after this long. */
  killLimitMs?: number;
}

export interface RunResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** The last part of stderr, for error messages. */
  stderrTail: string;
  /** Set when the run was cancelled or timed out; `stopped` says whether the group is gone. */
  ended?: { reason: 'cancelled' | 'timeout'; stopped: boolean };
}

const STDOUT_LIMIT = 1024 * 1024;
const STDERR_TAIL = 16 * 1024;
/** How long to wait for stdout to close once the process has exited. */
const CLOSE_WAIT_MS = 500;

/**
 * Runs the CLI in its own process group and collects its output. A cancel (the signal) or the
 * timeout ends the whole group, SIGTERM first and SIGKILL after the grace time, and the promise
 * resolves only once the group is gone or the limit has passed. Rejects with a CliError when the
 * executable cannot be started.
 */
export function runCli(options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(options.executable, [...options.args], {
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: options.env ?? process.env,
      windowsHide: true,
    });
    let stdout = '';
    let stderrTail = '';
    const stdoutLines = new LineSplitter();
    const stderrLines = new LineSplitter();
    let ended: RunResult['ended'];
    let ending: Promise<void> | undefined;

    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout = (stdout + chunk).slice(-STDOUT_LIMIT);
      stdoutLines.push(chunk).forEach((line) => options.onStdoutLine?.(line));
    });
    child.stderr.on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL);
      stderrLines.push(chunk).forEach((line) => options.onStderrLine?.(line));
    });

    let settled = false;
    const settle = (exitCode: number | null, signal: NodeJS.Signals | null): void => {
      if (settled) {
        return;
      }
      settled = true;
      cleanup();
      stdoutLines.flush().forEach((line) => options.onStdoutLine?.(line));
      stderrLines.flush().forEach((line) => options.onStderrLine?.(line));
      resolve({ exitCode, signal, stdout, stderrTail, ended });
    };

    const end = (reason: 'cancelled' | 'timeout'): void => {
      const exited = child.exitCode !== null || child.signalCode !== null;
      if (ending || child.pid === undefined || exited) {
        return;
      }
      ending = stopChild(child.pid, options).then((stopped) => {
        ended = { reason, stopped };
        if (!stopped) {
          // A process that survives SIGKILL may never exit; the caller must not wait forever.
          settle(child.exitCode, child.signalCode);
        }
      });
    };
    const onAbort = (): void => end('cancelled');
    if (options.signal?.aborted) {
      queueMicrotask(onAbort);
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const { timeoutMs } = options;
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => end('timeout'), timeoutMs);

    child.once('error', (error: NodeJS.ErrnoException) => {
      if (!settled) {
        settled = true;
        cleanup();
        reject(spawnError(options, error));
      }
    });
    child.once('exit', (exitCode, signal) => {
      void waitForClose(child).then(async () => {
        await ending;
        settle(exitCode, signal);
      });
    });

    function cleanup(): void {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
  });
}

async function stopChild(pid: number, options: RunOptions): Promise<boolean> {
  const grace = options.killGraceMs ?? 1000;
  const limit = options.killLimitMs ?? 1900;
  if (process.platform === 'win32') {
    process.kill(pid);
    return true;
  }
  return endGroup(pid, grace, limit);
}

function waitForClose(child: ReturnType<typeof spawn>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      // A grandchild that keeps the pipes open must not hold the result back.
      child.stdout?.destroy();
      child.stderr?.destroy();
      resolve();
    }, CLOSE_WAIT_MS);
    child.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function spawnError(options: RunOptions, error: NodeJS.ErrnoException): CliError {
  if (error.code === 'ENOENT') {
    return new CliError({
      kind: 'notFound',
      operation: options.operation,
      reason: l10n.t('the anka CLI was not found at {0}', options.executable),
      cause: error,
    });
  }
  const reason =
    error.code === 'EACCES'
      ? l10n.t('{0} is not executable', options.executable)
      : l10n.t({
        message: 'the anka CLI at {0} could not be started ({1})',
        args: [options.executable, error.message],
        comment: ['{0} is a file, {1} an error message of Node.js in English'],
      });
  return new CliError({ kind: 'spawn', operation: options.operation, reason, cause: error });
}
