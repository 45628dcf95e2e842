// The README's settings and commands tables, made from package.json: titles and descriptions
// come through package.nls.json (`%key%`), "where" from the menus, and what each command does
// from docs/commands.json. Pure functions over the parsed files, so that a test can feed its own.

/** Resolves `%key%` through the English strings; an unknown key is an error, not a blank. */
export function localizer(nls) {
  return (text) => {
    if (typeof text !== 'string') return '';
    const key = /^%([^%]+)%$/.exec(text)?.[1];
    if (key === undefined) return text;
    if (typeof nls[key] !== 'string') throw new Error(`package.nls.json has no "${key}"`);
    return nls[key];
  };
}

/** Text for one Markdown table cell: one line, pipes escaped, setting links as code. */
export function cell(text) {
  return String(text)
    .replace(/`#([\w.]+)#`/g, '`$1`')
    .replace(/#([\w]+\.[\w.]+)#/g, '`$1`')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

function table(head, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function value(json) {
  return `\`${JSON.stringify(json)}\``;
}

/** "By name." reads "by name" after a colon; "URL" and "HTTP" stay as they are. */
function lowerFirst(text) {
  return /^[A-Z][a-z]/.test(text) ? `${text[0].toLowerCase()}${text.slice(1)}` : text;
}

/** One row per setting: name, default and what it means, with its choices when it has some. */
export function settingsTable(manifest, nls) {
  const t = localizer(nls);
  const properties = manifest.contributes?.configuration?.properties ?? {};
  const rows = Object.entries(properties).map(([name, schema]) => {
    let meaning = t(schema.markdownDescription ?? schema.description);
    if (Array.isArray(schema.enum)) {
      const said = schema.markdownEnumDescriptions ?? schema.enumDescriptions ?? [];
      const choices = schema.enum.map((choice, index) => {
        const text = lowerFirst(t(said[index])).replace(/\.$/, '');
        return text ? `\`${choice}\`: ${text}` : `\`${choice}\``;
      });
      meaning += ` Choices: ${choices.join('; ')}.`;
    }
    return [`\`${name}\``, value(schema.default), cell(meaning)];
  });
  return table(['Setting', 'Default', 'Meaning'], rows);
}

/** The fields of one `ankaRegistry.registries` entry. */
export function registryFieldsTable(manifest, nls) {
  const t = localizer(nls);
  const item = manifest.contributes?.configuration?.properties?.['ankaRegistry.registries']?.items;
  const required = new Set(item?.required ?? []);
  const rows = Object.entries(item?.properties ?? {}).map(([name, schema]) => {
    const fallback = schema.default === undefined ? '—' : value(schema.default);
    const need = required.has(name) ? 'required' : fallback;
    return [`\`${name}\``, need, cell(t(schema.markdownDescription ?? schema.description))];
  });
  return table(['Field', 'Default', 'Meaning'], rows);
}

const KIND_NAMES = { registry: 'registry', template: 'template', tag: 'tag', error: 'error',
  more: '"Show all"' };
const QUALIFIERS = { filtered: 'filtered', unauthorized: 'sign-in' };
const EXCEPTIONS = { oldest: 'not the oldest', 'newest oldest': 'not a lone tag' };

/** The rows a `viewItem =~ /.../` clause matches, in words: "tag (not the oldest)". */
export function rowKinds(when) {
  const pattern = /viewItem =~ \/(.+)\/[a-z]*/.exec(when ?? '')?.[1];
  if (!pattern) return [];
  const kinds = /^\^\(?([a-z|]+)\)?/.exec(pattern)?.[1]?.split('|') ?? [];
  const qualifier = Object.keys(QUALIFIERS).find((word) => pattern.includes(`.*\\b${word}\\b`));
  const exception = /\(\?!\.\*\\b([a-z ]+)\\b\)/.exec(pattern)?.[1];
  const note = exception && EXCEPTIONS[exception] ? ` (${EXCEPTIONS[exception]})` : '';
  return kinds.map((kind) =>
    `${qualifier ? `${QUALIFIERS[qualifier]} ` : ''}${KIND_NAMES[kind] ?? kind}${note}`);
}

function commandLinks(text) {
  return [...String(text).matchAll(/\(command:([\w.]+)/g)].map((match) => match[1]);
}

/** Where a command shows: view title, welcome view, walkthrough, row buttons, menus, palette. */
export function placesOf(manifest, nls, command) {
  const t = localizer(nls);
  const menus = manifest.contributes?.menus ?? {};
  const entries = (menu) => (menus[menu] ?? []).filter((entry) => entry.command === command);
  const places = [];
  const title = entries('view/title');
  const inTitle = (entry) => (entry.group ?? '').startsWith('navigation');
  if (title.some(inTitle)) places.push('view title');
  if (title.some((entry) => !inTitle(entry))) places.push('view title menu');
  const welcome = manifest.contributes?.viewsWelcome ?? [];
  if (welcome.some((entry) => commandLinks(t(entry.contents)).includes(command))) {
    places.push('welcome view');
  }
  const steps = (manifest.contributes?.walkthroughs ?? []).flatMap((walk) => walk.steps ?? []);
  if (steps.some((step) => commandLinks(t(step.description)).includes(command))) {
    places.push('walkthrough');
  }
  const items = entries('view/item/context');
  const kinds = (inline) => [...new Set(items
    .filter((entry) => (entry.group ?? '').startsWith('inline') === inline)
    .flatMap((entry) => rowKinds(entry.when)))];
  if (kinds(true).length > 0) places.push(`row button: ${kinds(true).join(', ')}`);
  if (kinds(false).length > 0) places.push(`context menu: ${kinds(false).join(', ')}`);
  if (!entries('commandPalette').some((entry) => entry.when === 'false')) places.push('palette');
  return places;
}

/** One row per command: its title, where it shows, what it does. */
export function commandsTable(manifest, nls, descriptions) {
  const t = localizer(nls);
  const rows = (manifest.contributes?.commands ?? []).map((entry) => {
    const does = descriptions[entry.command];
    if (typeof does !== 'string' || does.trim() === '') {
      throw new Error(`docs/commands.json says nothing about ${entry.command}`);
    }
    const where = placesOf(manifest, nls, entry.command).join(' · ');
    return [`**${cell(t(entry.title))}**`, cell(where), cell(does)];
  });
  return table(['Command', 'Where', 'What it does'], rows);
}

/** The generated tables by the name of their README markers. */
export function generatedTables({ manifest, nls, descriptions }) {
  return {
    settings: settingsTable(manifest, nls),
    'registry-fields': registryFieldsTable(manifest, nls),
    commands: commandsTable(manifest, nls, descriptions),
  };
}

/**
 * `readme` with the text between `<!-- NAME:start -->` and `<!-- NAME:end -->` replaced by the
 * generated table NAME; a missing marker is an error.
 */
export function fillReadme(readme, tables) {
  let out = readme;
  for (const [name, text] of Object.entries(tables)) {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md lacks the markers ${start} ... ${end}`);
    out = `${out.slice(0, from + start.length)}\n${text}\n${out.slice(to)}`;
  }
  return out;
}
