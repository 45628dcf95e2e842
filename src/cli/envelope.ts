import * as l10n from '@vscode/l10n';
import type { CliProblem } from './errors';

/** The JSON result the CLI prints on stdout with `-j`. */
export interface CliEnvelope {
  status: string;
  code: number | undefined;
  message: string;
  body: unknown;
  exceptionType: string | undefined;
}

/** What the CLI was doing, since the same exit code means different things per command. */
export type CliOperationKind = 'pull' | 'push' | 'checkDownloadSize' | 'list' | 'clone' | 'probe';

/**
 * The CLI may print several JSON lines (pull does); the last one is the result. Lines that are
 * not a JSON object with a `status` are skipped.
 */
export function lastEnvelope(stdout: string): CliEnvelope | undefined {
  const lines = stdout.split(/\r?\n/);
  for (let index = lines.length - 1; index >= 0; index--) {
    const envelope = parseEnvelopeLine(lines[index] ?? '');
    if (envelope) {
      return envelope;
    }
  }
  return undefined;
}

export function parseEnvelopeLine(line: string): CliEnvelope | undefined {
  const text = line.trim();
  if (!text.startsWith('{')) {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return undefined;
  }
  const record = parsed as Record<string, unknown>;
  if (typeof record.status !== 'string') {
    return undefined;
  }
  return {
    status: record.status,
    code: Number.isInteger(record.code) ? (record.code as number) : undefined,
    message: typeof record.message === 'string' ? record.message : '',
    body: record.body,
    exceptionType: typeof record.exception_type === 'string' ? record.exception_type : undefined,
  };
}

export function isOk(envelope: CliEnvelope): boolean {
  return envelope.status.toUpperCase() === 'OK';
}

/** The documented exit codes, in words; undefined for codes without a known meaning. */
export function exitCodeMeaning(code: number, operation: CliOperationKind): string | undefined {
  switch (code) {
    case 3:
      return operation === 'pull' || operation === 'checkDownloadSize'
        ? l10n.t('no such template or tag on the registry')
        : l10n.t('no such VM on this Mac');
    case 18:
      return l10n.t('that name is already taken');
    case 30:
      return l10n.t('no registry configured for the anka CLI');
    default:
      return undefined;
  }
}

const CONNECTION_WORDS = [
  'connection (was )?(reset|refused|closed|aborted|lost|dropped|interrupted)',
  'broken pipe',
  'ECONNRESET|ECONNREFUSED|EPIPE',
  'network is unreachable',
  'unexpected EOF',
  'timed out',
];

const PROBLEMS: Array<[CliProblem, RegExp]> = [
  ['diskFull', /no space left|disk (is )?full|not enough (free )?(disk )?space|ENOSPC/i],
  ['httpErrorPage', /<!doctype html|<html[\s>]|<\?xml|<title>/i],
  ['uuidMismatch', /uuid\b.*\b(doesn'?t|does not|did not) match/i],
  ['tagExists', /tag\b.*\balready exists|already exists\b.*\btag/i],
  ['noRegistry', /no registry (is )?configured/i],
  ['authentication', /authentication required|unauthori[sz]ed|\b401\b|\b403\b|forbidden/i],
  ['connection', new RegExp(CONNECTION_WORDS.join('|'), 'i')],
];

/** Recognises a failure a person can act on from the CLI's words and exit code. */
export function classifyProblem(
  text: string,
  exitCode: number | undefined,
  operation: CliOperationKind,
): CliProblem | undefined {
  if (exitCode === 30) {
    return 'noRegistry';
  }
  const found = PROBLEMS.find(([, pattern]) => pattern.test(text));
  if (found) {
    return found[0];
  }
  if (exitCode === 3 && (operation === 'pull' || operation === 'checkDownloadSize')) {
    return 'notFound';
  }
  return undefined;
}

export function describeProblem(problem: CliProblem): string {
  switch (problem) {
    case 'diskFull':
      return l10n.t('the disk is full');
    case 'connection':
      return l10n.t('the connection to the registry dropped');
    case 'httpErrorPage':
      return l10n.t('the registry (or a proxy in front of it) answered with an HTTP error page');
    case 'authentication':
      return l10n.t('the registry refused the credentials');
    case 'uuidMismatch':
      return l10n.t('the registry has a template of that name with another id');
    case 'tagExists':
      return l10n.t('that tag already exists on the template');
    case 'noRegistry':
      return l10n.t('no registry configured for the anka CLI');
    case 'notFound':
      return l10n.t('no such template or tag on the registry');
    case 'killed':
      return l10n.t('the anka CLI was stopped by a signal');
  }
}

/**
 * The CLI's message made readable: an HTML or XML page is reduced to its title (or its first
 * text), long texts are cut.
 */
export function readableMessage(text: string, limit = 300): string {
  let result = text.trim();
  if (/<[a-z!?][^>]*>/i.test(result)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(result)?.[1];
    const h1 = /<h1[^>]*>([^<]*)<\/h1>/i.exec(result)?.[1];
    const stripped = result.replace(/<[^>]*>/g, ' ');
    result = (title ?? h1 ?? stripped).replace(/\s+/g, ' ').trim();
  }
  result = result.replace(/\s+/g, ' ');
  return result.length > limit ? `${result.slice(0, limit - 1)}…` : result;
}
