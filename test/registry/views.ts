// JSON shapes of templates as the v1 and v2 endpoints send them, keys in the registry's order.
import type { SeedTemplate, SeedVersion } from './model';
import type { TemplateStore } from './store';

type Json = Record<string, unknown>;

function versionView(store: TemplateStore, template: SeedTemplate, version: SeedVersion): Json {
  return {
    number: version.number,
    tag: version.tag,
    config_file: `${template.id}.yaml`,
    nvram: 'nvram',
    images: [...version.images],
    state_files: version.stateFiles === null ? null : [...version.stateFiles],
    description: version.description,
    state_file: version.stateFile,
    size: store.versionSize(template, version),
    arch: version.arch,
  };
}

/** Adds the date keys a version or template has; older pushes lack some of them. */
function withDates(view: Json, dates: Partial<Record<string, number>>): Json {
  for (const [key, value] of Object.entries(dates)) {
    if (value !== undefined) {
      view[key] = value;
    }
  }
  return view;
}

function latest(values: (number | undefined)[]): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length === 0 ? undefined : Math.max(...known);
}

export function v2ListView(store: TemplateStore): Json[] {
  return store.list().map((t) => ({ id: t.id, name: t.name, size: store.templateSize(t) }));
}

export function v2TemplateView(store: TemplateStore, template: SeedTemplate): Json {
  const versions = template.versions.map((version) =>
    withDates(versionView(store, template, version), {
      last_pull: version.lastPull,
      last_push: version.lastPush,
      creation_date: version.creationDate,
    }),
  );
  const view = {
    id: template.id,
    name: template.name,
    versions,
    size: store.templateSize(template),
    arch: template.arch,
  };
  return withDates(view, {
    last_pull: latest(template.versions.map((v) => v.lastPull)),
    last_push: latest(template.versions.map((v) => v.lastPush)),
  });
}

export function v1ListView(store: TemplateStore): Json[] {
  return store.list().map((t) => ({ [t.id]: t.name }));
}

export function v1TemplateView(store: TemplateStore, template: SeedTemplate): Json {
  return {
    id: template.id,
    name: template.name,
    versions: template.versions.map((version) => versionView(store, template, version)),
    size: store.templateSize(template),
    arch: template.arch,
  };
}
