import type { Template } from '../registry/models';

/** Dates of a template as Unix seconds; the template's own field, else its newest version's. */

const DAY_SECONDS = 86_400;

function newest(values: ReadonlyArray<number | undefined>): number | undefined {
  let found: number | undefined;
  for (const value of values) {
    if (value !== undefined && (found === undefined || value > found)) {
      found = value;
    }
  }
  return found;
}

export function lastPushOf(template: Template): number | undefined {
  return template.lastPush ?? newest(template.versions.map((version) => version.lastPush));
}

export function lastPullOf(template: Template): number | undefined {
  return template.lastPull ?? newest(template.versions.map((version) => version.lastPull));
}

/**
 * When the template was last used: its last pull, or its last push when that is newer, so that a
 * template pushed yesterday and not pulled yet never counts as stale.
 */
export function lastUseOf(template: Template): number | undefined {
  return newest([lastPullOf(template), lastPushOf(template)]);
}

/** Whether the template was last used at least `days` days before `nowMillis`. */
export function unusedFor(
  template: Template,
  days: number,
  nowMillis: number,
): boolean | undefined {
  const used = lastUseOf(template);
  if (used === undefined) {
    return undefined;
  }
  return nowMillis / 1000 - used >= days * DAY_SECONDS;
}
