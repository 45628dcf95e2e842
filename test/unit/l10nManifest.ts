// The strings of package.json a person reads: titles, names, descriptions, welcome texts.

/** One string of the manifest and where it is, as in `contributes.commands[3].title`. */
export interface ManifestString {
  path: string;
  value: string;
}

type Json = Record<string, unknown>;

/** `%key%`: VS Code takes the text from package.nls.json (or package.nls.<language>.json). */
export function nlsKey(value: string): string | undefined {
  return /^%([^%\s]+)%$/.exec(value)?.[1];
}

/** Every user-facing string of the manifest, whether written as `%key%` or not. */
export function userFacingStrings(manifest: Json): ManifestString[] {
  const found: ManifestString[] = [];
  const add = (holder: unknown, field: string, path: string): void => {
    const value = asRecord(holder)?.[field];
    if (typeof value === 'string' && value !== '') {
      found.push({ path, value });
    }
  };
  add(manifest, 'displayName', 'displayName');
  add(manifest, 'description', 'description');
  const take = (holder: unknown, field: string, path: string): void =>
    add(holder, field, `contributes.${path}`);
  const contributes = asRecord(manifest['contributes']) ?? {};

  for (const [where, containers] of entries(contributes['viewsContainers'])) {
    list(containers).forEach((item, i) => {
      take(item, 'title', `viewsContainers.${where}[${i}].title`);
    });
  }
  for (const [where, views] of entries(contributes['views'])) {
    list(views).forEach((view, i) => {
      take(view, 'name', `views.${where}[${i}].name`);
      take(view, 'contextualTitle', `views.${where}[${i}].contextualTitle`);
    });
  }
  list(contributes['viewsWelcome']).forEach((w, i) => take(w, 'contents', `viewsWelcome[${i}]`));
  list(contributes['commands']).forEach((command, i) => {
    for (const field of ['title', 'shortTitle', 'category']) {
      take(command, field, `commands[${i}].${field}`);
    }
  });
  list(contributes['submenus']).forEach((menu, i) => take(menu, 'label', `submenus[${i}].label`));
  list(contributes['walkthroughs']).forEach((walkthrough, i) => {
    take(walkthrough, 'title', `walkthroughs[${i}].title`);
    take(walkthrough, 'description', `walkthroughs[${i}].description`);
    list(asRecord(walkthrough)?.['steps']).forEach((step, j) => {
      const at = `walkthroughs[${i}].steps[${j}]`;
      take(step, 'title', `${at}.title`);
      take(step, 'description', `${at}.description`);
      take(asRecord(step)?.['media'], 'altText', `${at}.media.altText`);
    });
  });
  const configuration = contributes['configuration'];
  const configurations = Array.isArray(configuration) ? configuration : [configuration];
  configurations.forEach((config, i) => {
    take(config, 'title', `configuration[${i}].title`);
    for (const [id, schema] of entries(asRecord(config)?.['properties'])) {
      settingStrings(schema, `contributes.configuration[${i}].${id}`, found);
    }
  });
  return found;
}

const SETTING_TEXTS = [
  'description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage',
];

function settingStrings(schema: unknown, path: string, found: ManifestString[]): void {
  const record = asRecord(schema) ?? {};
  for (const field of SETTING_TEXTS) {
    const value = record[field];
    if (typeof value === 'string' && value !== '') {
      found.push({ path: `${path}.${field}`, value });
    }
  }
  for (const field of ['enumDescriptions', 'markdownEnumDescriptions']) {
    list(record[field]).forEach((value, i) => {
      if (typeof value === 'string' && value !== '') {
        found.push({ path: `${path}.${field}[${i}]`, value });
      }
    });
  }
  for (const [name, inner] of entries(asRecord(record['items'])?.['properties'])) {
    settingStrings(inner, `${path}.items.${name}`, found);
  }
  for (const [name, inner] of entries(record['properties'])) {
    settingStrings(inner, `${path}.${name}`, found);
  }
}

function asRecord(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

function entries(value: unknown): Array<[string, unknown]> {
  return Object.entries(asRecord(value) ?? {});
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
