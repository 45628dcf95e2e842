import * as yaml from 'js-yaml';
import type { JsonObject } from '../registry/models';

/** The VM config as YAML, with secrets such as the VNC password masked unless revealed. */

export const SECRET_MASK = '********';

const SECRET_KEY = /pass(word|wd)?$|secret|token/i;

export interface YamlOptions {
  /** Shows secrets as the registry sent them instead of the mask. */
  revealSecrets?: boolean;
  /** Lines written as YAML comments above the config. */
  header?: readonly string[];
}

/** True when a config key holds a secret that is masked by default. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** A deep copy with every non-empty secret value replaced by the mask. */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(maskSecrets);
  }
  if (typeof value === 'object' && value !== null) {
    const copy: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = isSecretKey(key) && isFilled(item) ? SECRET_MASK : maskSecrets(item);
    }
    return copy;
  }
  return value;
}

function isFilled(value: unknown): boolean {
  return (typeof value === 'string' && value !== '') || typeof value === 'number';
}

/** Whether the config holds any secret the mask would hide. */
export function hasSecrets(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.some(hasSecrets);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).some(
      ([key, item]) => (isSecretKey(key) && isFilled(item)) || hasSecrets(item),
    );
  }
  return false;
}

export function renderConfigYaml(config: JsonObject, options: YamlOptions = {}): string {
  const shown = options.revealSecrets ? config : maskSecrets(config);
  const body = yaml.dump(shown, {
    indent: 2,
    lineWidth: -1,
    noRefs: true,
    sortKeys: false,
    skipInvalid: true,
  });
  return `${yamlComment(options.header ?? [])}${body}`;
}

/** Lines as YAML comments, each ending in a line break; server text cannot leave its line. */
export function yamlComment(lines: readonly string[]): string {
  return lines.map((line) => `${`# ${oneLine(line)}`.trimEnd()}\n`).join('');
}

/** Keeps a server string on one comment line: control characters and line breaks become spaces. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}
