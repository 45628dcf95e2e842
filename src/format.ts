/** Human-readable figures for sizes and dates; no VS Code dependency so it is unit-testable. */

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Bytes in binary units with one decimal: "19.6 GiB"; "unknown size" when missing. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) {
    return 'unknown size';
  }
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // Rounding may carry into the next unit (1023.96 KiB shows as 1.0 MiB, not 1024.0 KiB).
  if (Number(value.toFixed(1)) >= 1024 && unit < UNITS.length - 1) {
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

// Building a formatter costs about as much as a thousand uses of one: a big tree asks thousands.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

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
  locale = 'en',
): string {
  const deltaSeconds = unixSeconds - nowMillis / 1000;
  const format = relativeFormat(locale);
  const absolute = Math.abs(deltaSeconds);
  for (const [unit, seconds] of STEPS) {
    if (absolute >= seconds) {
      // Whole units only: 21 months ago is "last year", never "2 years ago".
      return format.format(Math.sign(deltaSeconds) * Math.floor(absolute / seconds), unit);
    }
  }
  return format.format(0, 'second');
}

/** A local date and time, for tooltips: "2025-03-07 14:35". */
export function formatDateTime(unixSeconds: number): string {
  const date = new Date(unixSeconds * 1000);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
