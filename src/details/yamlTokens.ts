/**
 * Splits YAML (block style, as js-yaml writes it) into tokens for highlighting. The tokens of a
 * line always add up to the line, so nothing is lost or added when they are rendered.
 */

export type YamlTokenKind =
  | 'key'
  | 'string'
  | 'number'
  | 'boolean'
  | 'null'
  | 'comment'
  | 'punctuation'
  | 'text';

export interface YamlToken {
  kind: YamlTokenKind;
  text: string;
}

const QUOTED_KEY = `'(?:[^']|'')*'|"(?:[^"\\\\]|\\\\.)*"`;
const PLAIN_KEY = `[^\\s'"#-][^:#]*?|-[^\\s:#][^:#]*?`;
const KEY_LINE = new RegExp(`^(\\s*)((?:-\\s+)*)(${QUOTED_KEY}|${PLAIN_KEY})(:)(\\s+|$)(.*)$`);
const ITEM_LINE = /^(\s*)((?:-\s+)*-)(\s+|$)(.*)$/;
const BLOCK_SCALAR = /^[|>][-+]?\d*$/;

export function tokenizeYaml(text: string): YamlToken[][] {
  const lines = text.split('\n');
  const result: YamlToken[][] = [];
  let blockIndent: number | undefined;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (blockIndent !== undefined && (line.trim() === '' || indent > blockIndent)) {
      result.push(line === '' ? [] : [{ kind: 'string', text: line }]);
      continue;
    }
    blockIndent = undefined;
    const tokens = tokenizeLine(line);
    const last = tokens[tokens.length - 1];
    if (last && last.kind === 'punctuation' && BLOCK_SCALAR.test(last.text)) {
      blockIndent = indent;
    }
    result.push(tokens);
  }
  return result;
}

function tokenizeLine(line: string): YamlToken[] {
  if (line.trim() === '') {
    return line === '' ? [] : [{ kind: 'text', text: line }];
  }
  if (line.trimStart().startsWith('#')) {
    return [{ kind: 'comment', text: line }];
  }
  const keyed = KEY_LINE.exec(line);
  if (keyed) {
    const [, indent = '', dashes = '', key = '', colon = '', gap = '', value = ''] = keyed;
    return compact([
      { kind: 'text', text: indent },
      ...dashTokens(dashes),
      { kind: 'key', text: key },
      { kind: 'punctuation', text: colon },
      { kind: 'text', text: gap },
      ...valueTokens(value),
    ]);
  }
  const item = ITEM_LINE.exec(line);
  if (item) {
    const [, indent = '', dashes = '', gap = '', value = ''] = item;
    return compact([
      { kind: 'text', text: indent },
      ...dashTokens(dashes),
      { kind: 'text', text: gap },
      ...valueTokens(value),
    ]);
  }
  return [{ kind: 'text', text: line }];
}

/** "- - " as dashes and the spaces between them. */
function dashTokens(dashes: string): YamlToken[] {
  return dashes
    .split(/(\s+)/)
    .map((part): YamlToken => ({ kind: /^\s/.test(part) ? 'text' : 'punctuation', text: part }));
}

function valueTokens(value: string): YamlToken[] {
  if (value === '') {
    return [];
  }
  const comment = value.match(/\s+#.*$/);
  const scalar = comment ? value.slice(0, comment.index) : value;
  const tokens: YamlToken[] = [{ kind: scalarKind(scalar), text: scalar }];
  if (comment) {
    tokens.push({ kind: 'comment', text: comment[0] });
  }
  return tokens;
}

function scalarKind(scalar: string): YamlTokenKind {
  if (/^['"]/.test(scalar)) {
    return 'string';
  }
  if (scalar === '[]' || scalar === '{}' || BLOCK_SCALAR.test(scalar)) {
    return 'punctuation';
  }
  if (/^(true|false|True|False|TRUE|FALSE)$/.test(scalar)) {
    return 'boolean';
  }
  if (/^(null|Null|NULL|~)$/.test(scalar)) {
    return 'null';
  }
  if (/^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.inf|\.nan|0x[0-9a-fA-F]+|0o[0-7]+)$/.test(scalar)) {
    return 'number';
  }
  return 'string';
}

function compact(tokens: YamlToken[]): YamlToken[] {
  return tokens.filter((token) => token.text !== '');
}
