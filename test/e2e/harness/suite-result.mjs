// Finds the counts a suite prints as `EXTENSION-HOST-RESULT {"passed":N,"failed":M}`.
export const RESULT_MARKER = 'EXTENSION-HOST-RESULT';

/** The last result line's counts in `lines`, or null when there is none. */
export function parseSuiteResult(lines) {
  let found = null;
  for (const line of lines) {
    const at = line.indexOf(RESULT_MARKER);
    if (at === -1) continue;
    const counts = parseCounts(line.slice(at + RESULT_MARKER.length));
    if (counts) found = counts;
  }
  return found;
}

function parseCounts(rest) {
  const json = rest.match(/\{[^{}]*\}/)?.[0];
  if (!json) return null;
  try {
    const { passed, failed } = JSON.parse(json);
    if (Number.isInteger(passed) && Number.isInteger(failed)) return { passed, failed };
  } catch {
    // Not our line after all, e.g. a message that quotes the marker.
  }
  return null;
}
