import * as l10n from '@vscode/l10n';
import type { JsonObject } from './models';

/** Checks that a registry's body has the shape a parser needs, and says so when it has not. */

/** Thrown by the parsers when a required part is missing; the client makes it a RegistryError. */
export class ShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShapeError';
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The message for a body of the wrong shape, given what was found ("a list"). */
export type Expected = (got: string) => string;

export function requireObject(value: unknown, expected: Expected): JsonObject {
  if (!isObject(value)) {
    throw new ShapeError(expected(describeJsonType(value)));
  }
  return value;
}

/** A list; nothing at all counts as an empty one. */
export function requireList(value: unknown, expected: Expected): unknown[] {
  if (value === null || value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw new ShapeError(expected(describeJsonType(value)));
  }
  return value;
}

export function describeJsonType(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return l10n.t('a list');
  }
  switch (typeof value) {
    case 'object':
      return l10n.t('an object');
    case 'string':
      return l10n.t('a string');
    case 'number':
      return l10n.t('a number');
    case 'boolean':
      return l10n.t('a boolean');
    default:
      return l10n.t('nothing');
  }
}

/** What each parser expected, in words. */
export const expected = {
  templateList: (got: string): string => l10n.t({
    message: 'expected the template list as a JSON list, got {0}',
    args: [got],
    comment: ['{0} is what came instead, such as "an object"'],
  }),
  template: (got: string): string => l10n.t({
    message: 'expected the template as a JSON object, got {0}',
    args: [got],
    comment: ['{0} is what came instead, such as "a list"'],
  }),
  vmConfig: (got: string): string => l10n.t({
    message: 'expected the VM config as a JSON object, got {0}',
    args: [got],
    comment: ['{0} is what came instead, such as "a list"'],
  }),
  diskUsage: (got: string): string => l10n.t({
    message: 'expected the disk usage as a JSON object, got {0}',
    args: [got],
    comment: ['{0} is what came instead, such as "a list"'],
  }),
  apiKeys: (got: string): string => l10n.t({
    message: 'expected the API keys as a JSON list, got {0}',
    args: [got],
    comment: ['{0} is what came instead, such as "a string"'],
  }),
} satisfies Record<string, Expected>;
