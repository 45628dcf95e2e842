import * as l10n from '@vscode/l10n';
import { rememberTexts } from './rememberTexts';

/** Human-readable figures for sizes and dates; no VS Code dependency so it is unit-testable. */

/** VS Code's display language as asked for, and as resolved on first use (English until then). */
let requestedLanguage = 'en';
let displayLanguage: string | undefined;

/** Called once at activation with `vscode.env.language`. */
export function setDisplayLanguage(language: string): void {
  requestedLanguage = language;
  displayLanguage = undefined;
}

// Asking ICU which locales it has costs milliseconds: done on the first figure, not at activation.
function language(): string {
  displayLanguage ??=
    Intl.NumberFormat.supportedLocalesOf([requestedLanguage]).length > 0 ? requestedLanguage : 'en';
  return displayLanguage;
}

// Building a formatter costs about as much as a thousand uses of one: a big tree asks thousands.
const countFormats = new Map<string, Intl.NumberFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** A count with the display language's digit grouping: "10,000" in English. */
export function formatCount(value: number): string {
  const locale = language();
  let format = countFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    countFormats.set(locale, format);
  }
  return format.format(value);
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Bytes in binary units with one decimal: "19.6 GiB"; "unknown size" when missing. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) {
    return l10n.t('unknown size');
  }
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  let value = bytes;
  let unit = 0;
  // Below 1023.95 one decimal never rounds up to 1024.0: 1023.96 KiB shows as 1.0 MiB.
  while (value >= 1023.95 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${UNITS[unit]}`;
}

const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, format);
  }
  return format;
}

/** "3 days ago", "last month", "now"; from Unix seconds. */
export function formatRelativeTime(
  unixSeconds: number,
  nowMillis: number = Date.now(),
  locale = language(),
): string {
  const deltaSeconds = unixSeconds - nowMillis / 1000;
  const absolute = Math.abs(deltaSeconds);
  for (const [unit, seconds] of STEPS) {
    if (absolute >= seconds) {
      // Whole units only: 21 months ago is "last year", never "2 years ago".
      const value = Math.sign(deltaSeconds) * Math.floor(absolute / seconds);
      return relativePhrase(`${locale} ${value} ${unit}`);
    }
  }
  return relativePhrase(`${locale} 0 second`);
}

/** "3 days ago" from its key "en -3 day": a tree of 10,000 rows has a few hundred of them. */
const relativePhrase = rememberTexts((key: string) => {
  const [locale = 'en', value = '0', unit = 'second'] = key.split(' ');
  return relativeFormat(locale).format(Number(value), unit as Intl.RelativeTimeFormatUnit);
});

/** A local date and time, for tooltips: "2025-03-07 14:35". */
export function formatDateTime(unixSeconds: number): string {
  const date = new Date(unixSeconds * 1000);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** English only ("3 tags"): text people read builds each count's message with l10n.t. */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
