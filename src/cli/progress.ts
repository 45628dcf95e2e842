import * as l10n from '@vscode/l10n';

/**
 * Turns the CLI's progress text on stderr into increments for a progress bar. The CLI prints
 * cumulative percentages ("downloading: 45%"); the bar must never go backwards nor past 100, so
 * a percentage below the best one seen moves nothing, and a restart is reported as a message.
 */

export type ProgressEvent =
  | {
      kind: 'progress';
      /** What to add to the bar, 0 when the line did not move it. */
      increment: number;
      /** The percentage the line printed. */
      percent: number;
      /** Where the bar stands now: the highest percentage seen so far. */
      total: number;
      stage: string | undefined;
      /** A short note after the percentage, like "(9.1 GiB of 20.2 GiB)". */
      detail: string | undefined;
      /** True after a restart until the percentage is back where the bar stands. */
      catchingUp: boolean;
    }
  | { kind: 'restart'; percent: number | undefined; stage: string | undefined; text: string };

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;
const PERCENT = /(\d{1,3}(?:\.\d+)?)\s?%/;
const RESTART_WORDS = /\b(restart(ing|ed)?|retry(ing)?|resum(e|ing|ed)|start(ing)? over)\b/i;
/** Lines longer than this are not progress, whatever they contain. */
const MAX_LINE = 400;

/** Splits a stream's text into lines on \n, \r\n and bare \r (progress bars redraw with \r). */
export class LineSplitter {
  private rest = '';

  push(chunk: string): string[] {
    const text = this.rest + chunk;
    const parts = text.split(/\r\n|\r|\n/);
    this.rest = parts.pop() ?? '';
    return parts;
  }

  /** The unterminated last line, once the stream has ended. */
  flush(): string[] {
    const last = this.rest;
    this.rest = '';
    return last === '' ? [] : [last];
  }
}

export function cleanLine(line: string): string {
  return line.replace(ANSI, '').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
}

export class ProgressTracker {
  private best = 0;
  private lastPercent: number | undefined;
  private lastStage: string | undefined;
  private restarted = false;

  /** The bar's position, 0-100. */
  get total(): number {
    return this.best;
  }

  /** Reads one stderr line; undefined for lines that say nothing about progress. */
  read(rawLine: string): ProgressEvent | undefined {
    const line = cleanLine(rawLine);
    if (line === '' || line.length > MAX_LINE) {
      return undefined;
    }
    const match = PERCENT.exec(line);
    const percent = match ? Number(match[1]) : undefined;
    const validPercent = percent !== undefined && Number.isFinite(percent) && percent <= 100;
    const stage = match ? stageOf(line, match.index) : undefined;
    const detail = match ? detailOf(line.slice(match.index + match[0].length)) : undefined;

    if (RESTART_WORDS.test(line)) {
      this.lastPercent = validPercent ? percent : undefined;
      this.lastStage = stage;
      this.restarted = true;
      return { kind: 'restart', percent: validPercent ? percent : undefined, stage, text: line };
    }
    if (!validPercent) {
      return undefined;
    }
    const wentBack =
      this.lastPercent !== undefined && percent < this.lastPercent && stage === this.lastStage;
    this.lastPercent = percent;
    this.lastStage = stage;
    if (wentBack) {
      this.restarted = true;
      return { kind: 'restart', percent, stage, text: line };
    }
    const increment = percent > this.best ? percent - this.best : 0;
    this.best = Math.max(this.best, percent);
    this.restarted &&= percent < this.best;
    const catchingUp = this.restarted;
    return { kind: 'progress', increment, percent, total: this.best, stage, detail, catchingUp };
  }
}

/** The words before the percentage, without progress-bar drawings and trailing punctuation. */
function stageOf(line: string, percentAt: number): string | undefined {
  const before = line
    .slice(0, percentAt)
    .replace(/\[[=#>\-.*\s]*\]/g, ' ')
    .replace(/[=#>\-.*|:\s[\]()]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/[A-Za-z]/.test(before)) {
    return undefined;
  }
  return before.length > 60 ? `${before.slice(0, 59)}…` : before;
}

/** A short parenthesised note after the percentage, such as the bytes done of the total. */
function detailOf(after: string): string | undefined {
  const text = after.trim();
  return /^\([^()]{1,40}\)$/.test(text) ? text : undefined;
}

/** The text a progress notification shows for an event. */
export function progressMessage(event: ProgressEvent): string {
  const percent = event.percent === undefined ? '' : `${Math.floor(event.percent)}%`;
  if (event.kind === 'restart' && event.stage === undefined && percent === '') {
    const text = event.text.length > 80 ? `${event.text.slice(0, 79)}…` : event.text;
    return l10n.t({
      message: 'restarted: {0}',
      args: [text],
      comment: ['{0} is what the anka CLI printed about the restart'],
    });
  }
  const restarted = event.kind === 'restart' || event.catchingUp
    ? l10n.t({ message: 'restarted', comment: ['A download or upload started over'] })
    : undefined;
  const detail = event.kind === 'progress' ? event.detail : undefined;
  const message = [restarted, event.stage, percent].filter(Boolean).join(' · ');
  return detail ? `${message} ${detail}` : message;
}
