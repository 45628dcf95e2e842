// What a push leaves on the registry: a new version on a template, or a new template. The
// transfer itself is the CLI's business; the stand-in CLI reports the result through here.
import { isRecord } from './http';
import type { SeedTemplate } from './model';
import { fileName, version } from './seedBuilders';
import type { Outcome, TemplateStore } from './store';

export interface PushedVersion {
  id: string;
  name: string;
  tag: string;
  number: number;
}

interface PushRequest {
  id: string;
  name: string;
  tag: string;
  description: string;
  layerBytes: number;
  arch: string;
}

/** Appends the pushed tag to template `id`, creating the template when it does not exist. */
export function addPushedVersion(store: TemplateStore, body: unknown): Outcome<PushedVersion> {
  const request = readRequest(body);
  if (typeof request === 'string') {
    return { ok: false, message: request };
  }
  const existing = store.find(request.id);
  if (existing?.versions.some((v) => v.tag === request.tag)) {
    return { ok: false, message: `tag "${request.tag}" already exists in ${existing.name}` };
  }
  const template: SeedTemplate = existing ?? {
    id: request.id,
    name: request.name,
    arch: request.arch,
    fileSizes: {},
    versions: [],
  };
  const previous = template.versions[template.versions.length - 1];
  const number = previous === undefined ? 0 : previous.number + 1;
  const layer = fileName(`${template.id}/layer/${request.tag}/${number}`);
  const now = Math.floor(Date.now() / 1000);
  template.fileSizes[layer] = request.layerBytes;
  template.versions.push(
    version(template, {
      number,
      tag: request.tag,
      description: request.description,
      images: [layer, ...(previous?.images ?? [])],
      stateFiles: [],
      stateFile: '',
      creationDate: now,
      lastPush: now,
    }),
  );
  if (!existing) {
    store.add(template);
  }
  return { ok: true, value: { id: template.id, name: template.name, tag: request.tag, number } };
}

function readRequest(body: unknown): PushRequest | string {
  if (!isRecord(body)) {
    return 'request body is not a JSON object';
  }
  const { id, name, tag, description, layerBytes, arch } = body;
  if (typeof id !== 'string' || id === '' || typeof name !== 'string' || name === '') {
    return 'id and name are required';
  }
  if (typeof tag !== 'string' || tag === '') {
    return 'tag is required';
  }
  if (typeof layerBytes !== 'number' || !Number.isInteger(layerBytes) || layerBytes < 0) {
    return 'layerBytes must be a non-negative integer';
  }
  return {
    id,
    name,
    tag,
    description: typeof description === 'string' ? description : '',
    layerBytes,
    arch: arch === 'amd64' ? 'amd64' : 'arm64',
  };
}
