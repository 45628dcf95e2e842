import * as l10n from '@vscode/l10n';
import type { DownloadSizeCheck } from './args';
import { isOk, lastEnvelope } from './envelope';
import { runCli, type RunOptions, type RunResult } from './run';

/** What the installed CLI can do; read from its own answers rather than assumed. */
export interface CliCapabilities {
  /** Like "3.5.3", when the CLI says. */
  version: string | undefined;
  /** How to ask for a pull's download size, when the CLI can. */
  downloadSizeCheck: DownloadSizeCheck | undefined;
}

export type CliRunner = (options: RunOptions) => Promise<RunResult>;

const PROBE_TIMEOUT_MS = 15_000;

export async function probeCapabilities(
  executable: string,
  run: CliRunner = runCli,
): Promise<CliCapabilities> {
  const ask = async (args: string[]): Promise<RunResult | undefined> => {
    try {
      return await run({
        executable,
        args,
        operation: l10n.t({
          message: 'ask the anka CLI what it supports',
          comment: ['Completes "Could not …"'],
        }),
        timeoutMs: PROBE_TIMEOUT_MS,
      });
    } catch {
      return undefined;
    }
  };
  const version = (await versionFromJson(ask)) ?? versionFromText(await ask(['--version']));
  const pullHelp = textOf(await ask(['pull', '--help']));
  if (/usage:\s*(anka\s+)?pull\b/i.test(pullHelp) && pullHelp.includes('--check-download-size')) {
    return { version, downloadSizeCheck: 'pull' };
  }
  const registryHelp = textOf(await ask(['registry', '--help']));
  const registryCheck = /^\s*check-download-size\b/m.test(registryHelp);
  return { version, downloadSizeCheck: registryCheck ? 'registry' : undefined };
}

async function versionFromJson(
  ask: (args: string[]) => Promise<RunResult | undefined>,
): Promise<string | undefined> {
  const result = await ask(['-j', 'version']);
  const envelope = result ? lastEnvelope(result.stdout) : undefined;
  if (!envelope || !isOk(envelope) || typeof envelope.body !== 'object' || !envelope.body) {
    return undefined;
  }
  const version = (envelope.body as Record<string, unknown>).version;
  return typeof version === 'string' && version !== '' ? version : undefined;
}

function versionFromText(result: RunResult | undefined): string | undefined {
  return /\b(\d+\.\d+(?:\.\d+)*)\b/.exec(textOf(result))?.[1];
}

function textOf(result: RunResult | undefined): string {
  return result ? `${result.stdout}\n${result.stderrTail}` : '';
}
