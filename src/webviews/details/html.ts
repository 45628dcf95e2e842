/**
 * HTML built so that server strings cannot become markup: every value put into an `html`
 * template is escaped unless it is itself the result of `html`.
 */

export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for use in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (char) => ESCAPES[char] ?? char);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) {
    return value.value;
  }
  if (Array.isArray(value)) {
    return value.map(render).join('');
  }
  if (value === null || value === undefined || value === false) {
    return '';
  }
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Joins fragments, escaping plain strings among them. */
export function join(parts: readonly HtmlValue[], separator: HtmlValue = ''): SafeHtml {
  return new SafeHtml(parts.map(render).join(render(separator)));
}

/** A class attribute value from optional names, already escaped. */
export function classes(...names: Array<string | false | undefined>): string {
  return names.filter((name): name is string => Boolean(name)).join(' ');
}

/**
 * A translated message whose placeholders take markup: `fill(l10n.t('{0} hold {1}'), a, b)`.
 * The message is escaped; `{0}`, `{1}`… become the values, which are escaped unless SafeHtml.
 * The message comes from `l10n.t` called without arguments, so its placeholders are intact.
 */
export function fill(message: string, ...values: HtmlValue[]): SafeHtml {
  const parts = message.split(/\{(\d+)\}/);
  return new SafeHtml(parts.map((part, index) => {
    if (index % 2 === 0) {
      return escapeHtml(part);
    }
    const value = values[Number(part)];
    return value === undefined ? escapeHtml(`{${part}}`) : render(value);
  }).join(''));
}
